//! The print preview window: the same `MeetingSummary` or
//! `AttendanceRecord` the PDF is made from, the options that shape it, and
//! the buttons that save or print it.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::worker::{Destination, Outcome, PrintData, PrintWorker};
use crate::model::{MeetingId, Register, SeriesId};
use crate::report::{self, Clearance, Paper, SummaryOptions};
use crate::revision_cache::RevisionCache;
use crate::ui::file_dialog::{self, FileChoice, FileRequest, TypedPathAnswer};

/// Which report the preview is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    Summary(MeetingId),
    Attendance(SeriesId),
}

/// The preview window's state. Dropping it closes the window; the worker
/// (and its loaded fonts) stays with the app.
pub struct PrintPreview {
    pub report: Report,
    pub options: SummaryOptions,
    /// A job is with the worker; buttons wait, a spinner turns.
    pub busy: Option<String>,
    /// What happened last, in words.
    pub message: Option<(String, bool)>,
    /// A PDF the printer refused, offered to open in the default viewer.
    pub unprinted: Option<PathBuf>,
    /// Shown when no file dialog could be opened: the officer types a path.
    pub typed_path: Option<String>,
    /// The data on screen and what stands between it and the printer, kept
    /// until the register, the options or the day change: building a
    /// summary every frame made the preview the slowest window.
    shown: RevisionCache<(u64, SummaryOptions, NaiveDate), Shown>,
}

/// What the preview shows: the data (or why there is none) and its clearance.
type Shown = (Result<PrintData, String>, Clearance);

impl PrintPreview {
    /// A preview of the report with the default options.
    pub fn new(report: Report) -> Self {
        PrintPreview {
            report,
            options: SummaryOptions::default(),
            busy: None,
            message: None,
            unprinted: None,
            typed_path: None,
            shown: RevisionCache::default(),
        }
    }

    /// How many times the preview's data was built; tests check it stays put.
    pub fn computations(&self) -> u64 {
        self.shown.computations()
    }

    fn shown(&self, register: &Register, today: NaiveDate) -> Shown {
        let data = self.data(register);
        let clearance = match &data {
            Ok(data) => Clearance::of(register, data.includes(), today),
            Err(_) => Clearance::default(),
        };
        (data, clearance)
    }

