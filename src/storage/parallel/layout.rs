//! Where the meetings and commitments maps are in a register's text, and
//! where to cut them.
//!
//! Two ways to find them. A file as Coalition Desk writes it (one tab a
//! level, the two maps last) needs only its short head scanned; the rest
//! is found by the shapes this version writes, and ron's parse of every
//! piece proves the guesses (see the parent module). Any other file is
//! scanned whole by a small lexer that knows RON's strings, characters
//! and nested comments: about 50 ms on 90 MB, which the first way saves.

use std::ops::Range;

/// A map's place in the text.
#[derive(Debug, PartialEq)]
pub(super) struct MapSpan {
    /// The byte index of its `{`.
    pub(super) open: usize,
    /// The byte index of its `}`.
    pub(super) close: usize,
    /// Byte indices just after each comma between its records, when the
    /// whole text was scanned; `None` when the cuts are found by the
    /// layout Coalition Desk writes.
    record_ends: Option<Vec<usize>>,
}

/// How a record ends in a file Coalition Desk wrote: its closing
/// parenthesis at the records' indentation (three tabs), and a comma.
const RECORD_END: &[u8] = b"\n\t\t\t),";

/// Between the meetings map and the commitments map, as written.
const BETWEEN_THE_MAPS: &[u8] = b"\n\t\t},\n\t\tcommitments: {";

/// How the last map closes, as written.
const MAP_CLOSE: &[u8] = b"\n\t\t}";

impl MapSpan {
    /// Byte ranges of about `piece_bytes` each, from the end of one record
    /// to the end of another; together they cover the map's inside
    /// exactly.
    pub(super) fn pieces<'a>(
        &'a self,
        text: &'a str,
        piece_bytes: usize,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let bytes = text.as_bytes();
        cut_at(self.open + 1, self.close, move |from| {
            let wanted = from + piece_bytes;
            if wanted >= self.close {
                return None;
            }
            match &self.record_ends {
                Some(ends) => ends.get(ends.partition_point(|&end| end < wanted)).copied(),
                None => bytes
                    .get(wanted..self.close)
                    .and_then(|tail| memchr::memmem::find(tail, RECORD_END))
                    .map(|at| wanted + at + RECORD_END.len()),
            }
        })
    }

    /// The records of `piece` (one of [`MapSpan::pieces`]) as the layout
    /// cuts them, each range ending just after a record's comma (the last
    /// of the map also holds the white space before its `}`). Guesses, as
    /// the pieces are, until ron's parse of each (or of the same text in
    /// another copy) proves them.
    pub(super) fn records_in<'a>(
        &'a self,
        text: &'a str,
        piece: Range<usize>,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        let bytes = text.as_bytes();
        cut_at(piece.start, piece.end, move |from| {
            match &self.record_ends {
                Some(ends) => ends.get(ends.partition_point(|&end| end <= from)).copied(),
                None => bytes
                    .get(from..piece.end)
                    .and_then(|rest| memchr::memmem::find(rest, RECORD_END))
                    .map(|at| from + at + RECORD_END.len()),
            }
        })
    }
}

/// The ranges from `first` to `end` cut where `next_cut` says, each cut
/// found from the start of its range; a cut at or past `end` ends it.
fn cut_at(
    first: usize,
    end: usize,
    next_cut: impl Fn(usize) -> Option<usize>,
) -> impl Iterator<Item = Range<usize>> {
    let mut start = Some(first);
    std::iter::from_fn(move || {
        let from = start?;
        start = next_cut(from).filter(|&cut| cut < end);
        Some(from..start.unwrap_or(end))
    })
}

/// The meetings map and the commitments map, in that order.
pub(super) fn find(text: &str) -> Option<(MapSpan, MapSpan)> {
    as_written(text.as_bytes()).or_else(|| {
        let Scanned::Whole(layout) = scan(text.as_bytes(), Stop::AtTheEnd)? else {
            return None;
        };
        let (meetings, commitments) = (layout.meetings?, layout.commitments?);
        // Not the order this version writes: not worth the complication.
        (meetings.open < commitments.open).then_some((meetings, commitments))
    })
}

/// The maps found by the shapes Coalition Desk writes, after scanning
/// only the file's head (up to the meetings map).
fn as_written(bytes: &[u8]) -> Option<(MapSpan, MapSpan)> {
    let Scanned::MeetingsOpenAt(meetings_open) = scan(bytes, Stop::AtMeetings)? else {
        return None;
    };
    let between =
        meetings_open + memchr::memmem::find(bytes.get(meetings_open..)?, BETWEEN_THE_MAPS)?;
    let meetings_close = between + 3;
    let commitments_open = between + BETWEEN_THE_MAPS.len() - 1;
    let commitments_close = memchr::memmem::rfind(bytes, MAP_CLOSE)? + MAP_CLOSE.len() - 1;
    if commitments_close <= commitments_open {
        return None;
    }
    let span = |open, close| MapSpan {
        open,
        close,
        record_ends: None,
    };
    Some((
        span(meetings_open, meetings_close),
        span(commitments_open, commitments_close),
    ))
}

/// Where the two large maps are, from a scan of the whole text.
#[derive(Debug, Default, PartialEq)]
struct Layout {
    meetings: Option<MapSpan>,
    commitments: Option<MapSpan>,
}

