//! The whole window and real files: a file changed on disk under the
//! officer, recovering autosaved work, a newer version's file, deleting a
//! record others refer to, and adding through the panels end to end.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use coalition_desk::document::Origin;
use coalition_desk::model::{AttendanceStatus, ParticipantId, PersonId, Record, Register};
use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage;
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::dialogs::Dialog;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CoalitionDeskApp>;

/// The sample's United Kingdom and its Defence Secretary.
const GBR: ParticipantId = ParticipantId(1);
const HEALEY: PersonId = PersonId(7);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn harness(startup: Startup) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(Settings::default(), startup, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn click(harness: &mut AppHarness, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

fn register(harness: &AppHarness) -> Register {
    harness.state().workspace.document.register().clone()
}

fn sample() -> Register {
    coalition_desk::sample::register().unwrap()
}

/// The sample saved to `coalition.ron` in `dir` by a window that is gone
/// again (so the file is not locked).
fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("coalition.ron");
    let mut harness = harness(Startup::Sample);
    assert!(harness.state_mut().save_to(&path));
    path
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    let mut harness = harness(Startup::Sample);
    assert!(harness.state_mut().save_to(&path));
    harness.run();
    click(&mut harness, "New participant");
    assert!(harness.state().workspace.document.is_dirty());

    // Someone else saves another register over the file.
    let mut theirs = sample();
    theirs.name = "Someone else's register".into();
    let elsewhere = dir.path().join("elsewhere.ron");
    storage::save(&elsewhere, &theirs, None).unwrap();
    std::fs::copy(&elsewhere, &path).unwrap();
    let their_bytes = std::fs::read(&path).unwrap();

    assert!(!harness.state_mut().save(), "the save is held back");
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
    assert!(harness.state().workspace.document.is_dirty());
    assert_eq!(std::fs::read(&path).unwrap(), their_bytes, "theirs stays");

    // Asked again, Overwrite writes ours and keeps theirs as the backup.
    assert!(!harness.state_mut().save());
    harness.run();
    click(&mut harness, "Overwrite");
    assert!(harness.state().dialog().is_none());
    assert!(!harness.state().workspace.document.is_dirty());
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
    assert!(harness.state().workspace.document.is_dirty());
    assert!(harness.state_mut().save());
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
    assert!(harness.state().workspace.document.read_only.is_none());
    harness.get_by_label("Recover unsaved work?");
    assert!(!harness.state().workspace.document.is_dirty());
    assert_eq!(
        register(&harness),
        sample(),
        "the file's content until asked"
    );

    click(&mut harness, "Recover");
    assert!(harness.state().dialog().is_none());
    assert!(harness.state().workspace.document.is_dirty());
    assert_eq!(register(&harness), edited);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(register(&harness), sample(), "one undo gives the file back");
    assert!(!harness.state().workspace.document.is_dirty());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(register(&harness), edited);

    assert!(recovery.exists(), "kept until saved");
    assert!(harness.state_mut().save());
    harness.run();
    assert!(!recovery.exists(), "saving removes the recovery file");
    assert_eq!(storage::load(&path).unwrap().register, edited);
    drop(harness);

    // Opened again, nothing is offered.
    let harness = harness_for(&path);
    assert!(harness.state().dialog().is_none());
    assert_eq!(register(&harness), edited);
}

fn harness_for(path: &Path) -> AppHarness {
    harness(Startup::File(path.to_path_buf()))
}

#[test]
fn discarding_recovered_work_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, recovery, _edited, mut harness) = with_recovery(dir.path());
    click(&mut harness, "Discard");
    assert!(harness.state().dialog().is_none());
    assert!(!recovery.exists(), "Discard deletes the recovery file");
    assert!(!harness.state().workspace.document.is_dirty());
    assert_eq!(register(&harness), sample());
    assert_eq!(storage::load(&path).unwrap().register, sample());
}

#[test]
fn a_newer_versions_file_opens_read_only_and_stays_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.ron");
    let text = SAMPLE_RON.replacen("version: 1,", "version: 99,", 1);
    std::fs::write(&path, &text).unwrap();

    let harness = harness_for(&path);
    let app = harness.state();
    let reason = app.workspace.document.read_only.clone().expect("read-only");
    assert!(reason.contains("newer"), "{reason}");
    assert_eq!(app.workspace.document.path(), Some(path.as_path()));
    assert_eq!(app.workspace.document.register(), &sample());
    harness.get_by_label_contains("Read-only");
    drop(harness);

    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
    assert!(!storage::backup_path(&path).exists(), "no backup was made");
    assert!(
        !storage::lock_path(&path).exists(),
        "the lock goes with the window"
    );
}

