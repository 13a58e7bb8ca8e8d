//! Visible focus: the ring around whatever has the keyboard stands out
//! from every surface a control sits on, in both themes, and is drawn
//! around a meeting's row (which egui itself does not mark at all).

use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::focus_ring;
use coalition_desk::ui::theme::Theme;
use egui::{Color32, Key, Visuals};
use egui_kittest::Harness;

use crate::app_harness::{AppHarness, today};
use crate::keyboard::tab_to_where;

/// Relative luminance, WCAG 2.2's definition.
fn luminance(colour: Color32) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

fn contrast(a: Color32, b: Color32) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// Everything a focused control can sit on or be filled with (a table's
/// stripe is a faint overlay on the panel, not a colour of its own).
fn surfaces(visuals: &Visuals) -> Vec<(&'static str, Color32)> {
    vec![
        ("panel", visuals.panel_fill),
        ("window", visuals.window_fill),
        ("field", visuals.extreme_bg_color),
        ("button", visuals.widgets.inactive.weak_bg_fill),
        ("focused button", visuals.widgets.active.weak_bg_fill),
        ("selected row", visuals.selection.bg_fill),
    ]
}

#[test]
fn the_ring_stands_out_at_three_to_one_from_every_surface_in_both_themes() {
    for theme in [Theme::Light, Theme::Dark] {
        let visuals = theme.visuals();
        let ring = focus_ring::colour(visuals.dark_mode);
        for (surface, colour) in surfaces(&visuals) {
            let ratio = contrast(ring, colour);
            assert!(
                ratio >= 3.0,
                "{theme:?}: the ring is {ratio:.2}:1 against the {surface}"
            );
        }
    }
}

fn window(theme: Theme) -> AppHarness {
    let settings = Settings {
        theme,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .with_max_steps(30)
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn ringed_row(theme: Theme, name: &str) {
    let mut h = window(theme);
    super::show_panel(&mut h, Key::Num2);
    tab_to_where(
        &mut h,
        |name| name.starts_with("Coalition of the Willing — Defence ministers ("),
        false,
        "the defence ministers' meeting",
    );
    h.remove_cursor();
    h.run();
    h.snapshot(name);
}

#[test]
fn a_meeting_row_reached_by_tab_is_ringed_light() {
    ringed_row(Theme::Light, "focus_ring_meeting_row_light");
}

#[test]
fn a_meeting_row_reached_by_tab_is_ringed_dark() {
    ringed_row(Theme::Dark, "focus_ring_meeting_row_dark");
}
