//! The actions that need no record or path: each with its menu, label,
//! tooltip and shortcuts, listed by iterating the enum, so the menus, the
//! palette and the shortcut table cannot leave one out. Running one is
//! running its [`Command`].

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator;

use super::command::{Command, Tab, ZoomStep};

/// A command that needs nothing but itself: the ones a shortcut or the
/// palette can run. Each has its label, tooltip, shortcuts and menu here,
/// once, in matches without a catch-all: a new action is listed in the
/// palette, and cannot compile until it says its menu and shortcuts.
/// Declared in the order the palette lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Action {
    New,
    OpenFile,
    OpenSample,
    Save,
    SaveAs,
    Undo,
    Redo,
    NewParticipant,
    NewMeeting,
    NewCommitment,
    Search,
    /// One per tab, in the tab bar's order.
    ShowTab(Tab),
    ToggleTheme,
    /// One per step, in the View menu's order.
    Zoom(ZoomStep),
    ExportCalendar,
    ExportCommitmentsCsv,
    ImportCommitmentsCsv,
    SendCopy,
    MergeCopy,
    ResolveConflicts,
    PrintOpenMeeting,
    PrintAllNationSheets,
    CommandPalette,
    RecordAttendance,
    Quit,
}

/// The menus of the menu bar, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum Menu {
    File,
    Edit,
    View,
}

impl Menu {
    /// The menu's title in the menu bar.
    pub fn label(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
        }
    }
}

impl Action {
    /// Every action, in the order the palette lists them: the enum's
    /// order, with one `ShowTab` per tab.
    pub fn all() -> Vec<Action> {
        Action::iter()
            .flat_map(|action| match action {
                Action::ShowTab(_) => Tab::iter().map(Action::ShowTab).collect(),
                Action::Zoom(_) => ZoomStep::iter().map(Action::Zoom).collect(),
                action => vec![action],
            })
            .collect()
    }

    /// The menu the action is in, and its group there (groups are
    /// parted by a line, in the palette's order within each).
    pub fn menu(self) -> (Menu, u8) {
        match self {
            Action::New | Action::OpenFile | Action::OpenSample => (Menu::File, 0),
            Action::Save | Action::SaveAs | Action::ExportCalendar => (Menu::File, 1),
            Action::ExportCommitmentsCsv | Action::ImportCommitmentsCsv => (Menu::File, 2),
            Action::PrintOpenMeeting | Action::PrintAllNationSheets => (Menu::File, 3),
            Action::SendCopy | Action::MergeCopy | Action::ResolveConflicts => (Menu::File, 4),
            Action::Quit => (Menu::File, 5),
            Action::Undo | Action::Redo => (Menu::Edit, 0),
            Action::NewParticipant | Action::NewMeeting | Action::NewCommitment => (Menu::Edit, 1),
            Action::Search | Action::RecordAttendance => (Menu::Edit, 2),
            Action::ShowTab(_) => (Menu::View, 0),
            Action::ToggleTheme | Action::CommandPalette => (Menu::View, 1),
            Action::Zoom(_) => (Menu::View, 2),
        }
    }

    /// The command this action sends.
    pub fn command(self) -> Command {
        match self {
            Action::New => Command::New,
            Action::OpenFile => Command::OpenFile,
            Action::OpenSample => Command::OpenSample,
            Action::Save => Command::Save,
            Action::SaveAs => Command::SaveAs,
            Action::Quit => Command::Quit,
            Action::Undo => Command::Undo,
            Action::Redo => Command::Redo,
            Action::ToggleTheme => Command::ToggleTheme,
            Action::Zoom(step) => Command::Zoom(step),
            Action::ShowTab(tab) => Command::ShowTab(tab),
            Action::NewParticipant => Command::NewParticipant,
            Action::NewMeeting => Command::NewMeeting,
            Action::NewCommitment => Command::NewCommitment,
            Action::ExportCalendar => Command::ExportCalendar,
            Action::Search => Command::Search,
            Action::ExportCommitmentsCsv => Command::ExportCommitmentsCsv,
            Action::ImportCommitmentsCsv => Command::ImportCommitmentsCsv,
            Action::SendCopy => Command::SendCopy,
            Action::MergeCopy => Command::MergeCopy,
            Action::ResolveConflicts => Command::ResolveConflicts,
            Action::PrintOpenMeeting => Command::PrintOpenMeeting,
            Action::PrintAllNationSheets => Command::PrintAllNationSheets,
            Action::CommandPalette => Command::CommandPalette,
            Action::RecordAttendance => Command::RecordAttendance,
        }
    }

