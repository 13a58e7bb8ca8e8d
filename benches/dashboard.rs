//! Dashboard figures over a synthetic register of 100,000 commitments.
//! Target: recomputed in under 20 ms after an edit; on a frame where
//! nothing changed, a cached lookup. A plain sum over the same commitments
//! is measured in the same run as the floor to compare against.
#![expect(
    clippy::unwrap_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

use std::hint::black_box;

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::Edit;
use coalition_desk::model::{
    Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId, Money, Participant,
    ParticipantId, Quantity, Register, Route, StatusChange,
};
use coalition_desk::search::SearchIndex;
use coalition_desk::tracking::{DashboardCache, dashboard_figures};
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

const COMMITMENTS: u64 = 100_000;

fn date(days: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 1)
        .unwrap()
        .checked_add_days(chrono::Days::new(days))
        .unwrap()
}

/// 40 participants, 24 meetings, 100,000 commitments spread over every
/// status, area, route and three currencies.
fn large_register() -> Register {
    let mut r = Register::new("Benchmark coalition");
    for p in 0..40u64 {
        r.participants.insert(
            ParticipantId(p + 1),
            Participant {
                name: format!("Nation {p}"),
                code: format!("N{p:02}"),
                ..Participant::default()
            },
        );
    }
    for m in 0..24u64 {
        r.meetings.insert(
            MeetingId(100 + m),
            Meeting {
                title: format!("Session {m}"),
                date: date(m * 30),
                ..Meeting::default()
            },
        );
    }
    let areas = r.capability_areas.clone();
    let currencies = ["EUR", "GBP", "USD"];
    for i in 0..COMMITMENTS {
        let status = CommitmentStatus::ALL[(i % 6) as usize];
        let meeting = MeetingId(100 + i % 24);
        r.commitments.insert(
            CommitmentId(1_000 + i),
            Commitment {
                participant: ParticipantId(1 + i % 40),
                announced_at: Some(meeting),
                title: format!("Commitment {i}"),
                area: areas[(i % areas.len() as u64) as usize].clone(),
                route: Route::ALL[(i % 2) as usize],
                quantity: Some(Quantity {
                    amount: Decimal::from(i % 500 + 1),
                    unit: "units".into(),
                }),
                value: Some(Money {
                    amount: Decimal::new((i as i64 % 1_000_000) * 100 + 50, 2),
                    currency: currencies[(i % 3) as usize].into(),
                }),
                due: Some(date(i % 700)),
                status,
                history: vec![StatusChange {
                    date: date((i % 24) * 30),
                    status,
                    note: String::new(),
                    meeting: Some(meeting),
                }],
                marking: "OFFICIAL".into(),
                ..Commitment::default()
            },
        );
    }
    r.next_id = 1_000 + COMMITMENTS;
    r
}

fn benches(c: &mut Criterion) {
    let register = large_register();
    let today = date(400);
    let mut group = c.benchmark_group("dashboard_100k");
    group.sample_size(30);
    group.bench_function("reference_plain_sum_of_values", |b| {
        b.iter(|| {
            let sum: Decimal = register
                .commitments
                .values()
                .filter_map(|c| c.value.as_ref().map(|v| v.amount))
                .sum();
            black_box(sum)
        })
    });
    group.bench_function("figures_recomputed", |b| {
        b.iter(|| black_box(dashboard_figures(black_box(&register), today)))
    });

    // An edit moves the revision on: the next frame recomputes.
    let mut doc = Document::new(register.clone(), Origin::Untitled);
    let mut cache = DashboardCache::default();
    let id = CommitmentId(1_000);
    let mut flip = false;
    group.bench_function("edit_then_figures", |b| {
        b.iter(|| {
            let mut c = doc.register().commitments[&id].clone();
            flip = !flip;
            c.title = if flip { "A" } else { "B" }.into();
            doc.apply(Edit::Commitment(id, Some(c))).unwrap();
            black_box(cache.figures(doc.register(), doc.revision(), today).is_ok())
        })
    });

    // Nothing changed: the frame gets the cached figures.
    let before = cache.computations();
    group.bench_function("unchanged_revision_cached_lookup", |b| {
        b.iter(|| black_box(cache.figures(doc.register(), doc.revision(), today).is_ok()))
    });
    assert_eq!(
        cache.computations(),
        before,
        "an unchanged revision recomputed"
    );

    let index = SearchIndex::build(&register);
    group.bench_function("search_index_build", |b| {
        b.iter(|| black_box(SearchIndex::build(&register).len()))
    });
    group.bench_function("search_query", |b| {
        b.iter(|| black_box(index.find("commitment 9999", 12).len()))
    });
    group.finish();
}

criterion_group!(dashboard, benches);
criterion_main!(dashboard);
