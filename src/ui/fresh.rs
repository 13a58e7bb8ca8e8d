//! A record made by "New …" and left untouched is not kept. A click on New
//! participant by mistake would otherwise leave an empty participant that
//! Save writes without a word. The record is made at once (so its form
//! can take the keyboard), and taken back, as if never made, when the
//! officer leaves it without entering anything or saves, opens, starts
//! another register or quits first.

use super::app::CoalitionDeskApp;
use super::command::{Command, Tab};
use crate::model::Record;

/// The record the last New command made, and the register's state just
/// after: while the state is unchanged, nothing was entered in it.
#[derive(Clone, Copy, Debug)]
pub struct FreshRecord {
    record: Record,
    made: u64,
}

impl FreshRecord {
    fn noun(&self) -> &'static str {
        match self.record {
            Record::Participant(_) => "participant",
            Record::Person(_) => "person",
            Record::Series(_) => "session series",
            Record::Meeting(_) => "meeting",
            Record::Commitment(_) => "commitment",
        }
    }
}

impl CoalitionDeskApp {
    /// Before a command runs: the ones that save or leave the register,
    /// or make another record, first take back an untouched new one.
    pub(super) fn before_command(&mut self, command: &Command) {
        if command.leaves_the_register() || command.saves() || command.makes_a_record() {
            self.take_back_untouched();
        }
    }

    /// Remembers `record`, just made by a New command, to take it back if
    /// the officer leaves it untouched.
    pub(super) fn made(&mut self, record: Record) {
        let workspace = &mut self.workspace;
        workspace.fresh = Some(FreshRecord {
            record,
            made: workspace.document.revision(),
        });
    }

    /// Each frame, once the panels have drawn: a new record the officer
    /// has moved away from without entering anything is taken back.
    pub(super) fn take_back_if_left(&mut self) {
        let Some(fresh) = self.workspace.fresh else {
            return;
        };
        let workspace = &self.workspace;
        let tab = self.settings.tab;
        let still_shown = match fresh.record {
            Record::Participant(id) => {
                tab == Tab::Participants && workspace.participants.selected == Some(id)
            }
            Record::Person(id) => {
                let register = workspace.document.register();
                let speaks_for = register
                    .person(id)
                    .and_then(|person| person.roles.first())
                    .map(|role| role.participant);
                tab == Tab::Participants
                    && speaks_for.is_some()
                    && workspace.participants.selected == speaks_for
            }
            Record::Series(id) => tab == Tab::Timeline && workspace.timeline.series == Some(id),
            Record::Meeting(id) => tab == Tab::Meetings && workspace.meetings.selected == Some(id),
            Record::Commitment(id) => {
                tab == Tab::Commitments && workspace.commitments.selected == Some(id)
            }
        };
        if !still_shown {
            self.take_back_untouched();
        }
    }

    /// Takes back the new record if nothing was entered in it since it
    /// was made; forgets it either way once anything changed.
    pub(super) fn take_back_untouched(&mut self) {
        let Some(fresh) = self.workspace.fresh.take() else {
            return;
        };
        if self.workspace.document.take_back(fresh.made) {
            self.notify(format!(
                "The new {} was not kept: nothing was entered in it",
                fresh.noun()
            ));
        }
    }
}
