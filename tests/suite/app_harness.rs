//! The whole window as the app builds it, for the tests that drive it
//! with real files (ui_files, ui_opening, ui_records): a harness from a
//! start-up, clicking by label, the open register, the bundled sample.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use coalition_desk::model::Register;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Command;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

pub type AppHarness = Harness<'static, CoalitionDeskApp>;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

pub fn harness(startup: Startup) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(Settings::default(), startup, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

pub fn click(harness: &mut AppHarness, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

pub fn register(harness: &AppHarness) -> Register {
    harness.state().workspace().document.register().clone()
}

pub fn sample() -> Register {
    coalition_desk::sample::register().unwrap()
}

/// The sample saved to `coalition.ron` in `dir` by a window that is gone
/// again (so the file is not locked).
pub fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("coalition.ron");
    let mut harness = harness(Startup::Sample);
    assert!(save_to(&mut harness, &path));
    path
}

/// Runs a command as a menu, button or shortcut would, through the gate.
pub fn command(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

/// Save As with the path typed: true when the register is then that
/// file's, with nothing unsaved.
pub fn save_to(harness: &mut AppHarness, path: &Path) -> bool {
    command(
        harness,
        Command::SaveTo {
            path: path.to_path_buf(),
            then: None,
        },
    );
    let document = harness.state().document();
    document.path() == Some(path) && !document.is_dirty()
}

/// Save: true when the window says it saved.
pub fn save(harness: &mut AppHarness) -> bool {
    command(harness, Command::Save);
    // A "Saved" line left from before is not this save's: the register
    // is clean only once this one wrote it.
    let app = harness.state();
    !app.document().is_dirty()
        && app
            .notice()
            .is_some_and(|notice| notice.text.starts_with("Saved "))
}

/// Opens the register at `path` as Open Recent would.
pub fn open_path(harness: &mut AppHarness, path: &Path) {
    command(harness, Command::OpenRecent(path.to_path_buf()));
}

pub fn harness_for(path: &Path) -> AppHarness {
    harness(Startup::File(path.to_path_buf()))
}

/// Runs frames until `label` is on screen: a worker (the print preview's
/// typesetting, the printer list) answers on its own thread.
pub fn until_shown(harness: &mut AppHarness, label: &str) {
    let started = std::time::Instant::now();
    // Two pages may both say it for a frame while the preview changes.
    while harness.query_all_by_label_contains(label).next().is_none() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "\u{201c}{label}\u{201d} never appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(2);
}
