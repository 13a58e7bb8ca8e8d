//! Where a place in the register's text is, in the officer's words:
//! "a role of person #205", "the attendance of participant #3 at meeting
//! #12". ron gives a line and column; a person editing the file also
//! wants to know which record that is.
//!
//! A small scanner reads the text up to the place, keeping the brackets
//! open there and the field name or map key that opened each, and so
//! gives a path such as `register > meetings > 12 > attendance > 3 >
//! status`. It runs only when a read has failed, so it may be simple
//! rather than fast.

/// One step of the path from the envelope to a place.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Step {
    /// A struct's field, e.g. `meetings`.
    Field(String),
    /// A map's key, e.g. the id `12`.
    Key(String),
    /// A list's element, from 0.
    Index(usize),
    /// Inside the bracket the step before opened, before any field of it:
    /// `quantity: (` rather than `quantity: `.
    Open,
}

/// An open bracket and what is known inside it so far.
struct Frame {
    bracket: u8,
    /// How the frame was reached from its parent, if it says anything.
    step: Option<Step>,
    /// Elements finished so far (commas at this level).
    index: usize,
    /// The key or field name of the current entry, once its `:` is read.
    key: Option<(usize, usize)>,
    /// The last name, number or string read at this level.
    last: Option<(usize, usize)>,
}

/// The path to byte `offset` of `text`: the steps of the brackets open
/// there, then the field or key being read.
pub(super) fn path_at(text: &str, offset: usize) -> Vec<Step> {
    scan(text, offset).path
}

/// What the scan up to a place found.
pub(super) struct Scanned {
    pub(super) path: Vec<Step>,
    /// Whether the place is inside a plain (not raw) string.
    pub(super) in_plain_string: bool,
}

/// Reads `text` up to byte `offset`: see [`path_at`].
pub(super) fn scan(text: &str, offset: usize) -> Scanned {
    let bytes = text.as_bytes();
    let mut in_plain_string = false;
    let end = offset.min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let byte = bytes.get(i).copied().unwrap_or(b' ');
        let token_end = match byte {
            b'"' => after_string(bytes, i),
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => after_raw_string(bytes, i),
            b'\'' => after_char(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', bytes.get(i..).unwrap_or_default())
                    .map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = after_block_comment(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => {
                let step = frames.last().and_then(|parent| step_into(text, parent));
                frames.push(Frame {
                    bracket: byte,
                    step,
                    index: 0,
                    key: None,
                    last: None,
                });
                i += 1;
                continue;
            }
            b')' | b']' | b'}' => {
                frames.pop();
                if let Some(frame) = frames.last_mut() {
                    frame.last = None;
                }
                i += 1;
                continue;
            }
            b':' => {
                if let Some(frame) = frames.last_mut() {
                    frame.key = frame.last.take();
                }
                i += 1;
                continue;
            }
            b',' => {
                if let Some(frame) = frames.last_mut() {
                    frame.index += 1;
                    frame.key = None;
                    frame.last = None;
                }
                i += 1;
                continue;
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+' | b'.') => {
                let mut j = i;
                while bytes
                    .get(j)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
                    || (j == i && matches!(bytes.get(j), Some(b'-' | b'+')))
                {
                    j += 1;
                }
                Some(j.max(i + 1))
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // A token that runs past the place (the place is inside it) ends
        // the scan; its field is already known.
        let Some(token_end) = token_end.filter(|&token_end| token_end <= end) else {
            in_plain_string = byte == b'"';
            break;
        };
        if let Some(frame) = frames.last_mut() {
            frame.last = Some((i, token_end));
        }
        i = token_end;
    }

    let mut path: Vec<Step> = frames.iter().filter_map(|f| f.step.clone()).collect();
    if let Some(frame) = frames.last() {
        match frame.bracket {
            b'[' => path.push(Step::Index(frame.index)),
            _ => match frame.key.and_then(|key| entry_step(text, frame, key)) {
                Some(step) => path.push(step),
                None if frames.len() > 1 => path.push(Step::Open),
                None => {}
            },
        }
    }
    Scanned {
        path,
        in_plain_string,
    }
}

/// The step into a bracket opened inside `parent`: the list element, or
/// the field or key whose value it is. A name just before the bracket
/// (`Some(`, `MovedTo(`) adds nothing.
fn step_into(text: &str, parent: &Frame) -> Option<Step> {
    match parent.bracket {
        b'[' => Some(Step::Index(parent.index)),
        _ => entry_step(text, parent, parent.key?),
    }
}

fn entry_step(text: &str, frame: &Frame, (start, end): (usize, usize)) -> Option<Step> {
    let written = text.get(start..end)?.trim_matches('"').to_string();
    Some(match frame.bracket {
        b'{' => Step::Key(written),
        _ => Step::Field(written),
    })
}

fn after_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        i += memchr::memchr2(b'"', b'\\', bytes.get(i..)?)?;
        if bytes.get(i) == Some(&b'"') {
            return Some(i + 1);
        }
        i += 2;
    }
}

fn after_raw_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    let mut hashes = 0;
    while bytes.get(i) == Some(&b'#') {
        hashes += 1;
        i += 1;
    }
    if bytes.get(i) != Some(&b'"') {
        // `r#ident`, a raw identifier: read as a name.
        return Some(i);
    }
    let closing: Vec<u8> = std::iter::once(b'"')
        .chain(std::iter::repeat_n(b'#', hashes))
        .collect();
    let from = i + 1;
    let found = memchr::memmem::find(bytes.get(from..)?, &closing)?;
    Some(from + found + closing.len())
}

