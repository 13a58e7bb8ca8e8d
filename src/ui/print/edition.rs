//! The preview's "Releasable at" choice: the full edition, or the edition
//! releasable at one of the register's levels, which leaves out whatever
//! is marked higher (the core's `report::Edition`).

use egui::{RichText, Ui};

use super::preview::{PrintPreview, Report};
use crate::model::Register;

/// What the choice shows for the full edition.
const FULL: &str = "Full";

impl PrintPreview {
    /// The edition to print; only a meeting summary has editions.
    pub(super) fn edition_ui(&mut self, ui: &mut Ui, register: &Register) {
        if !matches!(self.report, Report::Summary(_)) {
            return;
        }
        let edition = &mut self.options.edition;
        ui.horizontal(|ui| {
            ui.label(RichText::new("Releasable at:").strong());
            egui::ComboBox::from_id_salt("print-edition")
                .selected_text(edition.as_deref().unwrap_or(FULL))
                .show_ui(ui, |ui| {
                    ui.selectable_value(edition, None, FULL)
                        .on_hover_text("Everything, at the highest marking it includes");
                    for level in &register.markings {
                        ui.selectable_value(edition, Some(level.clone()), level)
                            .on_hover_text(format!("Leave out whatever is marked above {level}"));
                    }
                })
                .response
                .accessible_name("Releasable at");
        });
    }
}