#[test]
fn deleting_a_participant_others_refer_to_asks_mends_and_undoes() {
    let mut harness = harness(Startup::Sample);
    let before = register(&harness);
    click(&mut harness, "United Kingdom");
    assert_eq!(harness.state().workspace.participants.selected, Some(GBR));
    click(&mut harness, "Delete…");

    let Some(Dialog::ConfirmDelete { references, .. }) = &harness.state().dialog() else {
        panic!("a delete question: {:?}", harness.state().dialog());
    };
    let lines: Vec<String> = references
        .iter()
        .map(|r| format!("• {}", r.description))
        .collect();
    harness.get_by_label("Delete participant United Kingdom?");
    for line in &lines {
        harness.get_by_label(line);
    }
    let meeting = "meeting Coalition of the Willing — Defence ministers (2025-04-10)";
    for expected in [
        format!("• the attendance of {meeting}"),
        format!("• the convenors of {meeting}"),
        "• the participant of commitment Example — Training of Ukrainian personnel".to_string(),
        "• a role of person John Healey MP".to_string(),
        format!("• the chairs of {meeting} (person John Healey MP goes with it)"),
    ] {
        assert!(lines.contains(&expected), "{expected:?} in {lines:#?}");
    }

    click(&mut harness, "Cancel");
    assert!(harness.state().dialog().is_none());
    assert_eq!(register(&harness), before, "Cancel deletes nothing");
    assert!(!harness.state().workspace.document.is_dirty());

    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, Command::Delete(Record::Participant(GBR)));
    harness.run();
    click(&mut harness, "Delete");
    assert!(harness.state().dialog().is_none());
    let after = register(&harness);
    assert!(after.participant(GBR).is_none());
    assert!(after.person(HEALEY).is_none(), "his only role was for it");
    assert!(after.commitments.values().all(|c| c.participant != GBR));
    let meeting = after.meetings.values().next().unwrap();
    assert!(!meeting.attendance.contains_key(&GBR));
    assert!(!meeting.convenors.contains(&GBR));
    assert!(!meeting.chairs.contains(&HEALEY));
    assert!(after.series.values().all(|s| !s.convenors.contains(&GBR)));
    assert_eq!(after.validate(today()), vec![], "the references are mended");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(register(&harness), before, "one undo restores it exactly");
    assert!(!harness.state().workspace.document.is_dirty());
}

#[test]
fn adding_a_participant_meeting_and_commitment_through_the_panels() {
    let mut harness = harness(Startup::Sample);
    let before = register(&harness);

    click(&mut harness, "New participant");
    let participant = harness
        .state()
        .workspace
        .participants
        .selected
        .expect("selected");
    for (label, text) in [("Name", "Polska"), ("Code", "POL")] {
        harness
            .get_by_role_and_label(Role::TextInput, label)
            .focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness
            .get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        harness.run();
        harness.key_press(Key::Escape);
        harness.run();
    }

    click(&mut harness, "Meetings");
    click(&mut harness, "New meeting");
    let meeting = harness
        .state()
        .workspace
        .meetings
        .selected
        .expect("selected");
    // Attendance is recorded once the session is held.
    crate::common::set_meeting_state(&mut harness, "Held");
    click(&mut harness, "Attendance of Polska");
    click(&mut harness, "Present");

    click(&mut harness, "Commitments");
    click(&mut harness, "New commitment");
    let commitment = harness
        .state()
        .workspace
        .commitments
        .selected
        .expect("selected");
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Air policing");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();

    let full = register(&harness);
    let added = full.participant(participant).expect("the participant");
    assert_eq!(
        (added.name.as_str(), added.code.as_str()),
        ("Polska", "POL")
    );
    let added = full.meeting(meeting).expect("the meeting");
    assert_eq!(added.date, today());
    assert_eq!(
        added.attendance.get(&participant).map(|a| a.status),
        Some(AttendanceStatus::Present)
    );
    assert_eq!(added.attendance.len(), 1);
    let added = full.commitment(commitment).expect("the commitment");
    assert_eq!(added.title, "Air policing");
    assert_eq!(full.participants.len(), before.participants.len() + 1);
    assert_eq!(full.meetings.len(), before.meetings.len() + 1);
    assert_eq!(full.commitments.len(), before.commitments.len() + 1);
    assert_eq!(full.validate(today()), vec![]);

    // Undo back to the opened register, then redo all of it.
    let mut steps = 0;
    while harness.state().workspace.document.is_dirty() {
        assert!(steps < 20, "undo reaches the opened state");
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        steps += 1;
    }
    // Undo gives back every record; ids handed out stay used (the
    // register's next id only grows, so an id is never reused).
    let undone = register(&harness);
    assert!(undone.next_id >= full.next_id);
    assert_eq!(
        Register {
            next_id: before.next_id,
            ..undone
        },
        before
    );
    // New participant, name, code, new meeting, its state, attendance, new
    // commitment, title: typing in one field is one step.
    assert_eq!(steps, 8);
    for _ in 0..steps {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        harness.run();
    }
    assert_eq!(register(&harness), full);
    assert!(harness.state().workspace.document.is_dirty());
    assert_eq!(harness.state().workspace.document.origin, Origin::Sample);
}

