//! The command palette (Ctrl+Shift+P): type part of an action's name, move
//! with the arrows, Enter runs it, Escape closes. It lists every
//! [`Action`], so whatever the menus can do, the palette can do.

use egui::Ui;

use super::command::{Action, History};
use super::on_top::Outcome;
use super::pick_list;

/// The palette's state while it is open.
#[derive(Debug, Default)]
pub struct Palette {
    pub query: String,
    /// The highlighted line.
    pub selected: usize,
    /// Set when opened, so the text field takes the keyboard at once.
    focus: bool,
}

impl Palette {
    /// A palette ready for typing.
    pub fn new() -> Self {
        Palette {
            focus: true,
            ..Palette::default()
        }
    }

    /// The actions whose label contains the typed text, ignoring case, in
    /// the order of [`Action::all`]; the palette itself is not listed.
    pub fn matching(&self) -> Vec<Action> {
        let needle = self.query.trim().to_lowercase();
        Action::all()
            .into_iter()
            .filter(|action| *action != Action::CommandPalette)
            .filter(|action| action.label().to_lowercase().contains(&needle))
            .collect()
    }

    /// Draws the palette: it closes with the action chosen, or with
    /// nothing on Escape.
    pub fn ui(&mut self, ui: &mut Ui, history: History<'_>) -> Outcome {
        let actions = self.matching();
        let (enter, escape) = pick_list::keys(ui, &mut self.selected, actions.len());
        let mut chosen = enter.then(|| actions.get(self.selected).copied()).flatten();
        let mut open = !escape;
        pick_list::window("Command palette", 420.0, &mut open).show(ui.ctx(), |ui| {
            let (words, hint) = ("Run an action", "type part of its name");
            let (query, focus) = (&mut self.query, &mut self.focus);
            pick_list::query_ui(ui, words, hint, 380.0, query, focus, &mut self.selected);
            if actions.is_empty() {
                ui.weak("No action has that in its name.");
            }
            for (i, action) in actions.iter().enumerate() {
                let mut text = history.label(*action);
                if let Some(shortcut) = action.shortcut() {
                    text = format!("{text}    {}", ui.ctx().format_shortcut(&shortcut));
                }
                let line = ui
                    .selectable_label(i == self.selected, text)
                    .on_hover_text(history.tooltip(*action));
                if line.clicked() {
                    chosen = Some(*action);
                }
            }
        });
        match chosen {
            Some(action) => Outcome::Then(action.command()),
            None if open => Outcome::Stays,
            None => Outcome::Closed,
        }
    }
}
