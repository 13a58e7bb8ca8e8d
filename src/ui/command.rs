//! Every user action as a value. Menus, shortcuts, buttons and the command
//! palette all send these; the app runs them in one place at the end of the
//! frame. The actions that need no record or path are also an [`Action`],
//! which can list itself: the shortcut table, the menus' shortcut hints and
//! the palette all come from [`Action::all`].

use std::borrow::Cow;
use std::path::PathBuf;

use egui::KeyboardShortcut;

use chrono::NaiveDate;

use crate::model::{
    AttendanceStatus, CommitmentId, Field, MeetingId, MinutesMove, ParticipantId, Record, Register,
    SeriesId,
};
use crate::tracking::ImportPreview;
use crate::ui::CsvPurpose;
use crate::ui::commitments::CommitmentFilter;
use crate::ui::copies::ReceivedCopy;
use crate::ui::meetings::MinutesAsk;
use crate::ui::merge_review::SettledReview;
use crate::ui::opening::ReadRegister;

// Where the menus and the palette also find Undo and Redo named.
pub use super::history::History;
// Where every panel and test finds the tabs.
pub use super::tab::Tab;
// Where the View menu and the settings find the zoom.
pub use super::zoom::{Zoom, ZoomStep};
// Where the menus, the palette and the shortcut table find the actions.
pub use super::action::{Action, Menu};

