//! The office code on the Register tab: which office keeps this copy, so
//! that the records it adds get ids no other office's copy hands out.

use egui::Ui;

use super::shown_error;
use super::{Outbox, widgets};
use crate::edit::Edit;
use crate::model::{Register, check_office_code, id_text};

/// The office code field, with what is typed until it can be used.
#[derive(Debug, Default)]
pub struct OfficeField {
    /// A code being typed that cannot be used: the register keeps its
    /// last good code until this one is put right.
    draft: Option<String>,
}

impl OfficeField {
    pub fn ui(&mut self, ui: &mut Ui, register: &Register, out: &mut Outbox) {
        ui.heading("Office");
        ui.label(
            egui::RichText::new(
                "New records get ids starting with this code, so they never collide with another \
                 office's copy.",
            )
            .weak(),
        );
        let mut code = self
            .draft
            .clone()
            .unwrap_or_else(|| register.office.clone());
        ui.horizontal(|ui| {
            let hint = Some("e.g. LON");
            let response = widgets::labelled_line(ui, "Office code", &mut code, hint, 80.0);
            if response.changed() {
                // Codes are capitals; what is typed in lower case is meant
                // the same.
                code = code.trim().to_ascii_uppercase();
                let reads = check_office_code(&code).is_ok();
                let kept = (register.office.as_str(), &mut self.draft);
                widgets::settle_typed_setting(&code, reads, kept, Edit::SetOffice, out);
            }
        });
        match check_office_code(&code) {
            Err(problem) => {
                let kept = if register.office.is_empty() {
                    "New records keep getting plain numbers".to_string()
                } else {
                    format!("New records keep the code {}", register.office)
                };
                shown_error::label(ui, format!("{problem}. {kept} until this is put right."));
            }
            Ok(()) => {
                let next = id_text(register.fresh_id());
                ui.label(if register.office.is_empty() {
                    format!(
                        "No office code: new records get plain numbers (the next is {next}). \
                         Set one before this copy is edited beside another office's."
                    )
                } else {
                    format!("The next new record gets the id {next}.")
                });
            }
        }
    }
}
