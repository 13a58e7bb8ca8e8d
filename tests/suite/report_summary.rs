//! The meeting summary and attendance record as data: the sample register's
//! summary compared in full, the options and the marking rule.

use coalition_desk::model::{CommitmentId, MeetingId, Record, SeriesId};
use coalition_desk::report::{
    self, ActionLine, AgendaLine, AttendanceGroup, AttendanceLine, CommitmentLine, CurrencyTotal,
    Delegate, MeetingDetails, MeetingSummary, MinutesStanding, MoneyLine, Paper, Presence,
    SummaryOptions,
};
use coalition_desk::sample;
use rust_decimal::Decimal;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

fn line(participant: &str, code: &str, delegates: Vec<Delegate>, note: &str) -> AttendanceLine {
    AttendanceLine {
        participant: participant.into(),
        code: code.into(),
        status: "Present".into(),
        delegates,
        stand_ins: Vec::new(),
        note: note.into(),
    }
}

fn delegate(name: &str, title: &str) -> Delegate {
    Delegate {
        name: name.into(),
        title: title.into(),
    }
}

fn agenda(number: &str, title: &str, notes: &str, outcome: &str) -> AgendaLine {
    AgendaLine {
        number: number.into(),
        level: 0,
        // The sample meeting has no times, and its items no minutes.
        start: None,
        minutes: None,
        title: title.into(),
        lead: None,
        notes: notes.into(),
        outcome: outcome.into(),
    }
}

#[test]
fn sample_summary_in_full() {
    let register = sample::register().unwrap();
    let meeting = register.meeting(SAMPLE_MEETING).unwrap();
    let summary = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let healey = delegate(
        "John Healey MP",
        "Secretary of State for Defence (Defence Secretary)",
    );
    let lecornu = delegate(
        "Sébastien Lecornu",
        "Ministre des Armées (Defence Minister)",
    );
    let unnamed = "Representatives not named in the statement.";
    let expected = MeetingSummary {
        register_name: "Coalition of the Willing (sample)".into(),
        // The meeting is OFFICIAL; the French example commitment it
        // includes is OFFICIAL-SENSITIVE, so the whole summary is.
        marking: "OFFICIAL-SENSITIVE".into(),
        edition: None,
        omitted: None,
        paper: Paper::A4,
        title: "Coalition of the Willing — Defence ministers".into(),
        // The sample's session has no number, so its reference takes its
        // month and day instead.
        reference: "CoW/DM/2025/04-10".into(),
        issued: "1 June 2025".into(),
        issued_iso: "2025-06-01".into(),
        date: "10 April 2025".into(),
        details: MeetingDetails {
            series: Some("Defence ministers".into()),
            times: None,
            location: String::new(),
            format: "In person".into(),
            state: "Held".into(),
            convenors: vec!["United Kingdom".into(), "France".into()],
            chairs: vec![healey.clone(), lecornu.clone()],
        },
        attendance: Some(vec![
            AttendanceGroup {
                heading: "Nations".into(),
                lines: vec![
                    line("France", "FRA", vec![lecornu], "Convenor."),
                    line("United Kingdom", "GBR", vec![healey], "Convenor."),
                ],
            },
            AttendanceGroup {
                heading: "Organisations".into(),
                lines: vec![
                    line("Council of the European Union", "EU-CNL", vec![], unnamed),
                    line("European Commission", "EU-COM", vec![], unnamed),
                    line("NATO", "NATO", vec![], unnamed),
                ],
            },
        ]),
        apologies: Some(vec![]),
        agenda: Some(vec![
            agenda(
                "1",
                "Military planning across the full range of capabilities",
                "Part of detailed military planning led by the UK and French Chiefs of Defence over the last month. Planning so far has looked across the full range of military capabilities from Europe and beyond.",
                "",
            ),
            agenda(
                "2",
                "How participating nations can contribute their own capabilities",
                "To ensure Ukraine’s future security, whether by strengthening Ukrainian capacity or direct contributions.",
                "",
            ),
            agenda(
                "3",
                "Objectives: reassure, support and protect Ukraine",
                "To ensure that any peace settlement secures against the risk of future Russian aggression.",
                "Solid progress, as a Coalition, on building a multi-national effort to support Ukraine’s transition to peace time in a position of strength.",
            ),
        ]),
        agenda_timing: None,
        decisions: Some(vec![
            "Reaffirm the commitment to work together to drive progress towards a just and lasting peace in Ukraine.".into(),
            "Continue to meet regularly to drive progress and generate firm commitments in pursuit of a just and lasting peace in Ukraine.".into(),
        ]),
        actions: Some(vec![ActionLine {
            text: "Generate firm commitments in pursuit of a just and lasting peace in Ukraine."
                .into(),
            owner: None,
            due: None,
            done: false,
            carried_from: None,
        }]),
        // Nations first, by name, then organisations.
        commitments: Some(vec![
            CommitmentLine {
                participant: "France".into(),
                title: "Example — Maritime direct contribution".into(),
                area: "Maritime".into(),
                route: "Direct contribution".into(),
                amount: String::new(),
                status: "Proposed".into(),
                firm: false,
            },
            CommitmentLine {
                participant: "United Kingdom".into(),
                title: "Example — Training of Ukrainian personnel".into(),
                area: "Training".into(),
                route: "Strengthening Ukrainian capacity".into(),
                amount: "200 instructors".into(),
                status: "Pledged".into(),
                firm: false,
            },
            CommitmentLine {
                participant: "European Commission".into(),
                title: "Example — Funding for Ukrainian capacity".into(),
                area: "Funding".into(),
                route: "Strengthening Ukrainian capacity".into(),
                amount: "EUR 250,000,000.00".into(),
                status: "Committed".into(),
                firm: true,
            },
        ]),
        firm_totals: Some(vec![CurrencyTotal {
            currency: "EUR".into(),
            amount: Decimal::new(25_000_000_000, 2),
            text: "EUR 250,000,000.00".into(),
        }]),
        money: Some(vec![MoneyLine {
            currency: "EUR".into(),
            pledged: "EUR 250,000,000.00".into(),
            firm: "EUR 250,000,000.00".into(),
            paid: "EUR 0.00".into(),
        }]),
        // Verbatim copies of the register's text.
        statement: Some(meeting.statement.clone()),
        notes: Some(meeting.notes.clone()),
        restricted_notes: None,
        // Every commitment in the sample was announced at this meeting.
        movements: Some(vec![]),
        attendance_heading: "Attendance".into(),
        minutes: MinutesStanding {
            draft: true,
            revision: None,
            line: "Draft".into(),
            header: "Draft".into(),
            changes: None,
        },
        // The meeting and the commitments printed, in the order printed.
        includes: vec![
            Record::Meeting(MeetingId(11)),
            Record::Commitment(CommitmentId(13)),
            Record::Commitment(CommitmentId(12)),
            Record::Commitment(CommitmentId(14)),
        ],
        refusals: Vec::new(),
    };
    assert_eq!(summary, expected);
}

