//! Reading and writing a large register on every core. Writing is in
//! [`write`]; the rest of this module reads.
//!
//! Nearly all of a large register is two maps, meetings and commitments.
//! They are cut into pieces at record boundaries and each piece is parsed
//! on its own thread (by the [`plain`] reader, or by ron where it steps
//! aside), while the rest of the file (with the two maps emptied) is
//! parsed by ron beside them. [`layout`] finds the maps and proposes
//! the cuts.
//!
//! ron checks every cut. The first piece of a map starts where ron itself
//! would, so if it parses as whole records the second piece starts where
//! ron would too, and so on. Any doubt — a piece or the rest failing to
//! parse, an id in two pieces, anything unusual in the text's outer
//! structure — gives `None`, and the caller parses the whole text the
//! ordinary way, which is also what reports an error with its true line
//! and column. So this path can only be faster, never different:
//! tests/suite/bad_input.rs holds it to the ordinary parse on broken files.
//!
//! A merge reads three copies of one register, nearly every record
//! written alike in all three. OURS is read record by record and a hash
//! of each record's text noted ([`parse_noting`]); the other copies are
//! read apart from it ([`apart`]).

mod apart;
mod layout;
pub mod plain;
pub mod plain_write;
pub mod write;

pub use apart::{CheckedInKnown, Fingerprints, SameAsKnown, parse_apart};

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserializer as _;
use serde::de::{DeserializeOwned, MapAccess, Visitor};

use super::format::EnvelopeIn;
use super::read_options;
use crate::model::{Commitment, CommitmentId, Meeting, MeetingId};
use layout::MapSpan;

/// Below this size one thread reads the file faster than the scan and the
/// threads cost.
pub(super) const WORTH_IT_FROM_BYTES: usize = 1 << 20;

/// How many threads to read with: the cores there are, at least two (the
/// rest of the file and the records go in parallel), at most eight.
pub(super) fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8))
}

/// Runs `run` over `jobs` on up to `threads` threads, each result in
/// its job's place. The first job that fails stops the rest (the caller
/// starts again on the slow path), so a `None` may also stand for a job
/// never run.
fn run_jobs<J: Sync, T: Send>(
    jobs: &[J],
    threads: usize,
    run: impl Fn(&J) -> Option<T> + Sync,
) -> Vec<Option<T>> {
    let results: Vec<Mutex<Option<T>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let done = run(job);
            let failed = done.is_none();
            if let Some(slot) = results.get(index)
                && let Ok(mut slot) = slot.lock()
            {
                *slot = done;
            }
            if failed {
                next.store(jobs.len(), Ordering::Relaxed);
                break;
            }
        }
    };
    std::thread::scope(|scope| {
        for _ in 1..threads.min(jobs.len()) {
            scope.spawn(work);
        }
        work();
    });
    results
        .into_iter()
        .map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

/// The register parsed on `threads` threads, or `None` when this path
/// does not apply or has any doubt (see the module comment). Public for
/// the tests that hold it to the ordinary parse.
#[doc(hidden)]
pub fn parse_on(text: &str, threads: usize) -> Option<EnvelopeIn> {
    parse(text, threads, &Reading::Pieces).map(|(envelope, _)| envelope)
}

/// [`parse_on`], noting a hash of each record's text for the copies
/// read apart from it next.
#[doc(hidden)]
pub fn parse_noting(text: &str, threads: usize) -> Option<(EnvelopeIn, Fingerprints)> {
    parse(text, threads, &Reading::Noting)
}

/// A hash of each record's text (one record as the layout cut it) and
/// the ids it was read as.
type Noted<K> = Vec<(u128, apart::Ids<K>)>;

/// How the maps' pieces are read.
enum Reading {
    /// Each piece in one parse.
    Pieces,
    /// Record by record, noting each record's text.
    Noting,
}

/// How a text is read on several threads: its two large maps, the rest
/// of the file with both maps left empty, and the work, the rest first,
/// then pieces of about equal size, several per thread so that a slow
/// piece does not leave a core idle.
struct Plan {
    meetings: MapSpan,
    commitments: MapSpan,
    rest: String,
    jobs: Vec<Job>,
}

fn plan(text: &str, threads: usize) -> Option<Plan> {
    let (meetings, commitments) = layout::find(text)?;
    let rest = [
        text.get(..=meetings.open)?,
        text.get(meetings.close..=commitments.open)?,
        text.get(commitments.close..)?,
    ]
    .concat();
    let total = meetings.close - meetings.open + commitments.close - commitments.open;
    let piece_bytes = (total / (threads * 4)).max(64 * 1024);
    let mut jobs = vec![Job::Rest];
    jobs.extend(meetings.pieces(text, piece_bytes).map(Job::Meetings));
    jobs.extend(commitments.pieces(text, piece_bytes).map(Job::Commitments));
    Some(Plan {
        meetings,
        commitments,
        rest,
        jobs,
    })
}

