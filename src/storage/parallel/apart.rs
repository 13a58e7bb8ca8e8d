//! Reading a copy of a register apart from one read whole (the merge's
//! OURS, issue 19): the records written byte for byte as the whole copy
//! writes them are not parsed, only named (by the ids the whole copy read
//! them as), and the register read holds the rest. The whole copy's text
//! is not kept for this, only a 128-bit hash of each record's text
//! ([`Fingerprints`]): holding the text beside the register was what
//! made a merge of two large copies need six times the file in memory.
//!
//! The whole copy was read record by record, each record's text proven
//! by its own parse ([`super::parse_noting`]); a record of this copy with
//! the same text reads the same. The rest is parsed in stretches, each
//! proving its cuts as a piece does. A copy whose ids, with those of the
//! records named, are not each its own (an id twice, or two records of
//! different kinds under one) gives `None`, and the caller parses it
//! whole, which refuses it in the usual words.
//!
//! A hash is not the text: two different texts with one 128-bit hash
//! would read as the same record. XXH3-128 is not made to resist a forger,
//! so a copy made to collide with a record of OURS would have its own
//! record read as OURS's: the other copy's change is then not taken,
//! which loses nothing of OURS.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::ops::Range;

use serde::de::DeserializeOwned;

use super::layout::MapSpan;
use super::{Job, Noted, plan, records, run_jobs, with_maps};
use crate::model::{CommitmentId, MeetingId};
use crate::storage::format::EnvelopeIn;
use crate::storage::read_options;

/// The records of a copy read whole, by a hash of their text.
#[derive(Debug, Default)]
pub struct Fingerprints {
    meetings: HashMap<u128, Ids<MeetingId>>,
    commitments: HashMap<u128, Ids<CommitmentId>>,
}

impl Fingerprints {
    pub(super) fn note_meetings(&mut self, records: Noted<MeetingId>) {
        note(&mut self.meetings, records);
    }

    pub(super) fn note_commitments(&mut self, records: Noted<CommitmentId>) {
        note(&mut self.commitments, records);
    }
}

/// The ids one record's text was read as: one, but for a text the layout
/// could not cut between its records. Held without a list of its own for
/// each of 100,000 records, whose making and freeing cost a merge 20 ms.
#[derive(Debug)]
pub(super) enum Ids<K> {
    One(K),
    More(Vec<K>),
}

impl<K: Copy> Ids<K> {
    /// The ids of the records read from one text, in order.
    pub(super) fn of(ids: impl ExactSizeIterator<Item = K>) -> Ids<K> {
        let mut ids = ids;
        match (ids.len(), ids.next()) {
            (1, Some(id)) => Ids::One(id),
            (_, first) => Ids::More(first.into_iter().chain(ids).collect()),
        }
    }

    fn as_slice(&self) -> &[K] {
        match self {
            Ids::One(id) => std::slice::from_ref(id),
            Ids::More(ids) => ids,
        }
    }

    fn extend(&mut self, more: Ids<K>) {
        let mut all = self.as_slice().to_vec();
        all.extend_from_slice(more.as_slice());
        *self = Ids::More(all);
    }
}

/// Each record's ids under the hash of its text.
fn note<K: Copy>(prints: &mut HashMap<u128, Ids<K>>, records: Noted<K>) {
    prints.reserve(records.len());
    for (hash, ids) in records {
        match prints.entry(hash) {
            Entry::Occupied(mut noted) => noted.get_mut().extend(ids),
            Entry::Vacant(place) => {
                place.insert(ids);
            }
        }
    }
}

/// The hash a record's text is known by.
pub(super) fn hash(text: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(text)
}

/// The ids of the records a copy read apart writes as the whole copy does.
#[derive(Debug, Default, PartialEq)]
pub struct SameAsKnown {
    pub meetings: Vec<MeetingId>,
    pub commitments: Vec<CommitmentId>,
}

/// Where in a copy read apart its records written as the whole copy
/// writes them lie: byte ranges of its text, in order, apart from each
/// other, each a run of whole records. The whole copy's text checks
/// passed over the same bytes, so only the text around them is checked
/// again (issue 19: the checks of BASE and THEIRS took a tenth of a
/// merge, for text nearly all OURS's).
pub type CheckedInKnown = Vec<Range<usize>>;

