//! The print preview window: the typeset pages of the `MeetingSummary` or
//! `AttendanceRecord`, the options that shape them, and the buttons that
//! save or print them.

use crate::ui::on_top::Outcome;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::PreviewError;
use super::all_sheets::SheetsBuild;
use super::pages::PageView;
use super::printer_choice::PrinterChoice;
use super::sending::{PrintMessage, PrintQuestion};
use super::viewer::Viewer;
use super::worker::{Destination, PrintData, PrintWorker};
use crate::model::{MeetingId, ParticipantId, Register, SeriesId};
use crate::report::{Clearance, Paper, SummaryOptions};
use crate::revision_cache::RevisionCache;
use crate::ui::file_dialog::{FileChoice, PathPurpose, TypedPath, TypedPathAnswer};
use crate::ui::shown_error;

mod document;

/// Which report the preview is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    Summary(MeetingId),
    Attendance(SeriesId),
    /// The meeting pack for a session.
    Pack(MeetingId),
    /// What moved since the previous session of the meeting's series.
    Since(MeetingId),
    /// One participant's nation sheet.
    Sheet(ParticipantId),
    /// Every participant's sheet as one document, prepared on a thread of
    /// its own with a progress bar and Cancel.
    AllSheets,
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
    /// The printer, copies and sides for Print. (Boxed, like the pages.)
    pub printer_choice: Box<PrinterChoice>,
    /// The register's file, if it has one: Save PDF falls back on its
    /// folder when the officer has no documents folder.
    pub register_file: Option<PathBuf>,
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
    /// Every participant's sheet being prepared (`Report::AllSheets`).
    pub(super) sheets: Option<SheetsBuild>,
    /// The officer cancelled the preparation: the window closes.
    pub(super) cancelled: bool,
    /// Every participant's sheet as last prepared, for the pages and for
    /// Save PDF and Print, which write the very data on show.
    pub(super) prepared: Option<PrintData>,
}

