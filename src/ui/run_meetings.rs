//! The commands about a meeting's attendance and minutes, as the open
//! register carries them out: attendance for every delegation at once, a
//! delegate new to the register, and a move of the meeting's record along
//! its life under the model's rules. Each applies one edit, so one Undo
//! takes it back, and tells the officer what it did.

use chrono::NaiveDate;

use super::command::NewDelegate;
use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::edit;
use crate::model::{MeetingId, MinutesMove};

impl Workspace {
    pub(super) fn mark_expected_present(&mut self, meeting: MeetingId, today: NaiveDate) {
        let register = self.document.register();
        let title = register.meeting_title(meeting);
        let count = edit::expected_delegations(register, meeting).len();
        let Some(edit) = edit::expected_present(register, meeting, today) else {
            self.tell(format!(
                "Nothing to mark at {title}: it must be held by today, \
                 and have delegations invited (or a previous session to copy)"
            ));
            return;
        };
        let delegations = super::widgets::counted(count, "delegation");
        self.apply_told(
            edit,
            format!("mark {delegations} present at {title}"),
            format!("Marked {delegations} present at {title}"),
        );
    }

    pub(super) fn copy_previous_attendance(&mut self, meeting: MeetingId) {
        let register = self.document.register();
        let title = register.meeting_title(meeting);
        let previous = edit::previous_with_attendance(register, meeting);
        let (Some(previous), Some(edit)) =
            (previous, edit::copy_previous_attendance(register, meeting))
        else {
            self.tell(format!(
                "{title} has no previous session in its series with attendance to copy"
            ));
            return;
        };
        let from = register.meeting_title(previous);
        self.apply_told(
            edit,
            format!("copy the attendance of {from} to {title}"),
            format!("Copied the attendance of {from}"),
        );
    }

    pub(super) fn add_new_delegate(&mut self, delegate: &NewDelegate) {
        let register = self.document.register();
        let country = register.participant_name(delegate.participant);
        let Some(edit) = edit::add_new_delegate(
            register,
            delegate.meeting,
            delegate.participant,
            &delegate.name,
            &delegate.title,
        ) else {
            self.fail(Failure::Refused(format!(
                "Type the new delegate's name for {country} first"
            )));
            return;
        };
        let name = delegate.name.trim();
        self.apply_told(
            edit,
            format!("add delegate {name} for {country}"),
            format!("Added {name} to the register as a delegate for {country}"),
        );
    }

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
