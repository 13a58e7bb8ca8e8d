//! A record made by "New …" and left untouched is not kept. A click on New
//! participant by mistake would otherwise leave an empty participant that
//! Save writes without a word. The record is made at once (so its form
//! can take the keyboard), and taken back, as if never made, when the
//! officer leaves it without entering anything or saves, opens, starts
//! another register or quits first.

use chrono::NaiveDate;

use super::command::Tab;
use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::edit::Edit;
use crate::model::{ParticipantId, Record, Register, SeriesId};
use crate::new_records;

/// A record a New command makes, with the edit that adds it; or why it
/// cannot be made. Every New goes through the constructors below,
/// whichever way the officer asked (menu, panel button, palette).
pub(super) type Made = Result<(Record, Edit), Failure>;

pub(super) fn participant(register: &Register) -> (Record, Edit) {
    let (id, edit) = new_records::participant(register);
    (Record::Participant(id), edit)
}

pub(super) fn series(register: &Register, today: NaiveDate) -> (Record, Edit) {
    let (id, edit) = new_records::series(register, today);
    (Record::Series(id), edit)
}

pub(super) fn person(
    register: &Register,
    participant: ParticipantId,
    today: NaiveDate,
) -> (Record, Edit) {
    let (id, edit) = new_records::person(register, participant, today);
    (Record::Person(id), edit)
}

pub(super) fn meeting(register: &Register, today: NaiveDate) -> (Record, Edit) {
    let (id, edit) = new_records::meeting(register, today);
    (Record::Meeting(id), edit)
}

/// The session of `series` on `date`: today's for "New meeting in a
/// series", a projected day's for "Schedule this session".
pub(super) fn meeting_in_series(register: &Register, series: SeriesId, date: NaiveDate) -> Made {
    let (id, edit) = new_records::meeting_in_series(register, series, date)
        .ok_or_else(|| Failure::Refused("That series is no longer in the register".into()))?;
    Ok((Record::Meeting(id), edit))
}

pub(super) fn commitment(register: &Register, by: Option<ParticipantId>, today: NaiveDate) -> Made {
    let (id, edit) = new_records::commitment(register, by, today).ok_or_else(|| {
        Failure::Refused("Add a participant first: every commitment is made by one".into())
    })?;
    Ok((Record::Commitment(id), edit))
}

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

impl Workspace {
    /// Remembers `record`, just made by a New command, to take it back if
    /// the officer leaves it untouched.
    pub(super) fn made(&mut self, record: Record) {
        self.fresh = Some(FreshRecord {
            record,
            made: self.document.revision(),
        });
    }

    /// Each frame, once the panels have drawn (`tab` the one shown): a
    /// new record the officer has moved away from without entering
    /// anything is taken back.
    pub(super) fn take_back_if_left(&mut self, tab: Tab) {
        let Some(fresh) = self.fresh else {
            return;
        };
        let workspace = &*self;
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
        let Some(fresh) = self.fresh.take() else {
            return;
        };
        if self.document.take_back(fresh.made) {
            self.tell(format!(
                "The new {} was not kept: nothing was entered in it",
                fresh.noun()
            ));
        }
    }
}