/// The window as the real app builds it: files read on a worker thread.
fn harness_opening_on_a_worker(path: &Path) -> AppHarness {
    let app = CoalitionDeskApp::with_settings_opening_on(
        Settings::default(),
        Startup::File(path.to_path_buf()),
        today(),
        coalition_desk::ui::opening::OpenOn::Worker,
        None,
    );
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app)
}

/// Runs frames until the worker has delivered (or ten seconds pass).
fn until_opened(harness: &mut AppHarness) {
    let started = std::time::Instant::now();
    while harness.state().is_opening() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    assert!(!harness.state().is_opening(), "the register never arrived");
}

#[test]
fn a_register_opens_on_a_worker_while_the_window_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // Big enough that reading takes a moment.
    let large = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 200,
        commitments: 20_000,
        seed: 2,
    });
    let path = dir.path().join("large.ron");
    storage::save(&path, &large, None).unwrap();

    let mut harness = harness_opening_on_a_worker(&path);
    harness.step();
    assert!(harness.state().is_opening());
    // The modal and the status bar both name the file being opened.
    let named = harness
        .query_all_by_label_contains(&format!("Opening {}", path.display()))
        .count();
    assert_eq!(named, 2, "modal and status bar");
    // A command meanwhile waits for the register rather than acting on
    // the one being replaced.
    harness
        .state_mut()
        .run(&egui::Context::default(), Command::Save);
    assert!(
        harness
            .state()
            .notice
            .as_ref()
            .is_some_and(|n| n.text.starts_with("Still opening")),
        "{:?}",
        harness.state().notice.as_ref().map(|n| &n.text)
    );

    until_opened(&mut harness);
    assert_eq!(
        harness.state().workspace.document.origin,
        Origin::File(path.clone())
    );
    assert!(harness.state().workspace.document.register() == &large);
    assert!(harness.query_by_label_contains("Opening ").is_none());
    harness.get_by_label(&path.display().to_string());
    assert!(storage::lock_path(&path).exists(), "this window holds it");
}

#[test]
fn a_broken_file_opened_on_a_worker_is_reported_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "CoalitionRegister(format: \"coalition-desk\", version: 1, register: (name: ",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut harness = harness_opening_on_a_worker(&path);
    until_opened(&mut harness);
    assert_ne!(
        harness.state().workspace.document.origin,
        Origin::File(path.clone())
    );
    assert!(
        harness
            .query_all_by_label_contains("could not be opened")
            .next()
            .is_some(),
        "the officer is told"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    assert!(!storage::lock_path(&path).exists(), "no lock left behind");
}

#[test]
fn a_file_with_an_unknown_field_is_refused_in_words_and_the_window_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    let text =
        coalition_desk::sample::SAMPLE_RON.replacen("to: None,", "until: Some(\"2025-09-05\"),", 1);
    assert_ne!(text, coalition_desk::sample::SAMPLE_RON);
    std::fs::write(&path, &text).unwrap();
    let mut harness = harness_opening_on_a_worker(&path);
    until_opened(&mut harness);
    assert_ne!(
        harness.state().workspace.document.origin,
        Origin::File(path.clone())
    );
    assert!(
        harness
            .query_all_by_label_contains(
                "unknown field `until` in a role of person #7 — did you mean `to`?"
            )
            .next()
            .is_some(),
        "the officer is told which field, where, and what was meant"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // The window still answers: another tab opens.
    click(&mut harness, "Meetings");
    harness.run();
}

#[test]
fn a_register_read_ahead_at_start_is_open_when_the_window_first_draws() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let preload = coalition_desk::ui::opening::Preload::start(&path).unwrap();
    let app = CoalitionDeskApp::with_settings_opening_on(
        Settings::default(),
        Startup::File(path.clone()),
        today(),
        coalition_desk::ui::opening::OpenOn::Worker,
        Some(preload),
    );
    assert!(!app.is_opening(), "a quick read is waited for");
    assert_eq!(app.workspace.document.origin, Origin::File(path.clone()));
    assert_eq!(app.workspace.document.register(), &sample());
    assert!(storage::lock_path(&path).exists(), "and locked as usual");
}
