//! Asking the officer for a file. The native dialog comes first; where none
//! can be shown (no desktop portal, no zenity) the officer types the path in
//! one typed-path window, the same for every file the window reads or writes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Id, Modal, Ui};

use super::Command;
use super::calendar_and_csv::CsvPurpose;
use super::on_top::Outcome;

/// rfd returns no file both when the officer cancels and when no dialog can
/// be shown. A "cancel" faster than a person can click means nothing was
/// shown.
const NO_DIALOG_SHOWN: Duration = Duration::from_millis(250);

/// What came of asking for a file.
#[derive(Debug, PartialEq, Eq)]
pub enum FileChoice {
    Picked(PathBuf),
    /// No dialog could be shown: ask for a typed path instead.
    TypePath,
    Cancelled,
}

/// Where a file to write is first proposed: a folder (else the dialog's
/// own choice) and a file name.
pub type Proposed<'a> = (Option<&'a Path>, &'a str);

fn choose(show: impl FnOnce() -> Option<PathBuf>) -> FileChoice {
    let started = Instant::now();
    match show() {
        Some(path) => FileChoice::Picked(path),
        None if started.elapsed() < NO_DIALOG_SHOWN => FileChoice::TypePath,
        None => FileChoice::Cancelled,
    }
}

/// What a typed path is for: the file choice that could show no dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum PathPurpose {
    /// The register to open (unsaved changes were asked about already).
    Open,
    /// Where to save the register; `then` runs once it is saved.
    SaveAs {
        then: Option<Box<Command>>,
    },
    ExportCalendar,
    /// Reading or writing a CSV file (commitments, since last session).
    Csv(CsvPurpose),
    /// Where to write the copy for the partner office.
    SendCopy {
        partner: String,
    },
    /// The partner office's copy to merge.
    MergeCopy,
    /// Where the print preview saves its PDF (the preview acts on it).
    Pdf,
}

impl PathPurpose {
    /// Asks for the file with the system's dialog: one to read, or, with
    /// the name (and folder) proposed, where to write.
    pub fn choose(&self, to_write: Option<Proposed<'_>>) -> FileChoice {
        let (kind, extension) = match self {
            PathPurpose::ExportCalendar => ("iCalendar", "ics"),
            PathPurpose::Csv(_) => ("CSV", "csv"),
            PathPurpose::Pdf => ("PDF", "pdf"),
            _ => ("Coalition register", "ron"),
        };
        let title = match self {
            PathPurpose::SendCopy { .. } => "Write the copy for the partner office to",
            PathPurpose::MergeCopy => "Merge another office's copy of the register",
            _ => self.heading(),
        };
        let dialog = rfd::FileDialog::new()
            .set_title(title)
            .add_filter(kind, &[extension]);
        match to_write {
            None => choose(|| dialog.pick_file()),
            Some((folder, name)) => {
                let dialog = dialog.set_file_name(name);
                let dialog = match folder {
                    Some(folder) => dialog.set_directory(folder),
                    None => dialog,
                };
                choose(|| dialog.save_file())
            }
        }
    }

    fn heading(&self) -> &'static str {
        match self {
            PathPurpose::Open => "Open a register",
            PathPurpose::SaveAs { .. } => "Save the register as",
            PathPurpose::ExportCalendar => "Export the calendar as",
            PathPurpose::Csv(csv) => csv.heading(),
            PathPurpose::SendCopy { .. } => "Send a copy to a partner office",
            PathPurpose::MergeCopy => "Merge another copy",
            PathPurpose::Pdf => "Save the PDF as",
        }
    }

    fn prompt(&self) -> String {
        let what = match self {
            PathPurpose::Open | PathPurpose::SaveAs { .. } => "the register file (.ron)",
            PathPurpose::ExportCalendar => "the calendar file (.ics)",
            PathPurpose::Csv(_) => "the CSV file (.csv)",
            PathPurpose::SendCopy { partner } => {
                return format!(
                    "No file dialog is available on this system. Type the full path of the copy \
                     to write for {partner} (.ron):"
                );
            }
            PathPurpose::MergeCopy => "the other office's copy of the register (.ron)",
            PathPurpose::Pdf => {
                return "No file dialog could be shown. Type where to save the PDF:".into();
            }
        };
        format!("No file dialog is available on this system. Type the full path of {what}:")
    }

    fn hint(&self) -> &'static str {
        match self {
            PathPurpose::SendCopy { .. } | PathPurpose::MergeCopy => {
                "/home/officer/coalition-PAR.ron"
            }
            PathPurpose::Pdf => "/home/officer/summary.pdf",
            _ => "/home/officer/coalition.ron",
        }
    }

    fn confirm(&self) -> &'static str {
        match self {
            PathPurpose::SendCopy { .. } => "Write the copy",
            PathPurpose::MergeCopy => "Read the copy",
            PathPurpose::Pdf => "Save",
            _ => "OK",
        }
    }

    /// The command that carries out the choice of `path`; none for the
    /// PDF, which the preview writes itself.
    fn command(self, path: PathBuf) -> Option<Command> {
        Some(match self {
            PathPurpose::Open => Command::OpenAfterAsking(path),
            PathPurpose::SaveAs { then } => Command::SaveTo { path, then },
            PathPurpose::ExportCalendar => Command::ExportCalendarTo(path),
            PathPurpose::Csv(purpose) => Command::CsvFile(purpose, path),
            PathPurpose::SendCopy { partner } => Command::SendCopyTo { partner, path },
            PathPurpose::MergeCopy => Command::ReadCopy(path),
            PathPurpose::Pdf => return None,
        })
    }
}

