//! Files exchanged with other tools: the calendar (.ics) of the
//! register's meetings and series, the commitments CSV (export, and import
//! through a preview the officer must confirm) and the "since last
//! session" CSV. The core does the reading and writing; this decides what
//! to ask.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{Grid, RichText};

use super::Command;
use super::file_dialog::{FileChoice, PathPurpose};
use super::on_top::{OnTop, Outcome};
use super::shown_error;
use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::calendar::calendar_ics;
use crate::model::MeetingId;
use crate::storage::{self, WrittenFrom};
use crate::tracking::{self, ImportPreview, TrackingError};

/// Which CSV a typed path is for (when no file dialog can be shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvPurpose {
    ExportCommitments,
    ImportCommitments,
    ExportChanges(MeetingId),
}

impl CsvPurpose {
    /// The heading of the typed-path dialog.
    pub fn heading(self) -> &'static str {
        match self {
            CsvPurpose::ExportCommitments => "Export commitments as CSV to",
            CsvPurpose::ImportCommitments => "Import commitments from the CSV file",
            CsvPurpose::ExportChanges(_) => "Export \"since last session\" as CSV to",
        }
    }
}

/// A parsed import waiting for the officer's answer.
#[derive(Debug)]
pub struct ImportReview {
    pub path: PathBuf,
    pub preview: ImportPreview,
}

impl Workspace {
    pub(super) fn choose_and_export_calendar(&mut self) {
        let proposed = (None, "coalition-sessions.ics");
        match PathPurpose::ExportCalendar.choose(Some(proposed)) {
            FileChoice::Picked(path) => self.export_calendar_to(&path),
            FileChoice::TypePath => self.type_path(PathPurpose::ExportCalendar),
            FileChoice::Cancelled => {}
        }
    }

    /// Writes the calendar to `path`, reporting the outcome once.
    pub(super) fn export_calendar_to(&mut self, path: &Path) {
        let text = match calendar_ics(self.document.register(), chrono::Utc::now()) {
            Ok(text) => text,
            Err(error) => {
                self.fail(Failure::not_done("The calendar was not exported", error));
                return;
            }
        };
        let register = self.document.register();
        let meetings = register.meeting_records();
        let from = WrittenFrom::register(
            self.document.path(),
            register.marked_above_lowest(&meetings),
        );
        match storage::write_output(path, text.as_bytes(), &from) {
            Ok(()) => self.tell(format!("Exported the calendar to {}", path.display())),
            Err(error) => self.fail(Failure::not_done("The calendar was not exported", error)),
        }
    }

    /// Asks for the CSV file to write or read for `purpose`.
    pub(super) fn pick_csv(&mut self, purpose: CsvPurpose, today: NaiveDate) {
        let proposed = match purpose {
            CsvPurpose::ExportCommitments => Some((None, "commitments.csv")),
            CsvPurpose::ImportCommitments => None,
            CsvPurpose::ExportChanges(_) => Some((None, "since-last-session.csv")),
        };
        match PathPurpose::Csv(purpose).choose(proposed) {
            FileChoice::Picked(path) => self.csv_to_or_from(purpose, &path, today),
            FileChoice::TypePath => self.type_path(PathPurpose::Csv(purpose)),
            FileChoice::Cancelled => {}
        }
    }

