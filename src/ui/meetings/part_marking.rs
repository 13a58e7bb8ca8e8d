//! The small picker beside an agenda item, decision, action or the
//! restricted notes that gives it a marking of its own. Most parts carry
//! the meeting's marking, so "As meeting" comes first; a part marked
//! higher is left out of an edition releasable at a lower level.

use egui::{Response, RichText, Ui};

use crate::model::Register;

/// What the picker shows for a part that follows the meeting's marking.
const AS_MEETING: &str = "As meeting";

/// Picks `marking` for the part the officer knows as `part` ("agenda
/// item 2"); `meeting` is the meeting's own marking, which `None` follows.
/// A marking from the file that is not a level shows in red, and says so
/// in words, until a level is chosen (`check` says why).
pub(super) fn part_marking_ui(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    register: &Register,
    meeting: &str,
    marking: &mut Option<String>,
    part: &str,
) -> Response {
    let own = marking.as_deref().filter(|m| !m.trim().is_empty());
    let shown = match own {
        Some(level) if register.markings.iter().any(|known| known == level) => RichText::new(level),
        Some(unknown) => super::super::widgets::not_a_level(ui, unknown),
        None => RichText::new(AS_MEETING).weak(),
    };
    let before = marking.clone();
    let mut response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(marking, None, format!("{AS_MEETING} ({meeting})"));
            for level in &register.markings {
                ui.selectable_value(marking, Some(level.clone()), level);
            }
        })
        .response
        .on_hover_text(format!(
            "The marking of {part}: the meeting's ({meeting}) unless you choose a level. \
             An edition releasable at a lower level leaves it out."
        ))
        .accessible_name(format!("Marking of {part}"));
    if *marking != before {
        response.mark_changed();
    }
    response
}