/// A user action.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    New,
    /// Asks which register file to open (a file; a record is shown by the
    /// `Select…` commands).
    OpenFile,
    /// Opens the register file at this path (Open Recent), asking first
    /// about unsaved changes, as every command leaving the register does.
    OpenRecent(PathBuf),
    /// Opens the bundled sample register.
    OpenSample,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    ToggleTheme,
    /// Draws everything larger or smaller, or at 100 %.
    Zoom(ZoomStep),
    ShowTab(Tab),
    NewParticipant,
    NewMeeting,
    NewCommitment,
    /// Adds a session series meeting monthly from today, and opens it.
    NewSeries,
    /// Adds a representative of the participant, and opens them.
    NewPerson(ParticipantId),
    /// Adds the next session of a series, dated today, and opens it.
    NewMeetingInSeries(SeriesId),
    /// Adds the session of a series on a day its cadence gives (the
    /// timeline's "Schedule this session"), and opens it.
    ScheduleSession {
        series: SeriesId,
        date: NaiveDate,
    },
    /// Marks every delegation the meeting expects present.
    MarkExpectedPresent(MeetingId),
    /// Starts the meeting's attendance from the series' previous session.
    CopyPreviousAttendance(MeetingId),
    /// Marks every delegation without an answer present at a meeting
    /// held, and the meeting held (`edit::all_present`).
    MarkAllPresent(MeetingId),
    /// Records one status for several delegations at a meeting, as one
    /// step: a letter typed in the attendance grid.
    SetAttendance(MeetingId, Vec<ParticipantId>, AttendanceStatus),
    /// Registers a person first met at the table and seats them.
    AddNewDelegate(NewDelegate),
    SelectParticipant(ParticipantId),
    SelectMeeting(MeetingId),
    SelectCommitment(CommitmentId),
    /// Opens a series in the timeline's editor.
    SelectSeries(SeriesId),
    /// Opens a record in its panel with the keyboard in one field (a
    /// problem clicked in the list, a search hit in a meeting's minutes).
    SelectAt(Record, Field),
    /// Deletes a record, asking first when others refer to it.
    Delete(Record),
    /// Opens the print preview of a meeting's summary.
    PrintSummary(MeetingId),
    /// Opens the print preview of a series' attendance record.
    PrintAttendance(SeriesId),
    /// Opens the print preview of the meeting pack for a session.
    PrintMeetingPack(MeetingId),
    /// Opens the print preview of what moved since the previous session.
    PrintSinceLastSession(MeetingId),
    /// Opens the print preview of one participant's nation sheet.
    PrintNationSheet(ParticipantId),
    /// Prepares every participant's nation sheet, with progress, then
    /// opens them in the print preview as one document.
    PrintAllNationSheets,
    /// Writes the meetings and series to an iCalendar file.
    ExportCalendar,
    /// Opens the search box (records, and the minutes of meetings).
    Search,
    /// Shows the commitments table with this filter (a dashboard bar click).
    ShowCommitments(CommitmentFilter),
    ExportCommitmentsCsv,
    ImportCommitmentsCsv,
    /// Writes this register for a partner office and keeps it as the base
    /// of the next merge with that office.
    SendCopy,
    /// Reads a partner office's copy and reviews the merge before applying it.
    MergeCopy,
    /// Reviews the register's conflicts, to settle them one by one.
    ResolveConflicts,
    /// Writes "since last session" for the meeting as CSV.
    ExportChangesCsv(MeetingId),
    /// Opens the command palette: every action, found by typing.
    CommandPalette,
    /// Puts the keyboard in the open meeting's attendance grid.
    RecordAttendance,
    /// The print preview of the open meeting's summary (Ctrl+P).
    PrintOpenMeeting,
    /// Opens the form for a move in the life of a meeting's record.
    AskMinutesMove(MeetingId, MinutesAsk),
    /// Makes a move in the life of a meeting's record, on a date.
    MoveMinutes(MeetingId, MinutesMove, NaiveDate),

    // The officer's answers in what sits on top, carried out by the app
    // through the same gate as every other command.
    /// Saves, then runs the command that asked about unsaved changes.
    SaveThen(Box<Command>),
    /// Runs the command that asked, leaving the unsaved changes behind.
    DiscardChangesThen(Box<Command>),
    /// Deletes a record others refer to, mending their references.
    DeleteConfirmed(Record),
    /// Takes the autosaved register as unsaved changes.
    Recover {
        recovery: PathBuf,
        register: Box<Register>,
    },
    /// Removes the recovery file the officer chose not to recover.
    DiscardRecovery(PathBuf),
    /// Saves over a file that changed on disk.
    SaveOverwriting,
    /// Opens the register chosen after Open… asked about unsaved changes
    /// (so it does not ask again).
    OpenAfterAsking(PathBuf),
    /// Saves the register to this file; `then` runs once it is saved.
    SaveTo {
        path: PathBuf,
        then: Option<Box<Command>>,
    },
    /// Writes the calendar to this file.
    ExportCalendarTo(PathBuf),
    /// Writes a CSV export to this file, or reads an import into a review.
    CsvFile(CsvPurpose, PathBuf),
    /// Writes the copy for the partner office to this file.
    SendCopyTo {
        partner: String,
        path: PathBuf,
    },
    /// Reads a partner office's copy to merge.
    ReadCopy(PathBuf),
    /// Imports the rows the officer reviewed, as one undo step.
    ImportRows(Box<ImportPreview>),
    /// Asks where to write the copy for this partner office.
    ChooseWhereToSend(String),
    /// Merges the copy read from the common copy kept for the partner.
    MergeWithBase {
        copy: ReceivedCopy,
        ours: String,
        partner: String,
    },
    /// Compares the copy read with ours, no common copy being kept.
    CompareCopies {
        copy: ReceivedCopy,
        ours: String,
        partner: String,
    },
    /// Replaces the register with the one the merge review settled.
    ApplyMerge(Box<SettledReview>),
    /// The merge review was left without applying anything.
    MergeCancelled,
    /// A register file read on the worker: put it in place of the open
    /// one (or say why it could not be read).
    PutInPlace(ReadRegister),
}

/// A delegate the register does not know yet, as typed on an attendance
/// row: the person is created with a role for the participant from the
/// meeting's date.
#[derive(Clone, Debug, PartialEq)]
pub struct NewDelegate {
    pub meeting: MeetingId,
    pub participant: ParticipantId,
    pub name: String,
    /// The role, e.g. "Ambassador"; may be left empty.
    pub title: String,
}

/// What a command is called on a button, menu entry or tooltip.
enum Called {
    /// Listed in the menus, palette and shortcut table: the action's words.
    Listed(Action),
    /// Sent beside a record or given as an answer: its own label and
    /// tooltip (empty for an answer, never on a button or menu).
    Own(Cow<'static, str>, &'static str),
}

