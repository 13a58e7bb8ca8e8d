//! Where a place in the register's text is: the path of fields, keys
//! and list elements that leads to it ([`super::place`] puts it in the
//! officer's words). ron gives a line and column; a person editing the
//! file also wants to know which record that is.
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

/// After a `/* */` comment starting at `start` (they nest in RON), or
/// the end of the text.
pub(super) fn after_block_comment(bytes: &[u8], start: usize) -> usize {
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
