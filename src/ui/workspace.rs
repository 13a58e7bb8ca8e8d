//! Everything that belongs to the open register, in one value: created
//! whole when a file opens and dropped when it closes, so nothing of one
//! register (a selection, a cache, a print preview, an import review) can
//! outlive it and show up against the next.

use std::time::Instant;

use chrono::NaiveDate;

use super::commitments::CommitmentsPanel;
use super::dashboard::DashboardPanel;
use super::dialogs::Dialog;
use super::meetings::MeetingsPanel;
use super::on_top::OnTop;
use super::participants::ParticipantsPanel;
use super::register_settings::RegisterSettingsPanel;
use super::search::SearchBox;
use super::shown_error::{Failure, Said};
use super::timeline::TimelinePanel;
use crate::document::Document;
use crate::document::ProblemCache;
use crate::edit::Edit;
use crate::model::Problem;
use crate::storage::{DiskStamp, RegisterLock};

/// The open register and all the window keeps about it.
pub struct Workspace {
    pub document: Document,
    /// Held while the file is open for writing; released on drop.
    pub(super) lock: Option<RegisterLock>,
    /// The file as last read or written, to notice changes by others.
    pub(super) stamp: Option<DiskStamp>,
    pub participants: ParticipantsPanel,
    pub meetings: MeetingsPanel,
    pub commitments: CommitmentsPanel,
    pub register_settings: RegisterSettingsPanel,
    pub timeline: TimelinePanel,
    pub dashboard: DashboardPanel,
    /// The search box's text and index (shown while `OnTop::Search`).
    pub search: SearchBox,
    /// Whatever sits on top of the panels; one thing at a time.
    pub(super) on_top: Option<OnTop>,
    /// The register's problems, rechecked record by record after edits.
    pub(super) problems: ProblemCache,
    /// Whether the problems list is shown above the status bar.
    pub problems_shown: bool,
    pub(super) last_recovery_write: Instant,
    /// Set when the file the window was to show could not be opened and
    /// nothing else is open: the window offers the ways on instead.
    pub(super) nothing_open: Option<super::start::NothingOpen>,
    /// The record the last New command made, taken back if left untouched.
    pub(super) fresh: Option<super::fresh::FreshRecord>,
    /// A partner's copy merged in, to be kept as the common copy once the
    /// merged register is saved.
    pub(super) merged_copy: Option<super::kept_copy::MergedCopy>,
    /// What the officer is to be told about what was done to this
    /// register, in order, until the app shows it.
    pub(super) told: Vec<Said>,
    /// A file the register was just saved to, for the recent files.
    pub(super) saved_as: Option<std::path::PathBuf>,
}

impl Workspace {
    /// A fresh workspace for `document`: nothing selected, nothing on top.
    pub fn new(document: Document, lock: Option<RegisterLock>, stamp: Option<DiskStamp>) -> Self {
        Workspace {
            document,
            lock,
            stamp,
            participants: ParticipantsPanel::default(),
            meetings: MeetingsPanel::default(),
            commitments: CommitmentsPanel::default(),
            register_settings: RegisterSettingsPanel::default(),
            timeline: TimelinePanel::default(),
            dashboard: DashboardPanel::default(),
            search: SearchBox::default(),
            on_top: None,
            problems: ProblemCache::default(),
            problems_shown: false,
            last_recovery_write: Instant::now(),
            nothing_open: None,
            fresh: None,
            merged_copy: None,
            told: Vec::new(),
            saved_as: None,
        }
    }

    /// What sits on top of the panels, if anything.
    pub fn on_top(&self) -> Option<&OnTop> {
        self.on_top.as_ref()
    }

    /// Puts a question on top, in place of whatever was there.
    pub(super) fn ask(&mut self, dialog: Dialog) {
        self.on_top = Some(OnTop::Question(dialog));
    }

    /// Applies `edit` as one undo step named `label`, then tells the
    /// officer `done`; or, refused, why not.
    pub(super) fn apply_told(&mut self, edit: Edit, label: String, done: String) {
        match self.document.apply_labelled(edit, label) {
            Ok(_) => self.tell(done),
            Err(refused) => self.fail(refused),
        }
    }

    /// Tells the officer `text` (information only), once the app shows it.
    pub(super) fn tell(&mut self, text: impl Into<String>) {
        self.told.push(Said::Info(text.into()));
    }

    /// Tells the officer what failed, by the one rule of `shown_error.rs`.
    pub(super) fn fail(&mut self, failure: impl Into<Failure>) {
        self.told.push(Said::Failed(failure.into()));
    }

    /// No register the officer chose is open: the window holds only the
    /// blank one it starts with (or a new one still untouched).
    pub(super) fn holds_nothing(&self) -> bool {
        let document = &self.document;
        let register = document.register();
        document.origin == crate::document::Origin::Untitled
            && !document.is_dirty()
            && register.participants.is_empty()
            && register.meetings.is_empty()
            && register.commitments.is_empty()
    }

    /// Validation problems of the register as of `today`.
    pub fn problems(&mut self, today: NaiveDate) -> &[Problem] {
        self.problems.problems(&self.document, today)
    }
}
