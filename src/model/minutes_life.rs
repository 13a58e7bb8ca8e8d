//! The life of a meeting's record as the register keeps it: drafted,
//! circulated to the delegations for comment, approved (usually at the
//! next session), and from then on fixed, any later change being a
//! numbered revision with its reason. How a record moves from one state
//! to the next, under the rules, is in `minutes_moves.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{MeetingId, ParticipantId};

/// Where a meeting's record stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MinutesState {
    #[default]
    Draft,
    /// Sent to delegations for comment.
    Circulated,
    /// Agreed; the content is fixed until a revision is opened.
    Approved,
}

impl MinutesState {
    pub fn label(self) -> &'static str {
        match self {
            MinutesState::Draft => "Draft",
            MinutesState::Circulated => "Circulated",
            MinutesState::Approved => "Approved",
        }
    }
}

/// One dated step in the record's life.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MinutesStep {
    #[serde(deserialize_with = "super::file_values::date")]
    pub date: NaiveDate,
    pub state: MinutesState,
    /// For a circulation: the delegations it went to.
    pub circulated_to: Vec<ParticipantId>,
    /// For a circulation: when comments are due.
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub comments_due: Option<NaiveDate>,
    /// For an approval: the meeting at which it was approved.
    pub approved_at: Option<MeetingId>,
    /// For an approval: who approved it ("the defence ministers").
    pub approved_by: String,
    /// Why the step was taken, where the rules ask for a reason.
    pub note: String,
}

/// One field of the record as a revision changed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FieldChange {
    /// The field as the officer knows it ("Decision 2", "Attendance of France").
    pub field: String,
    pub before: String,
    pub after: String,
}

/// A numbered revision of an approved record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Revision {
    pub number: u32,
    /// When it was opened.
    #[serde(deserialize_with = "super::file_values::date")]
    pub date: NaiveDate,
    pub reason: String,
    /// What it changed, in the order the fields were first changed.
    pub changes: Vec<FieldChange>,
}

/// The record's life: its dated steps and its revisions. An empty history
/// is a draft, so files written before records had a life read as drafts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MinutesLife {
    /// Oldest first; the last step's state is the record's.
    pub history: Vec<MinutesStep>,
    /// Oldest first, numbered 1, 2, …
    pub revisions: Vec<Revision>,
}

impl MinutesLife {
    /// Where the record stands now.
    pub fn state(&self) -> MinutesState {
        self.history.last().map(|s| s.state).unwrap_or_default()
    }

    /// Whether the record's content is fixed.
    pub fn is_locked(&self) -> bool {
        self.state() == MinutesState::Approved
    }

    /// The revision number the record carries ("REV n"); 0 before any.
    pub fn revision(&self) -> u32 {
        self.revisions.last().map_or(0, |r| r.number)
    }

    /// The revision being drafted: the last one, while the record is not
    /// approved again.
    pub fn open_revision(&mut self) -> Option<&mut Revision> {
        if self.is_locked() {
            return None;
        }
        self.revisions.last_mut()
    }

    /// The step that approved the record as it stands, if it is approved.
    pub fn approval(&self) -> Option<&MinutesStep> {
        self.history
            .last()
            .filter(|s| s.state == MinutesState::Approved)
    }

    /// The latest circulation, if the record is circulated now.
    pub fn circulation(&self) -> Option<&MinutesStep> {
        self.history
            .last()
            .filter(|s| s.state == MinutesState::Circulated)
    }

    /// Whether the record has never moved (left out of the file then).
    pub fn is_untouched(&self) -> bool {
        self.history.is_empty() && self.revisions.is_empty()
    }
}
