//! The preview's "Releasable at" choice: the full edition, or the edition
//! releasable at one of the register's levels, which leaves out whatever
//! is marked higher (the core's `report::Edition`).

use egui::{RichText, Ui};

use super::preview::{PrintPreview, Report};
use crate::model::Register;
use crate::ui::drop_down::{close_on_choice, keep_the_keyboard};

/// What the choice shows for the full edition.
const FULL: &str = "Full";

impl PrintPreview {
    /// The edition to print; every document but the attendance record has editions.
    pub(super) fn edition_ui(&mut self, ui: &mut Ui, register: &Register) {
        // A meeting's own marking covers the rest of its documents, so no
        // edition goes below it (the core refuses one; offering it would
        // only lead there). Sheets have no such floor.
        let own = match self.report {
            Report::Summary(id) | Report::Pack(id) | Report::Since(id) => {
                register.meeting(id).map(|m| m.marking.as_str())
            }
            Report::Sheet(_) | Report::AllSheets => None,
            Report::Attendance(_) => return,
        };
        let lowest = own.map_or(0, |marking| register.marking_rank(marking));
        let edition = &mut self.options.edition;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Releasable at:").strong());
            let mut picked = false;
            let list = egui::ComboBox::from_id_salt("print-edition")
                .selected_text(edition.as_deref().unwrap_or(FULL))
                .show_ui(ui, |ui| {
                    let full = ui
                        .selectable_value(edition, None, FULL)
                        .on_hover_text("Everything, at the highest marking it includes");
                    picked |= close_on_choice(ui, &full);
                    for (rank, level) in register.markings.iter().enumerate() {
                        let possible = rank >= lowest;
                        let hint = if possible {
                            format!("Leave out whatever is marked above {level}")
                        } else {
                            format!(
                                "The meeting itself is marked {}, so no edition goes below it",
                                own.unwrap_or_default()
                            )
                        };
                        ui.add_enabled_ui(possible, |ui| {
                            let entry = ui
                                .selectable_value(edition, Some(level.clone()), level)
                                .on_hover_text(&hint)
                                .on_disabled_hover_text(&hint);
                            picked |= close_on_choice(ui, &entry);
                        });
                    }
                })
                .response
                .accessible_name("Releasable at");
            keep_the_keyboard(ui, &list, picked);
        });
    }
}
