//! Undo and Redo as the menus and the palette show them: named for the
//! step they would take, and disabled when there is none.

use super::command::Action;

/// What Undo and Redo would do right now, so their menu entries and
/// palette lines can say it ("Undo delete participant France").
#[derive(Clone, Copy, Debug, Default)]
pub struct History<'a> {
    pub undo: Option<&'a str>,
    pub redo: Option<&'a str>,
}

impl<'a> History<'a> {
    pub fn of(document: &'a crate::document::Document) -> Self {
        History {
            undo: document.undo_label(),
            redo: document.redo_label(),
        }
    }

    /// The action's words, naming the step for Undo and Redo.
    pub fn label(&self, action: Action) -> String {
        match self.step(action) {
            Some(step) => format!("{} {step}", action.label()),
            None => action.label().to_owned(),
        }
    }

    /// The action's tooltip, saying when there is nothing to undo or redo.
    pub fn tooltip(&self, action: Action) -> String {
        match (action, self.step(action)) {
            (Action::Undo, Some(step)) => format!("Take back the last change: {step}"),
            (Action::Redo, Some(step)) => format!("Do again what was undone: {step}"),
            (Action::Undo, None) => "Nothing to undo".to_owned(),
            (Action::Redo, None) => "Nothing to redo".to_owned(),
            _ => action.tooltip().to_owned(),
        }
    }

    /// Whether the action can run: Undo and Redo need a step.
    pub fn enabled(&self, action: Action) -> bool {
        match action {
            Action::Undo | Action::Redo => self.step(action).is_some(),
            _ => true,
        }
    }

    fn step(&self, action: Action) -> Option<&'a str> {
        match action {
            Action::Undo => self.undo,
            Action::Redo => self.redo,
            _ => None,
        }
    }
}
