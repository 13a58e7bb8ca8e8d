//! The commands about a meeting: the next session of a series,
//! attendance for every delegation at once, a delegate new to the
//! register, and a move of the meeting's record along its life (the form
//! for it opened, the move made under the model's rules). Each applies one
//! edit, so one Undo takes it back, and says in the status line what it
//! did.

use chrono::NaiveDate;

use super::app::CoalitionDeskApp;
use super::command::{NewDelegate, Tab};
use super::meetings::MinutesAsk;
use super::shown_error::Failure;
use crate::edit;
use crate::model::{MeetingId, MinutesMove, Record, SeriesId};
use crate::new_records;

impl CoalitionDeskApp {
    pub(super) fn new_meeting_in_series(&mut self, series: SeriesId) {
        let register = self.workspace.document.register();
        let Some((id, edit)) = new_records::meeting_in_series(register, series, self.today) else {
            self.show_error(Failure::Refused(
                "That series is no longer in the register".into(),
            ));
            return;
        };
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.made(Record::Meeting(id));
        self.settings.tab = Tab::Meetings;
        self.workspace.meetings.open(id);
    }

    pub(super) fn mark_expected_present(&mut self, meeting: MeetingId) {
        let register = self.workspace.document.register();
        let title = register.meeting_title(meeting);
        let count = edit::expected_delegations(register, meeting).len();
        let Some(edit) = edit::expected_present(register, meeting, self.today) else {
            self.notify(format!(
                "Nothing to mark at {title}: it must be held by today, \
                 and have delegations invited (or a previous session to copy)"
            ));
            return;
        };
        let delegations = plural(count, "delegation");
        let applied = self
            .workspace
            .document
            .apply_labelled(edit, format!("mark {delegations} present at {title}"));
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.notify(format!("Marked {delegations} present at {title}"));
    }

    pub(super) fn copy_previous_attendance(&mut self, meeting: MeetingId) {
        let register = self.workspace.document.register();
        let title = register.meeting_title(meeting);
        let previous = edit::previous_with_attendance(register, meeting);
        let (Some(previous), Some(edit)) =
            (previous, edit::copy_previous_attendance(register, meeting))
        else {
            self.notify(format!(
                "{title} has no previous session in its series with attendance to copy"
            ));
            return;
        };
        let from = register.meeting_title(previous);
        let applied = self
            .workspace
            .document
            .apply_labelled(edit, format!("copy the attendance of {from} to {title}"));
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.notify(format!("Copied the attendance of {from}"));
    }

    pub(super) fn add_new_delegate(&mut self, delegate: &NewDelegate) {
        let register = self.workspace.document.register();
        let country = register.participant_name(delegate.participant);
        let Some(edit) = edit::add_new_delegate(
            register,
            delegate.meeting,
            delegate.participant,
            &delegate.name,
            &delegate.title,
        ) else {
            self.show_error(Failure::Refused(format!(
                "Type the new delegate's name for {country} first"
            )));
            return;
        };
        let name = delegate.name.trim();
        let applied = self
            .workspace
            .document
            .apply_labelled(edit, format!("add delegate {name} for {country}"));
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.notify(format!(
            "Added {name} to the register as a delegate for {country}"
        ));
    }
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

impl CoalitionDeskApp {
    pub(super) fn ask_minutes_move(&mut self, meeting: MeetingId, ask: MinutesAsk) {
        let register = self.workspace.document.register();
        let meetings = &mut self.workspace.meetings;
        meetings.ask_minutes_move(register, meeting, ask, self.today);
        self.settings.tab = Tab::Meetings;
    }

    pub(super) fn move_minutes(&mut self, meeting: MeetingId, step: MinutesMove, on: NaiveDate) {
        let register = self.workspace.document.register();
        let title = register.meeting_title(meeting);
        let (doing, done) = match &step {
            MinutesMove::Circulate { .. } => ("circulate", "Circulated"),
            MinutesMove::Approve { .. } => ("approve", "Approved"),
            MinutesMove::Redraft { .. } => ("take back for redrafting", "Took back for redrafting"),
            MinutesMove::Revise { .. } => ("revise", "Opened a revision of"),
        };
        let edit = match edit::move_minutes(register, meeting, step, on, self.today) {
            Ok(edit) => edit,
            Err(refused) => {
                self.show_error(Failure::Refused(format!(
                    "The record of {title} was not changed: {refused}"
                )));
                return;
            }
        };
        let applied = self
            .workspace
            .document
            .apply_labelled(edit, format!("{doing} the record of {title}"));
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.notify(format!("{done} the record of {title} (Undo takes it back)"));
    }
}
