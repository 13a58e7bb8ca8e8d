//! Text copied from a word processor or a PDF often carries control
//! characters: a form feed at a page break, a vertical tab for a line
//! break in Word. No register may hold one (a file with one is refused
//! when it is opened, see `storage::control`), so a field that took one in
//! would save a register that will not open again. They are turned into
//! spaces before any field sees the typed or pasted text.

use egui::Event;

use crate::model::hidden_characters;

/// Whether a character may not be kept in a register's text: the same
/// rule the file reader applies (`model::hidden_characters`).
fn refused(c: char) -> bool {
    hidden_characters::refused_character(c).is_some()
}

/// `text` with every refused control character or separator replaced by
/// a space and every bidirectional override dropped, or `None` when it has
/// none (the common case costs no allocation).
pub fn cleaned(text: &str) -> Option<String> {
    text.contains(refused).then(|| {
        text.chars()
            .filter(|&c| !hidden_characters::is_layout_control(c))
            .map(|c| if refused(c) { ' ' } else { c })
            .collect()
    })
}

/// Cleans this frame's typed and pasted text before the widgets read it.
pub fn clean_input(ctx: &egui::Context) {
    ctx.input_mut(|input| {
        for event in &mut input.events {
            if let Event::Text(text) | Event::Paste(text) = event
                && let Some(clean) = cleaned(text)
            {
                *text = clean;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::cleaned;

    #[test]
    fn page_breaks_and_vertical_tabs_become_spaces() {
        assert_eq!(
            cleaned("Air\u{c}policing\u{b}now\u{0}").as_deref(),
            Some("Air policing now ")
        );
    }

    #[test]
    fn overrides_are_dropped_and_separators_become_spaces() {
        assert_eq!(
            cleaned("Approved\u{202e}devorppa\u{2028}now\u{7f}\u{85}").as_deref(),
            Some("Approveddevorppa now  ")
        );
    }

    #[test]
    fn ordinary_text_and_line_breaks_are_left_alone() {
        assert_eq!(cleaned("Kyiv\tLviv\r\nOdesa — Україна"), None);
    }
}
