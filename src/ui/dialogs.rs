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
#[derive(Clone, Copy, Debug, PartialEq)]
enum Answer {
    Save,
    Discard,
    Cancel,
    Delete,
    Recover,
    /// The recovery offer put off: it is asked again next time.
    NotNow,
    Overwrite,
    SaveAs,
    Close,
}

impl Answer {
    /// What hovering its button says, where the words alone do not.
    fn hover(self) -> Option<&'static str> {
        match self {
            Answer::NotNow => Some("Keeps the autosaved changes; you are asked again next time"),
            _ => None,
        }
    }
}

/// The row of buttons under a question, left to right, each with its
/// words and answer; Enter presses the one giving `default`.
fn answers_ui(
    ui: &mut egui::Ui,
    keyboard: &mut super::default_button::DefaultButton,
    default: Answer,
    buttons: &[(&str, Answer)],
) -> Option<Answer> {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let mut answer = None;
        for &(words, given) in buttons {
            let mut button = keyboard.button(ui, words, given == default);
            if let Some(hover) = given.hover() {
                button = button.on_hover_text(hover);
            }
            if button.clicked() {
                answer = Some(given);
            }
        }
        answer
    })
    .inner
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
            self.question_ui(ui);
            answer = match self.buttons() {
                Some((buttons, default)) => answers_ui(ui, &mut keyboard, default, buttons),
                None => {
                    ui.add_space(8.0);
                    let ok = keyboard.button(ui, "OK", true);
                    ok.clicked().then_some(Answer::Close)
                }
            };
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

    /// What the dialog asks or says, above its buttons.
    fn question_ui(&self, ui: &mut egui::Ui) {
        match self {
            Dialog::UnsavedChanges { .. } => {
                ui.heading("Unsaved changes");
                ui.label("The register has changes that are not saved. Save them first?");
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
                            for reference in references {
                                ui.label(format!("• {}", reference.description));
                            }
                        });
                    ui.label(
                        "Attendance rows, delegates and the participant's commitments are \
                         removed; other references are cleared. Undo brings everything back.",
                    );
                }
            }
            Dialog::OfferRecovery { recovery, .. } => {
                ui.heading("Recover unsaved work?");
                ui.label(
                    "Coalition Desk found changes that were autosaved but never saved to \
                     the register. They are newer than the register file.",
                );
                ui.label(RichText::new(recovery.display().to_string()).weak());
            }
            Dialog::ChangedOnDisk { path } => {
                ui.heading("The file changed on disk");
                ui.label(
                    "Someone or something changed the register file since you opened it. \
                     Overwriting replaces their changes with yours (the previous file is \
                     kept as a backup).",
                );
                ui.label(RichText::new(path.display().to_string()).weak());
            }
            Dialog::Message { title, text } => {
                ui.heading(title.as_str());
                ui.label(text.as_str());
            }
        }
    }

    /// The row of buttons answering the question, left to right, and the
    /// answer Enter gives; a message has only its OK, on a line of its own.
    fn buttons(&self) -> Option<(&'static [(&'static str, Answer)], Answer)> {
        Some(match self {
            Dialog::UnsavedChanges { .. } => (
                &[
                    ("Save", Answer::Save),
                    ("Discard", Answer::Discard),
                    ("Cancel", Answer::Cancel),
                ],
                Answer::Save,
            ),
            Dialog::ConfirmDelete { .. } => (
                &[("Delete", Answer::Delete), ("Cancel", Answer::Cancel)],
                Answer::Delete,
            ),
            Dialog::OfferRecovery { .. } => (
                &[
                    ("Recover", Answer::Recover),
                    ("Discard", Answer::Discard),
                    ("Not now", Answer::NotNow),
                ],
                Answer::Recover,
            ),
            Dialog::ChangedOnDisk { .. } => (
                &[
                    ("Overwrite", Answer::Overwrite),
                    ("Save As…", Answer::SaveAs),
                    ("Cancel", Answer::Cancel),
                ],
                Answer::SaveAs,
            ),
            Dialog::Message { .. } => return None,
        })
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
