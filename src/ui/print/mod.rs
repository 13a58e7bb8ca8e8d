//! Printing from the window: a preview of the report data with its
//! options, then Save PDF or Print, typeset on a worker thread.

mod preview;
mod preview_data;
mod worker;

pub use preview::{PrintPreview, Report};
pub use worker::{Destination, Outcome, PrintData, PrintWorker};

use chrono::NaiveDate;

use crate::model::Register;

/// The app's printing: the worker that typesets (started on first use and
/// kept, so fonts load once). The preview belongs to the open register.
#[derive(Default)]
pub struct Printing {
    worker: Option<PrintWorker>,
}

impl Printing {
    /// Draws the preview and takes in finished jobs. Returns false once the
    /// officer closes the preview.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        preview: &mut PrintPreview,
        register: &Register,
        revision: u64,
        today: NaiveDate,
    ) -> bool {
        let worker = self.worker.get_or_insert_with(|| {
            let ctx = ctx.clone();
            PrintWorker::start(move || ctx.request_repaint())
        });
        if let Some(outcome) = worker.poll() {
            preview.finish(outcome);
        }
        // Closing while a job runs is allowed: the job finishes and its
        // file is written; the answer is shown if the preview is reopened.
        preview.ui(ctx, register, revision, today, worker)
    }
}