/// What the preview shows: the data (or why there is none) and its clearance.
type Shown = (Result<PrintData, PreviewError>, Clearance);

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
            printer_choice: Box::new(PrinterChoice::taking_the_keyboard()),
            register_file: None,
            viewer: Viewer::default(),
            sent_to_printer: false,
            shown: Box::default(),
            today: NaiveDate::default(),
            sheets: None,
            cancelled: false,
            prepared: None,
        }
    }

    /// The same preview, for a register kept in `file`.
    #[must_use]
    pub fn of_file(mut self, file: Option<&Path>) -> Self {
        self.register_file = file.map(Path::to_path_buf);
        self
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
            Report::Pack(_) => "Print meeting pack",
            Report::Since(_) => "Print since last session",
            Report::Sheet(_) => "Print nation sheet",
            Report::AllSheets => "Print all nation sheets",
        }
    }

    /// Draws the window; it closes when the officer closes it or cancels.
    /// `revision` is the document's: the data is rebuilt only when it,
    /// the options or `today` changed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        register: &Register,
        revision: u64,
        today: NaiveDate,
        worker: &PrintWorker,
    ) -> Outcome {
        let mut open = true;
        // Escape answers what the window asks first (the print question,
        // a typed path) or closes a list; only then does it close the
        // window, and never while pages are on their way out.
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let closes_on_escape = escape
            && self.question.is_none()
            && self.typed_path.is_none()
            && self.busy.is_none()
            && !egui::Popup::is_any_open(ctx);
        egui::Window::new(self.title())
            .id(egui::Id::unique("print-preview"))
            .open(&mut open)
            .collapsible(false)
            .default_size([720.0, 720.0])
            .show(ctx, |ui| {
                self.window_ui(ui, register, revision, today, worker)
            });
        if open && !self.cancelled && !closes_on_escape {
            Outcome::Stays
        } else {
            Outcome::Closed
        }
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
        ui.add_enabled_ui(idle, |ui| self.printer_choice.ui(ui));
        ui.add_enabled_ui(idle, |ui| self.edition_ui(ui, register));
        ui.separator();
        // Taken out for the frame, so the buttons below may change the preview.
        let mut shown = std::mem::take(&mut self.shown);
        let key = (revision, self.options.clone(), today);
        // Every sheet is prepared on a thread of its own; once made they
        // are typeset as any other document.
        let mut rebuilt = false;
        if self.report == Report::AllSheets && shown.get(&key).is_none() {
            if !self.all_sheets_ui(ui, register, &mut shown, &key) {
                self.shown = shown;
                return;
            }
            rebuilt = true;
        }
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
            data.as_ref().ok().filter(|_| clearance.allows()),
            clearance,
        );
        self.shown = shown;
    }

    /// While every sheet is being prepared: the progress bar and Cancel.
    /// Once they are made, keeps them in `shown` for `key` and says true,
    /// so the frame goes on to typeset them as any other document.
    fn all_sheets_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        shown: &mut RevisionCache<(u64, SummaryOptions, NaiveDate), Shown>,
        key: &(u64, SummaryOptions, NaiveDate),
    ) -> bool {
        let wanted = (key.0, self.document_options(), key.2);
        if self.sheets.as_ref().is_none_or(|build| build.key != wanted) {
            let ctx = ui.ctx().clone();
            self.sheets = Some(SheetsBuild::start(register, wanted, move || {
                ctx.request_repaint();
            }));
        }
        let Some(build) = &self.sheets else {
            return false;
        };
        if let Some(answer) = build.poll() {
            self.sheets = None;
            let (data, clearance) = match answer {
                Ok((sheets, clearance)) => (Ok(PrintData::Sheets(Box::new(sheets))), clearance),
                Err(error) => (Err(error), Clearance::default()),
            };
            self.prepared = data.as_ref().ok().cloned();
            shown.get_or_update(key.clone(), || (data, clearance));
            return true;
        }
        let (done, total) = build.progress();
        ui.label(format!("Preparing nation sheet {done} of {total}…"));
        // Counts sheets, so the bar moves evenly however large the register.
        let fraction = if total == 0 {
            1.0
        } else {
            done as f32 / total as f32
        };
        ui.add(egui::ProgressBar::new(fraction).show_percentage());
        if ui
            .button("Cancel")
            .on_hover_text("Stop preparing the sheets and close this window")
            .clicked()
        {
            build.cancel();
            self.cancelled = true;
        }
        false
    }

    /// Typesets what is on show, or says why it cannot be.
    fn typeset(
        &mut self,
        worker: &PrintWorker,
        data: &Result<PrintData, PreviewError>,
        clearance: &Clearance,
    ) {
        self.question = None;
        match data {
            Err(error) => self.pages.none(error.clone()),
            Ok(_) if !clearance.allows() => self.pages.none(PreviewError::MarkingUnknown),
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
        printable: Option<&PrintData>,
        clearance: &Clearance,
    ) {
        let idle = self.busy.is_none() && self.question.is_none();
        let typeset = self.pages.page_count().is_some();
        ui.horizontal(|ui| {
            ui.add_enabled_ui(idle && printable.is_some() && typeset, |ui| {
                if ui
                    .button("Save PDF…")
                    .on_hover_text("Save these pages as a PDF file")
                    .clicked()
                {
                    self.choose_file(register, worker);
                }
                if ui
                    .button("Print")
                    .on_hover_text("Send these pages to the chosen printer, after asking")
                    .clicked()
                    && let Some(data) = printable
                {
                    self.ask_to_print(data);
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
        self.message_ui(ui, register, worker, printable.is_some());
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
        let proposed = self.proposed_path(register);
        let folder = proposed.parent().filter(|f| !f.as_os_str().is_empty());
        let name = self.suggested_name(register);
        match PathPurpose::Pdf.choose(Some((folder, &name))) {
            FileChoice::Picked(path) => self.submit(register, worker, Destination::File(path)),
            FileChoice::TypePath => self.type_path_to_save(register),
            FileChoice::Cancelled => {}
        }
    }

    /// Save PDF as when no file dialog can be shown: the proposed path in
    /// the typed-path field (tests reach the rest of the flow this way).
    pub fn type_path_to_save(&mut self, register: &Register) {
        let proposed = self.proposed_path(register).display().to_string();
        self.typed_path = Some(TypedPath::new(PathPurpose::Pdf, proposed));
    }

    fn typed_path_ui(&mut self, ui: &mut Ui, register: &Register, worker: &PrintWorker) {
        let Some(mut typed) = self.typed_path.take() else {
            return;
        };
        let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
        match typed.body_ui(ui) {
            _ if escape => {}
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
