//! Printing from the window: the typeset pages with their options, then
//! Save PDF or Print, typeset and drawn on a worker thread.

mod all_sheets;
mod edition;
mod error;
mod pages;
mod preview;
mod printer_choice;
mod sending;
mod viewer;
mod worker;

pub use crate::printing::{PrivatePdf, Spooler, printer_failure};
pub use error::PreviewError;
pub use pages::{PageView, Zoom};
pub use preview::{PrintPreview, Report};
pub use printer_choice::PrinterChoice;
pub use sending::{PrintMessage, PrintQuestion};
pub use worker::{Destination, PrintData, PrintWorker, WorkerReply};

use chrono::NaiveDate;

use crate::model::Register;
use crate::ui::on_top::Outcome;

/// The app's printing: the worker that typesets (started on first use and
/// kept, so fonts load once). The preview belongs to the open register.
#[derive(Default)]
pub struct Printing {
    worker: Option<PrintWorker>,
    /// The programs that reach the printer.
    spooler: Spooler,
    /// A PDF the printer refused, kept for the viewer (which may still be
    /// opening it after the preview closed); removed at the next print or
    /// when the program ends.
    kept: Option<PrivatePdf>,
}

impl Printing {
    /// Draws the preview and takes in finished jobs; it closes when the
    /// officer closes it.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        preview: &mut PrintPreview,
        register: &Register,
        revision: u64,
        today: NaiveDate,
    ) -> Outcome {
        let spooler = self.spooler.clone();
        let worker = self.worker.get_or_insert_with(|| {
            let ctx = ctx.clone();
            PrintWorker::start(move || ctx.request_repaint(), spooler)
        });
        // A few answers a frame at most: a stopped worker answers forever.
        for _ in 0..8 {
            let Some(outcome) = worker.poll() else {
                break;
            };
            if let Some(refused) = preview.finish(ctx, outcome) {
                self.kept = Some(refused);
            }
        }
        // Closing while a job runs is allowed: the job finishes and its
        // file is written; the answer is shown if the preview is reopened.
        preview.viewer.program.clone_from(&self.spooler.viewer);
        if preview.printer_choice.wants_list() {
            preview.printer_choice.ask(self.spooler.clone(), ctx);
        }
        let outcome = preview.ui(ctx, register, revision, today, worker);
        if preview.take_sent_to_printer() {
            self.kept = None;
        }
        outcome
    }

    /// Uses these programs to reach the printer from now on (tests stand
    /// in for the system's).
    pub fn use_spooler(&mut self, spooler: Spooler) {
        self.spooler = spooler;
        self.worker = None;
    }
}
