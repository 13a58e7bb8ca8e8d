//! Labelled text fields for the form grids, drawn by `widgets::form_row`:
//! the visible label also names the field for screen readers, which is how
//! UI tests find it.

use egui::{Response, TextEdit, Ui};

use super::widgets::form_row;

/// A one-line text field with its label, as one row of a form grid.
pub fn text_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    form_row(ui, label, |ui| {
        ui.add(TextEdit::singleline(text).desired_width(f32::INFINITY))
    })
}

/// A multi-line text field with its label, as one row of a form grid.
pub fn multiline_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    form_row(ui, label, |ui| {
        ui.add(
            TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
    })
}
