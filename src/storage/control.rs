//! Control characters in a register's text. None belongs in a register
//! but tab, newline and carriage return (files saved with CRLF). A run of
//! NUL bytes is what a file looks like after a crash on some file
//! systems, and ron would read it into a string without a word; so every
//! read looks for them first, written or escaped (`\0`, `\x00`, `\u{0}`).
//!
//! Characters that make text show differently from how it is stored (the
//! bidirectional overrides, line separators, C1 controls and DEL: see
//! `model::hidden_characters`) are refused the same way.
//!
//! The scan of the written characters runs on every load of a file of
//! up to a hundred megabytes, so it is byte-based and branch-free over
//! blocks, which the compiler turns into vector instructions; the
//! multi-byte characters are found by the three lead bytes they can start
//! with, which memchr finds as fast.

use super::{context, place};
use crate::model::hidden_characters;

/// A control character found in the text.
#[derive(Debug, PartialEq)]
pub(super) struct Found {
    /// Byte offset of the character (or of the escape's backslash).
    pub(super) offset: usize,
    pub(super) message: String,
}

/// Whether a byte is a control character no register may hold. Bytes of
/// multi-byte UTF-8 characters are all 0x80 and above, so this never
/// matches inside one.
const fn refused(byte: u8) -> bool {
    (byte < 0x20 && byte != b'\t' && byte != b'\n' && byte != b'\r') || byte == 0x7f
}

/// The first control character in `text`, written or escaped in a string.
pub(super) fn find(text: &str) -> Option<Found> {
    let found = match (written(text), hidden(text)) {
        (Some(a), Some(b)) => Some(if a.offset <= b.offset { a } else { b }),
        (a, b) => a.or(b),
    };
    found.or_else(|| escaped(text))
}

/// The first refused character of more than one byte: a C1 control
/// (lead byte 0xC2), a separator or bidirectional control (0xE2) or a
/// byte-order mark inside the text (0xEF).
fn hidden(text: &str) -> Option<Found> {
    let bytes = text.as_bytes();
    let offset = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, bytes).find(|&at| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| hidden_characters::refused_character(c).is_some())
    })?;
    let c = text.get(offset..)?.chars().next()?;
    let place = place::place(&context::path_at(text, offset)).prefix();
    Some(Found {
        offset,
        message: format!(
            "{place}the file holds {} here; no text in a register may hold one, since it \
             makes the text show differently from how it is stored: remove it in a text editor",
            hidden_characters::named(c)
        ),
    })
}

/// The first control character written as itself, and how many follow it.
fn written(text: &str) -> Option<Found> {
    let bytes = text.as_bytes();
    const BLOCK: usize = 64;
    let mut blocks = bytes.chunks_exact(BLOCK);
    let mut start = None;
    for (n, block) in (&mut blocks).enumerate() {
        if block.iter().fold(0u8, |any, &b| any | u8::from(refused(b))) != 0 {
            start = block
                .iter()
                .position(|&b| refused(b))
                .map(|at| n * BLOCK + at);
            break;
        }
    }
    let offset = match start {
        Some(offset) => offset,
        None => {
            let rest = bytes.len() - blocks.remainder().len();
            rest + blocks.remainder().iter().position(|&b| refused(b))?
        }
    };
    let first = *bytes.get(offset)?;
    let run = bytes
        .get(offset..)?
        .iter()
        .take_while(|&&b| b == first)
        .count();
    let what = if run == 1 {
        format!("a control character (U+{first:04X})")
    } else {
        format!("{run} control characters (U+{first:04X}) in a row")
    };
    let place = place::place(&context::path_at(text, offset)).prefix();
    let advice = if first == 0 {
        "; zero-filled blocks like this are what a file looks like after a crash on some file \
         systems: open the backup (.bak) beside the register, or remove them in a text editor"
    } else {
        "; no text in a register may hold one: remove it in a text editor"
    };
    Some(Found {
        offset,
        message: format!("{place}the file holds {what} here{advice}"),
    })
}

