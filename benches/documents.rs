//! The documents sent before a session, typeset to PDF with one engine
//! whose fonts are loaded once, on the sample register: one meeting pack,
//! one since-last-session report and one nation sheet, with the sample
//! meeting's summary in the same run as the reference. Then every nation
//! sheet of the generated 2,000-meeting / 100,000-commitment register in
//! one PDF (data and typesetting), the figure issue 22 asks under 10 s.
#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed benchmark")]

use chrono::NaiveDate;
use coalition_desk::generate::{self, GenerateOptions};
use coalition_desk::model::MeetingId;
use coalition_desk::report::{self, DocumentOptions, PrintEngine, SummaryOptions};
use coalition_desk::sample;
use criterion::{Criterion, criterion_group, criterion_main};

const SAMPLE_MEETING: MeetingId = MeetingId(11);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 1).unwrap()
}

fn on_the_sample(c: &mut Criterion) {
    let register = sample::register().unwrap();
    let engine = PrintEngine::new().unwrap();
    let options = DocumentOptions::default();
    let uk = register
        .participants
        .iter()
        .find(|(_, p)| p.code == "GBR")
        .map(|(id, _)| *id)
        .unwrap();
    let mut group = c.benchmark_group("documents on the sample");
    group.bench_function("summary PDF (reference)", |b| {
        b.iter(|| {
            let summary = report::meeting_summary(
                &register,
                SAMPLE_MEETING,
                &SummaryOptions::default(),
                today(),
            )
            .unwrap();
            engine.meeting_summary_pdf(&summary).unwrap()
        })
    });
    group.bench_function("meeting pack PDF", |b| {
        b.iter(|| {
            let pack = report::meeting_pack(&register, SAMPLE_MEETING, &options, today()).unwrap();
            engine.meeting_pack(&pack).unwrap().pdf().unwrap()
        })
    });
    group.bench_function("since last session PDF", |b| {
        b.iter(|| {
            let since = report::since_report(&register, SAMPLE_MEETING, &options, today()).unwrap();
            engine.since_report(&since).unwrap().pdf().unwrap()
        })
    });
    group.bench_function("nation sheet PDF (GBR)", |b| {
        b.iter(|| {
            let sheets = report::nation_sheets(&register, &[uk], &options, today()).unwrap();
            engine.nation_sheets(&sheets).unwrap().pdf().unwrap()
        })
    });
    group.finish();
}

fn every_sheet_of_the_large_register(c: &mut Criterion) {
    let register = generate::register(GenerateOptions {
        meetings: 2_000,
        commitments: 100_000,
        seed: 1,
    });
    let engine = PrintEngine::new().unwrap();
    let everyone = register.participants_by_name();
    let today = generate::fixed_now();
    let mut group = c.benchmark_group("nation sheets of the generated register");
    group.sample_size(10);
    group.bench_function("all 60 sheets, data only", |b| {
        b.iter(|| {
            report::nation_sheets(&register, &everyone, &DocumentOptions::default(), today).unwrap()
        })
    });
    group.bench_function("all 60 sheets in one PDF", |b| {
        b.iter(|| {
            let sheets =
                report::nation_sheets(&register, &everyone, &DocumentOptions::default(), today)
                    .unwrap();
            engine.nation_sheets(&sheets).unwrap().pdf().unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, on_the_sample, every_sheet_of_the_large_register);
criterion_main!(benches);