fn after_char(bytes: &[u8], start: usize) -> Option<usize> {
    let skip = if bytes.get(start + 1) == Some(&b'\\') {
        3
    } else {
        2
    };
    let from = start + skip;
    Some(from + memchr::memchr(b'\'', bytes.get(from..)?)? + 1)
}

/// After a `/* */` comment (they nest in RON), or the end of the text.
fn after_block_comment(bytes: &[u8], start: usize) -> usize {
    let mut level = 0;
    let mut i = start;
    while let Some(pair) = bytes.get(i..i + 2) {
        match pair {
            b"/*" => {
                level += 1;
                i += 2;
            }
            b"*/" => {
                level -= 1;
                i += 2;
                if level == 0 {
                    return i;
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A place in the register in words: the record, and the field in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Place {
    /// E.g. "a role of person #205", "the register's settings".
    pub(super) record: Option<String>,
    /// The field of that record, e.g. `to`.
    pub(super) field: Option<String>,
}

impl Place {
    /// "`to` in a role of person #205: ", or nothing when the place is not
    /// known: the start of a message that says where it is.
    pub(super) fn prefix(&self) -> String {
        match (&self.field, &self.record) {
            (Some(field), Some(record)) => format!("`{field}` in {record}: "),
            (None, Some(record)) => format!("in {record}: "),
            (Some(field), None) => format!("`{field}`: "),
            (None, None) => String::new(),
        }
    }
}

/// The record and field a path leads to.
pub(super) fn place(path: &[Step]) -> Place {
    let mut steps = path.iter().peekable();
    let field_name = |step: Option<&Step>| match step {
        Some(Step::Field(name)) => Some(name.clone()),
        _ => None,
    };
    match steps.next() {
        None => return Place::default(),
        Some(Step::Field(name)) if name == "register" => {}
        other => {
            return Place {
                record: Some("the file's header".to_string()),
                field: field_name(other),
            };
        }
    }
    let settings = |field| Place {
        record: Some("the register's settings".to_string()),
        field,
    };
    let (collection, id) = match (steps.next(), steps.peek()) {
        (Some(Step::Field(collection)), Some(Step::Key(id))) => (collection.as_str(), id.clone()),
        // At the register's own value: `register: [` for `register: (`.
        (None, _) => {
            return Place {
                record: Some("the file's envelope".to_string()),
                field: Some("register".to_string()),
            };
        }
        (step, _) => return settings(field_name(step)),
    };
    steps.next();
    let kind = match collection {
        "participants" => "participant",
        "people" => "person",
        "series" => "series",
        "meetings" => "meeting",
        "commitments" => "commitment",
        _ => return settings(Some(collection.to_string())),
    };
    let record = format!("{kind} #{id}");
    let part = match (kind, steps.peek()) {
        (_, Some(Step::Field(part))) => part.clone(),
        _ => {
            return Place {
                record: Some(record),
                field: None,
            };
        }
    };
    let inner = match (kind, part.as_str()) {
        ("person", "roles") => Some(format!("a role of {record}")),
        ("series", "exceptions") => Some(format!("an exception of {record}")),
        ("meeting", "agenda") => Some(format!("an agenda item of {record}")),
        ("meeting", "decisions") => Some(format!("a decision of {record}")),
        ("meeting", "actions") => Some(format!("an action of {record}")),
        ("commitment", "history") => Some(format!("a status change of {record}")),
        ("commitment", "deliveries") => Some(format!("a delivery of {record}")),
        _ => None,
    };
    let mut lookahead = steps.clone();
    lookahead.next();
    let inside = match (inner, kind, part.as_str(), lookahead.next()) {
        (Some(inner), _, _, Some(Step::Index(_))) => Some(inner),
        (_, "meeting", "attendance", Some(Step::Key(participant))) => Some(format!(
            "the attendance of participant #{participant} at {record}"
        )),
        (_, "commitment", "quantity" | "value", Some(Step::Field(_) | Step::Open)) => {
            Some(format!("the {part} of {record}"))
        }
        _ => None,
    };
    match inside {
        Some(inside) => {
            steps.next();
            if part != "quantity" && part != "value" {
                steps.next();
            }
            Place {
                record: Some(inside),
                field: field_name(steps.next()),
            }
        }
        None => Place {
            record: Some(record),
            field: Some(part),
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn words(text: &str, before: &str) -> Place {
        place(&path_at(text, text.find(before).unwrap()))
    }

    const TEXT: &str = r#"CoalitionRegister(
    format: "coalition-desk", // a comment with ( and "
    version: 1,
    register: (
        name: "a ( [ { \" name",
        markings: ["OFFICIAL", "X"],
        people: {
            205: (name: "A", roles: [(title: "B", participant: 1), (title: "C", until: "2025-01-01")]),
        },
        meetings: {
            12: (
                title: "T", /* a ( nested /* comment */ ) */
                attendance: { 3: (status: Presnt) },
                agenda: [(title: "x", outcome: "y@")],
            ),
        },
        commitments: {
            40: (quantity: Some((amount: 1.5@)), deliveries: [(date: "2025-02-30@")]),
        },
    ),
)"#;

    #[test]
    fn a_place_is_named_as_the_officer_knows_it() {
        let role = words(TEXT, "until");
        assert_eq!(role.record.as_deref(), Some("a role of person #205"));
        let status = words(TEXT, "Presnt");
        assert_eq!(
            status.record.as_deref(),
            Some("the attendance of participant #3 at meeting #12")
        );
        assert_eq!(status.field.as_deref(), Some("status"));
        let outcome = words(TEXT, "y@");
        assert_eq!(
            outcome.record.as_deref(),
            Some("an agenda item of meeting #12")
        );
        assert_eq!(outcome.field.as_deref(), Some("outcome"));
        let amount = words(TEXT, "1.5@");
        assert_eq!(
            amount.record.as_deref(),
            Some("the quantity of commitment #40")
        );
        assert_eq!(amount.field.as_deref(), Some("amount"));
        let date = words(TEXT, "2025-02-30@");
        assert_eq!(date.prefix(), "`date` in a delivery of commitment #40: ");
        assert_eq!(
            words(TEXT, "\"X\"").prefix(),
            "`markings` in the register's settings: "
        );
        assert_eq!(
            words(TEXT, "1,\n").prefix(),
            "`version` in the file's header: "
        );
        assert_eq!(words(TEXT, "\"T\"").prefix(), "`title` in meeting #12: ");
    }
}
