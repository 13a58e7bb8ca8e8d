//! Labelled text fields for the form grids. The visible label also names
//! the field for screen readers, which is how UI tests find it.

use egui::{Response, TextEdit, Ui};

/// A one-line text field with its label, as one row of a form grid.
pub fn text_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    let label = ui.label(label);
    let response = ui
        .add(TextEdit::singleline(text).desired_width(f32::INFINITY))
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// A multi-line text field with its label, as one row of a form grid.
pub fn multiline_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    let label = ui.label(label);
    let response = ui
        .add(
            TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    ui.end_row();
    response
}
