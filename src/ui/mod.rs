//! The egui window. Panels read the register and put `Edit`s and
//! `Command`s in an `Outbox`; the app carries them out at the end of the
//! frame, so the register changes only through `Document::apply`.

mod answers;
pub mod app;
mod chrome;
pub mod command;
pub mod commitments;
pub mod dashboard;
pub mod dialogs;
mod export_calendar;
pub mod file_dialog;
mod files;
pub mod fonts;
pub mod form;
pub mod meetings;
pub mod opening;
pub mod participants;
pub mod print;
mod records;
pub mod register_settings;
pub mod search;
pub mod theme;
pub mod timeline;
mod tracking_files;
pub mod widgets;

pub use app::CoalitionDeskApp;
pub use command::Command;

use crate::edit::Edit;

/// What the panels asked for during one frame.
#[derive(Debug, Default)]
pub struct Outbox {
    pub edits: Vec<Edit>,
    pub commands: Vec<Command>,
}

impl Outbox {
    /// Asks for a change to the register. Edits made while a text field has
    /// focus merge into one undo step per field.
    pub fn edit(&mut self, edit: Edit) {
        self.edits.push(edit);
    }

    /// Asks for an application action (open a record, save, delete ...).
    pub fn command(&mut self, command: Command) {
        self.commands.push(command);
    }
}
