//! The search box (Ctrl+K or Ctrl+F): type, move with the arrows, Enter
//! opens the hit (a decision, action or agenda item at its place in the
//! meeting). The index comes from the core, rebuilt once per revision.

use egui::{RichText, Ui};

use crate::model::{Record, Register};
use crate::revision_cache::RevisionCache;
use crate::search::{SearchIndex, SearchTarget};
use crate::ui::Command;
use crate::ui::on_top::Outcome;
use crate::ui::pick_list;

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
        let (enter, escape) = pick_list::keys(ui, &mut self.selected, hits.len());
        let mut chosen = enter
            .then(|| hits.get(self.selected).map(|h| (h.target, h.at)))
            .flatten();
        let mut open = !escape;
        pick_list::window("Search", 520.0, &mut open).show(ui.ctx(), |ui| {
            let words = "Find participants, people, meetings, agenda, decisions, actions, notes, commitments";
            let hint = "type a name, code, title or word";
            let (query, focus) = (&mut self.query, &mut self.focus);
            pick_list::query_ui(ui, words, hint, 480.0, query, focus, &mut self.selected);
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
