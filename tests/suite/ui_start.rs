//! Starting the window on a file that cannot be read, as
//! `coalition-desk broken.ron` does: the same dialog as opening it from
//! the menu, then a window that offers Open…, Open Recent and New instead
//! of an empty register. And the recovery offer waits for an answer.

use std::path::Path;
use std::time::{Duration, SystemTime};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, harness_for, register, sample, saved_sample, today};
use coalition_desk::document::Origin;
use coalition_desk::storage;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::dialogs::Dialog;
use coalition_desk::ui::opening::{OpenOn, Preload};

fn broken_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("broken.ron");
    std::fs::write(
        &path,
        "CoalitionRegister(format: \"coalition-desk\", version: 1, register: (name: ",
    )
    .unwrap();
    path
}

/// The window exactly as `main` starts it for `coalition-desk FILE`: the
/// file read ahead on a worker before the window exists.
fn started_on(path: &Path) -> AppHarness {
    let app = CoalitionDeskApp::with_settings_opening_on(
        Settings::default(),
        Startup::File(path.to_path_buf()),
        today(),
        OpenOn::Worker,
        Preload::start(path),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    let started = std::time::Instant::now();
    while harness.state().is_opening() && started.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run();
    harness
}

#[test]
fn a_broken_file_from_the_command_line_is_explained_and_the_ways_on_offered() {
    let dir = tempfile::tempdir().unwrap();
    let path = broken_file(dir.path());
    let mut harness = started_on(&path);
    // The dialog the menu's Open shows, word for word.
    harness.get_by_label("The register could not be opened");
    let reason = format!(
        "The register file could not be read: the file ends too early, as if it was cut short, \
         in `name` of the register's settings; the rest of the register is missing. Open the copy saved before it (the file of the \
         same name ending in .bak, beside it) or another copy (line 1, column 73): {}",
        path.display()
    );
    match harness.state().dialog() {
        Some(Dialog::Message { title, text }) => {
            assert_eq!(title, "The register could not be opened");
            assert_eq!(text, &reason);
        }
        other => panic!("{other:?}"),
    }
    click(&mut harness, "OK");
    assert!(harness.state().dialog().is_none());

    // Behind it: no empty register, but the ways on.
    harness.get_by_label("No register is open");
    assert!(harness.query_all_by_label(&reason).next().is_some());
    harness.get_by_role_and_label(Role::Button, "Open…");
    harness.get_by_role_and_label(Role::Button, "Open Recent");
    harness.get_by_role_and_label(Role::Button, "New");
    assert!(harness.query_by_label("New participant").is_none());
    harness.get_by_label("No register open");
    assert!(harness.query_by_label_contains("0 participants").is_none());
    // The status bar names the file in a few words, not the whole reason.
    assert_eq!(
        harness.state().notice().map(|n| n.text.as_str()),
        Some("Could not open broken.ron")
    );

    click(&mut harness, "New");
    assert!(harness.query_by_label("No register is open").is_none());
    assert_eq!(
        harness.state().workspace().document.origin,
        Origin::Untitled
    );
    click(&mut harness, "Participants");
    harness.get_by_label("New participant");
}

#[test]
fn open_recent_from_the_window_after_a_broken_file_opens_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let good = saved_sample(dir.path());
    let broken = broken_file(dir.path());
    let settings = Settings {
        recent: vec![broken.clone(), good.clone()],
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::File(broken), today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    click(&mut harness, "OK");
    click(&mut harness, "Open Recent");
    click(&mut harness, &good.display().to_string());
    assert_eq!(
        harness.state().workspace().document.origin,
        Origin::File(good.clone())
    );
    assert!(register(&harness) == sample());
}

#[test]
fn a_broken_file_opened_over_a_register_leaves_that_register_in_view() {
    let dir = tempfile::tempdir().unwrap();
    let good = saved_sample(dir.path());
    let broken = broken_file(dir.path());
    let mut harness = harness_for(&good);
    crate::app_harness::open_path(&mut harness, &broken);
    harness.run();
    click(&mut harness, "OK");
    assert!(harness.query_by_label("No register is open").is_none());
    assert_eq!(
        harness.state().workspace().document.origin,
        Origin::File(good)
    );
}

#[test]
fn a_click_beside_the_recovery_offer_does_not_dismiss_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut edited = sample();
    edited.name = "Coalition of the Willing (edited)".into();
    let recovery = storage::write_recovery(Some(&path), &edited).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&recovery)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let mut harness = harness_for(&path);
    harness.get_by_label("Recover unsaved work?");

    // A click in the window's corner, well away from the dialog.
    let corner = egui::pos2(20.0, 400.0);
    harness.hover_at(corner);
    harness.run();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: corner,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run();
    }
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("Recover unsaved work?");
    assert!(recovery.exists());

    // "Not now" is an answer: the file is kept for next time.
    click(&mut harness, "Not now");
    assert!(harness.state().dialog().is_none());
    assert!(recovery.exists());
    assert!(register(&harness) == sample());
}
