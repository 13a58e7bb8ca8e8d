//! Text as an iCalendar TEXT value (RFC 5545 §3.3.11). A content line ends
//! at CRLF, and many readers also end one at a bare CR or LF, so a line
//! break left in a value would let a register named "x", a new line and
//! `END:VEVENT` … `BEGIN:VEVENT` forge an event. Every line break becomes
//! the escaped `\n`; the RFC has no escape for a carriage return, so a CR
//! (alone or before an LF) is a line break like the LF it stands for.

/// `text` with CRLF and a bare CR as LF, and any other control character
/// but a tab (which TEXT may hold) as a space: what the `icalendar` crate
/// escapes correctly for the TEXT properties it knows (SUMMARY, LOCATION,
/// DESCRIPTION), since it turns LF into `\n` but writes a CR raw.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` escaped as a TEXT value, for the properties the `icalendar`
/// crate writes as they are given (NAME, X-WR-CALNAME) and the time zone
/// blocks written by hand: backslash, semicolon, comma and line breaks.
pub fn escaped(text: &str) -> String {
    let text = plain(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

/// The longest a physical line may be, in octets, without its CRLF.
const LIMIT: usize = 75;

/// Appends a content line ending in CRLF, folded at 75 octets (§3.1) on
/// a character boundary. A physical line never ends in a space or tab:
/// readers trim what ends a line, so the fold goes before it instead and
/// the continuation carries it.
pub fn fold_into(out: &mut String, content: &str) {
    let mut rest = content;
    // A continuation line starts with a space, which counts.
    let mut room = LIMIT;
    while rest.len() > room {
        let mut at = room;
        while !rest.is_char_boundary(at) {
            at -= 1;
        }
        while at > 1 && rest[..at].ends_with([' ', '\t']) {
            at -= 1;
        }
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = LIMIT - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// A whole `.ics` text with every content line unfolded and folded again
/// by `fold_into`: the `icalendar` crate folds a line a little over 75
/// octets, or at a trailing space, in places. Unfolding is safe here as
/// every value is escaped, so a CRLF and a space only ever mean a fold.
pub fn refolded(text: &str) -> String {
    let unfolded = text.replace("\r\n ", "");
    let mut out = String::with_capacity(text.len() + text.len() / 25);
    for line in unfolded.split_terminator("\r\n") {
        fold_into(&mut out, line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_is_escaped() {
        assert_eq!(
            escaped("a\r\nEND:VEVENT\rb\nc; d, e\\f\tg\u{7}"),
            "a\\nEND:VEVENT\\nb\\nc\\; d\\, e\\\\f\tg "
        );
        assert_eq!(plain("a\r\r\nb\u{85}"), "a\n\nb ");
    }

    #[test]
    fn folds_at_75_octets_never_after_a_space_or_inside_a_character() {
        let content = format!("LOCATION:{}", "Salle «Défense» — ".repeat(9).trim_end());
        let mut out = String::new();
        fold_into(&mut out, &content);
        assert_eq!(out.replace("\r\n ", ""), format!("{content}\r\n"));
        for line in out.split_terminator("\r\n") {
            assert!(line.len() <= LIMIT, "{line:?}");
            assert!(!line.ends_with(' '), "{line:?}");
        }
        assert_eq!(refolded(&out), out);
    }
}
