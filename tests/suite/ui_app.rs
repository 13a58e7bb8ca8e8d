//! The whole window driven headlessly: menus, shortcuts, undo/redo, the
//! unsaved-changes prompt, saving and reopening a real file.

use chrono::NaiveDate;
use coalition_desk::document::Origin;
use coalition_desk::storage;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui::{Key, Modifiers, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

fn harness(startup: Startup) -> Harness<'static, CoalitionDeskApp> {
    let app = CoalitionDeskApp::with_settings(Settings::default(), startup, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn request_close(harness: &mut Harness<'static, CoalitionDeskApp>) {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.run();
}

#[test]
fn the_sample_opens_clean_on_first_run() {
    let harness = harness(Startup::Sample);
    let app = harness.state();
    assert_eq!(app.workspace().document.origin, Origin::Sample);
    assert!(!app.workspace().document.is_dirty());
    assert!(app.workspace().document.register().meetings.len() == 1);
    harness.get_by_label("Participants");
    harness.get_by_label("Meetings");
    harness.get_by_label("Commitments");
}

#[test]
fn new_meeting_from_the_menu_then_undo_and_redo_with_shortcuts() {
    let mut harness = harness(Startup::Sample);
    harness.get_by_label("Edit").click();
    harness.run();
    harness.get_by_label("New meeting").click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .document
            .register()
            .meetings
            .len(),
        2
    );
    assert_eq!(harness.state().settings().tab, Tab::Meetings);
    assert!(harness.state().workspace().document.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .document
            .register()
            .meetings
            .len(),
        1
    );
    assert!(
        !harness.state().workspace().document.is_dirty(),
        "undo back to the opened state is clean"
    );

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .document
            .register()
            .meetings
            .len(),
        2
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .document
            .register()
            .meetings
            .len(),
        2,
        "Ctrl+Y redoes too"
    );
}

#[test]
fn typing_a_title_is_one_undo_step() {
    let mut harness = harness(Startup::Sample);
    harness.get_by_label("Meetings").click();
    harness.run();
    harness.get_by_label("New meeting").click();
    harness.run();
    let title = harness.get_by_label("Title");
    title.focus();
    title.type_text(" for Kyiv");
    harness.run();
    let id = harness.state().workspace().meetings.selected.unwrap();
    let typed = harness
        .state()
        .workspace()
        .document
        .register()
        .meeting(id)
        .unwrap()
        .title
        .clone();
    assert!(typed.contains("for Kyiv"), "{typed}");
    // Leave the field, then one undo takes the whole typing back.
    harness.key_press(Key::Escape);
    harness.run();
    harness
        .state_mut()
        .command(coalition_desk::ui::Command::Undo);
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .document
            .register()
            .meeting(id)
            .unwrap()
            .title,
        "New meeting"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_and_cancel_keeps_the_window() {
    let mut harness = harness(Startup::Sample);
    harness.get_by_label("New participant").click();
    harness.run();
    // Typed into, so it is kept (an untouched one would be taken back).
    harness.event(egui::Event::Text("Polska".into()));
    harness.run();
    assert!(harness.state().workspace().document.is_dirty());

    request_close(&mut harness);
    assert!(!harness.state().is_closing(), "the close is held back");
    harness.get_by_label("Unsaved changes");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
    assert!(
        harness.state().workspace().document.is_dirty(),
        "nothing was lost"
    );
    assert!(!harness.state().is_closing());

    request_close(&mut harness);
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(harness.state().is_closing(), "Discard closes");
}

#[test]
fn closing_a_clean_register_does_not_ask() {
    let mut harness = harness(Startup::Sample);
    request_close(&mut harness);
    assert!(harness.state().dialog().is_none());
    assert!(
        harness.state().is_closing(),
        "a clean register closes at once"
    );
}

#[test]
fn save_to_a_file_then_reopen_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    let mut harness = harness(Startup::Sample);
    harness.get_by_label("New participant").click();
    harness.run();
    assert!(crate::app_harness::save_to(&mut harness, &path));
    harness.run();
    assert!(!harness.state().workspace().document.is_dirty());
    assert_eq!(
        harness.state().workspace().document.origin,
        Origin::File(path.clone())
    );
    let on_disk = storage::load(&path).unwrap().register;
    assert_eq!(&on_disk, harness.state().workspace().document.register());

    // A second window on the same file opens it read-only and says who holds it.
    let second = harness_for(&path);
    let reason = second
        .state()
        .workspace()
        .document
        .read_only
        .clone()
        .expect("read-only");
    assert!(reason.contains("pid"), "{reason}");
    drop(second);
    drop(harness);

    // With the first window gone the file opens for editing.
    let third = harness_for(&path);
    assert!(third.state().workspace().document.read_only.is_none());
    assert_eq!(third.state().workspace().document.register(), &on_disk);
}

fn harness_for(path: &std::path::Path) -> Harness<'static, CoalitionDeskApp> {
    harness(Startup::File(path.to_path_buf()))
}

#[test]
fn a_broken_file_gets_a_message_and_the_current_register_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(
        &path,
        "CoalitionRegister(format: \"coalition-desk\", version: 1, register: (name: ",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut harness = harness(Startup::Sample);
    crate::app_harness::open_path(&mut harness, &path);
    harness.run();
    assert_eq!(
        harness.state().workspace().document.origin,
        Origin::Sample,
        "the sample stays open"
    );
    harness.get_by_label("The register could not be opened");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is untouched"
    );
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().dialog().is_none());
}

#[test]
fn the_sample_has_no_file_to_write_to() {
    let harness = harness(Startup::Sample);
    // Save on the sample goes to Save As because it has no path: the
    // bundled asset is compiled in and never written.
    assert_eq!(harness.state().workspace().document.path(), None);
}
