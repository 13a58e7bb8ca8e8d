//! The three-way merge, rule by rule, on the small register of
//! common.rs: what each side did to a copy of it, and what the merge makes
//! of the two; then properties over generated registers.

mod conflicts;
mod held;
mod properties;
mod reused_numbers;
mod rules;
mod symmetry;

use chrono::{NaiveDate, NaiveDateTime};
use coalition_desk::merge::{Merged, merge};
use coalition_desk::model::*;

use crate::common::date;

pub const MISSILES: CommitmentId = CommitmentId(20);
pub const DEMINING: CommitmentId = CommitmentId(21);

pub fn now() -> NaiveDateTime {
    date(2025, 5, 2).and_hms_opt(10, 15, 0).unwrap()
}

/// Merges as London, with Paris's copy.
pub fn merged(base: &Register, ours: &Register, theirs: &Register) -> Merged {
    merge(base, ours, theirs, "LON", "PAR", now())
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
