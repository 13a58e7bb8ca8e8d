//! What the window shows when no register is open: the file named on the
//! command line (or the last one) could not be read, and there was nothing
//! before it. Rather than an empty unsaved register the officer never
//! asked for, the window says which file failed and why, and offers the
//! ways on: Open…, Open Recent, New, or the sample.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::Action;
use super::{Command, Outbox, widgets};

/// The file that could not be opened when nothing else was open.
#[derive(Debug)]
pub struct NothingOpen {
    pub path: PathBuf,
    /// Why, in the words of the dialog that said so.
    pub reason: String,
}

/// The central panel while nothing is open.
pub fn nothing_open_ui(ui: &mut Ui, nothing: &NothingOpen, recent: &[PathBuf], out: &mut Outbox) {
    ui.add_space(40.0);
    ui.vertical_centered(|ui| {
        ui.set_max_width(560.0);
        ui.heading("No register is open");
        ui.add_space(8.0);
        ui.label(format!("{} could not be opened.", nothing.path.display()));
        ui.label(RichText::new(&nothing.reason).weak());
        ui.add_space(16.0);
        ui.label("Open another register, or start a new one:");
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            action_button(ui, Action::OpenFile, out);
            let others: Vec<&PathBuf> = recent.iter().filter(|p| **p != nothing.path).collect();
            ui.add_enabled_ui(!others.is_empty(), |ui| {
                ui.menu_button("Open Recent", |ui| {
                    for path in others {
                        // As the File menu's Open Recent writes them.
                        widgets::command_button(ui, Command::OpenRecent(path.clone()), out);
                    }
                })
                .response
                .on_disabled_hover_text("No other register was opened recently");
            });
            action_button(ui, Action::New, out);
            action_button(ui, Action::OpenSample, out);
        });
    });
}

/// A button with the action's own label and tooltip.
fn action_button(ui: &mut Ui, action: Action, out: &mut Outbox) {
    widgets::command_button(ui, action.command(), out);
}
