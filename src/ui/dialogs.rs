//! The modal questions the app asks (unsaved changes, deletes, recovery,
//! a file changed on disk, errors) and what the app does once the officer
//! answers one.

use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::Command;
use super::on_top::Outcome;
use crate::model::{Record, Reference, Register};

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
    /// Something went wrong, or something the officer must know.
    Message { title: String, text: String },
}

/// What the officer answered.
#[derive(Debug, PartialEq)]
enum Answer {
    Save,
    Discard,
    Cancel,
    Delete,
    Recover,
    Overwrite,
    SaveAs,
    Close,
}

impl Dialog {
    /// Draws the dialog; once the officer answers, it closes with the
    /// command that carries the answer out.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        match self.answer_ui(ctx) {
            Some(answer) => self.outcome(answer),
            None => Outcome::Stays,
        }
    }

    fn answer_ui(&mut self, ctx: &egui::Context) -> Option<Answer> {
        let mut answer = None;
        let mut keyboard = super::default_button::DefaultButton::default();
        let modal = Modal::new(Id::unique("coalition-desk-dialog")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            match self {
                Dialog::UnsavedChanges { .. } => {
                    ui.heading("Unsaved changes");
                    ui.label("The register has changes that are not saved. Save them first?");
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if keyboard.button(ui, "Save", true).clicked() {
                            answer = Some(Answer::Save);
                        }
                        if keyboard.button(ui, "Discard", false).clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if keyboard.button(ui, "Cancel", false).clicked() {
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
                    if references.is_empty() {
                        ui.label("Nothing else in the register refers to it. Undo brings it back.");
                    } else {
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
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if keyboard.button(ui, "Delete", true).clicked() {
                            answer = Some(Answer::Delete);
                        }
                        if keyboard.button(ui, "Cancel", false).clicked() {
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
                        if keyboard.button(ui, "Recover", true).clicked() {
                            answer = Some(Answer::Recover);
                        }
                        if keyboard.button(ui, "Discard", false).clicked() {
                            answer = Some(Answer::Discard);
                        }
                        if keyboard
                            .button(ui, "Not now", false)
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
                        if keyboard.button(ui, "Overwrite", false).clicked() {
                            answer = Some(Answer::Overwrite);
                        }
                        if keyboard.button(ui, "Save As…", true).clicked() {
                            answer = Some(Answer::SaveAs);
                        }
                        if keyboard.button(ui, "Cancel", false).clicked() {
                            answer = Some(Answer::Cancel);
                        }
                    });
                }
                Dialog::Message { title, text } => {
                    ui.heading(title.as_str());
                    ui.label(text.as_str());
                    ui.add_space(8.0);
                    if keyboard.button(ui, "OK", true).clicked() {
                        answer = Some(Answer::Close);
                    }
                }
            }
        });
        keyboard.take_the_keyboard(ctx);
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

impl Dialog {
    /// The command an answer asks for; Cancel and OK ask for none.
    fn outcome(&self, answer: Answer) -> Outcome {
        let command = match (self, answer) {
            (Dialog::UnsavedChanges { then }, Answer::Save) => {
                Command::SaveThen(Box::new(then.clone()))
            }
            (Dialog::UnsavedChanges { then }, Answer::Discard) => {
                Command::DiscardChangesThen(Box::new(then.clone()))
            }
            (Dialog::ConfirmDelete { target, .. }, Answer::Delete) => {
                Command::DeleteConfirmed(*target)
            }
            (Dialog::OfferRecovery { recovery, register }, Answer::Recover) => Command::Recover {
                recovery: recovery.clone(),
                register: register.clone(),
            },
            (Dialog::OfferRecovery { recovery, .. }, Answer::Discard) => {
                Command::DiscardRecovery(recovery.clone())
            }
            (Dialog::ChangedOnDisk { .. }, Answer::Overwrite) => Command::SaveOverwriting,
            (Dialog::ChangedOnDisk { .. }, Answer::SaveAs) => Command::SaveAs,
            _ => return Outcome::Closed,
        };
        Outcome::Then(command)
    }
}
