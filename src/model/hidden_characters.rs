//! Characters no text in a register may hold: control characters, which
//! a crash or a word processor leaves behind, and characters that make
//! text show differently from how it is stored — line separators that some
//! programs break on and others ignore, and the bidirectional overrides
//! and isolates that make "Approved" read backwards on screen while the
//! file holds something else (the "Trojan Source" trick). The file reader,
//! the window's typing and pasting and the CSV import all refuse them by
//! this one rule.

/// What `c` is, in words, when no register text may hold it; `None` for
/// every ordinary character. Tab, new line and carriage return are text.
pub fn refused_character(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1f}' | '\u{7f}' | '\u{80}'..='\u{84}' | '\u{86}'..='\u{9f}' => {
            Some("a control character")
        }
        '\u{85}' => Some("a next-line control character"),
        '\u{2028}' => Some("a line separator"),
        '\u{2029}' => Some("a paragraph separator"),
        '\u{202a}' | '\u{202b}' => Some("a bidirectional embedding"),
        '\u{202c}' => Some("a bidirectional pop"),
        '\u{202d}' => Some("a left-to-right override"),
        '\u{202e}' => Some("a right-to-left override"),
        '\u{2066}'..='\u{2069}' => Some("a bidirectional isolate"),
        '\u{feff}' => Some("a zero-width no-break space"),
        _ => None,
    }
}

/// "a right-to-left override (U+202E)", for a refused character.
pub fn named(c: char) -> String {
    let what = refused_character(c).unwrap_or("a character");
    format!("{what} (U+{:04X})", u32::from(c))
}

/// The first refused character of `text` and its byte offset.
pub fn first_refused(text: &str) -> Option<(usize, char)> {
    text.char_indices()
        .find(|(_, c)| refused_character(*c).is_some())
}

/// Whether `c` only steers how text is laid out (an override, an
/// isolate, a byte-order mark): dropped from typed text, where a control
/// character or a separator becomes a space instead.
pub fn is_layout_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_in_any_script_passes() {
        for text in [
            "Kyiv\tLviv\r\nOdesa — Україна",
            "«Défense» · 1 500 € · naïve",
            "وزارة الدفاع",
            "משרד הביטחון",
            "日本国 防衛省",
        ] {
            assert_eq!(first_refused(text), None, "{text}");
        }
    }

    #[test]
    fn controls_separators_and_overrides_are_named() {
        assert_eq!(named('\u{202e}'), "a right-to-left override (U+202E)");
        assert_eq!(named('\u{7f}'), "a control character (U+007F)");
        assert_eq!(named('\u{85}'), "a next-line control character (U+0085)");
        assert_eq!(named('\u{2028}'), "a line separator (U+2028)");
        assert_eq!(named('\u{2067}'), "a bidirectional isolate (U+2067)");
        assert_eq!(
            first_refused("Approved\u{202e}devorppa"),
            Some((8, '\u{202e}'))
        );
        assert_eq!(first_refused("x\u{1b}"), Some((1, '\u{1b}')));
    }
}
