//! File > Merge another copy…, Send a copy… and Resolve conflicts… in the
//! whole window, with real files: London's register open, the copy last
//! exchanged with Paris kept beside it, and Paris's copy to merge.

mod conflicts;
mod older_base;
mod review;

use std::path::{Path, PathBuf};

use coalition_desk::model::{CommitmentId, Register};
use coalition_desk::storage;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Command;
use coalition_desk::ui::copies::Exchange;
use coalition_desk::ui::merge_review::MergeReview;
use coalition_desk::ui::on_top::OnTop;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, harness_for, register};
use crate::common::date;

pub const MISSILES: CommitmentId = CommitmentId(20);
pub const DEMINING: CommitmentId = CommitmentId(21);
pub const DRONES: CommitmentId = CommitmentId(22);
pub const TRAINING: CommitmentId = CommitmentId(23);
/// Added in Paris's copy only.
pub const FRIGATE: CommitmentId = CommitmentId(40);
pub const RADARS: CommitmentId = CommitmentId(41);

/// The three copies of one register on disk.
pub struct Copies {
    /// Removed with the copies (none when they are in a folder of the test's own).
    pub dir: Option<tempfile::TempDir>,
    pub folder: PathBuf,
    /// London's register, the one open in the window.
    pub ours: PathBuf,
    /// Paris's copy, received.
    pub theirs: PathBuf,
    pub base: Register,
    pub theirs_register: Register,
}

/// London changed the missiles' due date and the demining title; Paris
/// changed both differently (two conflicts), set the drones' due date, and
/// added two commitments.
pub fn copies(keep_base: bool) -> Copies {
    let dir = tempfile::tempdir().unwrap();
    let mut copies = copies_in(dir.path(), keep_base);
    copies.dir = Some(dir);
    copies
}

/// [`copies`] in `dir`.
pub fn copies_in(dir: &Path, keep_base: bool) -> Copies {
    let base = crate::common::register();
    let mut ours = base.clone();
    commitment(&mut ours, MISSILES).due = Some(date(2026, 3, 31));
    commitment(&mut ours, DEMINING).title = "Demining teams (Kharkiv)".into();
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).due = Some(date(2026, 6, 30));
    commitment(&mut theirs, DEMINING).title = "Demining teams for Kharkiv".into();
    commitment(&mut theirs, DRONES).due = Some(date(2026, 9, 30));
    let mut frigate = base.commitments[&MISSILES].clone();
    frigate.title = "Frigate escort".into();
    let mut radars = base.commitments[&DEMINING].clone();
    radars.title = "Coastal radars".into();
    theirs.commitments.insert(FRIGATE, frigate);
    theirs.commitments.insert(RADARS, radars);
    theirs.next_id = 42;

    let ours_path = dir.join("coalition.ron");
    storage::save(&ours_path, &ours, None).unwrap();
    if keep_base {
        storage::keep_base(&ours_path, "PAR", &base).unwrap();
    }
    let theirs_path = dir.join("coalition-from-PAR.ron");
    storage::save(&theirs_path, &theirs, None).unwrap();
    Copies {
        dir: None,
        folder: dir.to_path_buf(),
        ours: ours_path,
        theirs: theirs_path,
        base,
        theirs_register: theirs,
    }
}

pub fn commitment(
    register: &mut Register,
    id: CommitmentId,
) -> &mut coalition_desk::model::Commitment {
    register.commitments.get_mut(&id).unwrap()
}

pub fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

/// The text field (one line or several) named `label`.
pub fn field<'a>(harness: &'a AppHarness, label: &'a str) -> egui_kittest::Node<'a> {
    harness
        .query_by_role_and_label(Role::TextInput, label)
        .or_else(|| harness.query_by_role_and_label(Role::MultilineTextInput, label))
        .unwrap_or_else(|| panic!("no field named {label:?}"))
}

/// Types into the text field named `label`, replacing what it holds.
pub fn type_into(harness: &mut AppHarness, label: &str, text: &str) {
    field(harness, label).scroll_to_me();
    harness.run();
    field(harness, label).focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    field(harness, label).type_text(text);
    harness.run();
}

const COPY_PROMPT: &str = "No file dialog is available on this system. Type the full path of the \
                           other office's copy of the register (.ron):";

/// Merge another copy… as when no file dialog can be shown: the copy's
/// path typed, then this copy's office given as London (Paris is offered,
/// a copy having been exchanged with it).
pub fn merge_typed(harness: &mut AppHarness, copy: &Path) {
    harness.state_mut().command(Command::MergeCopy);
    harness.run();
    type_into(harness, COPY_PROMPT, &copy.display().to_string());
    click(harness, "Read the copy");
    type_into(harness, "This copy is kept by", "lon");
    type_into(harness, "The copy read is from", "par");
    click(harness, "Review the merge…");
}

/// The review on top.
pub fn review(harness: &AppHarness) -> &MergeReview {
    match harness.state().on_top() {
        Some(OnTop::Exchange(Exchange::Review(review))) => review,
        _ => panic!("the merge review is not on top"),
    }
}

/// Which conflict of the review is about `id`.
pub fn conflict_of(harness: &AppHarness, id: CommitmentId) -> usize {
    review(harness)
        .merged
        .register
        .conflicts
        .iter()
        .position(|c| c.record == Some(coalition_desk::model::Record::Commitment(id)))
        .unwrap()
}

/// Clicks the `label` choice of conflict `index`.
pub fn choose(harness: &mut AppHarness, label: &str, index: usize) {
    harness
        .get_all_by_label(label)
        .nth(index)
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.get_all_by_label(label).nth(index).unwrap().click();
    harness.run();
}

/// The window as it is looked at, at `width` × `height`.
pub fn seen_harness(path: &Path, width: f32, height: f32) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(
        Settings::default(),
        Startup::File(path.to_path_buf()),
        crate::app_harness::today(),
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(width, height))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

pub fn open(copies: &Copies) -> AppHarness {
    harness_for(&copies.ours)
}

pub fn notice(harness: &AppHarness) -> String {
    harness.state().notice().cloned().unwrap().text
}

pub fn ours(harness: &AppHarness) -> Register {
    register(harness)
}
