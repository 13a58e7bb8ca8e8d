//! No document misstates its marking or its attendance: a record whose
//! marking cannot be ranked refuses the documents that include it (and only
//! those), other problems of included records are warnings, nothing
//! unrecorded prints as "Absent", and invitations never count as attendance.

use coalition_desk::model::{
    Attendance, AttendanceStatus, CommitmentId, Meeting, MeetingId, MeetingState, PersonId, Record,
    SeriesId, SessionSeries,
};
use coalition_desk::report::{self, Clearance, Presence, PrintEngine, ReportError, SummaryOptions};
use coalition_desk::tracking::{self, TrackingError};

use crate::common::{FRA, GBR, MINISTERS, NATO, UKR, date, register, today};

const MISSILES: CommitmentId = CommitmentId(20);

fn summary_refusals(register: &coalition_desk::model::Register) -> Vec<String> {
    report::meeting_summary(
        register,
        MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap()
    .refusals
}

#[test]
fn an_unknown_marking_on_an_included_commitment_refuses_the_summary() {
    let mut r = register();
    r.commitments.get_mut(&MISSILES).unwrap().marking = "OFFICIAL-SENSITVE".into();
    let summary = report::meeting_summary(
        &r,
        MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    assert_eq!(
        summary.refusals,
        vec![
            "The commitment \u{201c}Air defence missiles\u{201d} of United Kingdom is marked \
             \u{201c}OFFICIAL-SENSITVE\u{201d}, which is not one of the register's levels \
             (OFFICIAL, OFFICIAL-SENSITIVE, SECRET), so the document's marking cannot be worked out"
                .to_string()
        ]
    );
    // The engine itself refuses: no path through it prints such a summary.
    let engine = PrintEngine::new().unwrap();
    match engine.meeting_summary_pdf(&summary) {
        Err(ReportError::Refused(lines)) => assert_eq!(lines, summary.refusals),
        other => panic!("expected a refusal, got {:?}", other.map(|pdf| pdf.len())),
    }
}

#[test]
fn a_meeting_without_a_marking_refuses_its_summary() {
    let mut r = register();
    r.meetings.get_mut(&MINISTERS).unwrap().marking = String::new();
    assert_eq!(
        summary_refusals(&r),
        vec![
            "The meeting \u{201c}Defence ministers\u{201d} (2025-04-10) has no protective \
             marking, so the document's marking cannot be worked out; give it one of \
             OFFICIAL, OFFICIAL-SENSITIVE, SECRET"
                .to_string()
        ]
    );
}

#[test]
fn records_the_document_leaves_out_do_not_block_it() {
    let mut r = register();
    r.commitments.get_mut(&MISSILES).unwrap().marking = "TOP SEKRET".into();
    // Without the commitments section the bad commitment is not included.
    let options = SummaryOptions {
        commitments: false,
        ..SummaryOptions::default()
    };
    let summary = report::meeting_summary(&r, MINISTERS, &options, crate::common::today()).unwrap();
    assert!(summary.refusals.is_empty(), "{:?}", summary.refusals);
    // Another meeting's bad marking does not matter to this one.
    let mut r = register();
    r.meetings.insert(
        MeetingId(11),
        Meeting {
            title: "Chiefs of defence".into(),
            date: date(2025, 5, 1),
            marking: "WHATEVER".into(),
            ..Meeting::default()
        },
    );
    assert!(summary_refusals(&r).is_empty());
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(
            &report::meeting_summary(
                &r,
                MINISTERS,
                &SummaryOptions::default(),
                crate::common::today(),
            )
            .unwrap(),
        )
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn other_problems_of_included_records_are_warnings() {
    let mut r = register();
    r.meetings
        .get_mut(&MINISTERS)
        .unwrap()
        .chairs
        .push(PersonId(999));
    let summary = report::meeting_summary(
        &r,
        MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let clearance = Clearance::of(&r, &summary.includes, today());
    assert!(clearance.allows());
    assert!(
        clearance
            .warnings
            .iter()
            .any(|w| w.contains("chaired by a person who is not in the register")),
        "{:?}",
        clearance.warnings
    );
    // With a bad marking as well, the marking is a refusal, not also a warning.
    r.meetings.get_mut(&MINISTERS).unwrap().marking = "OFICIAL".into();
    let clearance = Clearance::of(&r, &summary.includes, today());
    assert_eq!(clearance.refusals.len(), 1);
    assert!(
        clearance.warnings.iter().all(|w| !w.contains("OFICIAL")),
        "{:?}",
        clearance.warnings
    );
}

#[test]
fn the_attendance_record_refuses_a_session_with_an_unknown_marking() {
    let mut r = register();
    r.series.insert(SeriesId(9), SessionSeries::default());
    let meeting = r.meetings.get_mut(&MINISTERS).unwrap();
    meeting.series = Some(SeriesId(9));
    meeting.marking = "RESTRICTED".into();
    let record = report::attendance_record(&r, SeriesId(9), crate::common::today()).unwrap();
    assert_eq!(record.includes, vec![Record::Meeting(MINISTERS)]);
    assert_eq!(record.refusals.len(), 1, "{:?}", record.refusals);
    assert!(matches!(
        PrintEngine::new().unwrap().attendance_pdf(&record),
        Err(ReportError::Refused(_))
    ));
}

#[test]
fn the_commitments_csv_is_refused_while_a_marking_cannot_be_ranked() {
    let mut r = register();
    r.commitments.get_mut(&MISSILES).unwrap().marking = String::new();
    match tracking::export_commitments(&r, today()) {
        Err(TrackingError::Refused(lines)) => {
            assert_eq!(lines.len(), 1);
            assert!(lines[0].contains("Air defence missiles"), "{lines:?}");
        }
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
}

/// A series of two held sessions and one planned, with a participant that
/// joined between the two and one that joined after both.
fn series_register() -> coalition_desk::model::Register {
    let mut r = register();
    r.series.insert(
        SeriesId(9),
        SessionSeries {
            name: "Defence ministers".into(),
            ..SessionSeries::default()
        },
    );
    r.meetings.get_mut(&MINISTERS).unwrap().series = Some(SeriesId(9));
    let attendance = |status| Attendance {
        status,
        ..Attendance::default()
    };
    let mut second = Meeting {
        title: "Defence ministers".into(),
        series: Some(SeriesId(9)),
        date: date(2025, 5, 8),
        state: MeetingState::Held,
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    };
    second
        .attendance
        .insert(GBR, attendance(AttendanceStatus::Present));
    second
        .attendance
        .insert(FRA, attendance(AttendanceStatus::Invited));
    r.meetings.insert(MeetingId(11), second);
    let mut planned = Meeting {
        title: "Defence ministers".into(),
        series: Some(SeriesId(9)),
        date: date(2025, 6, 12),
        state: MeetingState::Planned,
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    };
    planned
        .attendance
        .insert(GBR, attendance(AttendanceStatus::Confirmed));
    planned
        .attendance
        .insert(UKR, attendance(AttendanceStatus::Invited));
    planned
        .attendance
        .insert(FRA, attendance(AttendanceStatus::Apologies));
    r.meetings.insert(MeetingId(12), planned);
    // NATO joined between the two held sessions.
    r.participants.get_mut(&NATO).unwrap().joined = Some(date(2025, 5, 1));
    r
}

#[test]
fn the_attendance_record_says_not_recorded_and_leaves_out_later_members() {
    let mut r = series_register();
    let mut late = r.participants[&FRA].clone();
    late.name = "Latecomer".into();
    late.code = "LTC".into();
    late.joined = Some(date(2025, 9, 1));
    r.participants
        .insert(coalition_desk::model::ParticipantId(8), late);
    let record = report::attendance_record(&r, SeriesId(9), crate::common::today()).unwrap();
    // Only held sessions are columns.
    assert_eq!(record.sessions.len(), 2);
    let rows: Vec<(&str, Vec<Presence>, usize)> = record
        .rows
        .iter()
        .map(|row| (row.participant.as_str(), row.presence.clone(), row.attended))
        .collect();
    use Presence::*;
    assert_eq!(
        rows,
        vec![
            // An invitation to a session that was then held is not attendance.
            ("France", vec![Present, NotRecorded], 1),
            ("United Kingdom", vec![Present, Present], 2),
            ("Україна", vec![Present, NotRecorded], 1),
            ("NATO", vec![NotYetJoined, NotRecorded], 0),
        ]
    );
    assert!(record.has_not_yet_joined);
    let pdf = PrintEngine::new().unwrap().attendance_pdf(&record).unwrap();
    let text = crate::report_pdf::pages(&pdf).concat();
    assert!(text.contains("Notrecorded"), "{text}");
    assert!(!text.contains("Absent"), "{text}");
    assert!(!text.contains("Latecomer"), "{text}");
}

#[test]
fn a_planned_session_prints_its_expected_delegations() {
    let r = series_register();
    let summary = report::meeting_summary(
        &r,
        MeetingId(12),
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    assert_eq!(summary.attendance_heading, "Expected delegations");
    let lines: Vec<(String, String)> = summary
        .attendance
        .unwrap()
        .into_iter()
        .flat_map(|group| group.lines)
        .map(|line| (line.participant, line.status))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("United Kingdom".to_string(), "Confirmed".to_string()),
            ("Україна".to_string(), "Invited".to_string()),
        ]
    );
    assert_eq!(summary.apologies.unwrap(), vec!["France".to_string()]);
    // A held session lists who came; an invitation left over is not listed.
    let held = report::meeting_summary(
        &r,
        MeetingId(11),
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    assert_eq!(held.attendance_heading, "Attendance");
    let names: Vec<String> = held
        .attendance
        .unwrap()
        .into_iter()
        .flat_map(|group| group.lines)
        .map(|line| line.participant)
        .collect();
    assert_eq!(names, vec!["United Kingdom".to_string()]);
}

#[test]
fn invitations_are_never_counted_as_attendance() {
    let r = series_register();
    let planned = &r.meetings[&MeetingId(12)];
    assert!(!planned.attended_by(GBR));
    assert_eq!(planned.attended_count(), 0);
    // Even "Present" at a planned session counts for no one until it is held.
    let mut r = r;
    let planned = r.meetings.get_mut(&MeetingId(12)).unwrap();
    planned.attendance.get_mut(&GBR).unwrap().status = AttendanceStatus::Present;
    assert!(!planned.attended_by(GBR));
    planned.state = MeetingState::Held;
    assert!(planned.attended_by(GBR));
    let trace = coalition_desk::calendar::timeline::participant_trace(&r, UKR);
    assert!(!trace.attended.contains(&MeetingId(12)));
}

#[test]
fn the_print_preview_names_the_refusal_and_disables_save_and_print() {
    use coalition_desk::ui::Command;
    use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
    use egui_kittest::kittest::{NodeT, Queryable};

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    let typo = coalition_desk::sample::SAMPLE_RON.replacen(
        "marking: \"OFFICIAL-SENSITIVE\"",
        "marking: \"OFFICIAL-SENSITVE\"",
        1,
    );
    std::fs::write(&path, &typo).unwrap();
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::File(path), today());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // The print preview's pages arrive from a worker thread, each with a
        // repaint, so how many frames settle it depends on the machine's load.
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
        .state_mut()
        .command(Command::PrintSummary(MeetingId(11)));
    harness.run();
    harness.get_by_label_contains("cannot be printed or saved until these are fixed");
    harness.get_by_label_contains("\u{201c}OFFICIAL-SENSITVE\u{201d}");
    for button in ["Save PDF…", "Print"] {
        assert!(
            harness.get_by_label(button).accesskit_node().is_disabled(),
            "{button} is disabled"
        );
    }
    // Looking did not change the register.
    assert!(!harness.state().workspace().document.is_dirty());
}

#[test]
fn the_calendar_is_refused_while_a_meeting_marking_cannot_be_ranked() {
    use chrono::TimeZone;
    let mut r = register();
    r.meetings.get_mut(&MINISTERS).unwrap().marking = "OFFICAL".into();
    let stamp = chrono::Utc.with_ymd_and_hms(2025, 6, 1, 12, 0, 0).unwrap();
    match coalition_desk::calendar::calendar_ics(&r, stamp) {
        Err(coalition_desk::calendar::CalendarError::Refused(lines)) => {
            assert_eq!(lines.len(), 1);
            assert!(lines[0].contains("\u{201c}OFFICAL\u{201d}"), "{lines:?}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    r.meetings.get_mut(&MINISTERS).unwrap().marking = "OFFICIAL".into();
    assert!(coalition_desk::calendar::calendar_ics(&r, stamp).is_ok());
}

#[test]
fn the_since_last_session_brief_is_refused_for_a_commitment_it_names() {
    let mut r = register();
    r.commitments.get_mut(&MISSILES).unwrap().marking = "OFFICIAL-SENSITVE".into();
    let changes = tracking::since_last_session(&r, MINISTERS).unwrap();
    assert!(changes.includes().contains(&Record::Commitment(MISSILES)));
    assert!(matches!(
        tracking::since::changes_csv(&r, &changes),
        Err(TrackingError::Refused(_))
    ));
    r.commitments.get_mut(&MISSILES).unwrap().marking = "OFFICIAL".into();
    assert!(tracking::since::changes_csv(&r, &changes).is_ok());
}
