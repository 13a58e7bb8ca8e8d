//! What happens once Save PDF or Print is pressed: the job sent to the
//! worker, the question Print asks first, and the answers in words, each
//! with what to do next.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::PreviewError;
use super::preview::PrintPreview;
use super::worker::{Destination, PrintData, PrintWorker, WorkerReply};
use crate::model::Register;
use crate::printing::PrintSettings;
use crate::printing::PrivatePdf;
use crate::ui::shown_error;

/// A message under the buttons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintMessage {
    pub text: String,
    pub is_error: bool,
    /// Offer Save PDF beside it: the way on when printing or viewing failed.
    pub offer_save: bool,
    /// The folder a PDF was just saved in, offered with Open folder.
    pub folder: Option<PathBuf>,
}

/// The question Print asks before anything leaves for the printer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintQuestion {
    /// The printer, copies and sides the officer chose.
    pub settings: PrintSettings,
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
            folder: None,
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
            Err(error) => return self.say(error.to_string(), true, false),
        };
        let doing = match &destination {
            Destination::File(_) => "Writing the PDF…".to_string(),
            Destination::Printer { settings, .. } => format!(
                "Sending to the printer \u{201c}{}\u{201d} and following the job…",
                settings.printer
            ),
        };
        let to_printer = matches!(destination, Destination::Printer { .. });
        if worker.output(self.pages.generation(), data, destination) {
            self.sent_to_printer = to_printer;
            self.busy = Some(doing);
            self.message = None;
            // A new job for the printer: the last refused copy goes.
            self.unprinted = None;
        } else {
            self.say(PreviewError::WorkerStopped.to_string(), true, false);
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
                self.say(format!("Saved the PDF as {}", path.display()), false, false);
                if let Some(message) = &mut self.message {
                    message.folder = path.parent().map(Into::into);
                }
            }
            WorkerReply::Printed(job) => self.say(job.words(), job.is_problem(), job.is_problem()),
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
        }
        None
    }

    /// Print pressed: the question naming the marking, the document and
    /// the printer, or why nothing can be printed (with Save PDF offered).
    pub(super) fn ask_to_print(&mut self, data: &PrintData) {
        match self.printer_choice.settings() {
            Ok(settings) => self.ask(data, settings),
            Err(reason) => self.say(reason.to_string(), true, true),
        }
    }

    /// Puts the question: the marking, the document and the printer.
    fn ask(&mut self, data: &PrintData, settings: PrintSettings) {
        let text = format!(
            "Print {} {} on printer \u{201c}{}\u{201d}?",
            data.marking(),
            data.name(),
            settings.printer
        );
        self.message = None;
        self.question = Some(Box::new(PrintQuestion {
            settings,
            text,
            generation: self.pages.generation(),
        }));
    }

    pub(super) fn question_ui(&mut self, ui: &mut Ui, register: &Register, worker: &PrintWorker) {
        let Some(question) = self.question.clone() else {
            return;
        };
        let mut answered = false;
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(RichText::new(&question.text).strong());
            ui.label(format!(
                "{}. Collect the pages from the printer as soon as they are out.",
                question.settings.describe()
            ));
            ui.horizontal(|ui| {
                let print = ui.button(format!("Print on {}", question.settings.printer));
                let cancel = ui.button("Cancel");
                // The keyboard goes to Print when the question appears, so
                // Enter answers it and Escape (or Tab, then Enter) declines.
                if !print.has_focus() && !cancel.has_focus() {
                    print.request_focus();
                }
                if print.clicked() {
                    answered = true;
                    self.question = None;
                    if question.generation == self.pages.generation() {
                        let destination = Destination::Printer {
                            settings: question.settings.clone(),
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
                if cancel.clicked() || escape {
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
                Err(reason) => self.say(reason.to_string(), true, true),
            }
        }
        if let Some(message) = self.message.clone() {
            if message.is_error {
                shown_error::label(ui, &message.text);
            } else {
                ui.label(&message.text);
            }
            if let Some(folder) = &message.folder
                && ui
                    .button("Open folder")
                    .on_hover_text(format!("Show {} in the file manager", folder.display()))
                    .clicked()
                && let Err(error) = opener::open(folder)
            {
                self.say(
                    format!(
                        "The folder could not be opened ({error}): {}",
                        folder.display()
                    ),
                    true,
                    false,
                );
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