/// The first escape in a string that gives a control character: `\0`,
/// `\x00` to `\x1F` or `\u{0}` to `\u{1F}`, except tab, newline and
/// carriage return.
fn escaped(text: &str) -> Option<Found> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = memchr::memchr(b'\\', bytes.get(from..)?) {
        let backslash = from + at;
        let (code, length) = escape_at(bytes, backslash);
        from = backslash + length.max(2);
        let Some(code) = code.filter(|&code| {
            char::from_u32(code).is_some_and(|c| hidden_characters::refused_character(c).is_some())
        }) else {
            continue;
        };
        // A backslash in a comment or a raw string is no escape.
        let scanned = context::scan(text, backslash);
        if !scanned.in_plain_string {
            continue;
        }
        let written = text.get(backslash..backslash + length).unwrap_or("\\");
        let place = place::place(&scanned.path).prefix();
        return Some(Found {
            offset: backslash,
            message: format!(
                "{place}the text holds the escape {written}, {}, here; no text in a \
                 register may hold one: remove it (write \\n for a new line)",
                char::from_u32(code).map_or_else(String::new, hidden_characters::named)
            ),
        });
    }
    None
}

/// The character an escape at `backslash` gives, if it is a numeric one,
/// and the escape's length in bytes.
fn escape_at(bytes: &[u8], backslash: usize) -> (Option<u32>, usize) {
    let hex = |from: usize, to: usize| -> Option<u32> {
        let digits = std::str::from_utf8(bytes.get(from..to)?).ok()?;
        u32::from_str_radix(digits, 16).ok()
    };
    match bytes.get(backslash + 1) {
        Some(b'0') => (Some(0), 2),
        Some(b'x') => (hex(backslash + 2, backslash + 4), 4),
        Some(b'u') if bytes.get(backslash + 2) == Some(&b'{') => {
            let open = backslash + 3;
            let close = bytes
                .get(open..)
                .and_then(|rest| rest.iter().take(7).position(|&b| b == b'}'))
                .map(|n| open + n);
            match close {
                Some(close) => (hex(open, close), close + 1 - backslash),
                None => (None, 2),
            }
        }
        _ => (None, 2),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_newline_and_carriage_return_pass() {
        assert_eq!(find("a\tb\r\nc \\t \\n \\r \\\\x00"), None);
        assert_eq!(find(&"x".repeat(1000)), None);
    }

    #[test]
    fn a_written_control_character_is_found_in_any_block() {
        for at in [0, 5, 63, 64, 200, 999] {
            let mut text = "x".repeat(1000);
            text.replace_range(at..at + 1, "\u{1b}");
            assert_eq!(written(&text).unwrap().offset, at);
        }
        let nuls = format!("(a: \"b{}c\")", "\0".repeat(16));
        let found = find(&nuls).unwrap();
        assert_eq!(found.offset, 6);
        assert!(
            found.message.contains("16 control characters (U+0000)"),
            "{}",
            found.message
        );
    }

    #[test]
    fn escapes_are_found_only_in_plain_strings() {
        for escape in ["\\0", "\\x00", "\\x1f", "\\u{0}", "\\u{1B}"] {
            let text = format!("(a: \"ok {escape} x\")");
            let found = find(&text).unwrap();
            assert_eq!(found.offset, 8, "{escape}");
            assert!(found.message.contains(escape), "{}", found.message);
        }
        assert_eq!(find("(a: r\"\\x00\") // \\0"), None);
        assert_eq!(find("(a: \"\\u{7e} \\x41 \\u{1F600} \\u{a0}\")"), None);
        let found = find("(a: \"ok \\u{202E} x\")").unwrap();
        assert!(
            found.message.contains("a right-to-left override (U+202E)"),
            "{}",
            found.message
        );
    }

    #[test]
    fn text_that_shows_differently_from_how_it_is_stored_is_found() {
        for (hidden, name) in [
            ("\u{7f}", "a control character (U+007F)"),
            ("\u{85}", "a next-line control character (U+0085)"),
            ("\u{2028}", "a line separator (U+2028)"),
            ("\u{202e}", "a right-to-left override (U+202E)"),
            ("\u{2066}", "a bidirectional isolate (U+2066)"),
            ("\u{feff}", "a zero-width no-break space (U+FEFF)"),
        ] {
            // Behind ordinary multi-byte text with the same lead bytes.
            let text = format!("(a: \"— “Україна” £ {hidden} x\")");
            let found = find(&text).unwrap_or_else(|| panic!("{name} is found"));
            let offset = text.find(hidden).unwrap();
            assert_eq!(found.offset, offset, "{name}");
            assert!(found.message.contains(name), "{}", found.message);
        }
        assert_eq!(find("(a: \"— “Україна” £ ½ € ‰\")"), None);
    }
}
