//! The modal questions the app asks (unsaved changes, deletes, recovery,
//! a file changed on disk, errors, and typing a path when no file dialog
//! is available) and what the app does once the officer answers one.

use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::Command;
use super::app::CoalitionDeskApp;
use super::file_dialog::{TypedPathAnswer, typed_path_ui};
use crate::edit;
use crate::model::{Record, Reference, Register};

/// Whether a typed path is for opening or for saving.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    ExportCalendar,
    /// Reading or writing a CSV file (commitments, since last session).
    Csv(super::exchange::CsvPurpose),
}

/// A question on screen. Only one at a time.
#[derive(Debug)]
pub enum Dialog {
    /// The register has unsaved changes and `then` would lose them.
    UnsavedChanges { then: Command },
    /// Others refer to `target`; deleting mends those references.
    ConfirmDelete {
        target: Record,
        description: String,
        references: Vec<Reference>,
    },
    /// A recovery file newer than the register was found.
    OfferRecovery {
        recovery: PathBuf,
        register: Box<Register>,
    },
    /// The file changed on disk since it was opened or saved.
    ChangedOnDisk { path: PathBuf },
    /// No native file dialog could be shown, so the officer types a path.
    TypePath {
        purpose: PathPurpose,
        text: String,
        then: Option<Command>,
    },
    /// Something went wrong, or something the officer must know.
    Message { title: String, text: String },
}

/// What the officer answered.
#[derive(Debug, PartialEq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Delete,
    Recover,
    Overwrite,
    SaveAs,
    Path(PathBuf),
    Close,
}

impl Dialog {
    /// Draws the dialog; returns the answer once the officer gives one.
    #[expect(
        clippy::too_many_lines,
        reason = "split with the window's owners, issue 20"
    )]
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let mut answer = None;
        let modal = Modal::new(Id::unique("coalition-desk-dialog")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            match self {
                Dialog::UnsavedChanges { .. } => {
                    ui.heading("Unsaved changes");
                    ui.label("The register has changes that are not saved. Save them first?");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            answer = Some(Answer::Save);
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Dialog::ConfirmDelete {
                    description,
                    references,
                    ..
                } => {
                    ui.heading(format!("Delete {description}?"));
                    ui.label("Other records refer to it. Deleting it will also change:");
                    egui::ScrollArea::vertical()
                        .max_height(240.0)
                        .show(ui, |ui| {
                            for reference in references.iter() {
                                ui.label(format!("• {}", reference.description));
                            }
                        });
                    ui.label(
                        "Attendance rows, delegates and the participant's commitments are \
                         removed; other references are cleared. Undo brings everything back.",
                    );
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Delete").clicked() {
                            answer = Some(Answer::Delete);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Dialog::OfferRecovery { recovery, .. } => {
                    ui.heading("Recover unsaved work?");
                    ui.label(
                        "Coalition Desk found changes that were autosaved but never saved to \
                         the register. They are newer than the register file.",
                    );
                    ui.label(RichText::new(recovery.display().to_string()).weak());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Recover").clicked() {
                            answer = Some(Answer::Recover);
                        }
                        if ui.button("Discard").clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if ui
                            .button("Not now")
                            .on_hover_text(
                                "Keeps the autosaved changes; you are asked again next time",
                            )
                            .clicked()
                        {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Dialog::ChangedOnDisk { path } => {
                    ui.heading("The file changed on disk");
                    ui.label(
                        "Someone or something changed the register file since you opened it. \
                         Overwriting replaces their changes with yours (the previous file is \
                         kept as a backup).",
                    );
                    ui.label(RichText::new(path.display().to_string()).weak());
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            answer = Some(Answer::Overwrite);
                        }
                        if ui.button("Save As…").clicked() {
                            answer = Some(Answer::SaveAs);
                        }
                        if ui.button("Cancel").clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Dialog::TypePath { purpose, text, .. } => {
                    ui.heading(match purpose {
                        PathPurpose::Open => "Open a register",
                        PathPurpose::SaveAs => "Save the register as",
                        PathPurpose::ExportCalendar => "Export the calendar as",
                        PathPurpose::Csv(csv) => csv.heading(),
                    });
                    let prompt = match purpose {
                        PathPurpose::ExportCalendar => {
                            "No file dialog is available on this system. Type the full path of \
                             the calendar file (.ics):"
                        }
                        PathPurpose::Open | PathPurpose::SaveAs => {
                            "No file dialog is available on this system. Type the full path of \
                             the register file (.ron):"
                        }
                        PathPurpose::Csv(_) => {
                            "No file dialog is available on this system. Type the full path of \
                             the CSV file (.csv):"
                        }
                    };
                    let hint = "/home/officer/coalition.ron";
                    answer = typed_path_ui(ui, prompt, hint, "OK", text).map(|typed| match typed {
                        TypedPathAnswer::Path(path) => Answer::Path(path),
                        TypedPathAnswer::Cancel => Answer::Cancel,
                    });
                }
                Dialog::Message { title, text } => {
                    ui.heading(title.as_str());
                    ui.label(text.as_str());
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        answer = Some(Answer::Close);
                    }
                }
            }
        });
        // The recovery offer waits for one of its buttons: a stray click
        // beside it, or Escape, must not decide what becomes of unsaved work.
        let needs_an_answer = matches!(self, Dialog::OfferRecovery { .. });
        if answer.is_none() && !needs_an_answer && modal.should_close() {
            answer = Some(match self {
                Dialog::Message { .. } => Answer::Close,
                _ => Answer::Cancel,
            });
        }
        answer
    }
}

impl CoalitionDeskApp {
    /// Carries out the officer's answer to the open dialog.
    pub(super) fn answer(&mut self, ctx: &egui::Context, dialog: Dialog, answer: Answer) {
        match (dialog, answer) {
            (Dialog::UnsavedChanges { then }, Answer::Save) => {
                // When Save has to ask for a path, the command waits in
                // that dialog and runs once the register is saved.
                let saved = self.save_then(Some(then.clone()));
                if saved {
                    self.run_now(ctx, then);
                }
            }
            (Dialog::UnsavedChanges { then }, Answer::Discard) => {
                self.discard_recovery();
                self.run_now(ctx, then);
            }
            (
                Dialog::ConfirmDelete {
                    target,
                    description,
                    ..
                },
                Answer::Delete,
            ) => {
                let edit = edit::delete_with_references(self.workspace.document.register(), target);
                let applied = self
                    .workspace
                    .document
                    .apply_labelled(edit, format!("delete {description}"));
                if self.refused(applied) {
                    return;
                }
                self.notify(format!("Deleted {description} (Undo brings it back)"));
            }
            (Dialog::OfferRecovery { register, recovery }, Answer::Recover) => {
                self.recover(*register, &recovery);
            }
            (Dialog::OfferRecovery { recovery, .. }, Answer::Discard) => {
                if let Err(error) = std::fs::remove_file(&recovery) {
                    self.notify_failure(format!(
                        "Could not remove the recovery file ({error}): {}",
                        recovery.display()
                    ));
                }
            }
            (Dialog::ChangedOnDisk { .. }, Answer::Overwrite) => {
                self.save_overwriting();
            }
            (Dialog::ChangedOnDisk { .. }, Answer::SaveAs) => {
                self.save_as(None);
            }
            (Dialog::TypePath { purpose, then, .. }, Answer::Path(path)) => {
                self.typed_path(ctx, purpose, path, then);
            }
            _ => {}
        }
    }
}
