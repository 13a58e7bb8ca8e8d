//! The command about a meeting's minutes, as the open register carries it
//! out: a move of the meeting's record along its life under the model's
//! rules, as one edit, so one Undo takes it back, telling the officer what
//! it did. The attendance commands are in `run_attendance.rs`.

use chrono::NaiveDate;

use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::edit;
use crate::model::{MeetingId, MinutesMove};

impl Workspace {
    pub(super) fn move_minutes(
        &mut self,
        meeting: MeetingId,
        step: MinutesMove,
        on: NaiveDate,
        today: NaiveDate,
    ) {
        let register = self.document.register();
        let title = register.meeting_title(meeting);
        let (doing, done) = match &step {
            MinutesMove::Circulate { .. } => ("circulate", "Circulated"),
            MinutesMove::Approve { .. } => ("approve", "Approved"),
            MinutesMove::Redraft { .. } => ("take back for redrafting", "Took back for redrafting"),
            MinutesMove::Revise { .. } => ("revise", "Opened a revision of"),
        };
        let edit = match edit::move_minutes(register, meeting, step, on, today) {
            Ok(edit) => edit,
            Err(refused) => {
                self.fail(Failure::Refused(format!(
                    "The record of {title} was not changed: {refused}"
                )));
                return;
            }
        };
        self.apply_told(
            edit,
            format!("{doing} the record of {title}"),
            format!("{done} the record of {title} (Undo takes it back)"),
        );
    }
}
