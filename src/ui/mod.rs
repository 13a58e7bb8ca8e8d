//! The egui window. Panels read the register and put `Edit`s and
//! `Command`s in an `Outbox`; the app carries them out at the end of the
//! frame, so the register changes only through `Document::apply`.

mod action;
pub mod app;
mod calendar_and_csv;
mod chrome;
pub mod clock;
pub mod command;
pub mod commitments;
pub mod copies;
mod copies_steps;
pub mod dashboard;
mod date_field;
mod default_button;
pub mod delete_button;
pub mod dialogs;
pub(crate) mod drop_down;
pub mod file_dialog;
mod files;
pub mod find_choice;
pub mod focus;
pub mod focus_ring;
pub mod fonts;
mod frame;
mod fresh;
mod history;
mod kept_copy;
pub mod meetings;
pub mod merge_review;
pub mod on_top;
pub mod opening;
pub mod palette;
pub mod participants;
mod pasted_text;
mod pick_list;
pub mod print;
mod problems;
mod register_office;
pub mod register_settings;
mod repeated;
mod review_changes;
mod review_conflict;
mod run;
mod run_attendance;
mod run_meetings;
pub mod search;
pub mod shown_error;
mod start;
mod tab;
pub mod theme;
pub mod timeline;
mod typed_field;
pub mod widgets;
pub mod workspace;
pub mod zoom;

pub use app::CoalitionDeskApp;
pub use calendar_and_csv::CsvPurpose;
pub use command::{Command, NewDelegate};

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::model::Register;

/// What every panel is drawn from: the register, the day and the
/// register's revision (which changes whenever the register does, so a
/// panel's caches know when to recompute).
#[derive(Clone, Copy, Debug)]
pub struct PanelContext<'a> {
    pub register: &'a Register,
    pub today: NaiveDate,
    pub revision: u64,
    /// The open document, when `revision` is its own: a panel asks it
    /// what changed since an earlier revision (`Document::changes_since`)
    /// to bring a large figure up to date instead of recomputing it.
    /// `None` (a panel drawn alone by a test) means recompute.
    pub document: Option<&'a crate::document::Document>,
}

impl<'a> PanelContext<'a> {
    /// The register, today and the revision, in that order, for a panel
    /// that uses all three.
    pub fn parts(&self) -> (&'a Register, NaiveDate, u64) {
        (self.register, self.today, self.revision)
    }
}

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
