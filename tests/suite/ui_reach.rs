//! Nothing an officer needs is cut off, at 1024×700 or with text at 150 %
//! on 1280×800 (WCAG 1.4.4 and 1.4.10): in every panel, with a record
//! open and long names, each control of the accessibility tree is either
//! whole inside the window or brought whole into it by the scroll area it
//! sits in — the way the officer would scroll to it. Each panel is also
//! snapshotted at both sizes as it first opens.

use std::collections::HashMap;

use chrono::NaiveDate;

use coalition_desk::model::Register;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::{Command, Tab, Zoom};

use egui::accesskit::{NodeId, Role};
use egui::{Rect, Vec2, WidgetRect};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

pub type AppHarness = Harness<'static, CoalitionDeskApp>;

/// A window the officer works in.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    /// How the snapshots are named.
    pub name: &'static str,
    /// The screen's size in pixels; the window has it over the zoom in
    /// points (1280×800 at 150 % is 853×533 points).
    pub pixels: Vec2,
    /// The window's zoom, as the officer set it with Ctrl+Plus.
    pub zoom: f32,
}

/// A small laptop screen, at 100 %.
pub const SMALL: Size = Size {
    name: "1024",
    pixels: Vec2::new(1024.0, 700.0),
    zoom: 1.0,
};

/// A 1280×800 screen with text at 150 %: 853×533 points.
pub const LARGE_TEXT: Size = Size {
    name: "150pc",
    pixels: Vec2::new(1280.0, 800.0),
    zoom: 1.5,
};

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// The whole window at `size` with `register` open, scrolling without
/// animation so that one frame brings a control into view.
pub fn window(size: Size, register: Register) -> AppHarness {
    let mut harness = window_on(size, Startup::Empty);
    harness.state_mut().open_register(register);
    harness.run();
    harness
}

/// The whole window at `size`, started as the officer starts it (with a
/// register's file, for the reviews that read other files beside it).
pub fn window_on(size: Size, startup: Startup) -> AppHarness {
    let settings = Settings {
        zoom: Zoom::new(size.zoom),
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, startup, today());
    let mut harness = Harness::builder()
        // The harness is the screen; the app's zoom makes its points.
        .with_size(size.pixels)
        .with_max_steps(30)
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness
        .ctx
        .all_styles_mut(|style| style.scroll_animation = egui::style::ScrollAnimation::none());
    harness.run();
    harness.run();
    let points = harness.ctx.content_rect().size();
    let expected = size.pixels / size.zoom;
    assert!(
        (points - expected).length() < 1.0,
        "the window is {points:?} points, not {expected:?}"
    );
    harness
}

pub fn show(harness: &mut AppHarness, tab: Tab) {
    harness.state_mut().command(Command::ShowTab(tab));
    harness.run();
    harness.run();
}

/// Every widget of the last frame by its accessibility id.
fn widget_rects<S>(harness: &Harness<'_, S>) -> HashMap<u64, WidgetRect> {
    harness.ctx.viewport(|viewport| {
        viewport
            .prev_pass
            .widgets
            .layers()
            .flat_map(|(_, rects)| rects.iter().map(|w| (w.id.value(), *w)))
            .collect()
    })
}

/// Whether a control at `widget` shows whole in a window of `screen`:
/// inside it, and not clipped by the panel or scroll area it is in —
/// or, on an axis where it is larger than the view it scrolls in (a long
/// public statement at 150 %), filling that view: cut on both sides, as
/// only a control larger than its view can be. A control cut on one side
/// only (by the window's edge or a panel's) is cut off.
fn whole(widget: &WidgetRect, screen: Rect) -> bool {
    let tolerance = 1.0;
    let rect = widget.rect;
    let shown = widget.interact_rect;
    let fits = |rect: egui::Rangef, shown: egui::Rangef, screen: egui::Rangef| {
        let inside = |outer: egui::Rangef| {
            outer.min - tolerance <= rect.min && rect.max <= outer.max + tolerance
        };
        let fills_its_view = rect.min < shown.min - tolerance && rect.max > shown.max + tolerance;
        (inside(screen) && inside(shown))
            || (fills_its_view && screen.contains(shown.min) && screen.contains(shown.max))
    };
    fits(
        rect.x_range(),
        shown.x_range(),
        screen.expand(tolerance).x_range(),
    ) && fits(
        rect.y_range(),
        shown.y_range(),
        screen.expand(tolerance).y_range(),
    )
}

