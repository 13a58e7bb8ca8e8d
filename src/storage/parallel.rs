//! Reading a large register on every core.
//!
//! Nearly all of a large register is two maps, meetings and commitments.
//! A quick scan of the text finds where they begin and end and where each
//! record in them ends; the maps are then cut into pieces at record
//! boundaries and each piece is parsed by ron on its own thread, while the
//! rest of the file (with the two maps emptied) is parsed on another.
//!
//! The scan only proposes the cuts; ron checks them. The first piece of a
//! map starts where ron itself would, so if it parses as whole records the
//! second piece starts where ron would too, and so on. Any doubt — a piece
//! or the rest failing to parse, an id in two pieces, anything unusual in
//! the text's outer structure — gives `None`, and the caller parses the
//! whole text the ordinary way, which is also what reports an error with
//! its true line and column. So this path can only be faster, never
//! different: tests/suite/bad_input.rs compares the two on broken files.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::de::DeserializeOwned;

use super::format::EnvelopeIn;
use crate::model::{Commitment, CommitmentId, Meeting, MeetingId, unique_ids};

/// Below this size one thread reads the file faster than the scan and the
/// threads cost.
pub(super) const WORTH_IT_FROM_BYTES: usize = 1 << 20;

/// How many threads to read with: the cores there are, at least two (the
/// rest of the file and the records go in parallel), at most eight.
pub(super) fn threads() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8))
}

/// The register parsed on `threads` threads, or `None` when this path
/// does not apply or has any doubt (see the module comment). Public for
/// the tests that hold it to the ordinary parse.
#[doc(hidden)]
pub fn parse_on(text: &str, threads: usize) -> Option<EnvelopeIn> {
    let layout = scan(text.as_bytes())?;
    let (meetings, commitments) = (layout.meetings?, layout.commitments?);
    if meetings.open > commitments.open {
        return None; // not the order this version writes; keep it simple
    }

    // The rest of the file, with both maps left empty.
    let rest = [
        text.get(..=meetings.open)?,
        text.get(meetings.close..=commitments.open)?,
        text.get(commitments.close..)?,
    ]
    .concat();

    // Pieces of about equal size, several per thread so that a slow piece
    // does not leave a core idle.
    let total = meetings.close - meetings.open + commitments.close - commitments.open;
    let piece_bytes = (total / (threads * 4)).max(64 * 1024);
    let mut jobs = vec![Job::Rest];
    jobs.extend(pieces(&meetings, piece_bytes).map(Job::Meetings));
    let meeting_pieces = jobs.len() - 1;
    jobs.extend(pieces(&commitments, piece_bytes).map(Job::Commitments));

    let results: Vec<Mutex<Option<Parsed>>> = jobs.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let parsed = job.run(text, &rest);
            let failed = parsed.is_none();
            if let Some(slot) = results.get(index)
                && let Ok(mut slot) = slot.lock()
            {
                *slot = parsed;
            }
            if failed {
                // No point parsing the rest: the caller starts again.
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

    let mut results = results
        .into_iter()
        .map(|slot| slot.into_inner().ok().flatten());
    let Some(Parsed::Rest(mut envelope)) = results.next()? else {
        return None;
    };
    let register = &mut envelope.register;
    if !register.meetings.is_empty() || !register.commitments.is_empty() {
        return None;
    }
    for (index, piece) in results.enumerate() {
        match piece? {
            Parsed::Meetings(mut map) if index < meeting_pieces => {
                join(&mut register.meetings, &mut map)?
            }
            Parsed::Commitments(mut map) if index >= meeting_pieces => {
                join(&mut register.commitments, &mut map)?
            }
            _ => return None,
        }
    }
    Some(*envelope)
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
    Meetings(BTreeMap<MeetingId, Meeting>),
    Commitments(BTreeMap<CommitmentId, Commitment>),
}

impl Job {
    fn run(&self, text: &str, rest: &str) -> Option<Parsed> {
        match self {
            Job::Rest => ron::from_str::<EnvelopeIn>(rest)
                .ok()
                .map(|envelope| Parsed::Rest(Box::new(envelope))),
            Job::Meetings(range) => records(text.get(range.clone())?).map(Parsed::Meetings),
            Job::Commitments(range) => records(text.get(range.clone())?).map(Parsed::Commitments),
        }
    }
}

/// Whole records `id: (...),` parsed as a map, refusing an id twice just
/// as the full parse does.
fn records<K, V>(entries: &str) -> Option<BTreeMap<K, V>>
where
    K: DeserializeOwned + Ord + std::fmt::Display,
    V: DeserializeOwned,
{
    let text = ["{", entries, "}"].concat();
    let mut deserializer = ron::Deserializer::from_str(&text).ok()?;
    let map = unique_ids::deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(map)
}

/// Adds `piece` to `map`; `None` if an id is in both (the full parse then
/// reports it where it is).
fn join<K: Ord, V>(map: &mut BTreeMap<K, V>, piece: &mut BTreeMap<K, V>) -> Option<()> {
    let in_order = match (map.last_key_value(), piece.first_key_value()) {
        (Some((last, _)), Some((first, _))) => last < first,
        _ => true,
    };
    if !in_order && piece.keys().any(|id| map.contains_key(id)) {
        return None;
    }
    map.append(piece);
    Some(())
}

/// A map's place in the text.
#[derive(Debug, PartialEq)]
struct MapSpan {
    /// The byte index of its `{`.
    open: usize,
    /// The byte index of its `}`.
    close: usize,
    /// Byte indices just after each comma between its records.
    record_ends: Vec<usize>,
}

/// The maps' byte ranges, each from the end of one record to the end of
/// another, of about `piece_bytes` each; together they cover the map's
/// inside exactly.
fn pieces(map: &MapSpan, piece_bytes: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = map.open + 1;
    let mut ends = map.record_ends.iter().copied().peekable();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = loop {
            match ends.next() {
                Some(end) if end - start >= piece_bytes && end < map.close => break end,
                Some(_) => continue,
                None => {
                    done = true;
                    break map.close;
                }
            }
        };
        let piece = start..end;
        start = end;
        Some(piece)
    })
}