#[test]
fn restricted_notes_only_when_asked() {
    let register = sample::register().unwrap();
    let options = SummaryOptions {
        include_restricted: true,
        ..SummaryOptions::default()
    };
    let summary =
        report::meeting_summary(&register, SAMPLE_MEETING, &options, crate::common::today())
            .unwrap();
    assert_eq!(
        summary.restricted_notes.as_deref(),
        Some(
            "Discretion: the specific details of these discussions are not to be commented on until the conditions of the necessary ceasefire are clear."
        )
    );
}

#[test]
fn sections_left_out_and_their_markings_with_them() {
    let register = sample::register().unwrap();
    let options = SummaryOptions {
        attendance: false,
        agenda: false,
        decisions: false,
        actions: false,
        commitments: false,
        statement: false,
        notes: false,
        include_restricted: false,
        change_log: false,
        paper: Paper::Letter,
        edition: None,
    };
    let summary =
        report::meeting_summary(&register, SAMPLE_MEETING, &options, crate::common::today())
            .unwrap();
    assert_eq!(summary.attendance, None);
    assert_eq!(summary.apologies, None);
    assert_eq!(summary.agenda, None);
    assert_eq!(summary.decisions, None);
    assert_eq!(summary.actions, None);
    assert_eq!(summary.commitments, None);
    assert_eq!(summary.firm_totals, None);
    assert_eq!(summary.money, None);
    assert_eq!(summary.statement, None);
    assert_eq!(summary.notes, None);
    assert_eq!(summary.paper, Paper::Letter);
    // Without the OFFICIAL-SENSITIVE commitment, only the meeting's own marking.
    assert_eq!(summary.marking, "OFFICIAL");
}

#[test]
fn unknown_meeting_is_an_error() {
    let register = sample::register().unwrap();
    assert!(matches!(
        report::meeting_summary(
            &register,
            MeetingId(999),
            &SummaryOptions::default(),
            crate::common::today()
        ),
        Err(report::ReportError::NoSuchMeeting(MeetingId(999)))
    ));
}

#[test]
fn attendance_record_of_the_sample_series() {
    let register = sample::register().unwrap();
    let record = report::attendance_record(&register, SeriesId(9), crate::common::today()).unwrap();
    assert_eq!(record.series, "Defence ministers");
    assert_eq!(record.marking, "OFFICIAL");
    assert_eq!(record.sessions.len(), 1);
    assert_eq!(record.sessions[0].date, "10 April 2025");
    let rows: Vec<(&str, &[Presence], usize)> = record
        .rows
        .iter()
        .map(|r| (r.participant.as_str(), r.presence.as_slice(), r.attended))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("France", &[Presence::Present][..], 1),
            ("Ukraine", &[Presence::NotRecorded][..], 0),
            ("United Kingdom", &[Presence::Present][..], 1),
            ("Council of the European Union", &[Presence::Present][..], 1),
            ("European Commission", &[Presence::Present][..], 1),
            ("NATO", &[Presence::Present][..], 1),
        ]
    );
}
