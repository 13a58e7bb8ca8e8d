//! Asking the officer for a file. The native dialog comes first; where none
//! can be shown (no desktop portal, no zenity) the officer types the path in
//! one typed-path window, the same for every file the window reads or writes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui::Ui;

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

/// The file asked for: the dialog's title and the kind of file it lists.
pub struct FileRequest<'a> {
    pub title: &'a str,
    /// "Coalition register", "CSV", ...
    pub kind: &'a str,
    pub extension: &'a str,
}

impl FileRequest<'_> {
    fn dialog(&self) -> rfd::FileDialog {
        rfd::FileDialog::new()
            .set_title(self.title)
            .add_filter(self.kind, &[self.extension])
    }

    /// An existing file to read.
    pub fn open(&self) -> FileChoice {
        choose(|| self.dialog().pick_file())
    }

    /// Where to write, offering `suggested` as the file name.
    pub fn save(&self, suggested: &str) -> FileChoice {
        self.save_in(None, suggested)
    }

    /// Where to write, offering `suggested` as the file name in `folder`.
    pub fn save_in(&self, folder: Option<&std::path::Path>, suggested: &str) -> FileChoice {
        let dialog = self.dialog().set_file_name(suggested);
        let dialog = match folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        };
        choose(|| dialog.save_file())
    }
}

fn choose(show: impl FnOnce() -> Option<PathBuf>) -> FileChoice {
    let started = Instant::now();
    match show() {
        Some(path) => FileChoice::Picked(path),
        None if started.elapsed() < NO_DIALOG_SHOWN => FileChoice::TypePath,
        None => FileChoice::Cancelled,
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
