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
//! whole register, and so does a new day (what cannot have happened yet
//! changes with it) or a meeting whose place in its series' numbering
//! moved: its series, number, date or state decide the numbering
//! problems of the other sessions too, and whether its documents' reference
//! is one another meeting's already carry. The list is always exactly what
//! `validate()` returns: tests/suite/problems.rs compares them over
//! random edits.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::{Document, Touched};
use crate::model::{Meeting, MeetingId, Problem, Record, Register, SeriesId};

/// More changes than this since the last look: one full pass is quicker.
const MOST_RECORDS_RECHECKED: usize = 256;

/// The problems of a document's register, brought up to date on demand.
#[derive(Debug, Default)]
pub struct ProblemCache {
    revision: Option<u64>,
    /// The day the problems were checked for.
    today: Option<NaiveDate>,
    problems: Vec<Problem>,
    /// Where each meeting stood in its series' numbering at the last check.
    places: BTreeMap<MeetingId, SessionPlace>,
    full_passes: u64,
}

/// What of a meeting the numbering of its series' other sessions depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SessionPlace {
    series: Option<SeriesId>,
    number: Option<u32>,
    date: NaiveDate,
    counts: bool,
}

impl SessionPlace {
    fn of(meeting: &Meeting) -> Self {
        SessionPlace {
            series: meeting.series,
            number: meeting.number,
            date: meeting.date,
            counts: meeting.counts_in_numbering(),
        }
    }
}

impl ProblemCache {
    /// Every problem of the document's register on `today`, in
    /// `validate(today)`'s order.
    pub fn problems(&mut self, document: &Document, today: NaiveDate) -> &[Problem] {
        let now = document.revision();
        if self.revision == Some(now) && self.today == Some(today) {
            return &self.problems;
        }
        let register = document.register();
        let touched = self
            .revision
            .filter(|_| self.today == Some(today))
            .and_then(|revision| document.changes_since(revision))
            // A merge's conflicts are reported first, naming records of
            // any kind, which the rechecks' order does not provide for; a
            // register carries them only until the officer settles them.
            .filter(|_| register.conflicts.is_empty())
            .filter(|touched| {
                touched.len() <= MOST_RECORDS_RECHECKED
                    && touched.iter().all(|t| match t {
                        Touched::Commitment(_) => true,
                        Touched::Meeting(id) => self.keeps_its_place(register, *id),
                        Touched::Other => false,
                    })
            });
        match touched {
            Some(touched) => {
                let mut touched: BTreeSet<Touched> = touched.into_iter().collect();
                // Copies of one action are named at the last session that
                // holds one, so a change to one session's actions can
                // change what the other sessions of its series say.
                let series: BTreeSet<SeriesId> = touched
                    .iter()
                    .filter_map(|t| match t {
                        Touched::Meeting(id) => register.meeting(*id).and_then(|m| m.series),
                        _ => None,
                    })
                    .collect();
                touched.extend(
                    register
                        .meetings
                        .iter()
                        .filter(|(_, m)| m.series.is_some_and(|s| series.contains(&s)))
                        .map(|(id, _)| Touched::Meeting(*id)),
                );
                for record in touched {
                    match record {
                        Touched::Commitment(id) => self.replace(
                            place(Some(Record::Commitment(id))),
                            register.commitment_problems_of(id, today),
                        ),
                        Touched::Meeting(id) => self.replace(
                            place(Some(Record::Meeting(id))),
                            register.meeting_problems_of(id, today),
                        ),
                        Touched::Other => {}
                    }
                }
            }
            None => {
                self.problems = register.validate(today);
                self.places = register
                    .meetings
                    .iter()
                    .map(|(&id, meeting)| (id, SessionPlace::of(meeting)))
                    .collect();
                self.full_passes += 1;
            }
        }
        self.revision = Some(now);
        self.today = Some(today);
        &self.problems
    }

    /// Whether meeting `id` still stands where it stood in its series'
    /// numbering at the last full check, so that rechecking it alone is
    /// enough.
    fn keeps_its_place(&self, register: &Register, id: MeetingId) -> bool {
        register
            .meeting(id)
            .is_some_and(|meeting| self.places.get(&id) == Some(&SessionPlace::of(meeting)))
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
