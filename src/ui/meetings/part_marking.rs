//! The small picker beside an agenda item, decision, action or the
//! restricted notes that gives it a marking of its own. Most parts carry
//! the meeting's marking, so "As meeting" comes first; a part marked
//! higher is left out of an edition releasable at a lower level.

use egui::{Response, RichText, Ui};

use crate::model::Register;
use crate::ui::find_choice::{Choice, find_choice_ui};

/// What the picker shows for a part that follows the meeting's marking.
const AS_MEETING: &str = "As meeting";

/// What every part's picker offers: the register's levels, and the
/// meeting's own marking (`meeting`), which a part marked `None` follows.
pub(super) struct PartMarking<'a> {
    pub register: &'a Register,
    meeting: &'a str,
}

impl<'a> PartMarking<'a> {
    /// The pickers of a meeting marked `meeting`.
    pub fn new(register: &'a Register, meeting: &'a str) -> Self {
        PartMarking { register, meeting }
    }

    /// Picks `marking` for the part the officer knows as `part` ("agenda
    /// item 2"). A marking from the file that is not a level shows in red,
    /// and says so in words, until a level is chosen (`check` says why).
    pub fn ui(
        &self,
        ui: &mut Ui,
        id_salt: impl egui::AsIdSalt + Copy,
        marking: &mut Option<String>,
        part: &str,
    ) -> Response {
        let PartMarking { register, meeting } = self;
        let own = marking.as_deref().filter(|m| !m.trim().is_empty());
        let shown = match own {
            Some(level) if register.markings.iter().any(|known| known == level) => {
                RichText::new(level)
            }
            Some(unknown) => super::super::widgets::not_a_level(ui, unknown),
            None => RichText::new(AS_MEETING).weak(),
        };
        let mut choices = vec![Choice::new(None, format!("{AS_MEETING} ({meeting})"))];
        choices.extend(
            register
                .markings
                .iter()
                .map(|level| Choice::new(Some(level.clone()), level)),
        );
        find_choice_ui(ui, id_salt, shown, marking, &choices, None)
            .on_hover_text(format!(
                "The marking of {part}: the meeting's ({meeting}) unless you choose a level. \
                 An edition releasable at a lower level leaves it out."
            ))
            .accessible_name(format!("Marking of {part}"))
    }
}
