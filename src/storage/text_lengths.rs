//! Text longer than the register allows (`model::text_limits`), found in
//! the file before it is parsed, with its place: "the title of meeting
//! #12 holds more than 500 characters". One pass over the bytes: the
//! scanner jumps from quote to quote with memchr, and looks back for the
//! field's name only at a string longer than a name may be.

use super::{context, place};
use crate::model::text_limits::{self, MOST_NAME_CHARACTERS};

/// A text found too long.
#[derive(Debug, PartialEq)]
pub(super) struct TooLong {
    /// Byte offset of the string's opening quote.
    pub(super) offset: usize,
    pub(super) message: String,
}

/// The first string of `text` longer than its field may hold.
pub(super) fn find(text: &str) -> Option<TooLong> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(found) = memchr::memchr3(b'"', b'/', b'\'', bytes.get(at..)?) {
        let start = at + found;
        match bytes.get(start) {
            Some(b'"') => {
                let hashes = raw_hashes(bytes, start);
                let end = string_end(bytes, start + 1, hashes)?;
                let body = text.get(start + 1..end)?;
                if body.len() > MOST_NAME_CHARACTERS
                    && let Some(message) = judge(text, start, body, hashes.is_some())
                {
                    return Some(TooLong {
                        offset: start,
                        message,
                    });
                }
                at = end + 1 + hashes.unwrap_or(0);
            }
            Some(b'/') => at = comment_end(bytes, start),
            // A char literal such as '"' holds no string.
            _ => at = char_end(bytes, start),
        }
    }
    None
}

/// The sentence for a string too long for its field, if it is.
fn judge(text: &str, quote: usize, body: &str, raw: bool) -> Option<String> {
    let field = field_before(text, quote).unwrap_or("");
    let most = text_limits::most_characters(field);
    // Escapes count as the one character they stand for.
    let count = if raw {
        body.chars().count()
    } else {
        unescaped_count(body)
    };
    if count <= most {
        return None;
    }
    let place = place::place(&context::path_at(text, quote)).prefix();
    let sentence = text_limits::limit_sentence(field);
    Some(format!(
        "{place}{sentence} ({count} are written here); the limits are in FORMAT.md"
    ))
}

/// How many `#` a raw string's `r#"` has, or `None` for a plain string.
fn raw_hashes(bytes: &[u8], quote: usize) -> Option<usize> {
    let before = bytes.get(..quote)?;
    let hashes = before.iter().rev().take_while(|&&b| b == b'#').count();
    let r = quote.checked_sub(hashes + 1)?;
    let is_r = bytes.get(r) == Some(&b'r');
    let word_before = r
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    (is_r && !word_before).then_some(hashes)
}

/// The byte offset of the closing quote of a string whose body starts at
/// `from`.
fn string_end(bytes: &[u8], from: usize, raw_hashes: Option<usize>) -> Option<usize> {
    let mut at = from;
    match raw_hashes {
        Some(hashes) => loop {
            let quote = at + memchr::memchr(b'"', bytes.get(at..)?)?;
            let closing = bytes.get(quote + 1..quote + 1 + hashes)?;
            if closing.iter().all(|&b| b == b'#') {
                return Some(quote);
            }
            at = quote + 1;
        },
        None => loop {
            let found = at + memchr::memchr2(b'"', b'\\', bytes.get(at..)?)?;
            if bytes.get(found) == Some(&b'"') {
                return Some(found);
            }
            at = found + 2;
        },
    }
}

/// Past a comment starting at `slash`, or just past the slash if none does.
fn comment_end(bytes: &[u8], slash: usize) -> usize {
    match bytes.get(slash + 1) {
        Some(b'/') => memchr::memchr(b'\n', bytes.get(slash..).unwrap_or_default())
            .map_or(bytes.len(), |n| slash + n + 1),
        Some(b'*') => context::after_block_comment(bytes, slash),
        _ => slash + 1,
    }
}

/// Past a char literal at `quote` ('a', '\'', '\u{20}').
fn char_end(bytes: &[u8], quote: usize) -> usize {
    let from = quote + 2;
    memchr::memchr(b'\'', bytes.get(from..).unwrap_or_default())
        .map_or(bytes.len(), |n| from + n + 1)
}

/// The name of the field a string at `quote` is the value of, looking
/// back past white space, an optional `Some(`, and the colon.
fn field_before(text: &str, quote: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut at = quote;
    // Step back over a raw string's `r#`.
    while at > 0 && matches!(bytes.get(at - 1), Some(b'#' | b'r')) {
        at -= 1;
    }
    let skip_space = |mut at: usize| {
        while at > 0 && bytes.get(at - 1).is_some_and(u8::is_ascii_whitespace) {
            at -= 1;
        }
        at
    };
    at = skip_space(at);
    if bytes.get(at.checked_sub(1)?) == Some(&b'(') {
        at = skip_space(at - 1);
        at = at
            .checked_sub(4)
            .filter(|&s| text.get(s..at) == Some("Some"))?;
        at = skip_space(at);
    }
    if bytes.get(at.checked_sub(1)?) != Some(&b':') {
        return None;
    }
    let end = skip_space(at - 1);
    let mut start = end;
    while start > 0
        && bytes
            .get(start - 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        start -= 1;
    }
    text.get(start..end).filter(|name| !name.is_empty())
}

/// Characters of a string's body as read: `\n` or `\u{e9}` is one.
fn unescaped_count(body: &str) -> usize {
    let mut count = 0;
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        count += 1;
        if c == '\\' {
            match chars.next() {
                Some('u') => {
                    for c in chars.by_ref() {
                        if c == '}' {
                            break;
                        }
                    }
                }
                Some('x') => {
                    chars.next();
                    chars.next();
                }
                _ => {}
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn register_with(field: &str, value: &str) -> String {
        format!("(register: (meetings: {{ 12: (title: \"short\", {field}: {value}) }}))")
    }

    #[test]
    fn texts_within_their_limits_pass() {
        let note = format!("\"{}\"", "n".repeat(100_000));
        assert_eq!(find(&register_with("notes", &note)), None);
        let title = format!("Some(\"{}\")", "t".repeat(500));
        assert_eq!(find(&register_with("title", &title)), None);
        let escaped = format!("\"{}\"", "\\n".repeat(400));
        assert_eq!(find(&register_with("title", &escaped)), None);
    }

    #[test]
    fn a_title_past_500_characters_is_refused_with_its_field() {
        let text = register_with("title", &format!("\"{}\"", "t".repeat(501)));
        let found = find(&text).unwrap();
        assert_eq!(text.get(found.offset..found.offset + 1), Some("\""));
        assert!(
            found.message.contains(
                "\"title\" holds more than 500 characters, the most a name or title may have"
            ),
            "{}",
            found.message
        );
    }

    #[test]
    fn a_note_past_100_000_characters_is_refused_even_raw() {
        let text = register_with("notes", &format!("r#\"{}\"#", "n".repeat(100_001)));
        let found = find(&text).unwrap();
        assert!(found.message.contains("\"notes\" holds more than 100,000"));
    }

    #[test]
    fn quotes_in_comments_chars_and_escapes_do_not_confuse_the_scan() {
        let long = "t".repeat(600);
        let text = format!(
            "// a \" quote\n/* \" /* nested \" */ */ (c: '\"', notes: \"a \\\" b\", title: \"{long}\")"
        );
        let found = find(&text).unwrap();
        assert!(found.message.contains("\"title\""), "{}", found.message);
    }
}
