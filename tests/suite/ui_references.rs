//! A series' short name, which document references use, is typed in the
//! series editor beside the timeline.

use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::app_harness::today;

#[test]
fn a_series_short_name_is_typed_in_the_series_editor() {
    let settings = Settings {
        tab: Tab::Timeline,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Empty, today());
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness.get_by_label("New series").click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Short name")
        .focus();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Short name")
        .type_text("DM");
    harness.run();
    let register = harness.state().workspace().document.register();
    let series = register.series.values().next().unwrap();
    assert_eq!(series.short_name, "DM");
}
