//! The application: one document, three panels, the menus, and the one
//! place where commands run.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use egui::ViewportCommand;

use super::command::{Command, Tab};
use super::commitments::CommitmentsPanel;
use super::dashboard::DashboardPanel;
use super::dialogs::Dialog;
use super::meetings::MeetingsPanel;
use super::opening::{OpenOn, Opening, Preload};
use super::participants::ParticipantsPanel;
use super::print::{Printing, Report};
use super::register_settings::RegisterSettingsPanel;
use super::search::SearchBox;
use super::theme::Theme;
use super::timeline::TimelinePanel;
use super::tracking_files::ImportReview;
use super::{Outbox, fonts};
use crate::document::{Document, Origin};
use crate::model::{Problem, Register};
use crate::problems::ProblemCache;
use crate::storage::RegisterLock;

/// How many files Open Recent lists.
const RECENT_FILES: usize = 8;

/// The window's own state, kept in eframe's storage between runs (never in
/// the register file).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    pub last_file: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub tab: Tab,
}

impl Settings {
    pub(super) fn remember(&mut self, path: &std::path::Path) {
        let path = path.to_path_buf();
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path.clone());
        self.recent.truncate(RECENT_FILES);
        self.last_file = Some(path);
    }
}

/// A line in the status bar after something happened.
#[derive(Debug, Clone)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// What to open when the window starts.
#[derive(Debug, Default)]
pub enum Startup {
    /// The last file, or the sample when there is none.
    #[default]
    LastOrSample,
    File(PathBuf),
    Sample,
    Empty,
}

/// Coalition Desk's window.
pub struct CoalitionDeskApp {
    pub document: Document,
    /// Held while a file is open for writing; released on drop.
    pub(super) lock: Option<RegisterLock>,
    pub(super) stamp: Option<crate::storage::DiskStamp>,
    pub settings: Settings,
    pub participants: ParticipantsPanel,
    pub meetings: MeetingsPanel,
    pub commitments: CommitmentsPanel,
    pub register_settings: RegisterSettingsPanel,
    /// The print preview and the worker that typesets off the UI thread.
    pub printing: Printing,
    pub timeline: TimelinePanel,
    pub dashboard: DashboardPanel,
    pub search: SearchBox,
    /// A CSV import waiting for the officer's confirmation.
    pub import: Option<ImportReview>,
    pub dialog: Option<Dialog>,
    pub notice: Option<Notice>,
    /// The day the officer works on; core code gets it as an argument.
    pub today: NaiveDate,
    /// The register's problems, rechecked record by record after edits.
    pub(super) problems: ProblemCache,
    pub(super) last_recovery_write: Instant,
    /// Set once the officer agreed to close, so the close is not stopped again.
    pub(super) closing: bool,
    /// For measuring start-up: the program's start. When set, the window
    /// closes as soon as one frame showing the register (once opened) has
    /// been painted, and prints how long after the start that was.
    pub exit_after_first_frame: Option<Instant>,
    /// Where register files are read (a worker thread in the window).
    pub(super) open_on: OpenOn,
    /// A register being read on a worker thread.
    pub(super) opening: Option<Opening>,
    /// A file whose reading started before the window (see `Preload`).
    pub(super) preload: Option<Preload>,
    frames_shown: u64,
    applied_theme: Option<Theme>,
    shown_title: String,
}

