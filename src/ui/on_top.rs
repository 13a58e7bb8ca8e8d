//! The one thing that may sit on top of the panels, and what it lets
//! through. Shortcuts and commands are gated here, in one place
//! ([`Workspace::reads_shortcuts`], [`Workspace::admits`]).

use super::Command;
use super::calendar_and_csv::ImportReview;
use super::copies::Exchange;
use super::dialogs::Dialog;
use super::file_dialog::{PathPurpose, TypedPath};
use super::opening::Opening;
use super::palette::Palette;
use super::print::PrintPreview;
use super::shown_error::Failure;
use super::workspace::Workspace;

/// What an overlay decided in one frame. A command is run by the app
/// through the same gate as any other, once the overlay has closed.
#[must_use]
#[derive(Debug)]
pub enum Outcome {
    /// It stays on top.
    Stays,
    /// It closed with nothing more to do.
    Closed,
    /// It closed, and the officer's answer is this command.
    Then(Command),
}

/// What sits on top of the panels. Only one at a time: putting another on
/// top replaces it.
pub enum OnTop {
    /// A register being read on a worker thread, to replace this one.
    Opening(Box<Opening>),
    /// A question or a message the officer must answer.
    Question(Dialog),
    /// A file to name by typing its path, no file dialog being available.
    TypedPath(TypedPath),
    /// A CSV import waiting for the officer's confirmation.
    ImportReview(ImportReview),
    /// Sending or merging a copy of the register, up to the merge review.
    Exchange(Exchange),
    /// The print preview of a report.
    PrintPreview(Box<PrintPreview>),
    /// The search box; its text and index stay with the workspace.
    Search,
    /// The command palette.
    Palette(Palette),
}

impl OnTop {
    /// What the officer calls it, for "finish with … first".
    pub fn name(&self) -> &'static str {
        match self {
            OnTop::Opening(_) => "the register being opened",
            OnTop::Question(_) => "the open question",
            OnTop::TypedPath(typed) => match typed.purpose {
                PathPurpose::SendCopy { .. } => "sending a copy",
                PathPurpose::MergeCopy => "merging another copy",
                _ => "the open question",
            },
            OnTop::ImportReview(_) => "the import review",
            OnTop::Exchange(exchange) => exchange.name(),
            OnTop::PrintPreview(_) => "the print preview",
            OnTop::Search => "the search box",
            OnTop::Palette(_) => "the command palette",
        }
    }

    /// Whether the register must not change while this is on top: a file
    /// is being read to replace it, a question is about it as it is, or an
    /// import or a merge was computed against it.
    fn holds_the_register(&self) -> bool {
        // Every kind says, so a new one cannot be left out.
        match self {
            OnTop::Opening(_)
            | OnTop::Question(_)
            | OnTop::TypedPath(_)
            | OnTop::ImportReview(_)
            | OnTop::Exchange(_) => true,
            OnTop::PrintPreview(_) | OnTop::Search | OnTop::Palette(_) => false,
        }
    }

    /// Whether `command` may run with this on top; if not, why, in words.
    /// Quit always may (it asks about unsaved changes itself). Commands
    /// that change the register or the open file wait while the register
    /// is held; others (opening a record, a preview) may go on and replace
    /// a search box, palette or preview.
    pub fn admits(&self, command: &Command) -> Result<(), Failure> {
        if *command == Command::Quit {
            return Ok(());
        }
        self.admits_changes()
    }

    /// Whether the register may change with this on top (an edit, or a
    /// command other than Quit); if not, why, in words.
    fn admits_changes(&self) -> Result<(), Failure> {
        match self {
            OnTop::Opening(opening) => Err(Failure::Refused(format!(
                "Still opening {}; try again in a moment",
                opening.path().display()
            ))),
            held if held.holds_the_register() => Err(Failure::Refused(format!(
                "Finish with {} first",
                held.name()
            ))),
            _ => Ok(()),
        }
    }
}

impl Workspace {
    /// Whether the window's shortcuts are read this frame: not while
    /// anything is on top, which has the keyboard (typing, Enter, Escape)
    /// to itself.
    pub fn reads_shortcuts(&self) -> bool {
        self.on_top.is_none()
    }

    /// Puts the search box on top, its text ready to type over.
    pub(super) fn show_search(&mut self) {
        self.search.show();
        self.on_top = Some(OnTop::Search);
    }

    /// Whether `command` may run now; if not, why, in words.
    pub fn admits(&self, command: &Command) -> Result<(), Failure> {
        self.on_top
            .as_ref()
            .map_or(Ok(()), |on_top| on_top.admits(command))
    }

    /// Whether an edit may be applied now, by the same rule as a command:
    /// not while what is on top holds the register.
    pub fn admits_edit(&self) -> Result<(), Failure> {
        self.on_top.as_ref().map_or(Ok(()), OnTop::admits_changes)
    }
}
