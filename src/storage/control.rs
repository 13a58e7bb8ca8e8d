//! Control characters in a register's text. None belongs in a register
//! but tab, newline and carriage return (files saved with CRLF). A run of
//! NUL bytes is what a file looks like after a crash on some file
//! systems, and ron would read it into a string without a word; so every
//! read looks for them first, written or escaped (`\0`, `\x00`, `\u{0}`).
//!
//! The scan of the written characters runs on every load of a file of
//! up to a hundred megabytes, so it is byte-based and branch-free over
//! blocks, which the compiler turns into vector instructions.

use super::{context, place};

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
    byte < 0x20 && byte != b'\t' && byte != b'\n' && byte != b'\r'
}

/// The first control character in `text`, written or escaped in a string.
pub(super) fn find(text: &str) -> Option<Found> {
    written(text).or_else(|| escaped(text))
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
        let Some(code) = code.filter(|&code| code < 0x20 && refused(code as u8)) else {
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
                "{place}the text holds the escape {written}, a control character \
                 (U+{code:04X}), here; no text in a register may hold one: remove it \
                 (write \\n for a new line)"
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
        assert_eq!(find("(a: \"\\u{7f} \\x41 \\u{1F600}\")"), None);
    }
}
