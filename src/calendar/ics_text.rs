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
/// a character boundary, and never beside white space: readers trim what
/// ends a line, and some what starts a continuation, so a fold never
/// leaves a space or tab at either edge. Each fold looks back over a few
/// octets only, so the time is linear in the length (the `icalendar`
/// crate's folding took time in its square).
pub fn fold_into(out: &mut String, content: &str) {
    let blank = |c: char| c == ' ' || c == '\t';
    let mut rest = content;
    // A continuation line starts with a space, which counts.
    let mut room = LIMIT;
    while rest.len() > room {
        let mut at = room;
        while !rest.is_char_boundary(at) {
            at -= 1;
        }
        // Back to a place with no white space on either side, keeping at
        // least one character on the line so the fold moves on.
        while let (Some(head), Some(tail)) = (rest.get(..at), rest.get(at..))
            && (head.ends_with(blank) || tail.starts_with(blank))
            && let Some((before, _)) = head.char_indices().next_back()
            && before > 0
        {
            at = before;
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
    }

    fn folded(text: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, text);
        out
    }

    fn unfolded(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn a_short_line_is_left_whole() {
        assert_eq!(folded("SUMMARY:Ramstein"), "SUMMARY:Ramstein\r\n");
        let exact = "x".repeat(75);
        assert_eq!(folded(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_and_unfold_to_the_original() {
        let text = format!("SUMMARY:{}", "Міністр оборони, ".repeat(400));
        let out = folded(&text);
        assert_eq!(unfolded(&out), format!("{text}\r\n"));
        for (i, piece) in out.split_terminator("\r\n").enumerate() {
            assert!(piece.len() <= 75, "line {i} has {} octets", piece.len());
            if i > 0 {
                let after_space = piece.strip_prefix(' ').unwrap();
                assert!(!after_space.starts_with(char::is_whitespace));
            }
        }
    }

    #[test]
    fn folding_time_grows_with_the_length_not_its_square() {
        // Folding 100 times more text must take far less than 100 × 100
        // times as long; the old folding took about 10,000 times as long.
        let time = |n: usize| {
            let text = "a".repeat(n);
            let start = std::time::Instant::now();
            let mut out = String::new();
            fold_into(&mut out, &text);
            (start.elapsed(), out.len())
        };
        let (small, _) = time(20_000);
        let (large, len) = time(2_000_000);
        assert!(len > 2_000_000);
        assert!(
            large < small * 1_000 + std::time::Duration::from_millis(50),
            "20 k characters took {small:?}, 2 M took {large:?}"
        );
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escaped("a\\b,c;d\ne:f"), "a\\\\b\\,c\\;d\\ne:f");
    }
}
