//! Every user action as a value. Menus, shortcuts and buttons all send
//! these; the app runs them in one place at the end of the frame.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::model::{CommitmentId, MeetingId, ParticipantId, Record, SeriesId};
use crate::ui::commitments::CommitmentFilter;

/// The panels of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Tab {
    #[default]
    Participants,
    Meetings,
    Commitments,
    Register,
    Timeline,
    Dashboard,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Participants,
        Tab::Meetings,
        Tab::Commitments,
        Tab::Timeline,
        Tab::Dashboard,
        Tab::Register,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Participants => "Participants",
            Tab::Meetings => "Meetings",
            Tab::Commitments => "Commitments",
            Tab::Register => "Register",
            Tab::Timeline => "Timeline",
            Tab::Dashboard => "Dashboard",
        }
    }
}

/// A user action.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    New,
    Open,
    OpenRecent(PathBuf),
    /// Opens the bundled sample register.
    OpenSample,
    Save,
    SaveAs,
    Quit,
    Undo,
    Redo,
    ToggleTheme,
    ShowTab(Tab),
    NewParticipant,
    NewMeeting,
    NewCommitment,
    OpenParticipant(ParticipantId),
    OpenMeeting(MeetingId),
    OpenCommitment(CommitmentId),
    /// Deletes a record, asking first when others refer to it.
    Delete(Record),
    /// Opens the print preview of a meeting's summary.
    PrintSummary(MeetingId),
    /// Opens the print preview of a series' attendance record.
    PrintAttendance(SeriesId),
    /// Writes the meetings and series to an iCalendar file.
    ExportCalendar,
    /// Opens the search box (participants, people, meetings, commitments).
    Search,
    /// Shows the commitments table with this filter (a dashboard bar click).
    ShowCommitments(CommitmentFilter),
    ExportCommitmentsCsv,
    ImportCommitmentsCsv,
    /// Writes "since last session" for the meeting as CSV.
    ExportChangesCsv(MeetingId),
}

impl Command {
    /// The commands that have a keyboard shortcut, checked every frame.
    /// egui matches Ctrl+Z even when Shift is held too, so a shortcut with
    /// more modifiers comes before the one it extends.
    pub const WITH_SHORTCUTS: [Command; 14] = [
        Command::Search,
        Command::New,
        Command::Open,
        Command::SaveAs,
        Command::Save,
        Command::Quit,
        Command::Redo,
        Command::Undo,
        Command::ShowTab(Tab::Participants),
        Command::ShowTab(Tab::Meetings),
        Command::ShowTab(Tab::Commitments),
        Command::ShowTab(Tab::Timeline),
        Command::ShowTab(Tab::Dashboard),
        Command::ShowTab(Tab::Register),
    ];

    /// The words on a menu entry or button.
    pub fn label(&self) -> String {
        match self {
            Command::New => "New".into(),
            Command::Open => "Open…".into(),
            Command::OpenRecent(path) => path.display().to_string(),
            Command::OpenSample => "Open the sample register".into(),
            Command::Save => "Save".into(),
            Command::SaveAs => "Save As…".into(),
            Command::Quit => "Quit".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::ToggleTheme => "Switch light/dark".into(),
            Command::ShowTab(tab) => tab.label().into(),
            Command::NewParticipant => "New participant".into(),
            Command::NewMeeting => "New meeting".into(),
            Command::NewCommitment => "New commitment".into(),
            Command::OpenParticipant(_) => "Open participant".into(),
            Command::OpenMeeting(_) => "Open meeting".into(),
            Command::OpenCommitment(_) => "Open commitment".into(),
            Command::Delete(_) => "Delete…".into(),
            Command::PrintSummary(_) => "Print summary…".into(),
            Command::PrintAttendance(_) => "Print attendance…".into(),
            Command::ExportCalendar => "Export calendar (.ics)…".into(),
            Command::Search => "Search…".into(),
            Command::ShowCommitments(_) => "Show these commitments".into(),
            Command::ExportCommitmentsCsv => "Export commitments (CSV)…".into(),
            Command::ImportCommitmentsCsv => "Import commitments (CSV)…".into(),
            Command::ExportChangesCsv(_) => "Export as CSV…".into(),
        }
    }

    /// What the command does, for tooltips.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::New => "Start an empty register",
            Command::Open => "Open a register file",
            Command::OpenRecent(_) => "Open this register again",
            Command::OpenSample => "Open the sample built from the 10 April 2025 statement",
            Command::Save => "Save the register to its file",
            Command::SaveAs => "Save the register to a new file",
            Command::Quit => "Close Coalition Desk",
            Command::Undo => "Undo the last change",
            Command::Redo => "Redo the last undone change",
            Command::ToggleTheme => "Switch between the light and the dark theme",
            Command::ShowTab(_) => "Show this panel",
            Command::NewParticipant => "Add a nation or organisation",
            Command::NewMeeting => "Add a meeting",
            Command::NewCommitment => "Add a commitment",
            Command::OpenParticipant(_) => "Show this participant",
            Command::OpenMeeting(_) => "Show this meeting",
            Command::OpenCommitment(_) => "Show this commitment",
            Command::Delete(_) => "Delete this record (asks first)",
            Command::PrintSummary(_) => {
                "Preview this meeting's summary, then save it as PDF or print it"
            }
            Command::PrintAttendance(_) => {
                "Preview the attendance record of this meeting's series, then save or print it"
            }
            Command::ExportCalendar => {
                "Write the meetings and session series to a calendar file (.ics)"
            }
            Command::Search => "Find participants, people, meetings, commitments and agenda text",
            Command::ShowCommitments(_) => "List the matching commitments",
            Command::ExportCommitmentsCsv => {
                "Write every commitment with its status to a CSV file for a spreadsheet"
            }
            Command::ImportCommitmentsCsv => {
                "Read commitments from a CSV file; you see a preview before anything changes"
            }
            Command::ExportChangesCsv(_) => "Write what changed since the last session as CSV",
        }
    }

    /// The main shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let command = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let key = match self {
            Command::New => (command, Key::N),
            Command::Open => (command, Key::O),
            Command::Save => (command, Key::S),
            Command::SaveAs => (shift, Key::S),
            Command::Quit => (command, Key::Q),
            Command::Undo => (command, Key::Z),
            Command::Redo => (shift, Key::Z),
            Command::ShowTab(Tab::Participants) => (command, Key::Num1),
            Command::ShowTab(Tab::Meetings) => (command, Key::Num2),
            Command::ShowTab(Tab::Commitments) => (command, Key::Num3),
            Command::ShowTab(Tab::Timeline) => (command, Key::Num4),
            Command::ShowTab(Tab::Dashboard) => (command, Key::Num5),
            Command::ShowTab(Tab::Register) => (command, Key::Num6),
            Command::Search => (command, Key::K),
            _ => return None,
        };
        Some(KeyboardShortcut::new(key.0, key.1))
    }

    /// A second shortcut some platforms expect (Ctrl+Y for Redo).
    pub fn alternative_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            Command::Search => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::F)),
            _ => None,
        }
    }
}