    /// Carries out a CSV export or reads an import into a preview.
    pub(super) fn csv_to_or_from(&mut self, purpose: CsvPurpose, path: &Path, today: NaiveDate) {
        let register = self.document.register();
        let written = match purpose {
            CsvPurpose::ExportCommitments => tracking::export_commitments(register, today),
            CsvPurpose::ExportChanges(meeting) => tracking::since_last_session(register, meeting)
                .and_then(|changes| tracking::since::changes_csv(register, &changes)),
            CsvPurpose::ImportCommitments => {
                let preview = std::fs::read(path)
                    .map_err(|source| TrackingError::Read {
                        path: path.to_path_buf(),
                        source,
                    })
                    .and_then(|bytes| tracking::import_commitments(register, &bytes, today));
                match preview {
                    Ok(preview) => {
                        self.on_top = Some(OnTop::ImportReview(ImportReview {
                            path: path.to_path_buf(),
                            preview,
                        }));
                    }
                    Err(error) => self.fail(Failure::not_done("Import failed", error)),
                }
                return;
            }
        };
        let bytes = match written {
            Ok(bytes) => bytes,
            Err(error) => {
                return self.fail(Failure::not_done("Export failed", error));
            }
        };
        // What the CSV holds: every commitment, or what changed since the
        // last session; either way no more open than the register's file.
        let includes = match purpose {
            CsvPurpose::ExportChanges(meeting) => tracking::since_last_session(register, meeting)
                .map(|changes| changes.includes())
                .unwrap_or_else(|_| register.marked_records()),
            _ => register.commitment_records(),
        };
        let from = WrittenFrom::register(
            self.document.path(),
            register.marked_above_lowest(&includes),
        );
        match storage::write_output(path, &bytes, &from) {
            Ok(()) => self.tell(format!("Exported to {}", path.display())),
            Err(error) => self.fail(Failure::not_done("Export failed", error)),
        }
    }

    /// Imports the reviewed rows as one undo step. The register cannot
    /// have changed while the review was on top, so its edits still fit.
    pub(super) fn import_rows(&mut self, preview: &ImportPreview) {
        let count = preview.accepted.len();
        self.apply_told(
            preview.edit(),
            format!("import of {count} commitments"),
            format!("Imported {count} commitments (Undo takes the import back)"),
        );
    }
}

impl ImportReview {
    /// The import preview: accepted rows, rejected rows with reasons, and
    /// the buttons. Nothing changes until "Import" is pressed.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        let review = &*self;
        let mut answer = None;
        let mut keyboard = super::default_button::DefaultButton::default();
        let modal =
            egui::Modal::new(egui::Id::unique("coalition-desk-import-review")).show(ctx, |ui| {
                ui.set_max_width(640.0);
                ui.heading("Import commitments");
                ui.label(format!("From {}", review.path.display()));
                let preview = &review.preview;
                let added = preview.accepted.iter().filter(|r| r.is_new).count();
                let updated = preview.accepted.len() - added;
                ui.label(format!(
                    "{added} to add, {updated} to update, {} rejected",
                    preview.rejected.len()
                ));
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        if !preview.rejected.is_empty() {
                            ui.label(RichText::new("Rejected rows (not imported)").strong());
                            Grid::new("import_rejected").striped(true).show(ui, |ui| {
                                for row in &preview.rejected {
                                    ui.label(format!("Line {}", row.line));
                                    shown_error::label(ui, &row.reason);
                                    ui.end_row();
                                }
                            });
                        }
                        ui.label(RichText::new("Rows to import").strong());
                        Grid::new("import_accepted").striped(true).show(ui, |ui| {
                            for row in &preview.accepted {
                                ui.label(format!("Line {}", row.line));
                                ui.label(if row.is_new { "Add" } else { "Update" });
                                ui.label(&row.commitment.title);
                                ui.label(row.commitment.status.label());
                                ui.end_row();
                            }
                        });
                    });
                ui.horizontal(|ui| {
                    let import =
                        egui::Button::new(format!("Import {} rows", preview.accepted.len()));
                    let import = ui.add_enabled(!preview.accepted.is_empty(), import);
                    if keyboard.add(import, true).clicked() {
                        answer = Some(true);
                    }
                    if keyboard.button(ui, "Cancel", false).clicked() {
                        answer = Some(false);
                    }
                });
            });
        keyboard.take_the_keyboard(ctx);
        // Escape, or a click beside it, imports nothing.
        if answer.is_none() && modal.should_close() {
            answer = Some(false);
        }
        match answer {
            Some(true) => Outcome::Then(Command::ImportRows(Box::new(review.preview.clone()))),
            Some(false) => Outcome::Closed,
            None => Outcome::Stays,
        }
    }
}