/// Where the two large maps are.
#[derive(Debug, Default, PartialEq)]
struct Layout {
    meetings: Option<MapSpan>,
    commitments: Option<MapSpan>,
}

/// Which map a `{` opens, if any.
#[derive(Clone, Copy, PartialEq)]
enum Big {
    Meetings,
    Commitments,
}

/// Bytes the scan must look at inside records; everything else (letters,
/// digits, spaces) it skips in a tight loop.
const INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\"'/()[]{},";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Finds the meetings and commitments maps of the register. `None` on
/// anything this scan does not understand: unbalanced brackets, an
/// unterminated string or comment, an attribute such as
/// `#![enable(...)]` (it changes how ron reads every piece), or any other
/// character outside the records where only names, values and
/// punctuation belong.
fn scan(bytes: &[u8]) -> Option<Layout> {
    let mut layout = Layout::default();
    // The open brackets, innermost last.
    let mut stack: Vec<u8> = Vec::with_capacity(32);
    // The last field name seen in the envelope (depth 1) and in the
    // register (depth 2).
    let mut names: [&[u8]; 3] = [b"", b"", b""];
    // The big map being scanned: which, its `{`, its record ends.
    let mut open_map: Option<(Big, usize, Vec<usize>)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let depth = stack.len();
        let byte = bytes[i];
        if depth > 2 && !INTERESTING[usize::from(byte)] {
            i += 1;
            continue;
        }
        match byte {
            b'"' => i = after_string(bytes, i)?,
            b'\'' => i = after_char(bytes, i)?,
            b'/' => i = after_comment(bytes, i)?,
            b'(' | b'[' | b'{' => {
                if depth == 2 && byte == b'{' && names[1] == b"register" {
                    let big = match names[2] {
                        b"meetings" => Some(Big::Meetings),
                        b"commitments" => Some(Big::Commitments),
                        _ => None,
                    };
                    if let Some(big) = big {
                        let seen = match big {
                            Big::Meetings => layout.meetings.is_some(),
                            Big::Commitments => layout.commitments.is_some(),
                        };
                        if seen {
                            return None; // the same field twice
                        }
                        open_map = Some((big, i, Vec::new()));
                    }
                }
                stack.push(byte);
                i += 1;
            }
            b')' | b']' | b'}' => {
                let opener = stack.pop()?;
                let matches = matches!((opener, byte), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                if !matches {
                    return None;
                }
                if depth == 3
                    && let Some((big, open, record_ends)) = open_map.take()
                {
                    let span = MapSpan {
                        open,
                        close: i,
                        record_ends,
                    };
                    match big {
                        Big::Meetings => layout.meetings = Some(span),
                        Big::Commitments => layout.commitments = Some(span),
                    }
                }
                if depth <= 2 {
                    names[depth - 1] = b"";
                }
                i += 1;
            }
            b',' => {
                if depth == 3
                    && let Some((_, _, record_ends)) = open_map.as_mut()
                {
                    record_ends.push(i + 1);
                }
                i += 1;
            }
            _ if depth > 2 => i += 1,
            // Outside the records: names, numbers and punctuation only.
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if depth > 0 {
                    names[depth] = bytes.get(start..i)?;
                }
            }
            b'0'..=b'9' | b'-' | b'+' | b'.' | b':' | b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => return None,
        }
    }
    stack.is_empty().then_some(layout)
}

