//! The application: the window's own state around one workspace (the open
//! register and all that belongs to it). The frame is drawn in `frame.rs`;
//! commands run in `run.rs`.

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;

use super::clock::Clock;
use super::command::{Command, Tab};
use super::dialogs::Dialog;
use super::on_top::OnTop;
use super::opening::{OpenOn, Opener, Preload};
use super::print::Printing;
use super::shown_error::{Failure, Said};
use super::theme::Theme;
use super::workspace::Workspace;
use crate::document::{Document, Origin};
use crate::model::Problem;

/// How many files Open Recent lists.
const RECENT_FILES: usize = 8;

/// The window's own state, kept in eframe's storage between runs (never in
/// the register file).
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// How large the window draws text and controls (75–200 %).
    pub zoom: super::zoom::Zoom,
    pub last_file: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub tab: Tab,
    /// The office code the officer last gave for this copy ("LON"), offered
    /// again the next time two copies are merged.
    pub office: String,
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
    /// The open register with its panels, caches and whatever is on top.
    pub(super) workspace: Workspace,
    pub(super) settings: Settings,
    /// The worker that typesets PDFs (started on first use and kept, so
    /// fonts load once); the preview itself is on top in the workspace.
    pub(super) printing: Printing,
    pub(super) notice: Option<Notice>,
    /// Where today comes from; asked once per frame.
    pub(super) clock: Clock,
    /// The day the officer works on, as of this frame; core code gets it
    /// as an argument.
    pub(super) today: NaiveDate,
    /// Set once the officer agreed to close, so the close is not stopped again.
    pub(super) closing: bool,
    /// For measuring start-up: the program's start. When set, the window
    /// closes as soon as one frame showing the register (once opened) has
    /// been painted, and prints how long after the start that was.
    pub(super) exit_after_first_frame: Option<Instant>,
    /// Where register files are read (a worker thread in the window),
    /// taking over a file whose reading started before the window.
    pub(super) opener: Opener,
    pub(super) frames_shown: u64,
    /// Commands given from outside the frame (the tests' harness), run in
    /// the next frame as if a menu had sent them.
    pub(super) given: Vec<Command>,
    pub(super) applied_theme: Option<Theme>,
    pub(super) shown_title: String,
}

