//! Opening a register as the real app does, on a worker thread: the
//! window says so meanwhile, a broken file or one with an unknown field is
//! reported in words and nothing is lost, and a register read ahead at
//! start is open by the first frame.

use std::path::Path;
use std::time::Duration;

use coalition_desk::document::Origin;
use coalition_desk::storage;
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, sample, saved_sample, today};

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
    harness.state_mut().command(Command::Save);
    harness.step();
    assert!(
        harness
            .state()
            .notice()
            .is_some_and(|n| n.text.starts_with("Still opening")),
        "{:?}",
        harness.state().notice().map(|n| &n.text)
    );

    until_opened(&mut harness);
    assert_eq!(
        harness.state().workspace().document.origin,
        Origin::File(path.clone())
    );
    assert!(harness.state().workspace().document.register() == &large);
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
        harness.state().workspace().document.origin,
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
        harness.state().workspace().document.origin,
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
    assert_eq!(app.workspace().document.origin, Origin::File(path.clone()));
    assert_eq!(app.workspace().document.register(), &sample());
    assert!(storage::lock_path(&path).exists(), "and locked as usual");
}