impl Command {
    /// Whether the command leaves the open register for another (or the
    /// window): unsaved changes are asked about first.
    pub fn leaves_the_register(&self) -> bool {
        matches!(
            self,
            Command::New
                | Command::OpenFile
                | Command::OpenRecent(_)
                | Command::OpenSample
                | Command::Quit
        )
    }

    /// Whether the command writes the register to its file.
    pub fn saves(&self) -> bool {
        matches!(self, Command::Save | Command::SaveAs)
    }

    /// Whether the command makes a new record (taken back if left untouched).
    pub fn makes_a_record(&self) -> bool {
        matches!(
            self,
            Command::NewParticipant
                | Command::NewMeeting
                | Command::NewCommitment
                | Command::NewSeries
                | Command::NewPerson(_)
                | Command::NewMeetingInSeries(_)
        )
    }

    /// The action this command is, when it needs nothing but itself.
    pub fn action(&self) -> Option<Action> {
        match self.called() {
            Called::Listed(action) => Some(action),
            Called::Own(..) => None,
        }
    }

    /// The words on a menu entry or button.
    pub fn label(&self) -> String {
        match self.called() {
            Called::Listed(action) => action.label().into(),
            Called::Own(label, _) => label.into_owned(),
        }
    }

    /// What the command does, for tooltips.
    pub fn tooltip(&self) -> &'static str {
        match self.called() {
            Called::Listed(action) => action.tooltip(),
            Called::Own(_, tooltip) => tooltip,
        }
    }

    /// The one list of every command: the action it is, or its own label
    /// and tooltip.
    #[expect(
        clippy::too_many_lines,
        reason = "a table, one arm per command: split, a command could be left out of one half"
    )]
    fn called(&self) -> Called {
        let said = |label: &'static str, tooltip| Called::Own(Cow::Borrowed(label), tooltip);
        let listed = Called::Listed;
        match self {
            Command::New => listed(Action::New),
            Command::OpenFile => listed(Action::OpenFile),
            Command::OpenSample => listed(Action::OpenSample),
            Command::Save => listed(Action::Save),
            Command::SaveAs => listed(Action::SaveAs),
            Command::Quit => listed(Action::Quit),
            Command::Undo => listed(Action::Undo),
            Command::Redo => listed(Action::Redo),
            Command::ToggleTheme => listed(Action::ToggleTheme),
            Command::Zoom(step) => listed(Action::Zoom(*step)),
            Command::ShowTab(tab) => listed(Action::ShowTab(*tab)),
            Command::NewParticipant => listed(Action::NewParticipant),
            Command::NewMeeting => listed(Action::NewMeeting),
            Command::NewCommitment => listed(Action::NewCommitment),
            Command::ExportCalendar => listed(Action::ExportCalendar),
            Command::Search => listed(Action::Search),
            Command::ExportCommitmentsCsv => listed(Action::ExportCommitmentsCsv),
            Command::ImportCommitmentsCsv => listed(Action::ImportCommitmentsCsv),
            Command::SendCopy => listed(Action::SendCopy),
            Command::MergeCopy => listed(Action::MergeCopy),
            Command::ResolveConflicts => listed(Action::ResolveConflicts),
            Command::CommandPalette => listed(Action::CommandPalette),
            Command::RecordAttendance => listed(Action::RecordAttendance),
            Command::PrintOpenMeeting => listed(Action::PrintOpenMeeting),
            Command::PrintAllNationSheets => listed(Action::PrintAllNationSheets),
            // Sent by a panel's button beside the record it is about: never
            // listed, so it says what it does to that record itself.
            Command::OpenRecent(path) => Called::Own(
                path.display().to_string().into(),
                "Open this register again",
            ),
            Command::SelectParticipant(_) => said("Open participant", "Show this participant"),
            Command::SelectMeeting(_) => said("Open meeting", "Show this meeting"),
            Command::SelectSeries(_) => said("Open series", "Show this series in the timeline"),
            Command::SelectCommitment(_) => said("Open commitment", "Show this commitment"),
            Command::SelectAt(..) => said("Open", "Show this record at the field concerned"),
            Command::NewMeetingInSeries(_) => said(
                "New meeting in a series",
                "Add the next session of the series, dated today, with its title, number, \
                 time, place, format and convenors",
            ),
            Command::ScheduleSession { .. } => said(
                "Schedule this session",
                "Create the meeting from the series, carrying over the open action items of \
                 the previous session",
            ),
            Command::MarkExpectedPresent(_) => said(
                "Mark all invited present",
                "Mark every delegation invited to this meeting present, and the meeting held",
            ),
            Command::CopyPreviousAttendance(_) => said(
                "Copy from the previous session",
                "Start from who attended the previous session of the series, with their delegates",
            ),
            Command::MarkAllPresent(_) => said(
                "Mark all present",
                "Mark every delegation with no attendance recorded (or only an invitation) \
                 present, and the meeting held; apologies and representations stay",
            ),
            Command::SetAttendance(_, rows, status) => {
                let label = match rows.len() {
                    1 => format!("Mark {}", status.label().to_lowercase()),
                    n => format!("Mark {n} {}", status.label().to_lowercase()),
                };
                Called::Own(label.into(), "Record this attendance for the rows chosen")
            }
            Command::AddNewDelegate(_) => said(
                "Add new delegate",
                "Add this person to the register with the role, and seat them at this meeting",
            ),
            // Beside a participant, its people are deleted by their own
            // button, so that one names what it deletes.
            Command::Delete(Record::Person(_)) => {
                said("Delete person…", "Delete this record (asks first)")
            }
            Command::Delete(Record::Series(_)) => {
                said("Delete series…", "Delete this record (asks first)")
            }
            Command::Delete(Record::Meeting(_)) => {
                said("Delete…", "Delete this meeting (asks first)")
            }
            Command::Delete(_) => said("Delete…", "Delete this record (asks first)"),
            Command::PrintSummary(_) => said(
                "Print summary…",
                "Preview this meeting's summary, then save it as PDF or print it",
            ),
            Command::PrintAttendance(_) => said(
                "Print attendance…",
                "Preview the attendance record of this meeting's series, then save or print it",
            ),
            Command::PrintMeetingPack(_) => said(
                "Print meeting pack…",
                "Preview the pack delegations receive before this session, then save or print it",
            ),
            Command::PrintSinceLastSession(_) => said(
                "Print since last session…",
                "Preview what moved since the previous session of the series, then save or print it",
            ),
            Command::PrintNationSheet(_) => said(
                "Print nation sheet…",
                "Preview where this participant stands, on one or two pages, then save or print it",
            ),
            Command::ShowCommitments(_) => {
                said("Show these commitments", "List the matching commitments")
            }
            Command::ExportChangesCsv(_) => said(
                "Export as CSV…",
                "Write what changed since the last session as CSV",
            ),
            Command::AskMinutesMove(_, ask) => said(ask.label(), ask.tooltip()),
            Command::MoveMinutes(..) => said(
                "Move the record on",
                "Take the meeting's record to the step asked for",
            ),
            Command::NewSeries => said(
                "New series",
                "Add a session series meeting monthly from today",
            ),
            Command::NewPerson(_) => said("Add person", "Add a representative of this participant"),
            // Answers given in what sits on top: never on a button or menu.
            Command::SaveThen(_)
            | Command::DiscardChangesThen(_)
            | Command::DeleteConfirmed(_)
            | Command::Recover { .. }
            | Command::DiscardRecovery(_)
            | Command::SaveOverwriting
            | Command::OpenAfterAsking(_)
            | Command::SaveTo { .. }
            | Command::ExportCalendarTo(_)
            | Command::CsvFile(..)
            | Command::SendCopyTo { .. }
            | Command::ReadCopy(_)
            | Command::ImportRows(_)
            | Command::ChooseWhereToSend(_)
            | Command::MergeWithBase { .. }
            | Command::CompareCopies { .. }
            | Command::ApplyMerge(_)
            | Command::MergeCancelled
            | Command::PutInPlace(_) => said("", ""),
        }
    }

    /// The main shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        self.action().and_then(Action::shortcut)
    }
}
