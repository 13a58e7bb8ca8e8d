//! The register's problems, kept current as the document changes.
//!
//! A full `validate()` of 100,000 commitments takes about 20 ms, mostly
//! waiting on memory; the status bar shows the count on every frame, and
//! typing in an editor changes the register on every frame. A commitment's
//! problems depend only on itself and on which participants, meetings,
//! areas and markings exist; a meeting's on itself, the people and the
//! series. So after edits that only change commitments, or change
//! meetings that existed before and after, the problems of just those
//! records are checked again and put in place. Anything else (settings,
//! participants, people, series, a meeting added or removed) checks the
//! whole register. The list is always exactly what `validate()` returns:
//! tests/suite/model.rs compares them over random edits.

use std::collections::BTreeSet;

use crate::document::{Document, Touched};
use crate::model::{CommitmentId, MeetingId, Problem, Record, Register};

/// More changes than this since the last look: one full pass is quicker.
const MOST_RECORDS_RECHECKED: usize = 256;

/// The problems of a document's register, brought up to date on demand.
#[derive(Debug, Default)]
pub struct ProblemCache {
    revision: Option<u64>,
    problems: Vec<Problem>,
    full_passes: u64,
}

impl ProblemCache {
    /// Every problem of the document's register, in `validate()`'s order.
    pub fn problems(&mut self, document: &Document) -> &[Problem] {
        let now = document.revision();
        if self.revision == Some(now) {
            return &self.problems;
        }
        let touched = self
            .revision
            .and_then(|revision| document.changes_since(revision))
            .filter(|touched| {
                touched.len() <= MOST_RECORDS_RECHECKED && !touched.contains(&Touched::Other)
            });
        match touched {
            Some(touched) => {
                let register = document.register();
                for record in touched.into_iter().collect::<BTreeSet<_>>() {
                    match record {
                        Touched::Commitment(id) => self.recheck_commitment(register, id),
                        Touched::Meeting(id) => self.recheck_meeting(register, id),
                        Touched::Other => {}
                    }
                }
            }
            None => {
                self.problems = document.register().validate();
                self.full_passes += 1;
            }
        }
        self.revision = Some(now);
        &self.problems
    }

    /// How many times the whole register was checked (for tests and
    /// benchmarks that show edits do not cause one).
    pub fn full_passes(&self) -> u64 {
        self.full_passes
    }

    /// `validate()` lists meetings' problems by meeting id, then
    /// commitments' by commitment id, after everything else.
    fn recheck_commitment(&mut self, register: &Register, id: CommitmentId) {
        let before = |p: &Problem| match p.record {
            Some(Record::Commitment(other)) => other < id,
            _ => true,
        };
        let through = |p: &Problem| match p.record {
            Some(Record::Commitment(other)) => other <= id,
            _ => true,
        };
        let range = self.problems.partition_point(before)..self.problems.partition_point(through);
        self.problems
            .splice(range, register.commitment_problems_of(id));
    }

    fn recheck_meeting(&mut self, register: &Register, id: MeetingId) {
        let before = |p: &Problem| match p.record {
            Some(Record::Meeting(other)) => other < id,
            Some(Record::Commitment(_)) => false,
            _ => true,
        };
        let through = |p: &Problem| match p.record {
            Some(Record::Meeting(other)) => other <= id,
            Some(Record::Commitment(_)) => false,
            _ => true,
        };
        let range = self.problems.partition_point(before)..self.problems.partition_point(through);
        self.problems
            .splice(range, register.meeting_problems_of(id));
    }
}
