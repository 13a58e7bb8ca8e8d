//! The search box (Ctrl+K or Ctrl+F): type, move with the arrows, Enter
//! opens the hit (a decision, action or agenda item at its place in the
//! meeting). The index comes from the core, rebuilt once per revision.

use egui::{Key, RichText, TextEdit, Ui};

use crate::model::{Record, Register};
use crate::revision_cache::RevisionCache;
use crate::search::{SearchIndex, SearchTarget};
use crate::ui::Command;
use crate::ui::on_top::Outcome;

/// How many hits the list shows.
const SHOWN: usize = 12;

/// State of the search box. Whether it is shown is the workspace's
/// business (`OnTop::Search`); the text and index stay between showings.
#[derive(Default)]
pub struct SearchBox {
    pub query: String,
    /// The highlighted hit.
    pub selected: usize,
    index: RevisionCache<u64, SearchIndex>,
    /// Set when opened, so the text field takes the keyboard at once.
    focus: bool,
}

impl SearchBox {
    /// Makes the box ready for typing when next shown.
    pub fn show(&mut self) {
        self.focus = true;
        self.selected = 0;
    }

    /// Draws the box: it closes with the command opening the hit chosen,
    /// or with nothing on Escape.
    pub fn ui(&mut self, ui: &mut Ui, register: &Register, revision: u64) -> Outcome {
        let index = self
            .index
            .get_or_update(revision, || SearchIndex::build(register));
        let hits = index.find(&self.query, SHOWN);
        let (down, up, enter, escape) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(hits.len().saturating_sub(1));
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        let mut chosen = enter
            .then(|| hits.get(self.selected).map(|h| (h.target, h.at)))
            .flatten();
        let mut open = !escape;
        egui::Window::new("Search")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .default_width(520.0)
            .open(&mut open)
            .show(ui.ctx(), |ui| {
                let label = ui.label(
                    "Find participants, people, meetings, agenda, decisions, actions, notes, commitments",
                );
                let response = ui
                    .add(
                        TextEdit::singleline(&mut self.query)
                            .hint_text("type a name, code, title or word")
                            .desired_width(480.0),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    response.request_focus();
                }
                if response.changed() {
                    self.selected = 0;
                }
                if self.query.trim().is_empty() {
                    ui.weak("Arrows move, Enter opens, Escape closes.");
                } else if hits.is_empty() {
                    ui.weak("Nothing found.");
                }
                for (i, hit) in hits.iter().enumerate() {
                    let text = RichText::new(format!("{}  {}", hit.kind, hit.title));
                    if ui.selectable_label(i == self.selected, text).clicked() {
                        chosen = Some((hit.target, hit.at));
                    }
                }
            });
        if let Some((target, at)) = chosen {
            return Outcome::Then(match (target, at) {
                (SearchTarget::Meeting(id), Some(field)) => {
                    Command::SelectAt(Record::Meeting(id), field)
                }
                (SearchTarget::Participant(id), _) => Command::SelectParticipant(id),
                (SearchTarget::Meeting(id), None) => Command::SelectMeeting(id),
                (SearchTarget::Commitment(id), _) => Command::SelectCommitment(id),
            });
        }
        if open {
            Outcome::Stays
        } else {
            Outcome::Closed
        }
    }
}
