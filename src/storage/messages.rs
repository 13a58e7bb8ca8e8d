//! ron's parse errors in the officer's words: what is wrong, with the
//! value and the record it is in ("unknown field `until` in a role of
//! person #205 — did you mean `to`?"), at the line and column to fix.

use ron::error::{Position, SpannedError};

use super::{context, place};
use crate::model::value_problems::nearest;

/// A refusal of the text: where, and what is wrong.
#[derive(Debug, PartialEq)]
pub(super) struct Refusal {
    pub(super) line: usize,
    pub(super) col: usize,
    pub(super) message: String,
}

/// Words a person may guess for a field, and the field they mean, for
/// the guesses too far from the name to be caught as misspellings.
const GUESSES: &[(&str, &str)] = &[
    ("until", "to"),
    ("till", "to"),
    ("end_date", "to"),
    ("ends", "to"),
    ("since", "from"),
    ("start_date", "from"),
    ("begins", "from"),
    ("place", "location"),
    ("venue", "location"),
    ("where", "location"),
    ("timezone", "time_zone"),
    ("tz", "time_zone"),
    ("zone", "time_zone"),
    ("when", "date"),
    ("day", "date"),
    ("chair", "chairs"),
    ("delegation", "delegates"),
    ("classification", "marking"),
];

/// The refusal for a ron error in `text`.
pub(super) fn refusal(error: &SpannedError, text: &str) -> Refusal {
    let start = error.span.start;
    let offset = offset_of(text, start);
    let scanned = context::scan(text, offset);
    let place = place::place(&scanned.path);
    let field = place.field.as_deref();
    let at = |offset: usize, message: String| {
        let (line, col) = position_of(text, offset);
        Refusal { line, col, message }
    };
    // ron reports a file cut inside a name or number as whatever it
    // expected next ("Expected colon"); at the very end of the text, the
    // truth is that the file stops there.
    let end = (error.span.end.line, error.span.end.col);
    // A text never closed runs to the end of the file: the file was cut
    // inside it, whatever ron expected there.
    let at_the_end = end >= position_of(text, text.trim_end().len())
        || unclosed_text(text, offset)
        || runs_to_the_end(text, offset);
    // What was wanted at the place, and an example of it.
    let wanted = |what: &str, kind| {
        let example = example(field, kind);
        format!(
            "{}{}{what}: write e.g. {example}",
            place.prefix(),
            is_not(text, offset)
        )
    };
    let message = match &error.code {
        // Whatever ron expected next, it is the parser's concern, not the
        // officer's: say where the file stops and what to do.
        _ if at_the_end || matches!(error.code, ron::Error::Eof) => cut_short(&place),
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => {
            let record = place.record.as_deref().unwrap_or("the file's envelope");
            let advice = match suggestion(found, expected) {
                Some(known) => format!(" — did you mean `{known}`?"),
                None => format!("; the fields it may have are {}", listed(expected)),
            };
            // ron points after the name; the officer wants its start.
            let field = field_start(text, offset, found);
            return at(
                field,
                format!("unknown field `{found}` in {record}{advice}"),
            );
        }
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let advice = match nearest(found, expected.iter().copied()) {
                Some(known) => format!(" — did you mean {known}?"),
                None => String::new(),
            };
            format!(
                "{}{found} is not one of {}{advice}",
                place.prefix(),
                listed(expected)
            )
        }
        ron::Error::DuplicateStructField { field, .. } => {
            let record = place.record.as_deref().unwrap_or("the file's envelope");
            format!("the field `{field}` is written twice in {record}")
        }
        ron::Error::ExpectedOption => format!(
            "{}{}expected a value, or None when there is none: write e.g. {}, or Some(...) \
             around the value",
            place.prefix(),
            is_not(text, offset),
            example(field, Kind::Text)
        ),
        ron::Error::ExpectedString | ron::Error::ExpectedStringEnd => {
            wanted("text in double quotes", Kind::Text)
        }
        ron::Error::ExpectedInteger | ron::Error::ExpectedFloat => {
            wanted("a whole number", Kind::Number)
        }
        ron::Error::ExpectedBoolean => {
            format!("{}{}true or false", place.prefix(), is_not(text, offset))
        }
        ron::Error::ExpectedArray => wanted("a list in square brackets", Kind::List),
        ron::Error::ExpectedMap => wanted("records keyed by id in braces", Kind::Map),
        ron::Error::ExpectedStructLike | ron::Error::ExpectedNamedStructLike(_) => {
            wanted("a record in parentheses", Kind::Record)
        }
        ron::Error::ExpectedComma => match field {
            Some(field) => format!(
                "{}a comma is missing after the value of `{field}`, before this point",
                place.prefix()
            ),
            None => format!("{}a comma is missing before this point", place.prefix()),
        },
        ron::Error::ExpectedIdentifier => format!(
            "{}{}a field name: write e.g. title: \"...\"",
            place.prefix(),
            is_not(text, offset)
        ),
        // Coalition Desk's own messages, already in the officer's words.
        ron::Error::Message(message) => format!("{}{message}", place.prefix()),
        ron::Error::InvalidValueForType { expected, found } => {
            format!("{}{found} is not {expected}", place.prefix())
        }
        other => format!("{}{}", place.prefix(), sentence(&other.to_string())),
    };
    Refusal {
        line: start.line,
        col: start.col,
        message,
    }
}

