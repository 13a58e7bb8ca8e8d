//! What the print preview prints and where: the document's data with the
//! options chosen, and the file name and folder Save PDF proposes.

use std::path::PathBuf;

use super::super::PreviewError;
use super::super::worker::PrintData;
use super::{PrintPreview, Report};
use crate::model::Register;
use crate::printing::save_location;
use crate::report::{self, DocumentOptions};

impl PrintPreview {
    /// The data to typeset with the current options, or why there is none.
    pub fn data(&self, register: &Register) -> Result<PrintData, PreviewError> {
        let options = self.document_options();
        match self.report {
            Report::Summary(id) => report::meeting_summary(register, id, &self.options, self.today)
                .map(|s| PrintData::Summary(Box::new(s))),
            Report::Attendance(id) => {
                report::attendance_record(register, id, self.today).map(|mut r| {
                    r.paper = self.options.paper;
                    PrintData::Attendance(Box::new(r))
                })
            }
            Report::Pack(id) => report::meeting_pack(register, id, &options, self.today)
                .map(|p| PrintData::Pack(Box::new(p))),
            Report::Since(id) => report::since_report(register, id, &options, self.today)
                .map(|r| PrintData::Since(Box::new(r))),
            Report::Sheet(id) => report::nation_sheets(register, &[id], &options, self.today)
                .map(|s| PrintData::Sheets(Box::new(s))),
            // Prepared on its own thread (see `all_sheets_ui`), never here.
            Report::AllSheets => {
                return self
                    .prepared
                    .clone()
                    .ok_or(PreviewError::SheetsBeingPrepared);
            }
        }
        .map_err(PreviewError::from)
    }

    /// The paper and edition of the documents sent before a session.
    pub(super) fn document_options(&self) -> DocumentOptions {
        DocumentOptions {
            paper: self.options.paper,
            edition: self.options.edition.clone(),
        }
    }

    /// A file name to suggest: the document's reference and date, and
    /// what it is (`CoW-DM-2025-04 2025-04-10 summary.pdf`).
    pub(in crate::ui::print) fn suggested_name(&self, register: &Register) -> String {
        let edition = self
            .options
            .edition
            .as_ref()
            .map(|level| format!(" {level} edition"))
            .unwrap_or_default();
        match self.report {
            Report::Summary(id) | Report::Pack(id) | Report::Since(id) => {
                let reference = register
                    .meeting_reference(id, None)
                    .and_then(Result::ok)
                    .unwrap_or_default();
                let date = register
                    .meeting(id)
                    .map(|m| m.date.to_string())
                    .unwrap_or_default();
                let what = match self.report {
                    Report::Pack(_) => "meeting pack",
                    Report::Since(_) => "since last session",
                    _ => "summary",
                };
                save_location::pdf_file_name(&reference, &date, &format!("{what}{edition}"))
            }
            Report::Attendance(id) => {
                let reference = register
                    .attendance_reference(id, self.today)
                    .and_then(Result::ok)
                    .unwrap_or_default();
                save_location::pdf_file_name(
                    &reference,
                    &self.today.to_string(),
                    "attendance record",
                )
            }
            Report::Sheet(id) => save_location::pdf_file_name(
                &register.participant_code(id),
                &self.today.to_string(),
                &format!("nation sheet{edition}"),
            ),
            Report::AllSheets => save_location::pdf_file_name(
                "",
                &self.today.to_string(),
                &format!("nation sheets{edition}"),
            ),
        }
    }

    /// Where Save PDF proposes to write: the suggested name in the
    /// officer's documents folder, or the register's.
    pub fn proposed_path(&self, register: &Register) -> PathBuf {
        let name = self.suggested_name(register);
        match save_location::officer_folder(self.register_file.as_deref()) {
            Some(folder) => folder.join(name),
            None => PathBuf::from(name),
        }
    }
}
