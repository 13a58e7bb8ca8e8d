//! One conflict in the merge review: the record and field in words, both
//! copies' values side by side with the office that made each, and the
//! officer's choice.

use egui::{RichText, ScrollArea, TextEdit, Ui};

use super::merge_review::{Decide, Decision};
use super::shown_error;
use crate::model::{Conflict, Register};

/// How tall a value may grow before it scrolls.
const VALUE_HEIGHT: f32 = 110.0;

/// Draws conflict number `index` (from 0) with its choice.
pub(super) fn conflict_ui(
    ui: &mut Ui,
    index: usize,
    conflict: &Conflict,
    decision: &mut Decision,
    register: &Register,
) {
    let ours = office(&conflict.ours_office, "this copy");
    let theirs = office(&conflict.theirs_office, "the other copy");
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!(
                "{}. {} — {}",
                index + 1,
                record_words(register, conflict),
                register.field_words(conflict)
            ));
            ui.weak(format!(
                "{} {}",
                if conflict.compared {
                    "compared"
                } else {
                    "merged"
                },
                conflict.merged.format("%Y-%m-%d %H:%M")
            ));
        });
        ui.columns(2, |columns| {
            let sides = [
                ("ours", &conflict.ours, ours, " (applied now)"),
                ("theirs", &conflict.theirs, theirs, ""),
            ];
            for (column, (side, text, office, note)) in columns.iter_mut().zip(sides) {
                let heading = format!("{office}'s copy{note}");
                let deleted = missing(conflict, office);
                side_ui(column, (index, side), &heading, text.as_deref(), &deleted);
            }
        });
        ui.horizontal_wrapped(|ui| {
            let before = decision.decide;
            let decide = &mut decision.decide;
            ui.radio_value(decide, Decide::Ours, format!("Keep {ours}'s"));
            ui.radio_value(decide, Decide::Theirs, format!("Take {theirs}'s"));
            ui.radio_value(decide, Decide::Edit, "Edit the value");
            ui.radio_value(decide, Decide::Later, "Decide later");
            if decision.decide == Decide::Edit
                && before != Decide::Edit
                && decision.edited.is_empty()
            {
                // The value applied now, to be corrected rather than retyped.
                let applied = conflict.ours.as_deref().or(conflict.theirs.as_deref());
                match applied.and_then(|value| ron::from_str::<String>(value).ok()) {
                    Some(words) => {
                        decision.plain_text = true;
                        decision.edited = words;
                    }
                    None => decision.edited = applied.map(readable).unwrap_or_default(),
                }
            }
        });
        if decision.decide == Decide::Edit {
            let label = ui.label(if decision.plain_text {
                "The text to keep:"
            } else {
                "The value to keep, as written in the file:"
            });
            let field = ui
                .add(
                    TextEdit::multiline(&mut decision.edited)
                        .id_salt(("merge-edit", index))
                        .code_editor()
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if field.changed() {
                decision.refused = None;
            }
        }
        if let Some(refused) = &decision.refused {
            shown_error::label(ui, refused);
        }
    });
    ui.add_space(4.0);
}

/// An office as the review names it, or what stands for it when the
/// merge did not record one.
fn office<'a>(code: &'a str, otherwise: &'a str) -> &'a str {
    if code.trim().is_empty() {
        otherwise
    } else {
        code
    }
}

/// What stands for a record one copy lacks: deleted there, when a merge
/// found it so; only missing, when two copies were compared without a
/// common copy and nothing says whether it was deleted or never added.
fn missing(conflict: &Conflict, office: &str) -> String {
    if conflict.compared {
        format!("Not in {office}'s copy")
    } else {
        format!("Deleted in {office}'s copy")
    }
}

/// One copy's value, wrapped, scrolling when long.
fn side_ui(ui: &mut Ui, salt: (usize, &str), heading: &str, value: Option<&str>, deleted: &str) {
    ui.strong(heading);
    match value {
        Some(value) => {
            ScrollArea::vertical()
                .id_salt(("merge-value", salt))
                .max_height(VALUE_HEIGHT)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    // Left-aligned: the columns justify, which would spread
                    // a wrapped value's letters across the line.
                    ui.with_layout(egui::Layout::top_down(egui::Align::LEFT), |ui| {
                        ui.add(
                            egui::Label::new(RichText::new(readable(value)).monospace())
                                .wrap_mode(egui::TextWrapMode::Wrap),
                        );
                    });
                });
        }
        None => {
            ui.label(RichText::new(deleted).italics());
        }
    }
}

/// A value as RON writes it, one field or item a line when it is long
/// (a whole record), so it reads down rather than across. Still RON: the
/// edit box starts from it and the core reads it back.
pub fn readable(value: &str) -> String {
    const SHORT: usize = 60;
    if value.chars().count() <= SHORT {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 64);
    let mut depth = 0usize;
    let mut in_text = false;
    let mut escaped = false;
    for c in value.chars() {
        if in_text {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_text = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_text = true;
                out.push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                out.push(c);
                if depth == 1 {
                    out.push_str("\n    ");
                }
            }
            ')' | ']' | '}' => {
                if depth == 1 {
                    out.push('\n');
                }
                depth = depth.saturating_sub(1);
                out.push(c);
            }
            ',' if depth == 1 => out.push_str(",\n    "),
            ':' if depth == 1 => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// The record in conflict as the officer knows it.
fn record_words(register: &Register, conflict: &Conflict) -> String {
    match conflict.record {
        None => "The register's settings".to_string(),
        // A record this copy deleted is named as the other copy named it.
        Some(_) if !conflict.name.trim().is_empty() => conflict.name.clone(),
        Some(record) => register.known_as(record),
    }
}
