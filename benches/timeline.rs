//! One timeline frame over a large register: 2,000 meetings in 20 series
//! over ten years and 100,000 commitments. Each iteration runs a whole egui
//! frame (layout, painting, hover) and tessellates it, which is the CPU
//! work of a frame short of the GPU. The reference is an empty frame in
//! the same context, measured in the same run.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveTime};
use coalition_desk::calendar::timeline::timeline_figures;
use coalition_desk::model::{
    Attendance, Commitment, CommitmentId, Meeting, MeetingId, MeetingState, ParticipantId,
    Register, SeriesId, SessionSeries,
};
use coalition_desk::ui::Outbox;
use coalition_desk::ui::timeline::TimelinePanel;
use criterion::{Criterion, criterion_group, criterion_main};

const MEETINGS: u64 = 2_000;
const COMMITMENTS: u64 = 100_000;
const SERIES: u64 = 20;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default()
}

fn large_register() -> Register {
    let mut r = Register::new("Large coalition");
    let first = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
    for s in 0..SERIES {
        r.series.insert(
            SeriesId(1 + s),
            SessionSeries {
                name: format!("Series {s:02}"),
                cadence: "FREQ=WEEKLY;INTERVAL=4".into(),
                first: first.checked_add_days(Days::new(s)),
                start: NaiveTime::from_hms_opt(10, 0, 0),
                ..SessionSeries::default()
            },
        );
    }
    let participants: Vec<ParticipantId> = (0..33).map(|p| ParticipantId(100 + p)).collect();
    for m in 0..MEETINGS {
        let attendance: BTreeMap<_, _> = participants
            .iter()
            .take(10 + (m % 23) as usize)
            .map(|p| (*p, Attendance::default()))
            .collect();
        r.meetings.insert(
            MeetingId(1_000 + m),
            Meeting {
                title: format!("Session {m}"),
                series: (m % 10 != 0).then_some(SeriesId(1 + m % SERIES)),
                date: first
                    .checked_add_days(Days::new(m * 365 * 10 / MEETINGS))
                    .unwrap_or(first),
                state: if m % 50 == 0 {
                    MeetingState::Cancelled
                } else {
                    MeetingState::Held
                },
                attendance,
                ..Meeting::default()
            },
        );
    }
    for c in 0..COMMITMENTS {
        r.commitments.insert(
            CommitmentId(10_000 + c),
            Commitment {
                participant: ParticipantId(100 + c % 33),
                announced_at: Some(MeetingId(1_000 + (c * 7919) % MEETINGS)),
                title: format!("Commitment {c}"),
                ..Commitment::default()
            },
        );
    }
    r
}

fn input(frame: u64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        // The pointer over the lanes exercises hover every frame.
        events: vec![egui::Event::PointerMoved(egui::pos2(
            600.0 + (frame % 7) as f32,
            300.0,
        ))],
        time: Some(frame as f64 / 60.0),
        ..egui::RawInput::default()
    }
}

fn bench(c: &mut Criterion) {
    let register = large_register();
    let ctx = egui::Context::default();
    coalition_desk::ui::fonts::install(&ctx);
    let mut panel = TimelinePanel::default();
    let mut frame = 0u64;
    let run = |ctx: &egui::Context, panel: &mut TimelinePanel, draw: bool, frame: &mut u64| {
        *frame += 1;
        let output = ctx.run_ui(input(*frame), |ui| {
            if draw {
                let mut out = Outbox::default();
                let context = coalition_desk::ui::PanelContext {
                    register: &register,
                    today: today(),
                    revision: 1,
                    document: None,
                };
                panel.ui(ui, &context, &mut out);
            } else {
                egui::CentralPanel::default().show(ui, |ui| ui.label("Empty"));
            }
        });
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    // Warm up: fonts, the figures cache and the first "fit all".
    for _ in 0..3 {
        run(&ctx, &mut panel, true, &mut frame);
    }
    let mut group = c.benchmark_group("timeline");
    group.bench_function("empty frame (reference)", |b| {
        b.iter(|| run(&ctx, &mut panel, false, &mut frame))
    });
    group.bench_function(
        "timeline frame, 2000 meetings, 100000 commitments, fit all",
        |b| b.iter(|| run(&ctx, &mut panel, true, &mut frame)),
    );
    panel.view.axis = panel.view.axis.map(|mut axis| {
        axis.zoom_around(640.0, 20.0);
        axis
    });
    group.bench_function("timeline frame, zoomed to about six months", |b| {
        b.iter(|| run(&ctx, &mut panel, true, &mut frame))
    });
    group.bench_function("figures after an edit (once per revision)", |b| {
        b.iter(|| timeline_figures(&register, today()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
