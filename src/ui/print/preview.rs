//! The print preview window: the typeset pages of the `MeetingSummary` or
//! `AttendanceRecord`, the options that shape them, and the buttons that
//! save or print them.

use std::path::PathBuf;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::pages::PageView;
use super::sending::{PrintMessage, PrintQuestion};
use super::viewer::Viewer;
use super::worker::{Destination, PrintData, PrintWorker};
use crate::model::{MeetingId, Register, SeriesId};
use crate::report::{self, Clearance, Paper, SummaryOptions};
use crate::revision_cache::RevisionCache;
use crate::ui::file_dialog::{FileChoice, FileRequest, PathPurpose, TypedPath, TypedPathAnswer};
use crate::ui::shown_error;

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
    pub message: Option<PrintMessage>,
    /// Print is waiting for the officer's yes.
    pub question: Option<Box<PrintQuestion>>,
    /// The PDF the printer refused, offered to open in a viewer.
    pub unprinted: Option<PathBuf>,
    /// Shown when no file dialog could be opened: the officer types a path.
    pub typed_path: Option<TypedPath>,
    /// The typeset pages on show.
    /// (Boxed: the preview sits in `OnTop` beside much smaller things.)
    pub pages: Box<PageView>,
    pub(super) viewer: Viewer,
    pub(super) sent_to_printer: bool,
    /// The data on screen and what stands between it and the printer, kept
    /// until the register, the options or the day change: building a
    /// summary every frame made the preview the slowest window.
    /// (Boxed, like the pages: its key holds the options.)
    pub(super) shown: Box<RevisionCache<(u64, SummaryOptions, NaiveDate), Shown>>,
    /// The day the window was last drawn: the issue date the document
    /// prints, on screen and in the file alike.
    pub(super) today: NaiveDate,
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
            question: None,
            unprinted: None,
            typed_path: None,
            pages: Box::default(),
            viewer: Viewer::default(),
            sent_to_printer: false,
            shown: Box::default(),
            today: NaiveDate::default(),
        }
    }

    /// How many times the preview's data was built; tests check it stays put.
    pub fn computations(&self) -> u64 {
        self.shown.computations()
    }

    /// Whether a job went to the printer since last asked: the officer's
    /// last refused PDF is no longer needed once a new one is on its way.
    pub fn take_sent_to_printer(&mut self) -> bool {
        std::mem::take(&mut self.sent_to_printer)
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
            Report::Summary(id) => report::meeting_summary(register, id, &self.options, self.today)
                .map(|s| PrintData::Summary(Box::new(s))),
            Report::Attendance(id) => {
                report::attendance_record(register, id, self.today).map(|mut r| {
                    r.paper = self.options.paper;
                    PrintData::Attendance(Box::new(r))
                })
            }
        }
        .map_err(|error| error.to_string())
    }

    /// A file name to suggest, from the report's title.
    pub(super) fn suggested_name(&self, register: &Register) -> String {
        let stem = match self.report {
            Report::Summary(id) => register
                .meeting(id)
                .map(|m| format!("summary {} {}", m.date, m.title))
                // Two editions saved side by side keep apart.
                .map(|stem| match &self.options.edition {
                    Some(level) => format!("{stem} {level} edition"),
                    None => stem,
                })
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
            .default_size([720.0, 720.0])
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
        self.today = today;
        let idle = self.busy.is_none() && self.question.is_none();
        ui.add_enabled_ui(idle, |ui| self.options_ui(ui));
        ui.add_enabled_ui(idle, |ui| self.edition_ui(ui, register));
        ui.separator();
        // Taken out for the frame, so the buttons below may change the preview.
        let mut shown = std::mem::take(&mut self.shown);
        let key = (revision, self.options.clone(), today);
        let mut rebuilt = false;
        let (data, clearance) = shown.get_or_update(key, || {
            rebuilt = true;
            self.shown(register, today)
        });
        if rebuilt {
            self.typeset(worker, data, clearance);
        }
        self.data_ui(
            ui,
            register,
            worker,
            data.is_ok() && clearance.allows(),
            clearance,
        );
        self.shown = shown;
    }

    /// Typesets what is on show, or says why it cannot be.
    fn typeset(
        &mut self,
        worker: &PrintWorker,
        data: &Result<PrintData, String>,
        clearance: &Clearance,
    ) {
        self.question = None;
        match data {
            Err(error) => self.pages.none(error.clone()),
            Ok(_) if !clearance.allows() => self.pages.none(
                "No pages are shown until the document's marking can be worked out (see above)."
                    .into(),
            ),
            Ok(data) => {
                if let Err(error) = self.pages.typeset(worker, data.clone()) {
                    self.pages.none(error);
                }
            }
        }
    }

    fn data_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        worker: &PrintWorker,
        printable: bool,
        clearance: &Clearance,
    ) {
        let idle = self.busy.is_none() && self.question.is_none();
        let typeset = self.pages.page_count().is_some();
        ui.horizontal(|ui| {
            ui.add_enabled_ui(idle && printable && typeset, |ui| {
                if ui
                    .button("Save PDF…")
                    .on_hover_text("Save these pages as a PDF file")
                    .clicked()
                {
                    self.choose_file(register, worker);
                }
                if ui
                    .button("Print")
                    .on_hover_text("Send these pages to the default printer, after asking")
                    .clicked()
                {
                    self.find_printer(worker);
                }
            });
            if let Some(doing) = &self.busy {
                ui.spinner();
                ui.label(doing);
            }
        });
        clearance_ui(ui, clearance);
        self.question_ui(ui, register, worker);
        self.typed_path_ui(ui, register, worker);
        self.message_ui(ui, register, worker, printable);
        ui.separator();
        self.pages.toolbar_ui(ui);
        self.pages.page_ui(ui, worker);
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
            ui.checkbox(&mut options.change_log, "Change log annex")
                .on_hover_text("Add the record's revisions, field by field, as an annex");
        }
        ui.horizontal(|ui| {
            ui.label(RichText::new("Paper:").strong());
            for paper in Paper::ALL {
                ui.radio_value(&mut options.paper, paper, paper.label());
            }
        });
    }

    pub(super) fn choose_file(&mut self, register: &Register, worker: &PrintWorker) {
        let request = FileRequest {
            title: "Save the PDF as",
            kind: "PDF",
            extension: "pdf",
        };
        match request.save(&self.suggested_name(register)) {
            FileChoice::Picked(path) => self.submit(register, worker, Destination::File(path)),
            FileChoice::TypePath => {
                let suggested = self.suggested_name(register);
                self.typed_path = Some(TypedPath::new(PathPurpose::Pdf, suggested));
            }
            FileChoice::Cancelled => {}
        }
    }

    fn typed_path_ui(&mut self, ui: &mut Ui, register: &Register, worker: &PrintWorker) {
        let Some(mut typed) = self.typed_path.take() else {
            return;
        };
        match typed.body_ui(ui) {
            Some(TypedPathAnswer::Path(path)) => {
                self.submit(register, worker, Destination::File(path));
            }
            Some(TypedPathAnswer::Cancel) => {}
            None => self.typed_path = Some(typed),
        }
    }
}

/// Why the document cannot be printed, and what to look at first.
fn clearance_ui(ui: &mut Ui, clearance: &Clearance) {
    if !clearance.refusals.is_empty() {
        shown_error::label(
            ui,
            RichText::new("This document cannot be printed or saved until these are fixed:")
                .strong(),
        );
        for refusal in &clearance.refusals {
            shown_error::label(ui, format!("• {refusal}"));
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