impl CoalitionDeskApp {
    /// The app as eframe creates it: fonts, remembered settings, first file
    /// (taking over `preload` when it is reading that file already).
    /// `exit_after_first_frame`, the program's start, has it close once
    /// the first frame with the register is painted, saying how long
    /// after the start that was (`--exit-after-first-frame`).
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        startup: Startup,
        preload: Option<Preload>,
        exit_after_first_frame: Option<Instant>,
    ) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::with_clock(settings, startup, Clock::Local, OpenOn::Worker, preload);
        app.exit_after_first_frame = exit_after_first_frame;
        app
    }

    /// The app without eframe, for tests and the headless frame benchmark:
    /// today stays `today`, and files open on the calling thread, so the
    /// register is there on return.
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
        Self::with_clock(settings, startup, Clock::Fixed(today), open_on, preload)
    }

    /// The app telling the day by `clock`.
    pub fn with_clock(
        settings: Settings,
        startup: Startup,
        clock: Clock,
        open_on: OpenOn,
        preload: Option<Preload>,
    ) -> Self {
        let mut app = CoalitionDeskApp {
            workspace: Workspace::new(
                Document::new(super::files::untitled_register(), Origin::Untitled),
                None,
                None,
            ),
            printing: Printing::default(),
            notice: None,
            clock,
            today: clock.today(),
            closing: false,
            exit_after_first_frame: None,
            opener: Opener::new(open_on, preload),
            frames_shown: 0,
            given: Vec::new(),
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
                    app.workspace.offer_recovery(None);
                }
            },
        }
        app.show_told();
        app
    }

    /// Whether the window is on its way out (the officer agreed to close).
    pub fn is_closing(&self) -> bool {
        self.closing
    }

    /// The day the window judges by (due dates, overdue) this frame.
    pub fn today(&self) -> NaiveDate {
        self.today
    }

    /// The open register file and its history.
    pub fn document(&self) -> &crate::document::Document {
        &self.workspace.document
    }

    /// The open register with its panels, as this frame drew them (to
    /// read only: the window changes it through commands and edits).
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The window's own settings: the tab shown, theme, recent files.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The line in the status bar, if one is shown.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// Puts `register` in place of the open one, as an untitled register
    /// in a workspace of its own: what putting a register read from a
    /// file in place does, without the file (the tests and the frame
    /// benchmark open generated registers this way).
    pub fn open_register(&mut self, register: crate::model::Register) {
        self.replace_document(Document::new(register, Origin::Untitled), None, None);
    }

    /// Applies `edit` as a panel's edit is applied at the end of a frame,
    /// as one undo step, through the same gate: held back while what is
    /// on top holds the register; a refusal is shown in the status line.
    pub fn edit(&mut self, edit: crate::edit::Edit) {
        self.apply_edit(edit, None);
        self.show_told();
    }

    /// What sits on top of the panels, if anything.
    pub fn on_top(&self) -> Option<&OnTop> {
        self.workspace.on_top()
    }

    /// The question on screen, if one is.
    pub fn dialog(&self) -> Option<&Dialog> {
        match self.workspace.on_top() {
            Some(OnTop::Question(dialog)) => Some(dialog),
            _ => None,
        }
    }

    /// Reaches the printer through these programs from now on (tests stand
    /// in for the system's `lpstat` and `lp`).
    pub fn use_spooler(&mut self, spooler: super::print::Spooler) {
        self.printing.use_spooler(spooler);
    }

    /// The print preview, when it is on top (tests reach past the file
    /// dialog through it).
    pub fn print_preview_mut(&mut self) -> Option<&mut super::print::PrintPreview> {
        match self.workspace.on_top.as_mut() {
            Some(OnTop::PrintPreview(preview)) => Some(preview),
            _ => None,
        }
    }

    /// Gives the window a command, as a menu or shortcut would: it runs in
    /// the next frame, through the same gate.
    pub fn command(&mut self, command: Command) {
        self.given.push(command);
    }

    /// Puts a line of information in the status bar; an error goes
    /// through `show_error`, never here.
    pub(super) fn notify(&mut self, text: impl Into<String>) {
        self.show_told();
        self.notice = Some(Notice {
            text: text.into(),
            is_error: false,
        });
    }

    /// Shows an error the one way the window does: in the status line,
    /// logged once, and, when what the officer asked for did not happen,
    /// in a message to acknowledge (the rule is in `shown_error.rs`).
    pub(super) fn show_error(&mut self, failure: impl Into<Failure>) {
        self.show_told();
        let failure = failure.into();
        tracing::warn!("{}", failure.sentence());
        self.notice = Some(Notice {
            text: failure.status_line(),
            is_error: true,
        });
        if let Failure::NotDone { what, why, .. } = failure {
            self.workspace.ask(Dialog::Message {
                title: what,
                text: why,
            });
        }
    }

    /// Shows what the workspace was told to say, in order, before
    /// anything said after it (so the last word stays the last).
    pub(super) fn show_told(&mut self) {
        for said in std::mem::take(&mut self.workspace.told) {
            match said {
                Said::Info(text) => self.notify(text),
                Said::Failed(failure) => self.show_error(failure),
                Said::Unsaid => self.notice = None,
            }
        }
        if let Some(path) = self.workspace.saved_as.take() {
            self.settings.remember(&path);
        }
    }

    /// Whether a register is being read on a worker thread.
    pub fn is_opening(&self) -> bool {
        matches!(self.workspace.on_top(), Some(OnTop::Opening(_)))
    }

    /// Validation problems of the current register, kept current by
    /// rechecking only the records edits touched.
    pub fn problems(&mut self) -> &[Problem] {
        self.workspace.problems(self.today)
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