/// The copy in `text` read apart from the one `known` was noted from (see
/// the module comment): its register without the records written alike,
/// their ids, and where their text lies. `None` when this path does not
/// apply or has any doubt.
#[doc(hidden)]
pub fn parse_apart(
    text: &str,
    threads: usize,
    known: &Fingerprints,
) -> Option<(EnvelopeIn, SameAsKnown, CheckedInKnown)> {
    let plan = plan(text, threads)?;
    let (meetings, commitments, rest) = (plan.meetings, plan.commitments, plan.rest);

    let results = run_jobs(&plan.jobs, threads, |job| match job {
        Job::Rest => read_options()
            .from_str::<EnvelopeIn>(&rest)
            .ok()
            .map(|envelope| Done::Rest(Box::new(envelope))),
        Job::Meetings(range) => piece(text, &meetings, range, &known.meetings).map(Done::Meetings),
        Job::Commitments(range) => {
            piece(text, &commitments, range, &known.commitments).map(Done::Commitments)
        }
    });

    let mut envelope = None;
    let (mut meeting_pieces, mut commitment_pieces) = (Vec::new(), Vec::new());
    let mut same = SameAsKnown::default();
    let mut checked = CheckedInKnown::new();
    for done in results {
        match done? {
            Done::Rest(read) => envelope = Some(read),
            Done::Meetings(piece) => {
                meeting_pieces.push(piece.records);
                same.meetings.extend(piece.same);
                checked.extend(piece.same_text);
            }
            Done::Commitments(piece) => {
                commitment_pieces.push(piece.records);
                same.commitments.extend(piece.same);
                checked.extend(piece.same_text);
            }
        }
    }
    let envelope = with_maps(envelope, meeting_pieces, commitment_pieces)?;
    // Every id its own, counting the records named as well as those read:
    // else the whole parse says which (ids are numbers shared by every
    // kind, so one sorted list of all of them finds both faults).
    let mut numbers: Vec<u64> = envelope
        .register
        .record_numbers()
        .chain(same.meetings.iter().map(|id| id.0))
        .chain(same.commitments.iter().map(|id| id.0))
        .collect();
    numbers.sort_unstable();
    if numbers.windows(2).any(|pair| pair[0] == pair[1]) {
        return None;
    }
    Some((envelope, same, checked))
}

enum Done {
    Rest(Box<EnvelopeIn>),
    Meetings(Piece<MeetingId, crate::model::Meeting>),
    Commitments(Piece<CommitmentId, crate::model::Commitment>),
}

/// A piece's records read, in the order written, and the ids and text
/// of those written as in the whole copy.
struct Piece<K, V> {
    records: Vec<(K, V)>,
    same: Vec<K>,
    /// Runs of records written as in the whole copy, in order.
    same_text: Vec<Range<usize>>,
}

fn piece<K: DeserializeOwned + Copy, V: DeserializeOwned>(
    text: &str,
    map: &MapSpan,
    range: &Range<usize>,
    known: &HashMap<u128, Ids<K>>,
) -> Option<Piece<K, V>> {
    let mut read = Piece {
        records: Vec::new(),
        same: Vec::new(),
        same_text: Vec::new(),
    };
    // Records not written as in the whole copy are parsed in stretches,
    // each proving its cuts as a whole piece would.
    let mut stretch: Option<Range<usize>> = None;
    for record in map.records_in(text, range.clone()) {
        match known.get(&hash(text.as_bytes().get(record.clone())?)) {
            Some(ids) => {
                if let Some(stretch) = stretch.take() {
                    read.records.extend(records(text.get(stretch)?)?);
                }
                read.same.extend(ids.as_slice().iter().copied());
                match read.same_text.last_mut() {
                    Some(run) if run.end == record.start => run.end = record.end,
                    _ => read.same_text.push(record),
                }
            }
            None => stretch = Some(stretch.map_or(record.clone(), |s| s.start..record.end)),
        }
    }
    if let Some(stretch) = stretch {
        read.records.extend(records(text.get(stretch)?)?);
    }
    Some(read)
}