    /// The words on a menu entry, button or palette line.
    pub fn label(self) -> &'static str {
        match self {
            Action::New => "New",
            Action::OpenFile => "Open…",
            Action::OpenSample => "Open the sample register",
            Action::Save => "Save",
            Action::SaveAs => "Save As…",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::ToggleTheme => "Switch light/dark",
            Action::Zoom(step) => step.label(),
            Action::ShowTab(tab) => tab.label(),
            Action::NewParticipant => "New participant",
            Action::NewMeeting => "New meeting",
            Action::NewCommitment => "New commitment",
            Action::ExportCalendar => "Export calendar (.ics)…",
            Action::Search => "Search…",
            Action::ExportCommitmentsCsv => "Export commitments (CSV)…",
            Action::ImportCommitmentsCsv => "Import commitments (CSV)…",
            Action::SendCopy => "Send a copy…",
            Action::MergeCopy => "Merge another copy…",
            Action::ResolveConflicts => "Resolve conflicts…",
            Action::PrintOpenMeeting => "Print summary…",
            Action::PrintAllNationSheets => "Print all nation sheets…",
            Action::CommandPalette => "Command palette…",
            Action::RecordAttendance => "Record attendance",
        }
    }

    /// What the action does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Action::New => "Start an empty register",
            Action::OpenFile => "Open a register file",
            Action::OpenSample => "Open the sample built from the 10 April 2025 statement",
            Action::Save => "Save the register to its file",
            Action::SaveAs => "Save the register to a new file",
            Action::Quit => "Close Coalition Desk",
            Action::Undo => "Undo the last change",
            Action::Redo => "Redo the last undone change",
            Action::ToggleTheme => "Switch between the light and the dark theme",
            Action::Zoom(step) => step.tooltip(),
            Action::ShowTab(_) => "Show this panel",
            Action::NewParticipant => "Add a nation or organisation",
            Action::NewMeeting => "Add a meeting dated today and open it",
            Action::NewCommitment => "Add a commitment",
            Action::ExportCalendar => {
                "Write the meetings and session series to a calendar file (.ics)"
            }
            Action::Search => {
                "Find participants, people, meetings, commitments, agenda, decisions, actions and notes"
            }
            Action::ExportCommitmentsCsv => {
                "Write every commitment with its status to a CSV file for a spreadsheet"
            }
            Action::ImportCommitmentsCsv => {
                "Read commitments from a CSV file; you see a preview before anything changes"
            }
            Action::SendCopy => {
                "Write this register for a partner office; it is kept as the common copy for the \
                 next merge with them"
            }
            Action::MergeCopy => {
                "Take in the changes of a partner office's copy; you review them before anything \
                 changes"
            }
            Action::ResolveConflicts => {
                "Choose, conflict by conflict, which copy's value the register keeps"
            }
            Action::PrintOpenMeeting => {
                "Preview and print the summary of the meeting open in the Meetings tab"
            }
            Action::PrintAllNationSheets => {
                "Prepare every participant's nation sheet as one document, then save or print it"
            }
            Action::CommandPalette => "Find any action by typing its name, then press Enter",
            Action::RecordAttendance => {
                "Put the keyboard in the open meeting's attendance: the arrows move, \
                 a letter records the status"
            }
        }
    }

    /// Every shortcut of the action: the main one first, then one some
    /// platforms expect (Ctrl+Y for Redo).
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let command = Modifiers::COMMAND;
        let shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let keys: &[(Modifiers, Key)] = match self {
            Action::New => &[(command, Key::N)],
            Action::OpenFile => &[(command, Key::O)],
            Action::Save => &[(command, Key::S)],
            Action::SaveAs => &[(shift, Key::S)],
            Action::Quit => &[(command, Key::Q)],
            Action::Undo => &[(command, Key::Z)],
            Action::Redo => &[(shift, Key::Z), (command, Key::Y)],
            Action::ShowTab(Tab::Participants) => &[(command, Key::Num1)],
            Action::ShowTab(Tab::Meetings) => &[(command, Key::Num2)],
            Action::ShowTab(Tab::Commitments) => &[(command, Key::Num3)],
            Action::ShowTab(Tab::Timeline) => &[(command, Key::Num4)],
            Action::ShowTab(Tab::Dashboard) => &[(command, Key::Num5)],
            Action::ShowTab(Tab::Register) => &[(command, Key::Num6)],
            Action::Search => &[(command, Key::K), (command, Key::F)],
            Action::CommandPalette => &[(shift, Key::P)],
            Action::RecordAttendance => &[(shift, Key::A)],
            Action::PrintOpenMeeting => &[(command, Key::P)],
            Action::Zoom(step) => step.keys(),
            Action::OpenSample
            | Action::ToggleTheme
            | Action::NewParticipant
            | Action::NewMeeting
            | Action::NewCommitment
            | Action::ExportCalendar
            | Action::ExportCommitmentsCsv
            | Action::ImportCommitmentsCsv
            | Action::SendCopy
            | Action::MergeCopy
            | Action::ResolveConflicts
            | Action::PrintAllNationSheets => &[],
        };
        keys.iter()
            .map(|(modifiers, key)| KeyboardShortcut::new(*modifiers, *key))
            .collect()
    }

    /// The main shortcut, shown beside the menu entry.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// Every shortcut with its action, in the order to check them: egui
    /// matches Ctrl+Z even when Shift is held too, so a shortcut with more
    /// modifiers comes before the one it extends.
    pub fn shortcut_table() -> Vec<(KeyboardShortcut, Action)> {
        let mut table: Vec<(KeyboardShortcut, Action)> = Action::all()
            .into_iter()
            .flat_map(|action| action.shortcuts().into_iter().map(move |s| (s, action)))
            .collect();
        table.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
        table
    }
}

fn modifier_count(modifiers: Modifiers) -> u32 {
    [
        modifiers.alt,
        modifiers.ctrl,
        modifiers.shift,
        modifiers.mac_cmd,
        modifiers.command,
    ]
    .into_iter()
    .map(u32::from)
    .sum()
}
