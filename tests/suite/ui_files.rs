//! The whole window and real files: a file changed on disk under the
//! officer, recovering autosaved work, and a newer version's file that
//! opens read-only and stays untouched.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use coalition_desk::model::{ParticipantId, Register};
use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage;
use coalition_desk::ui::app::Startup;
use coalition_desk::ui::dialogs::Dialog;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, harness, harness_for, register, sample, saved_sample};

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    let mut harness = harness(Startup::Sample);
    assert!(crate::app_harness::save_to(&mut harness, &path));
    harness.run();
    // A participant with a name (an untouched new one is not kept).
    click(&mut harness, "New participant");
    crate::ui_merge::type_into(&mut harness, "Name", "Ruritania");
    assert!(harness.state().workspace().document.is_dirty());

    // Someone else saves another register over the file.
    let mut theirs = sample();
    theirs.name = "Someone else's register".into();
    let elsewhere = dir.path().join("elsewhere.ron");
    storage::save(&elsewhere, &theirs, None).unwrap();
    std::fs::copy(&elsewhere, &path).unwrap();
    let their_bytes = std::fs::read(&path).unwrap();

    assert!(
        !crate::app_harness::save(&mut harness),
        "the save is held back"
    );
    harness.run();
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::ChangedOnDisk { .. })
    ));
    harness.get_by_label("The file changed on disk");
    assert_eq!(std::fs::read(&path).unwrap(), their_bytes, "theirs stays");

    // Cancel leaves their file and keeps our changes unsaved.
    click(&mut harness, "Cancel");
    assert!(harness.state().dialog().is_none());
    assert!(harness.state().workspace().document.is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), their_bytes, "theirs stays");

    // Asked again, Overwrite writes ours and keeps theirs as the backup.
    assert!(!crate::app_harness::save(&mut harness));
    harness.run();
    click(&mut harness, "Overwrite");
    assert!(harness.state().dialog().is_none());
    assert!(!harness.state().workspace().document.is_dirty());
    let ours = register(&harness);
    assert_eq!(storage::load(&path).unwrap().register, ours);
    assert_eq!(
        std::fs::read(storage::backup_path(&path)).unwrap(),
        their_bytes,
        "their version is the backup"
    );

    // Saved over, the file is ours again: the next save needs no question.
    // (The list now shows participants called "New participant" too; the
    // button comes first, above the list.)
    harness
        .get_all_by_role_and_label(Role::Button, "New participant")
        .next()
        .expect("the New participant button")
        .click();
    harness.run();
    assert!(harness.state().workspace().document.is_dirty());
    assert!(crate::app_harness::save(&mut harness));
    harness.run();
    assert!(harness.state().dialog().is_none());
}

/// The sample in a file, an edited copy autosaved next to it that is newer
/// than the file, and a window opening the file.
fn with_recovery(dir: &Path) -> (PathBuf, PathBuf, Register, AppHarness) {
    let path = saved_sample(dir);
    let mut edited = sample();
    edited.name = "Coalition of the Willing (edited)".into();
    edited.participants.remove(&ParticipantId(6));
    let recovery = storage::write_recovery(Some(&path), &edited).unwrap();
    assert_eq!(recovery, storage::recovery_path(Some(&path)).unwrap());
    std::fs::File::options()
        .write(true)
        .open(&recovery)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let harness = harness(Startup::File(path.clone()));
    (path, recovery, edited, harness)
}

#[test]
fn recovered_work_is_one_undoable_change_and_saving_clears_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, recovery, edited, mut harness) = with_recovery(dir.path());
    assert!(harness.state().workspace().document.read_only.is_none());
    harness.get_by_label("Recover unsaved work?");
    assert!(!harness.state().workspace().document.is_dirty());
    assert_eq!(
        register(&harness),
        sample(),
        "the file's content until asked"
    );

    click(&mut harness, "Recover");
    assert!(harness.state().dialog().is_none());
    assert!(harness.state().workspace().document.is_dirty());
    assert_eq!(register(&harness), edited);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(register(&harness), sample(), "one undo gives the file back");
    assert!(!harness.state().workspace().document.is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(register(&harness), edited);

    assert!(recovery.exists(), "kept until saved");
    assert!(crate::app_harness::save(&mut harness));
    harness.run();
    assert!(!recovery.exists(), "saving removes the recovery file");
    // The file holds the edit, and the save that wrote it (the only
    // save of a change this window made).
    let mut saved = storage::load(&path).unwrap().register;
    assert_eq!(saved.saves.len(), 1, "{:?}", saved.saves);
    saved.saves.clear();
    assert_eq!(saved, edited);
    drop(harness);

    // Opened again, nothing is offered.
    let harness = harness_for(&path);
    assert!(harness.state().dialog().is_none());
    let mut opened = register(&harness);
    opened.saves.clear();
    assert_eq!(opened, edited);
}

#[test]
fn discarding_recovered_work_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, recovery, _edited, mut harness) = with_recovery(dir.path());
    click(&mut harness, "Discard");
    assert!(harness.state().dialog().is_none());
    assert!(!recovery.exists(), "Discard deletes the recovery file");
    assert!(!harness.state().workspace().document.is_dirty());
    assert_eq!(register(&harness), sample());
    assert_eq!(storage::load(&path).unwrap().register, sample());
}

#[test]
fn a_newer_versions_file_opens_read_only_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.ron");
    let text = SAMPLE_RON.replacen("version: 7,", "version: 99,", 1);
    std::fs::write(&path, &text).unwrap();

    let harness = harness_for(&path);
    let app = harness.state();
    let reason = app
        .workspace()
        .document
        .read_only
        .clone()
        .expect("read-only");
    assert!(reason.contains("newer"), "{reason}");
    assert_eq!(app.workspace().document.path(), Some(path.as_path()));
    assert_eq!(app.workspace().document.register(), &sample());
    harness.get_by_label_contains("Read-only");
    drop(harness);

    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    assert!(!storage::backup_path(&path).exists(), "no backup was made");
    assert!(
        !storage::lock_path(&path).exists(),
        "the lock goes with the window"
    );
}
