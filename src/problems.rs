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
use crate::model::{Problem, Record};

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
                        Touched::Commitment(id) => self.replace(
                            place(Some(Record::Commitment(id))),
                            register.commitment_problems_of(id),
                        ),
                        Touched::Meeting(id) => self.replace(
                            place(Some(Record::Meeting(id))),
                            register.meeting_problems_of(id),
                        ),
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

    /// Puts `rechecked` in place of the problems at `at`.
    fn replace(&mut self, at: Place, rechecked: Vec<Problem>) {
        let start = self.problems.partition_point(|p| place(p.record) < at);
        let end = self.problems.partition_point(|p| place(p.record) <= at);
        self.problems.splice(start..end, rechecked);
    }
}

/// Where a record's problems sit in `validate()`'s order, as far as
/// rechecks need: everything else first, then meetings' problems by
/// meeting id, then commitments' by commitment id.
type Place = (u8, u64);

fn place(record: Option<Record>) -> Place {
    match record {
        Some(Record::Meeting(id)) => (1, id.0),
        Some(Record::Commitment(id)) => (2, id.0),
        _ => (0, 0),
    }
}