/// How far to scan.
#[derive(Clone, Copy, PartialEq)]
enum Stop {
    AtMeetings,
    AtTheEnd,
}

/// What a scan found.
enum Scanned {
    MeetingsOpenAt(usize),
    Whole(Layout),
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
fn scan(bytes: &[u8], stop: Stop) -> Option<Scanned> {
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
                        if stop == Stop::AtMeetings {
                            return (big == Big::Meetings).then_some(Scanned::MeetingsOpenAt(i));
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
                        record_ends: Some(record_ends),
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
    (stop == Stop::AtTheEnd && stack.is_empty()).then_some(Scanned::Whole(layout))
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
        let Some(Scanned::Whole(layout)) = scan(text.as_bytes(), Stop::AtTheEnd) else {
            panic!("the scan gave up")
        };
        let meetings = layout.meetings.unwrap();
        assert_eq!(
            &text[meetings.open..=meetings.close],
            r##"{ 1: (title: "}"), 2: (title: r#"")"#), }"##
        );
        assert_eq!(meetings.record_ends.as_ref().map(Vec::len), Some(2));
        let commitments = layout.commitments.unwrap();
        assert_eq!(
            &text[commitments.open..=commitments.close],
            "{ 5: (title: 'x'), }"
        );
    }

    #[test]
    fn the_scan_gives_up_on_what_it_does_not_know() {
        assert!(scan_whole(b"#![enable(implicit_some)] (register: (meetings: {}))").is_none());
        assert!(scan_whole(b"(register: (meetings: { 1: (title: \"open ) }").is_none());
        assert!(scan_whole(b"(register: (meetings: { 1: (] }))").is_none());
    }

    fn scan_whole(bytes: &[u8]) -> Option<Layout> {
        match scan(bytes, Stop::AtTheEnd)? {
            Scanned::Whole(layout) => Some(layout),
            Scanned::MeetingsOpenAt(_) => None,
        }
    }

    #[test]
    fn pieces_cover_the_map_exactly() {
        let map = MapSpan {
            open: 10,
            close: 100,
            record_ends: Some(vec![20, 30, 40, 50, 60, 70, 80, 90]),
        };
        let text = " ".repeat(120);
        let cut: Vec<_> = map.pieces(&text, 25).collect();
        assert_eq!(cut, vec![11..40, 40..70, 70..100]);
    }

    #[test]
    fn records_in_a_piece_are_cut_one_by_one() {
        let scanned = MapSpan {
            open: 10,
            close: 100,
            record_ends: Some(vec![20, 30, 40, 50, 60, 70, 80, 90]),
        };
        let text = " ".repeat(120);
        let cut: Vec<_> = scanned.records_in(&text, 40..70).collect();
        assert_eq!(cut, vec![40..50, 50..60, 60..70]);
        let cut: Vec<_> = scanned.records_in(&text, 70..100).collect();
        assert_eq!(cut, vec![70..80, 80..90, 90..100]);

        let record = "\t\t\t1: (\n\t\t\t\ttitle: \"x\",\n\t\t\t\t),\n\t\t\t),\n";
        let text = format!(
            "CoalitionRegister(\n\tformat: \"coalition-desk\",\n\tregister: (\n\t\tmeetings: {{\n{}\t\t}},\n\t\tcommitments: {{\n{}\t\t}},\n\t),\n)\n",
            record.repeat(2),
            record.repeat(4)
        );
        let (_, written) = find(&text).unwrap();
        let whole = written.open + 1..written.close;
        let cut: Vec<_> = written.records_in(&text, whole).collect();
        assert_eq!(cut.len(), 5, "one per record and the closing line");
        let one_record = format!("\n{}", record.trim_end_matches('\n'));
        for record in &cut[..4] {
            assert_eq!(
                text[record.clone()],
                one_record,
                "a nested `),` is no record end"
            );
        }
        assert_eq!(cut[4].end, written.close);
    }

    #[test]
    fn a_file_as_written_is_cut_at_its_record_ends() {
        let record = "\t\t\t1: (\n\t\t\t\ttitle: \"x\",\n\t\t\t),\n";
        let text = format!(
            "CoalitionRegister(\n\tformat: \"coalition-desk\",\n\tregister: (\n\t\tmeetings: {{\n{}\t\t}},\n\t\tcommitments: {{\n{}\t\t}},\n\t),\n)\n",
            record.repeat(3),
            record.repeat(5)
        );
        let (meetings, commitments) = find(&text).unwrap();
        assert_eq!(meetings.record_ends, None, "found by the written layout");
        assert_eq!(&text[meetings.open..meetings.open + 2], "{\n");
        assert_eq!(&text[meetings.close..meetings.close + 1], "}");
        assert_eq!(&text[commitments.close - 3..=commitments.close], "\n\t\t}");
        let pieces: Vec<_> = commitments.pieces(&text, 1).collect();
        assert_eq!(pieces.len(), 6, "one per record and the closing line");
        let one_record = format!("\n{}", record.trim_end_matches('\n'));
        for piece in &pieces[..5] {
            assert_eq!(text[piece.clone()], one_record);
        }
        assert_eq!(pieces[5].end, commitments.close);
    }
}