impl CoalitionDeskApp {
    /// The app as eframe creates it: fonts, remembered settings, first file
    /// (taking over `preload` when it is reading that file already).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        preload: Option<Preload>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        Self::with_settings_opening_on(settings, startup, today, OpenOn::Worker, preload)
    }

    /// The app without eframe, for tests and the headless frame benchmark.
    /// Files open on the calling thread, so the register is there on return.
    pub fn with_settings(settings: Settings, startup: Startup, today: NaiveDate) -> Self {
        Self::with_settings_opening_on(settings, startup, today, OpenOn::ThisThread, None)
    }

    /// [`Self::with_settings`], reading register files where `open_on`
    /// says, taking over `preload` as the window does at start.
    pub fn with_settings_opening_on(
        settings: Settings,
        startup: Startup,
        today: NaiveDate,
        open_on: OpenOn,
        preload: Option<Preload>,
    ) -> Self {
        let mut app = CoalitionDeskApp {
            document: Document::new(Register::new("Untitled coalition"), Origin::Untitled),
            lock: None,
            stamp: None,
            participants: ParticipantsPanel::default(),
            meetings: MeetingsPanel::default(),
            commitments: CommitmentsPanel::default(),
            register_settings: RegisterSettingsPanel::default(),
            printing: Printing::default(),
            timeline: TimelinePanel::default(),
            dashboard: DashboardPanel::default(),
            search: SearchBox::default(),
            import: None,
            dialog: None,
            notice: None,
            today,
            problems: ProblemCache::default(),
            last_recovery_write: Instant::now(),
            closing: false,
            exit_after_first_frame: None,
            open_on,
            opening: None,
            preload,
            frames_shown: 0,
            applied_theme: None,
            shown_title: String::new(),
            settings,
        };
        match startup {
            Startup::File(path) => app.open_path(&path),
            Startup::Sample => app.open_sample(),
            Startup::Empty => {}
            Startup::LastOrSample => match app.settings.last_file.clone() {
                Some(path) if path.exists() => app.open_path(&path),
                _ => {
                    app.open_sample();
                    app.offer_recovery(None);
                }
            },
        }
        app
    }

    /// Whether the window is on its way out (the officer agreed to close).
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// Puts a line in the status bar.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: false,
        });
    }

    /// Puts a failure in the status bar, as an error, and logs it once: for
    /// what went wrong in the background (an autosave, a leftover file)
    /// where a dialog would interrupt for nothing the officer can do now.
    pub fn notify_failure(&mut self, text: impl Into<String>) {
        let text = text.into();
        tracing::warn!("{text}");
        self.notice = Some(Notice {
            text,
            is_error: true,
        });
    }

    /// Shows an error the officer must acknowledge, and logs it once.
    pub fn report_error(&mut self, title: &str, text: impl Into<String>) {
        let text = text.into();
        tracing::warn!("{title}: {text}");
        self.notice = Some(Notice {
            text: format!("{title}: {text}"),
            is_error: true,
        });
        self.dialog = Some(Dialog::Message {
            title: title.to_string(),
            text,
        });
    }

    /// Validation problems of the current register, kept current by
    /// rechecking only the records edits touched.
    pub fn problems(&mut self) -> &[Problem] {
        self.problems.problems(&self.document, self.today)
    }

    /// How many times the whole register has been checked.
    pub fn full_validations(&self) -> u64 {
        self.problems.full_passes()
    }

    /// Runs one command. Commands that would lose unsaved changes ask first.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        let loses_changes = matches!(
            command,
            Command::New
                | Command::Open
                | Command::OpenRecent(_)
                | Command::OpenSample
                | Command::Quit
        );
        if let Some(opening) = &self.opening
            && command != Command::Quit
        {
            // Commands wait until the register being opened is in place:
            // an edit or a save now would go to the one it replaces.
            self.notify(format!(
                "Still opening {}; try again in a moment",
                opening.path().display()
            ));
            return;
        }
        if loses_changes && self.document.is_dirty() {
            self.dialog = Some(Dialog::UnsavedChanges { then: command });
            return;
        }
        self.run_now(ctx, command);
    }

    /// Runs a command without asking about unsaved changes.
    pub(super) fn run_now(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.new_register(),
            Command::Open => self.choose_and_open(),
            Command::OpenRecent(path) => self.open_path(&path),
            Command::OpenSample => self.open_sample(),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as(None);
            }
            Command::Quit => {
                self.closing = true;
                self.discard_recovery();
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            Command::Undo => {
                if !self.document.undo() {
                    self.notify("Nothing to undo");
                }
            }
            Command::Redo => {
                if !self.document.redo() {
                    self.notify("Nothing to redo");
                }
            }
            Command::ToggleTheme => self.settings.theme = self.settings.theme.toggled(),
            Command::ShowTab(tab) => self.settings.tab = tab,
            Command::NewParticipant => self.new_participant(),
            Command::NewMeeting => self.new_meeting(),
            Command::NewCommitment => self.new_commitment(),
            Command::OpenParticipant(id) => {
                self.settings.tab = Tab::Participants;
                self.participants.selected = Some(id);
            }
            Command::OpenMeeting(id) => {
                self.settings.tab = Tab::Meetings;
                self.meetings.selected = Some(id);
            }
            Command::OpenCommitment(id) => {
                self.settings.tab = Tab::Commitments;
                self.commitments.selected = Some(id);
            }
            Command::Delete(target) => self.ask_delete(target),
            Command::PrintSummary(id) => self.printing.open(Report::Summary(id)),
            Command::PrintAttendance(id) => self.printing.open(Report::Attendance(id)),
            Command::ExportCalendar => self.choose_and_export_calendar(),
            Command::Search => self.search.show(),
            Command::ShowCommitments(filter) => {
                self.settings.tab = Tab::Commitments;
                self.commitments.filter = filter;
            }
            Command::ExportCommitmentsCsv => self.export_commitments_csv(),
            Command::ImportCommitmentsCsv => self.import_commitments_csv(),
            Command::ExportChangesCsv(meeting) => self.export_changes_csv(meeting),
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if self.dialog.is_some() {
            return Vec::new();
        }
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            for command in Command::WITH_SHORTCUTS {
                let pressed = command
                    .shortcut()
                    .into_iter()
                    .chain(command.alternative_shortcut())
                    .any(|shortcut| input.consume_shortcut(&shortcut));
                if pressed {
                    commands.push(command);
                }
            }
        });
        commands
    }

    fn window_title(&self) -> String {
        let name = match &self.document.origin {
            Origin::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            Origin::Sample => "Sample register".to_string(),
            Origin::Untitled => "Untitled".to_string(),
        };
        let dirty = if self.document.is_dirty() { "● " } else { "" };
        let read_only = if self.document.read_only.is_some() {
            " [read-only]"
        } else {
            ""
        };
        format!("{dirty}{name}{read_only} — Coalition Desk")
    }

    /// One frame: shortcuts, chrome, the current panel, the dialog, then the
    /// edits and commands the frame produced, in that order.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_theme.is_none() {
            fonts::install(&ctx);
        }
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_visuals(self.settings.theme.visuals());
            self.applied_theme = Some(self.settings.theme);
        }
        self.opening_ui(&ctx);
        let mut out = Outbox::default();
        for command in self.shortcuts(&ctx) {
            out.command(command);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing {
            if self.document.is_dirty() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                if self.dialog.is_none() {
                    self.dialog = Some(Dialog::UnsavedChanges {
                        then: Command::Quit,
                    });
                }
            } else {
                self.closing = true;
            }
        }

        self.menu_bar_ui(ui, &mut out);
        self.status_bar_ui(ui);
        egui::CentralPanel::default().show(ui, |ui| {
            let register = self.document.register();
            let revision = self.document.revision();
            match self.settings.tab {
                Tab::Participants => self
                    .participants
                    .ui(ui, register, self.today, revision, &mut out),
                Tab::Meetings => self
                    .meetings
                    .ui(ui, register, self.today, revision, &mut out),
                Tab::Commitments => self
                    .commitments
                    .ui(ui, register, self.today, revision, &mut out),
                Tab::Register => self.register_settings.ui(ui, register, revision, &mut out),
                Tab::Timeline => self
                    .timeline
                    .ui(ui, register, self.today, revision, &mut out),
                Tab::Dashboard => self
                    .dashboard
                    .ui(ui, register, self.today, revision, &mut out),
            }
            self.search.ui(ui, register, revision, &mut out);
        });
        self.import_review_ui(&ctx);

        self.printing.ui(&ctx, self.document.register(), self.today);

        if let Some(mut dialog) = self.dialog.take() {
            match dialog.ui(&ctx) {
                Some(answer) => self.answer(&ctx, dialog, answer),
                None => self.dialog = Some(dialog),
            }
        }

        // Typing in one field arrives as one edit per frame; the field's id
        // groups them into a single undo step until focus leaves it.
        let focused = ctx.memory(|m| m.focused());
        if focused.is_none() {
            self.document.seal_group();
        }
        for edit in out.edits {
            self.document
                .apply_grouped(edit, focused.map(|id| format!("{id:?}")));
        }
        for command in out.commands {
            self.run(&ctx, command);
        }

        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.autosave_recovery();
        if !self.is_opening() {
            self.frames_shown += 1;
        }
        // The frame drawn before this one has been painted by now.
        if let Some(started) = self.exit_after_first_frame {
            if self.frames_shown >= 2 && !self.closing {
                println!(
                    "first frame with the register painted {:.0} ms after start",
                    started.elapsed().as_secs_f64() * 1000.0
                );
                self.closing = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            ctx.request_repaint();
        }
        if self.document.is_dirty() {
            // Wake up for the next autosave even when the officer is idle.
            ctx.request_repaint_after(std::time::Duration::from_secs(60));
        }
    }
}

impl eframe::App for CoalitionDeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
