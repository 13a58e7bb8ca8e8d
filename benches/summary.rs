//! Printing speed: the sample meeting's summary, and a large meeting (120
//! delegations, 300 commitments announced), typeset to PDF with one engine
//! whose fonts are loaded once. References in the same run: building the
//! summary data alone, and typesetting a summary with every section off.
#![expect(clippy::unwrap_used, reason = "a failed unwrap is a failed benchmark")]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use coalition_desk::model::{
    Attendance, AttendanceStatus, Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId,
    MeetingState, Money, Participant, ParticipantId, ParticipantKind, Person, PersonId, Register,
    Role,
};
use coalition_desk::report::{self, PrintEngine, SummaryOptions};
use coalition_desk::sample;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

fn large_register() -> (Register, MeetingId) {
    let mut register = Register::new("Benchmark coalition");
    let meeting = MeetingId(1);
    let mut attendance = BTreeMap::new();
    for n in 0..120u64 {
        let participant = ParticipantId(10 + n);
        let person = PersonId(1000 + n);
        register.participants.insert(
            participant,
            Participant {
                name: format!("Nation {n:03}"),
                code: format!("N{n:02}"),
                kind: if n % 10 == 0 {
                    ParticipantKind::Organisation
                } else {
                    ParticipantKind::Nation
                },
                ..Default::default()
            },
        );
        register.people.insert(
            person,
            Person {
                name: format!("Delegate {n:03}"),
                roles: vec![Role {
                    title: "Minister of Defence".into(),
                    participant,
                    from: None,
                    to: None,
                    head_of_delegation: false,
                }],
                ..Default::default()
            },
        );
        attendance.insert(
            participant,
            Attendance {
                status: AttendanceStatus::Present,
                delegates: vec![person],
                ..Attendance::default()
            },
        );
    }
    for n in 0..300u64 {
        register.commitments.insert(
            CommitmentId(5000 + n),
            Commitment {
                participant: ParticipantId(10 + n % 120),
                announced_at: Some(meeting),
                title: format!("Commitment {n:03} of equipment and training"),
                area: "Land".into(),
                value: Some(Money {
                    amount: Decimal::new(100_000_000 + n as i64, 2),
                    currency: if n % 2 == 0 { "EUR" } else { "GBP" }.into(),
                }),
                status: CommitmentStatus::ALL[(n % 6) as usize],
                marking: "OFFICIAL".into(),
                ..Default::default()
            },
        );
    }
    register.meetings.insert(
        meeting,
        Meeting {
            title: "Large meeting".into(),
            date: NaiveDate::from_ymd_opt(2025, 5, 1).unwrap(),
            state: MeetingState::Held,
            attendance,
            statement: "A statement. ".repeat(200),
            marking: "OFFICIAL".into(),
            ..Default::default()
        },
    );
    (register, meeting)
}

/// A fixed issue date, so every run typesets the same pages.
fn issued() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn bench(c: &mut Criterion) {
    let engine = PrintEngine::new().unwrap();
    let sample = sample::register().unwrap();
    let sample_meeting = MeetingId(11);
    let options = SummaryOptions::default();
    let (large, large_meeting) = large_register();
    let nothing = SummaryOptions {
        attendance: false,
        agenda: false,
        decisions: false,
        actions: false,
        commitments: false,
        statement: false,
        notes: false,
        ..SummaryOptions::default()
    };

    c.bench_function("summary data, sample meeting (reference)", |b| {
        b.iter(|| report::meeting_summary(&sample, sample_meeting, &options, issued()).unwrap())
    });
    c.bench_function("summary PDF, no sections (reference)", |b| {
        let summary = report::meeting_summary(&sample, sample_meeting, &nothing, issued()).unwrap();
        b.iter(|| engine.meeting_summary_pdf(&summary).unwrap())
    });
    c.bench_function("summary PDF, sample meeting", |b| {
        b.iter(|| {
            let summary =
                report::meeting_summary(&sample, sample_meeting, &options, issued()).unwrap();
            engine.meeting_summary_pdf(&summary).unwrap()
        })
    });
    // typst memoises: the run above re-typesets identical data. Changing
    // the title each time is closer to an officer who edits, then prints.
    c.bench_function("summary PDF, sample meeting, title changed each run", |b| {
        let mut run = 0u64;
        b.iter(|| {
            run += 1;
            let mut summary =
                report::meeting_summary(&sample, sample_meeting, &options, issued()).unwrap();
            summary.title = format!("{} {run}", summary.title);
            engine.meeting_summary_pdf(&summary).unwrap()
        })
    });
    let mut group = c.benchmark_group("large");
    group.sample_size(10);
    group.bench_function("summary PDF, 120 delegations, 300 commitments", |b| {
        b.iter(|| {
            let summary =
                report::meeting_summary(&large, large_meeting, &options, issued()).unwrap();
            engine.meeting_summary_pdf(&summary).unwrap()
        })
    });
    group.finish();
    c.bench_function("print engine start (fonts loaded)", |b| {
        b.iter(|| PrintEngine::new().unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
