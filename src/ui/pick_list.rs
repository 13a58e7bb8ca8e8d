//! What the command palette and the search box share: a window at the top
//! centre, a line to type in, and a list the arrow keys move through.

use egui::{Key, Modifiers, TextEdit, Ui};

/// Takes the list's keys from the input, so the line typed in does not
/// see them: the arrows move `selected` among `rows`; says whether Enter
/// and Escape were pressed.
pub fn keys(ui: &mut Ui, selected: &mut usize, rows: usize) -> (bool, bool) {
    let (down, up, enter, escape) = ui.input_mut(|i| {
        (
            i.consume_key(Modifiers::NONE, Key::ArrowDown),
            i.consume_key(Modifiers::NONE, Key::ArrowUp),
            i.consume_key(Modifiers::NONE, Key::Enter),
            i.consume_key(Modifiers::NONE, Key::Escape),
        )
    });
    if down {
        *selected = (*selected + 1).min(rows.saturating_sub(1));
    }
    if up {
        *selected = selected.saturating_sub(1);
    }
    (enter, escape)
}

/// The window, `width` wide at the top centre; its cross clears `open`.
pub fn window<'open>(title: &str, width: f32, open: &'open mut bool) -> egui::Window<'open> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
        .default_width(width)
        .open(open)
}

/// The line typed in, `width` wide under `words`: it takes the keyboard
/// when `focus` was set, and typing goes back to the first row of the list.
pub fn query_ui(
    ui: &mut Ui,
    words: &str,
    hint: &str,
    width: f32,
    query: &mut String,
    focus: &mut bool,
    selected: &mut usize,
) {
    let label = ui.label(words);
    let response = ui
        .add(
            TextEdit::singleline(query)
                .hint_text(hint)
                .desired_width(width),
        )
        .labelled_by(label.id);
    if std::mem::take(focus) {
        response.request_focus();
    }
    if response.changed() {
        *selected = 0;
    }
}