fn parse(text: &str, threads: usize, reading: &Reading) -> Option<(EnvelopeIn, Fingerprints)> {
    let Plan {
        meetings,
        commitments,
        rest,
        jobs,
    } = plan(text, threads)?;
    let maps = (&meetings, &commitments);
    let results = run_jobs(&jobs, threads, |job| job.run(text, &rest, maps, reading));

    let mut envelope = None;
    let mut meeting_pieces = Vec::new();
    let mut commitment_pieces = Vec::new();
    let mut notes = Fingerprints::default();
    for parsed in results {
        match parsed? {
            Parsed::Rest(parsed) => envelope = Some(parsed),
            Parsed::Meetings(piece) => {
                notes.note_meetings(piece.noted);
                meeting_pieces.push(piece.records);
            }
            Parsed::Commitments(piece) => {
                notes.note_commitments(piece.noted);
                commitment_pieces.push(piece.records);
            }
        }
    }
    Some((
        with_maps(envelope, meeting_pieces, commitment_pieces)?,
        notes,
    ))
}

/// The rest of the file read, its empty maps filled with the pieces'
/// records; `None` if the rest was not read, or held records of its own.
fn with_maps(
    envelope: Option<Box<EnvelopeIn>>,
    meeting_pieces: Vec<Vec<(MeetingId, Meeting)>>,
    commitment_pieces: Vec<Vec<(CommitmentId, Commitment)>>,
) -> Option<EnvelopeIn> {
    let mut envelope = *envelope?;
    let register = &mut envelope.register;
    if !register.meetings.is_empty() || !register.commitments.is_empty() {
        return None;
    }
    register.meetings = one_map(meeting_pieces)?;
    register.commitments = one_map(commitment_pieces)?;
    Some(envelope)
}

/// One piece of work for a thread.
enum Job {
    Rest,
    Meetings(Range<usize>),
    Commitments(Range<usize>),
}

/// What a piece of work produced.
enum Parsed {
    Rest(Box<EnvelopeIn>),
    Meetings(Piece<MeetingId, Meeting>),
    Commitments(Piece<CommitmentId, Commitment>),
}

/// A piece's records in the order they are written, and when noting,
/// each record's text and the ids read from it.
struct Piece<K, V> {
    records: Vec<(K, V)>,
    noted: Noted<K>,
}

impl Job {
    fn run(
        &self,
        text: &str,
        rest: &str,
        (meetings, commitments): (&MapSpan, &MapSpan),
        reading: &Reading,
    ) -> Option<Parsed> {
        match self {
            Job::Rest => read_options()
                .from_str::<EnvelopeIn>(rest)
                .ok()
                .map(|envelope| Parsed::Rest(Box::new(envelope))),
            Job::Meetings(range) => piece(text, meetings, range, reading).map(Parsed::Meetings),
            Job::Commitments(range) => {
                piece(text, commitments, range, reading).map(Parsed::Commitments)
            }
        }
    }
}

/// The records of one piece of a map, read as `reading` says.
fn piece<K: DeserializeOwned + Copy + Ord, V: DeserializeOwned + Clone>(
    text: &str,
    map: &MapSpan,
    range: &Range<usize>,
    reading: &Reading,
) -> Option<Piece<K, V>> {
    let mut read = Piece {
        records: Vec::new(),
        noted: Vec::new(),
    };
    match reading {
        Reading::Noting => {
            for record in map.records_in(text, range.clone()) {
                let record = text.get(record)?;
                let parsed: Vec<(K, V)> = records(record)?;
                // Hashed here, on the piece's thread: noted one by one
                // after the parse, they took a pass of their own.
                read.noted.push((
                    apart::hash(record.as_bytes()),
                    apart::Ids::of(parsed.iter().map(|(id, _)| *id)),
                ));
                read.records.extend(parsed);
            }
        }
        Reading::Pieces => read.records = records(text.get(range.clone())?)?,
    }
    Some(read)
}

/// Whole records `id: (...),` parsed in the order they are written: by
/// the [`plain`] reader when they are written as Coalition Desk writes
/// them, by ron otherwise.
fn records<K: DeserializeOwned, V: DeserializeOwned>(entries: &str) -> Option<Vec<(K, V)>> {
    plain::records(entries).or_else(|| records_by_ron(entries))
}

/// [`records`] read by ron.
fn records_by_ron<K: DeserializeOwned, V: DeserializeOwned>(entries: &str) -> Option<Vec<(K, V)>> {
    struct InOrder<K, V>(PhantomData<(K, V)>);
    impl<'de, K: DeserializeOwned, V: DeserializeOwned> Visitor<'de> for InOrder<K, V> {
        type Value = Vec<(K, V)>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("records keyed by id")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut records = Vec::new();
            while let Some(record) = map.next_entry()? {
                records.push(record);
            }
            Ok(records)
        }
    }

    let text = ["{", entries, "}"].concat();
    let mut deserializer = ron::Deserializer::from_str_with_options(&text, &read_options()).ok()?;
    let records = (&mut deserializer)
        .deserialize_map(InOrder(PhantomData))
        .ok()?;
    deserializer.end().ok()?;
    Some(records)
}

/// The pieces' records as one map, built in one go (appending map to map
/// rebuilt the tree each time). `None` if an id appears twice: the full
/// parse then reports it where it is.
fn one_map<K: Ord, V>(pieces: Vec<Vec<(K, V)>>) -> Option<BTreeMap<K, V>> {
    let mut records = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
    for piece in pieces {
        records.extend(piece);
    }
    if records.windows(2).all(|pair| pair[0].0 < pair[1].0) {
        // In id order, as Coalition Desk writes them: a bulk build.
        return Some(records.into_iter().collect());
    }
    let mut map = BTreeMap::new();
    for (id, record) in records {
        if map.insert(id, record).is_some() {
            return None;
        }
    }
    Some(map)
}
