//! The one way the window shows that something went wrong, by one rule:
//!
//! - an error about what sits right there — a value being typed, a row of
//!   a file being imported, a step of a form — is shown beside it, in red,
//!   by [`label`] (in another widget, in [`colour`]: a problem above an
//!   editor, a value refused as it is typed), and changes nothing;
//! - every other error goes in the status line as an error, logged once,
//!   by `CoalitionDeskApp::show_error` with a [`Failure`]: a command or an
//!   edit refused, something that failed in the background; and when what
//!   the officer asked for did not happen (a file not opened, saved,
//!   exported or written) it also waits in a message until they
//!   acknowledge it.
//!
//! A refusal is never shown as plain information.

use egui::{Response, RichText, Ui};

use crate::model::ValueError;

use crate::edit::EditRefused;

/// Why the window did not do what was asked, and so where it is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Refused before anything changed: by what sits on top, by the
    /// register's rules, or for want of something to do it with.
    Refused(String),
    /// Went wrong out of the officer's sight (an autosave, a leftover
    /// file), where a message would interrupt for nothing they can do now.
    InBackground(String),
    /// What the officer asked for did not happen: `what` says which
    /// ("The register was not saved"), `why` the reason; `briefly`, when
    /// the window shows the reason elsewhere too, the status line's words.
    NotDone {
        what: String,
        why: String,
        briefly: Option<String>,
    },
}

impl Failure {
    /// What did not happen, for a file the officer asked to open, save,
    /// export or write.
    pub fn not_done(what: impl Into<String>, why: impl ToString) -> Self {
        Failure::NotDone {
            what: what.into(),
            why: why.to_string(),
            briefly: None,
        }
    }

    /// The same failure, said in the status line in these few words
    /// (the start screen of a file that could not be opened says why).
    #[must_use]
    pub fn briefly(self, words: impl Into<String>) -> Self {
        match self {
            Failure::NotDone { what, why, .. } => Failure::NotDone {
                what,
                why,
                briefly: Some(words.into()),
            },
            other => other,
        }
    }

    /// The whole sentence, as the log keeps it.
    pub fn sentence(&self) -> String {
        match self {
            Failure::Refused(text) | Failure::InBackground(text) => text.clone(),
            Failure::NotDone { what, why, .. } => format!("{what}: {why}"),
        }
    }

    /// What the status line says.
    pub fn status_line(&self) -> String {
        match self {
            Failure::NotDone {
                briefly: Some(words),
                ..
            } => words.clone(),
            other => other.sentence(),
        }
    }
}

/// What the officer is told once a command has run on the open register:
/// a line of information, or a [`Failure`] shown by the rule above. The
/// workspace keeps them in order (`Workspace::tell`, `Workspace::fail`)
/// and the app shows them, in one place (`CoalitionDeskApp::show_told`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Info(String),
    Failed(Failure),
    /// What was said before no longer holds: the status line clears.
    Unsaid,
}

/// Why a text typed in a field is refused: shown beside the field by
/// [`label`], and the value keeps what it held.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FieldRefusal(String);

impl FieldRefusal {
    /// The officer's sentence: the value and how to write it.
    pub fn new(sentence: impl Into<String>) -> Self {
        FieldRefusal(sentence.into())
    }
}

impl From<ValueError> for FieldRefusal {
    fn from(error: ValueError) -> Self {
        FieldRefusal(error.to_string())
    }
}

impl From<EditRefused> for Failure {
    fn from(refused: EditRefused) -> Self {
        Failure::Refused(refused.to_string())
    }
}

/// An error shown beside what it is about (a field, a row, a form), or in
/// the status line, in red.
pub fn label(ui: &mut Ui, text: impl Into<RichText>) -> Response {
    ui.colored_label(colour(ui.visuals()), text)
}

/// `text` in the error colour, for an error drawn by another widget than
/// a label (a problem the officer can click, a value in a box).
pub fn text(ui: &Ui, text: impl Into<RichText>) -> RichText {
    text.into().color(colour(ui.visuals()))
}

/// The one colour the window gives an error (the theme's, light or dark):
/// every error drawn in red takes it from here.
pub fn colour(visuals: &egui::Visuals) -> egui::Color32 {
    visuals.error_fg_color
}
