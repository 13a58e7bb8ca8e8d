//! The commands of a meeting record's life: opening the form for a move,
//! and making the move under the model's rules, as one undo step said in
//! the status line.

use chrono::NaiveDate;

use super::app::CoalitionDeskApp;
use super::command::Tab;
use super::meetings::RecordAsk;
use crate::edit;
use crate::model::{MeetingId, RecordMove};

impl CoalitionDeskApp {
    pub(super) fn ask_record_move(&mut self, meeting: MeetingId, ask: RecordAsk) {
        let register = self.workspace.document.register();
        let meetings = &mut self.workspace.meetings;
        meetings.ask_record_move(register, meeting, ask, self.today);
        self.settings.tab = Tab::Meetings;
    }

    pub(super) fn move_record(&mut self, meeting: MeetingId, step: RecordMove, on: NaiveDate) {
        let register = self.workspace.document.register();
        let title = register.meeting_title(meeting);
        let (doing, done) = match &step {
            RecordMove::Circulate { .. } => ("circulate", "Circulated"),
            RecordMove::Approve { .. } => ("approve", "Approved"),
            RecordMove::Redraft { .. } => ("take back for redrafting", "Took back for redrafting"),
            RecordMove::Revise { .. } => ("revise", "Opened a revision of"),
        };
        let edit = match edit::move_record(register, meeting, step, on, self.today) {
            Ok(edit) => edit,
            Err(refused) => {
                self.notify_failure(format!("The record of {title} was not changed: {refused}"));
                return;
            }
        };
        let applied = self
            .workspace
            .document
            .apply_labelled(edit, format!("{doing} the record of {title}"));
        if self.refused(applied) {
            return;
        }
        self.notify(format!("{done} the record of {title} (Undo takes it back)"));
    }
}
