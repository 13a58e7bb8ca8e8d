//! What happens once Save PDF or Print is pressed: the job sent to the
//! worker, the question Print asks first, and the answers in words, each
//! with what to do next.

use egui::{RichText, Ui};

use super::preview::PrintPreview;
use super::spooler::PrivatePdf;
use super::worker::{Destination, PrintWorker, WorkerReply};
use crate::model::Register;
use crate::ui::shown_error;

/// A message under the buttons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintMessage {
    pub text: String,
    pub is_error: bool,
    /// Offer Save PDF beside it: the way on when printing or viewing failed.
    pub offer_save: bool,
}

/// The question Print asks before anything leaves for the printer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintQuestion {
    pub printer: String,
    /// "Print OFFICIAL-SENSITIVE summary “…” on printer X?"
    pub text: String,
    /// The typesetting the question is about.
    pub(super) generation: u64,
}

impl PrintPreview {
    pub(super) fn say(&mut self, text: impl Into<String>, is_error: bool, offer_save: bool) {
        let text = text.into();
        if is_error {
            tracing::warn!("{text}");
        }
        self.message = Some(PrintMessage {
            text,
            is_error,
            offer_save,
        });
    }

    /// Sends the pages on show to a file or a printer; the outcome
    /// arrives through `finish`.
    pub(super) fn submit(
        &mut self,
        register: &Register,
        worker: &PrintWorker,
        destination: Destination,
    ) {
        let data = match self.data(register) {
            Ok(data) => data,
            Err(error) => return self.say(error, true, false),
        };
        let doing = match &destination {
            Destination::File(_) => "Writing the PDF…".to_string(),
            Destination::Printer { printer, .. } => {
                format!("Sending to the printer \u{201c}{printer}\u{201d}…")
            }
        };
        let to_printer = matches!(destination, Destination::Printer { .. });
        if worker.output(self.pages.generation(), data, destination) {
            self.sent_to_printer = to_printer;
            self.busy = Some(doing);
            self.message = None;
            // A new job for the printer: the last refused copy goes.
            self.unprinted = None;
        } else {
            self.say(
                "The print worker has stopped. Save your work and restart the program.",
                true,
                false,
            );
        }
    }

    /// Takes in one of the worker's answers. Hands back the PDF a printer
    /// refused: the app keeps it for the viewer until the next print or
    /// the end of the program, whatever becomes of this preview.
    pub fn finish(&mut self, ctx: &egui::Context, outcome: WorkerReply) -> Option<PrivatePdf> {
        let outcome = self.pages.take(ctx, outcome)?;
        self.busy = None;
        match outcome {
            WorkerReply::Typeset { .. } | WorkerReply::Page { .. } => {}
            WorkerReply::Saved(path) => {
                self.say(format!("Saved the PDF to {}", path.display()), false, false)
            }
            WorkerReply::Printed {
                printer,
                printer_said,
            } => {
                let said = if printer_said.is_empty() {
                    String::new()
                } else {
                    format!(" ({printer_said})")
                };
                self.say(
                    format!(
                        "Sent to the printer \u{201c}{printer}\u{201d}{said}. Collect the pages from the printer now."
                    ),
                    false,
                    false,
                );
            }
            WorkerReply::PrintFailed { pdf, reason } => {
                self.unprinted = Some(pdf.path().to_owned());
                self.say(
                    format!("{reason} The PDF can also be opened and printed from a viewer."),
                    true,
                    true,
                );
                return Some(pdf);
            }
            WorkerReply::Failed(reason) => {
                self.say(format!("No PDF was made: {reason}"), true, false)
            }
            WorkerReply::Printer(Err(reason)) => self.say(reason, true, true),
            WorkerReply::Printer(Ok(printer)) => self.ask(printer),
        }
        None
    }

    /// Puts the question: the marking, the document and the printer.
    fn ask(&mut self, printer: String) {
        let Some((Ok(data), _)) = self.shown.last() else {
            return;
        };
        let text = format!(
            "Print {} {} on printer \u{201c}{printer}\u{201d}?",
            data.marking(),
            data.name()
        );
        self.question = Some(Box::new(PrintQuestion {
            printer,
            text,
            generation: self.pages.generation(),
        }));
    }

    pub(super) fn find_printer(&mut self, worker: &PrintWorker) {
        if worker.find_printer() {
            self.busy = Some("Finding the default printer…".into());
            self.message = None;
        } else {
            self.say(
                "The print worker has stopped. Save your work and restart the program.",
                true,
                false,
            );
        }
    }

    pub(super) fn question_ui(&mut self, ui: &mut Ui, register: &Register, worker: &PrintWorker) {
        let Some(question) = self.question.clone() else {
            return;
        };
        let mut answered = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&question.text).strong());
            ui.label("Collect the pages from the printer as soon as they are out.");
            ui.horizontal(|ui| {
                if ui.button(format!("Print on {}", question.printer)).clicked() {
                    answered = true;
                    self.question = None;
                    if question.generation == self.pages.generation() {
                        let destination = Destination::Printer {
                            printer: question.printer.clone(),
                            file_name: self.suggested_name(register),
                        };
                        self.submit(register, worker, destination);
                    } else {
                        self.say(
                            "The document changed while the question was open. Look at the pages again and press Print once more.",
                            true,
                            false,
                        );
                    }
                }
                if ui.button("Cancel").clicked() {
                    answered = true;
                    self.question = None;
                    self.say("Nothing was sent to the printer.", false, false);
                }
            });
        });
        if !answered && question.generation != self.pages.generation() {
            self.question = None;
        }
    }

    pub(super) fn message_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        worker: &PrintWorker,
        printable: bool,
    ) {
        if let Some(answer) = self.viewer.poll() {
            match answer {
                Ok(()) => self.message = None,
                Err(reason) => self.say(reason, true, true),
            }
        }
        if let Some(message) = self.message.clone() {
            if message.is_error {
                shown_error::label(ui, &message.text);
            } else {
                ui.label(&message.text);
            }
            let idle = self.busy.is_none() && self.question.is_none();
            if message.offer_save
                && ui
                    .add_enabled(
                        idle && printable,
                        egui::Button::new("Save the PDF instead…"),
                    )
                    .clicked()
            {
                self.choose_file(register, worker);
            }
        }
        if let Some(pdf) = &self.unprinted
            && ui
                .button("Open the PDF")
                .on_hover_text("Open the PDF the printer did not take in a PDF viewer")
                .clicked()
        {
            self.viewer.open(pdf.clone());
        }
    }
}