    fn title(&self) -> &'static str {
        match self.report {
            Report::Summary(_) => "Print summary",
            Report::Attendance(_) => "Print attendance record",
        }
    }

    /// The data to typeset with the current options, or why there is none.
    pub fn data(&self, register: &Register) -> Result<PrintData, String> {
        match self.report {
            Report::Summary(id) => report::meeting_summary(register, id, &self.options)
                .map(|s| PrintData::Summary(Box::new(s))),
            Report::Attendance(id) => report::attendance_record(register, id).map(|mut r| {
                r.paper = self.options.paper;
                PrintData::Attendance(Box::new(r))
            }),
        }
        .map_err(|error| error.to_string())
    }

    /// A file name to suggest, from the report's title.
    fn suggested_name(&self, register: &Register) -> String {
        let stem = match self.report {
            Report::Summary(id) => register
                .meeting(id)
                .map(|m| format!("summary {} {}", m.date, m.title))
                .unwrap_or_else(|| "summary".into()),
            Report::Attendance(id) => register
                .session_series(id)
                .map(|s| format!("attendance {}", s.name))
                .unwrap_or_else(|| "attendance".into()),
        };
        let safe: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("{safe}.pdf")
    }

    /// Sends a job; the outcome arrives through `finish`.
    pub fn submit(&mut self, register: &Register, worker: &PrintWorker, destination: Destination) {
        let data = match self.data(register) {
            Ok(data) => data,
            Err(error) => {
                self.message = Some((error, true));
                return;
            }
        };
        let doing = match &destination {
            Destination::File(_) => "Typesetting the PDF…",
            Destination::Printer(_) => "Typesetting and sending to the printer…",
        };
        if worker.submit(data, destination) {
            self.busy = Some(doing.into());
            self.message = None;
            self.unprinted = None;
        } else {
            self.message = Some((
                "The print worker has stopped; restart the program".into(),
                true,
            ));
        }
    }

    /// Takes in the worker's answer.
    pub fn finish(&mut self, outcome: Outcome) {
        self.busy = None;
        self.message = Some(match outcome {
            Outcome::Saved(path) => (format!("Saved the PDF to {}", path.display()), false),
            Outcome::Printed { printer_said } if printer_said.is_empty() => {
                ("Sent to the printer".into(), false)
            }
            Outcome::Printed { printer_said } => {
                (format!("Sent to the printer: {printer_said}"), false)
            }
            Outcome::PrintFailed { pdf, reason } => {
                let text = format!(
                    "Could not print: {reason}. Open the PDF and print it from the viewer: {}",
                    pdf.display()
                );
                self.unprinted = Some(pdf);
                (text, true)
            }
            Outcome::Failed(reason) => (format!("No PDF was made: {reason}"), true),
        });
        if let Some((failure, true)) = &self.message {
            tracing::warn!("{failure}");
        }
    }

    /// Draws the window. Returns false once the officer closes it.
    /// `revision` is the document's: the data is rebuilt only when it,
    /// the options or `today` changed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        register: &Register,
        revision: u64,
        today: NaiveDate,
        worker: &PrintWorker,
    ) -> bool {
        let mut open = true;
        egui::Window::new(self.title())
            .id(egui::Id::unique("print-preview"))
            .open(&mut open)
            .collapsible(false)
            .default_size([640.0, 620.0])
            .show(ctx, |ui| {
                self.window_ui(ui, register, revision, today, worker)
            });
        open
    }

    fn window_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        revision: u64,
        today: NaiveDate,
        worker: &PrintWorker,
    ) {
        let idle = self.busy.is_none();
        ui.add_enabled_ui(idle, |ui| self.options_ui(ui));
        ui.separator();
        // Taken out for the frame, so the buttons below may change the preview.
        let mut shown = std::mem::take(&mut self.shown);
        let key = (revision, self.options.clone(), today);
        let (data, clearance) = shown.get_or_update(key, || self.shown(register, today));
        self.data_ui(ui, register, worker, data, clearance);
        self.shown = shown;
    }

    fn data_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        worker: &PrintWorker,
        data: &Result<PrintData, String>,
        clearance: &Clearance,
    ) {
        let idle = self.busy.is_none();
        let printable = data.is_ok() && clearance.allows();
        ui.horizontal(|ui| {
            ui.add_enabled_ui(idle && printable, |ui| {
                if ui
                    .button("Save PDF…")
                    .on_hover_text("Typeset the report and save it as a PDF file")
                    .clicked()
                {
                    self.choose_file(register, worker);
                }
                if ui
                    .button("Print")
                    .on_hover_text("Typeset the report and send it to the system printer")
                    .clicked()
                {
                    let path = std::env::temp_dir().join(self.suggested_name(register));
                    self.submit(register, worker, Destination::Printer(path));
                }
            });
            if let Some(doing) = &self.busy {
                ui.spinner();
                ui.label(doing);
            }
        });
        clearance_ui(ui, clearance);
        self.typed_path_ui(ui, register, worker);
        if let Some((text, is_error)) = &self.message {
            if *is_error {
                ui.colored_label(ui.visuals().error_fg_color, text);
            } else {
                ui.label(text);
            }
        }
        if let Some(pdf) = self.unprinted.clone()
            && ui
                .button("Open the PDF")
                .on_hover_text("Open the PDF in the default viewer")
                .clicked()
            && let Err(error) = opener::open(&pdf)
        {
            self.message = Some((
                format!("Could not open the PDF: {error}: {}", pdf.display()),
                true,
            ));
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("print-preview-data")
            .auto_shrink([false, false])
            .show(ui, |ui| match data {
                Ok(data) => super::preview_data::data_ui(ui, data),
                Err(error) => {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
            });
    }

    fn options_ui(&mut self, ui: &mut Ui) {
        let options = &mut self.options;
        if matches!(self.report, Report::Summary(_)) {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Sections:").strong());
                ui.checkbox(&mut options.attendance, "Attendance");
                ui.checkbox(&mut options.notes, "Notes");
                ui.checkbox(&mut options.agenda, "Agenda");
                ui.checkbox(&mut options.decisions, "Decisions");
                ui.checkbox(&mut options.actions, "Action items");
                ui.checkbox(&mut options.commitments, "Commitments");
                ui.checkbox(&mut options.statement, "Public statement");
            });
            ui.checkbox(&mut options.include_restricted, "Include restricted notes")
                .on_hover_text("Restricted notes are left out unless you tick this");
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new("Paper:").strong());
            for paper in Paper::ALL {
                ui.radio_value(&mut options.paper, paper, paper.label());
            }
        });
    }

    fn choose_file(&mut self, register: &Register, worker: &PrintWorker) {
        let request = FileRequest {
            title: "Save the PDF as",
            kind: "PDF",
            extension: "pdf",
        };
        match request.save(&self.suggested_name(register)) {
            FileChoice::Picked(path) => self.submit(register, worker, Destination::File(path)),
            FileChoice::TypePath => self.typed_path = Some(self.suggested_name(register)),
            FileChoice::Cancelled => {}
        }
    }

    fn typed_path_ui(&mut self, ui: &mut Ui, register: &Register, worker: &PrintWorker) {
        let Some(mut text) = self.typed_path.take() else {
            return;
        };
        let answer = file_dialog::typed_path_ui(
            ui,
            "No file dialog could be shown. Type where to save the PDF:",
            "/home/officer/summary.pdf",
            "Save",
            &mut text,
        );
        match answer {
            Some(TypedPathAnswer::Path(path)) => {
                self.submit(register, worker, Destination::File(path));
            }
            Some(TypedPathAnswer::Cancel) => {}
            None => self.typed_path = Some(text),
        }
    }
}

/// Why the document cannot be printed, and what to look at first.
fn clearance_ui(ui: &mut Ui, clearance: &Clearance) {
    if !clearance.refusals.is_empty() {
        ui.colored_label(
            ui.visuals().error_fg_color,
            RichText::new("This document cannot be printed or saved until these are fixed:")
                .strong(),
        );
        for refusal in &clearance.refusals {
            ui.colored_label(ui.visuals().error_fg_color, format!("• {refusal}"));
        }
    }
    if !clearance.warnings.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "Problems in what this document includes (it can still be printed):",
        );
        for warning in &clearance.warnings {
            ui.colored_label(ui.visuals().warn_fg_color, format!("• {warning}"));
        }
    }
}