/// The index just after the string starting at `bytes[start] == b'"'`,
/// raw (`r#"..."#`) or not.
fn after_string(bytes: &[u8], start: usize) -> Option<usize> {
    // A raw string's `r` and hashes come before its quote.
    let mut hashes = 0;
    while start > hashes && bytes[start - hashes - 1] == b'#' {
        hashes += 1;
    }
    let raw = start > hashes && bytes[start - hashes - 1] == b'r';
    if raw {
        let closing: Vec<u8> = std::iter::once(b'"')
            .chain(std::iter::repeat_n(b'#', hashes))
            .collect();
        let from = start + 1;
        let found = memchr::memmem::find(bytes.get(from..)?, &closing)?;
        return Some(from + found + closing.len());
    }
    if hashes > 0 {
        return None;
    }
    let mut i = start + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
        if bytes[i] == b'"' {
            return Some(i + 1);
        }
        i += 2; // a backslash and the character it escapes
    }
}

/// The index just after the character literal starting at `start`.
fn after_char(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    if *bytes.get(i)? == b'\\' {
        i += 2;
    } else {
        i += 1;
    }
    i += memchr::memchr(b'\'', bytes.get(i..)?)?;
    Some(i + 1)
}

/// The index just after the comment starting at `start` (`//` to the end
/// of the line, or `/* */`, which nest in RON).
fn after_comment(bytes: &[u8], start: usize) -> Option<usize> {
    match bytes.get(start + 1)? {
        b'/' => Some(memchr::memchr(b'\n', bytes.get(start..)?).map_or(bytes.len(), |n| start + n)),
        b'*' => {
            let mut level = 1;
            let mut i = start + 2;
            while level > 0 {
                i += memchr::memchr2(b'/', b'*', bytes.get(i..)?)?;
                match (bytes.get(i), bytes.get(i + 1)) {
                    (Some(b'/'), Some(b'*')) => {
                        level += 1;
                        i += 2;
                    }
                    (Some(b'*'), Some(b'/')) => {
                        level -= 1;
                        i += 2;
                    }
                    _ => i += 1,
                }
            }
            Some(i)
        }
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_finds_both_maps_and_their_records() {
        let text = r##"CoalitionRegister(format: "x", version: 1, register: (
            name: "a { [ \" ' //",
            meetings: { 1: (title: "}"), 2: (title: r#"")"#), },
            /* a comment with } and /* nested */ ) */
            commitments: { 5: (title: 'x'), },
        ))"##;
        let layout = scan(text.as_bytes()).unwrap();
        let meetings = layout.meetings.unwrap();
        assert_eq!(
            &text[meetings.open..=meetings.close],
            r##"{ 1: (title: "}"), 2: (title: r#"")"#), }"##
        );
        assert_eq!(meetings.record_ends.len(), 2);
        let commitments = layout.commitments.unwrap();
        assert_eq!(&text[commitments.open..=commitments.close], "{ 5: (title: 'x'), }");
    }

    #[test]
    fn the_scan_gives_up_on_what_it_does_not_know() {
        assert!(scan(b"#![enable(implicit_some)] (register: (meetings: {}))").is_none());
        assert!(scan(b"(register: (meetings: { 1: (title: \"open ) }").is_none());
        assert!(scan(b"(register: (meetings: { 1: (] }))").is_none());
    }

    #[test]
    fn pieces_cover_the_map_exactly() {
        let map = MapSpan {
            open: 10,
            close: 100,
            record_ends: vec![20, 30, 40, 50, 60, 70, 80, 90],
        };
        let cut: Vec<_> = pieces(&map, 25).collect();
        assert_eq!(cut, vec![11..40, 40..70, 70..100]);
    }
}
