//! The whole window as the app builds it, for the tests that drive it
//! with real files (ui_files, ui_opening, ui_records): a harness from a
//! start-up, clicking by label, the open register, the bundled sample.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use coalition_desk::model::Register;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
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
    harness.state().workspace.document.register().clone()
}

pub fn sample() -> Register {
    coalition_desk::sample::register().unwrap()
}

/// The sample saved to `coalition.ron` in `dir` by a window that is gone
/// again (so the file is not locked).
pub fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("coalition.ron");
    let mut harness = harness(Startup::Sample);
    assert!(harness.state_mut().save_to(&path));
    path
}

pub fn harness_for(path: &Path) -> AppHarness {
    harness(Startup::File(path.to_path_buf()))
}