/// The one typed-path fallback: every file choice that could show no
/// dialog asks here, on top of the panels or inside the print preview.
#[derive(Debug)]
pub struct TypedPath {
    pub purpose: PathPurpose,
    pub text: String,
}

impl TypedPath {
    /// Asks for a path for `purpose`, the field starting with `text`.
    pub fn new(purpose: PathPurpose, text: impl Into<String>) -> Self {
        TypedPath {
            purpose,
            text: text.into(),
        }
    }

    /// The body, inside a window drawn by its owner (the print preview).
    pub fn body_ui(&mut self, ui: &mut Ui) -> Option<TypedPathAnswer> {
        let prompt = self.purpose.prompt();
        let (hint, confirm) = (self.purpose.hint(), self.purpose.confirm());
        typed_path_ui(ui, &prompt, hint, confirm, &mut self.text)
    }

    /// The window on top of the panels; a path given becomes the command
    /// that uses it. Escape or a click beside it cancels.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        let exchanging = matches!(
            self.purpose,
            PathPurpose::SendCopy { .. } | PathPurpose::MergeCopy
        );
        let mut answer = None;
        let modal = Modal::new(Id::unique("coalition-desk-typed-path")).show(ctx, |ui| {
            ui.set_max_width(if exchanging { 520.0 } else { 480.0 });
            ui.heading(self.purpose.heading());
            answer = self.body_ui(ui);
        });
        match answer {
            Some(TypedPathAnswer::Path(path)) => self
                .purpose
                .clone()
                .command(path)
                .map_or(Outcome::Closed, Outcome::Then),
            Some(TypedPathAnswer::Cancel) => Outcome::Closed,
            None if modal.should_close() => Outcome::Closed,
            None => Outcome::Stays,
        }
    }
}

/// What the officer did in the typed-path window.
#[derive(Debug, PartialEq, Eq)]
pub enum TypedPathAnswer {
    Path(PathBuf),
    Cancel,
}

/// The typed-path window's body: says no dialog could be shown and what to
/// type, a field named by that sentence, then `confirm` and Cancel. Enter
/// in the field confirms. Nothing is answered while the field is empty.
pub fn typed_path_ui(
    ui: &mut Ui,
    prompt: &str,
    hint: &str,
    confirm: &str,
    text: &mut String,
) -> Option<TypedPathAnswer> {
    let mut answer = None;
    let label = ui.label(prompt);
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .desired_width(440.0)
                .hint_text(hint),
        )
        .labelled_by(label.id);
    if just_shown(ui, field.id) {
        crate::ui::widgets::focus_field(ui, &field, text);
    }
    let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    let typed = !text.trim().is_empty();
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        let ok = ui.add_enabled(typed, egui::Button::new(confirm));
        if (ok.clicked() || entered) && typed {
            answer = Some(TypedPathAnswer::Path(PathBuf::from(text.trim())));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(TypedPathAnswer::Cancel);
        }
    });
    answer
}

/// Whether the field was not drawn in the pass before this one: the window
/// has just opened, and the keyboard belongs in its field.
fn just_shown(ui: &Ui, field: egui::Id) -> bool {
    let key = field.with("last-shown-pass");
    let pass = ui.ctx().cumulative_pass_nr();
    let last: Option<u64> = ui.data_mut(|data| {
        let last = data.get_temp(key);
        data.insert_temp(key, pass);
        last
    });
    last.is_none_or(|last| last + 1 < pass)
}