/// The sentence for a file that stops before the register ends: where it
/// stops, and where the rest may be found.
fn cut_short(place: &place::Place) -> String {
    let inside = match (&place.field, &place.record) {
        (Some(field), Some(record)) => format!(", in `{field}` of {record}"),
        (None, Some(record)) => format!(", in {record}"),
        (Some(field), None) => format!(", in `{field}`"),
        (None, None) => String::new(),
    };
    format!(
        "the file ends too early, as if it was cut short{inside}; the rest of the register \
         is missing. Open the copy saved before it (the file of the same name ending in \
         .bak, beside it) or another copy"
    )
}

/// Whether the value at `offset` runs to the end of the file, with
/// nothing after it that could close it ("No" of a cut "None").
fn runs_to_the_end(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or_default().trim();
    !rest.is_empty() && !rest.contains([',', ')', ']', '}', '\n'])
}

/// Whether the text at `offset` opens double quotes that never close.
fn unclosed_text(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or_default().trim_start();
    let Some(inside) = rest.strip_prefix('"') else {
        return false;
    };
    let mut escaped = false;
    for c in inside.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return false,
            _ => {}
        }
    }
    true
}

/// The known name a person most likely meant.
fn suggestion<'a>(found: &str, expected: &'a [&'a str]) -> Option<&'a str> {
    let guessed = GUESSES
        .iter()
        .find(|(guess, _)| guess.eq_ignore_ascii_case(found))
        .and_then(|(_, meant)| expected.iter().copied().find(|known| known == meant));
    guessed.or_else(|| nearest(found, expected.iter().copied()))
}

/// "a, b or c".
fn listed(names: &[&str]) -> String {
    match names {
        [] => "none".to_string(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// ron's own message, starting in lower case to follow a place.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The shape of value an error expected.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Number,
    Record,
    List,
    Map,
}

/// An example of a field written as its kind of value, e.g.
/// `date: "2025-04-10"`.
fn example(field: Option<&str>, kind: Kind) -> String {
    let name = field.unwrap_or_default();
    let value = match (kind, name) {
        (_, "date" | "from" | "to" | "due" | "joined" | "first" | "occurrence") => "\"2025-04-10\"",
        (_, "start" | "end") => "\"09:30:00\"",
        (_, "time_zone") => "\"Europe/London\"",
        (_, "amount") => "\"1500000.00\"",
        (_, "quantity") => "(amount: \"200\", unit: \"instructors\")",
        (_, "value") => "(amount: \"1500000.00\", currency: \"EUR\")",
        (_, "delegates" | "convenors" | "chairs") => "[7, 8]",
        (_, "markings") => "[\"OFFICIAL\", \"OFFICIAL-SENSITIVE\", \"SECRET\"]",
        (_, "roles") => "[(title: \"Defence Secretary\", participant: 1)]",
        (_, "register") => "(name: \"...\", participants: { ... }, ...)",
        (Kind::Text, _) => "\"...\"",
        (Kind::Number, _) => "3",
        (Kind::Record, _) => "(title: \"...\")",
        (Kind::List, _) => "[...]",
        (Kind::Map, _) => "{ 1: (...), }",
    };
    match field {
        Some(name) => format!("{name}: {value}"),
        None => value.to_string(),
    }
}

/// "`VALUE` is not " for the value written at `offset`, or "expected "
/// when nothing is written there.
fn is_not(text: &str, offset: usize) -> String {
    let rest = text.get(offset..).unwrap_or_default().trim_start();
    let written: String = if rest.starts_with('"') {
        let close = rest
            .get(1..)
            .and_then(|r| r.find('"'))
            .map_or(rest.len(), |n| n + 2);
        rest.get(..close).unwrap_or(rest).to_string()
    } else {
        rest.chars()
            .take_while(|c| !matches!(c, ',' | ')' | ']' | '}' | '\n' | '\r'))
            .collect::<String>()
            .trim_end()
            .to_string()
    };
    if written.is_empty() {
        return "expected ".to_string();
    }
    let shown: String = written.chars().take(40).collect();
    let ellipsis = if shown.len() < written.len() {
        "…"
    } else {
        ""
    };
    format!("{shown}{ellipsis} is not ")
}

/// Where the unknown field `name` starts: ron's position is at or just
/// after it.
fn field_start(text: &str, offset: usize, name: &str) -> usize {
    let upto = (offset + name.len()).min(text.len());
    text.get(..upto)
        .and_then(|before| before.rfind(name))
        .unwrap_or(offset)
}

/// The byte offset of ron's line and column (column in characters).
pub(super) fn offset_of(text: &str, position: Position) -> usize {
    let line_start = if position.line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes())
            .nth(position.line - 2)
            .map_or(text.len(), |n| n + 1)
    };
    let line = text.get(line_start..).unwrap_or_default();
    line_start
        + line
            .char_indices()
            .nth(position.col.saturating_sub(1))
            .map_or(line.len(), |(at, _)| at)
}

/// Line and column (from 1, the column in characters) of a byte offset.
pub(super) fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = text.as_bytes().get(..offset).unwrap_or(text.as_bytes());
    let line = 1 + memchr::memchr_iter(b'\n', before).count();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |n| n + 1);
    let col = 1 + text
        .get(line_start..offset)
        .map_or(0, |line| line.chars().count());
    (line, col)
}
