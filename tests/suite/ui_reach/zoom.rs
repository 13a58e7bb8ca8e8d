//! Ctrl+Plus, Ctrl+Minus and Ctrl+0 make the whole window larger or
//! smaller, from 75 % to 200 %, and the size is remembered with the
//! window's settings.

use std::collections::HashMap;

use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::{Action, Command, Zoom, ZoomStep};
use egui::{Key, Modifiers};
use egui_kittest::Harness;

use super::{AppHarness, today};

fn app(settings: Settings) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(settings, Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn press(harness: &mut AppHarness, key: Key) -> f32 {
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
    harness.run();
    harness.ctx.zoom_factor()
}

#[test]
fn ctrl_plus_and_minus_step_between_75_and_200_percent() {
    let mut harness = app(Settings::default());
    assert_eq!(harness.ctx.zoom_factor(), 1.0);
    let larger: Vec<f32> = (0..7).map(|_| press(&mut harness, Key::Plus)).collect();
    assert_eq!(larger, [1.1, 1.25, 1.5, 1.75, 2.0, 2.0, 2.0]);
    assert_eq!(press(&mut harness, Key::Num0), 1.0);
    let smaller: Vec<f32> = (0..5).map(|_| press(&mut harness, Key::Minus)).collect();
    assert_eq!(smaller, [0.9, 0.8, 0.75, 0.75, 0.75]);
    // Ctrl+= too, as browsers do, since + needs Shift.
    assert_eq!(press(&mut harness, Key::Equals), 0.8);
    assert_eq!(harness.state().settings().zoom.factor(), 0.8);
    let notice = harness.state().notice().map(|n| n.text.clone());
    assert_eq!(notice.as_deref(), Some("Zoom 80 %"));
}

#[test]
fn the_view_menu_lists_the_zoom_with_its_keys() {
    let zooms: Vec<Action> = Action::all()
        .into_iter()
        .filter(|action| matches!(action, Action::Zoom(_)))
        .collect();
    assert_eq!(
        zooms,
        [
            Action::Zoom(ZoomStep::In),
            Action::Zoom(ZoomStep::Out),
            Action::Zoom(ZoomStep::Reset)
        ]
    );
    assert_eq!(
        Action::Zoom(ZoomStep::Reset).shortcut(),
        Some(egui::KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0))
    );
    let mut harness = app(Settings::default());
    harness.state_mut().command(Command::Zoom(ZoomStep::In));
    harness.run();
    harness.run();
    assert_eq!(harness.ctx.zoom_factor(), 1.1);
}

/// eframe's storage as the window keeps it between runs.
#[derive(Default)]
struct Remembered(HashMap<String, String>);

impl eframe::Storage for Remembered {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

#[test]
fn the_zoom_is_remembered_for_the_next_run() {
    let mut harness = app(Settings::default());
    for _ in 0..3 {
        press(&mut harness, Key::Plus);
    }
    let mut storage = Remembered::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let settings: Settings = eframe::get_value(&storage, eframe::APP_KEY).unwrap();
    assert_eq!(settings.zoom.factor(), 1.5);
    let next = app(settings);
    assert_eq!(next.ctx.zoom_factor(), 1.5);
}

#[test]
fn a_zoom_out_of_bounds_in_the_settings_is_kept_within_them() {
    assert_eq!(Zoom::new(7.0).factor(), 2.0);
    assert_eq!(Zoom::new(0.1).factor(), 0.75);
    assert_eq!(Zoom::new(f32::NAN).factor(), 1.0);
    let settings: Settings = ron::from_str("(zoom: 9.5)").unwrap();
    let harness = app(settings);
    assert_eq!(harness.ctx.zoom_factor(), 2.0);
    // Settings written before the zoom existed open at 100 %.
    let older: Settings = ron::from_str("(theme: Dark)").unwrap();
    assert_eq!(older.zoom.factor(), 1.0);
}
