//! CPU time of one frame of each panel on a large register, driven
//! headlessly through egui_kittest (no GPU), against an empty frame in the
//! same harness; and one edit with its undo and redo.

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

fn frames(c: &mut Criterion) {
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

criterion_group!(benches, frames, edit_undo_redo);
criterion_main!(benches);