/// Whether a panel's divider shows in a window of `screen`: it runs the
/// panel's whole height, under the status bar too, and is dragged
/// anywhere along it.
fn divider_shows(widget: &WidgetRect, screen: Rect) -> bool {
    let shown = widget.interact_rect.intersect(screen);
    shown.is_positive() && shown.height() >= 0.5 * widget.rect.height()
}

/// A control the officer acts on: its id, its name in a failure, and
/// whether it is a panel's divider.
struct Control {
    id: NodeId,
    name: String,
    divider: bool,
}

/// The controls the officer acts on, in the tree's order.
fn controls<S>(harness: &Harness<'_, S>) -> Vec<Control> {
    harness
        .query_all_by(|node| egui::accessibility::is_input(node.role()))
        .map(|node| {
            let node = node.accesskit_node();
            let name = [node.label(), node.value()]
                .into_iter()
                .flatten()
                .next()
                .unwrap_or_default();
            Control {
                id: node.locate().0,
                name: format!("{:?} “{name}”", node.role()),
                divider: node.role() == Role::Splitter,
            }
        })
        .collect()
}

/// The controls that neither show whole nor can be scrolled whole into
/// the window, each with where it is and what of it shows.
pub fn cut_off<S>(harness: &mut Harness<'_, S>) -> Vec<String> {
    let screen = harness.ctx.content_rect();
    let mut cut = Vec::new();
    for Control { id, name, divider } in controls(harness) {
        let find = |harness: &Harness<'_, S>| widget_rects(harness).get(&id.0).copied();
        let Some(widget) = find(harness) else {
            continue;
        };
        if whole(&widget, screen) || divider && divider_shows(&widget, screen) {
            continue;
        }
        let Some(node) = harness.query_by(|node| node.locate().0 == id) else {
            continue;
        };
        node.scroll_to_me();
        // A preview's spinner may keep asking for frames: the steps run,
        // then the control is looked at wherever it is.
        let _ = harness.try_run();
        match find(harness) {
            Some(widget) if !whole(&widget, screen) => cut.push(format!(
                "{name} at {:?}, showing {:?}",
                widget.rect, widget.interact_rect
            )),
            _ => {}
        }
    }
    cut
}

/// Snapshots the window as it is, then asserts every control can be
/// reached.
pub fn assert_nothing_cut(harness: &mut AppHarness, size: Size, panel: &str) {
    harness.remove_cursor();
    harness.run();
    let snapshot = harness.try_snapshot(format!("reach_{panel}_{}", size.name));
    let cut = cut_off(harness);
    assert!(
        cut.is_empty(),
        "{panel} at {}: {} controls cut off:\n{}",
        size.name,
        cut.len(),
        cut.join("\n")
    );
    if let Err(error) = snapshot {
        panic!("{error}");
    }
}

/// Asserts no control of the accessibility tree is a role the check
/// does not know, so a control cannot escape it by its kind.
#[test]
fn the_check_knows_each_kind_of_control() {
    for role in [
        Role::Button,
        Role::CheckBox,
        Role::ComboBox,
        Role::TextInput,
        Role::MultilineTextInput,
        Role::Link,
        Role::RadioButton,
        Role::Slider,
        Role::SpinButton,
        Role::Tab,
    ] {
        assert!(egui::accessibility::is_input(role), "{role:?}");
    }
    for role in [Role::Label, Role::GenericContainer, Role::Window] {
        assert!(!egui::accessibility::is_input(role), "{role:?}");
    }
}

/// A control pushed off the right edge, with no scroll bar to bring it
/// back, is found; so is one below a scroll area's end that scrolling
/// does bring back, which is not reported.
#[test]
fn a_control_off_the_edge_is_found_and_one_below_the_fold_is_not() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(400.0, 300.0))
        .build_ui(|ui| {
            egui::Panel::left("left")
                .exact_size(200.0)
                .resizable(false)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        for n in 0..40 {
                            let _ = ui.button(format!("Below {n}"));
                        }
                    });
                });
            ui.horizontal(|ui| {
                ui.add_space(150.0);
                let _ = ui.button("Off the edge, with a long label to push it");
            });
        });
    harness.run();
    let cut = cut_off(&mut harness);
    assert_eq!(cut.len(), 1, "{cut:#?}");
    assert!(cut[0].contains("Off the edge"), "{cut:#?}");
}

mod forms;
mod panels;
mod preview;
mod reviews;
mod zoom;
