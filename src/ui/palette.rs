//! The command palette (Ctrl+Shift+P): type part of an action's name, move
//! with the arrows, Enter runs it, Escape closes. It lists every
//! [`Action`], so whatever the menus can do, the palette can do.

use egui::{Key, Modifiers, TextEdit, Ui};

use super::command::{Action, History};
use super::on_top::Outcome;

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
        let (down, up, enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::ArrowDown),
                i.consume_key(Modifiers::NONE, Key::ArrowUp),
                i.consume_key(Modifiers::NONE, Key::Enter),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(actions.len().saturating_sub(1));
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        let mut chosen = enter.then(|| actions.get(self.selected).copied()).flatten();
        let mut open = !escape;
        egui::Window::new("Command palette")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .default_width(420.0)
            .open(&mut open)
            .show(ui.ctx(), |ui| {
                let label = ui.label("Run an action");
                let response = ui
                    .add(
                        TextEdit::singleline(&mut self.query)
                            .hint_text("type part of its name")
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    response.request_focus();
                }
                if response.changed() {
                    self.selected = 0;
                }
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
