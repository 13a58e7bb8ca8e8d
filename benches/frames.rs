//! CPU time of one frame of each panel on a large register, driven
//! headlessly through egui_kittest (no GPU), against an empty frame in the
//! same harness; the same frames as the window draws them; and one edit
//! with its undo and redo.
//!
//! egui_kittest always builds the accessibility tree and reads it into its
//! own copy every frame (that is how its tests find widgets), and never
//! tessellates. The window does the opposite: eframe turns AccessKit on
//! only when a screen reader asks for the tree, and tessellates every
//! frame for the renderer. The group "as the window draws it" runs the app
//! in a plain `egui::Context` that way, so its figures are the window's
//! CPU time of a frame without a screen reader (the GPU's work aside).

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::Edit;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::{Command, Tab};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

mod common;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap_or_default()
}

/// The app on the large register, with a meeting, a commitment and a
/// participant open, as every panel's frame is measured.
fn app_on_large_register() -> CoalitionDeskApp {
    let register = common::large_register();
    let mut app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Empty, today());
    let opened = [
        register
            .meetings
            .keys()
            .nth(1000)
            .map(|&id| Command::SelectMeeting(id)),
        register
            .commitments
            .keys()
            .nth(50_000)
            .map(|&id| Command::SelectCommitment(id)),
        register
            .participants
            .keys()
            .nth(10)
            .map(|&id| Command::SelectParticipant(id)),
    ];
    app.open_register(register);
    opened
        .into_iter()
        .flatten()
        .for_each(|command| app.command(command));
    app
}

/// The app driven as eframe drives it (`eframe::native::epi_integration`):
/// a frame is `Context::run_ui` then `Context::tessellate`, with AccessKit
/// off until a screen reader asks for it.
struct Window {
    ctx: egui::Context,
    app: CoalitionDeskApp,
}

impl Window {
    fn new(app: CoalitionDeskApp) -> Self {
        let ctx = egui::Context::default();
        // As egui_kittest sets them, so both groups draw the same frames:
        // no blinking cursor, no animation.
        ctx.all_styles_mut(|style| {
            style.visuals.text_cursor.blink = false;
            style.scroll_animation = egui::style::ScrollAnimation::none();
            style.animation_time = 0.0;
        });
        Window { ctx, app }
    }

    fn frame(&mut self) {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            predicted_dt: 1.0 / 60.0,
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(1.0);
        }
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        std::hint::black_box(primitives);
    }
}

fn as_the_window_draws_it(c: &mut Criterion) {
    let mut window = Window::new(app_on_large_register());
    let mut group = c.benchmark_group("as the window draws it, 2000 meetings, 100000 commitments");
    for tab in Tab::all() {
        window.app.command(Command::ShowTab(tab));
        (0..3).for_each(|_| window.frame());
        group.bench_function(format!("{} panel", tab.label()), |b| {
            b.iter(|| window.frame())
        });
    }
    window.app.command(Command::RecordAttendance);
    (0..3).for_each(|_| window.frame());
    group.bench_function("Meetings panel, attendance grid focused", |b| {
        b.iter(|| window.frame())
    });
    group.finish();
}

fn frames(c: &mut Criterion) {
    let app = app_on_large_register();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);

    let mut group = c.benchmark_group("one frame, 2000 meetings, 100000 commitments");
    for tab in Tab::all() {
        harness.state_mut().command(Command::ShowTab(tab));
        // The first frames after switching fill the panel's caches.
        harness.run_steps(3);
        group.bench_function(format!("{} panel", tab.label()), |b| {
            b.iter(|| harness.step())
        });
    }
    // The attendance grid with the keyboard (Record attendance, as the
    // officer entering a session has it): the meeting's frame with the
    // grid's row focused and its keys read.
    harness.state_mut().command(Command::RecordAttendance);
    harness.run_steps(3);
    group.bench_function("Meetings panel, attendance grid focused", |b| {
        b.iter(|| harness.step())
    });
    let mut empty = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui(|ui| {
            ui.label("Coalition Desk");
        });
    group.bench_function("reference: an almost empty frame", |b| {
        b.iter(|| empty.step())
    });
    group.finish();

    let mut group = c.benchmark_group("after an edit, 100000 commitments");
    group.sample_size(20);
    harness
        .state_mut()
        .command(Command::ShowTab(Tab::Commitments));
    harness.run_steps(3);
    group.bench_function("edit + first Commitments frame", |b| {
        b.iter(|| {
            let app = harness.state_mut();
            let register = app.document().register();
            let Some((&id, commitment)) = register.commitments.iter().nth(777) else {
                return;
            };
            let mut changed = commitment.clone();
            changed.title.push('x');
            // A commitment is never locked, so the edit always applies.
            app.edit(Edit::Commitment(id, Some(changed)));
            harness.step();
        })
    });
    group.finish();
}

fn edit_undo_redo(c: &mut Criterion) {
    let mut document = Document::new(common::large_register(), Origin::Untitled);
    let Some((&id, commitment)) = document.register().commitments.iter().nth(4242) else {
        return;
    };
    let mut changed = commitment.clone();
    changed.title = "Renamed".into();
    let mut group = c.benchmark_group("edit, 100000 commitments");
    group.bench_function("one edit + undo + redo", |b| {
        b.iter(|| {
            if document
                .apply(Edit::Commitment(id, Some(changed.clone())))
                .is_err()
            {
                return;
            }
            document.undo();
            document.redo();
        })
    });
    group.bench_function("reference: clone the edited record", |b| {
        b.iter(|| std::hint::black_box(changed.clone()))
    });
    group.finish();
}

criterion_group!(benches, frames, as_the_window_draws_it, edit_undo_redo);
criterion_main!(benches);
