//! The three-way merge, rule by rule, on the small register of
//! common.rs: what each side did to a copy of it, and what the merge makes
//! of the two; then properties over generated registers.

mod apart;
mod conflicts;
mod held;
mod properties;
mod reused_numbers;
mod rules;
mod symmetry;

use chrono::{NaiveDate, NaiveDateTime};
use coalition_desk::merge::{Merged, ReadApart, merge, merge_apart};
use coalition_desk::model::*;

use crate::common::date;

pub const MISSILES: CommitmentId = CommitmentId(20);
pub const DEMINING: CommitmentId = CommitmentId(21);

pub fn now() -> NaiveDateTime {
    date(2025, 5, 2).and_hms_opt(10, 15, 0).unwrap()
}

/// Merges as London, with Paris's copy; the merge of the copies read
/// apart, as the merge command reads them, gives the same.
pub fn merged(base: &Register, ours: &Register, theirs: &Register) -> Merged {
    let whole = merge(base, ours, theirs, "LON", "PAR", now());
    assert_apart_alike(base, ours, theirs, &whole, now());
    whole
}

/// A copy as `storage::load_apart` reads it beside `ours`: the records
/// `ours` holds alike named, the others held.
pub fn read_apart(copy: &Register, ours: &Register) -> ReadApart {
    let mut register = copy.clone();
    let same_meetings: Vec<MeetingId> = copy
        .meetings
        .iter()
        .filter(|(id, meeting)| ours.meetings.get(id) == Some(meeting))
        .map(|(id, _)| *id)
        .collect();
    let same_commitments: Vec<CommitmentId> = copy
        .commitments
        .iter()
        .filter(|(id, commitment)| ours.commitments.get(id) == Some(commitment))
        .map(|(id, _)| *id)
        .collect();
    for id in &same_meetings {
        register.meetings.remove(id);
    }
    for id in &same_commitments {
        register.commitments.remove(id);
    }
    ReadApart {
        register,
        same_meetings,
        same_commitments,
    }
}

/// `merge_apart` of the copies read apart gives `whole`, field for field.
pub fn assert_apart_alike(
    base: &Register,
    ours: &Register,
    theirs: &Register,
    whole: &Merged,
    now: NaiveDateTime,
) {
    let apart = merge_apart(
        read_apart(base, ours),
        ours.clone(),
        read_apart(theirs, ours),
        "LON",
        "PAR",
        now,
    );
    assert!(apart.register == whole.register, "the registers differ");
    assert_eq!(apart.conflicts, whole.conflicts);
    assert_eq!(apart.summary, whole.summary);
    assert_eq!(apart.unsettled, whole.unsettled);
}

pub fn commitment(register: &mut Register, id: CommitmentId) -> &mut Commitment {
    register.commitments.get_mut(&id).unwrap()
}

pub fn step(on: NaiveDate, status: CommitmentStatus) -> StatusChange {
    StatusChange {
        date: on,
        status,
        note: format!("{} on {on}", status.label()),
        meeting: None,
    }
}
