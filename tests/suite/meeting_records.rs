//! Recording a meeting quickly, in the core: the next session of a series
//! (title, number counted from the sessions that exist, time, place,
//! format, convenors), everyone expected marked present, the previous
//! session's attendance taken over, a new delegate registered and seated —
//! each one edit that one undo takes back.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::{self, Edit};
use coalition_desk::model::{
    Attendance, AttendanceStatus, Meeting, MeetingFormat, MeetingId, MeetingState, ParticipantId,
    Person, PersonId, Register, Role, SeriesId, SessionSeries,
};
use coalition_desk::new_records;
use coalition_desk::new_records::{next_number, take_series_defaults};

const SERIES: SeriesId = SeriesId(1);
const FIRST: MeetingId = MeetingId(20);
const SECOND: MeetingId = MeetingId(21);
const AMBASSADOR: PersonId = PersonId(30);
const FORMER: PersonId = PersonId(31);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn attendance(status: AttendanceStatus, delegates: &[PersonId]) -> Attendance {
    Attendance {
        status,
        delegates: delegates.to_vec(),
        note: "left early".into(),
        ..Attendance::default()
    }
}

/// A series with no time or place of its own, and two unnumbered held
/// sessions: the second held in Paris, virtual, with three delegations.
fn register() -> Register {
    let mut r = Register::new("Coalition");
    for (id, name) in [
        (2, "United Kingdom"),
        (3, "France"),
        (4, "Poland"),
        (5, "NATO"),
    ] {
        r.participants.insert(
            ParticipantId(id),
            coalition_desk::model::Participant {
                name: name.into(),
                ..Default::default()
            },
        );
    }
    let role = |participant, to| Role {
        title: "Ambassador".into(),
        participant: ParticipantId(participant),
        from: Some(date(2024, 1, 1)),
        to,
        head_of_delegation: false,
    };
    r.people.insert(
        AMBASSADOR,
        Person {
            name: "Anne Ambassador".into(),
            roles: vec![role(3, None)],
            ..Default::default()
        },
    );
    r.people.insert(
        FORMER,
        Person {
            name: "Frank Former".into(),
            roles: vec![role(4, Some(date(2025, 4, 30)))],
            ..Default::default()
        },
    );
    r.series.insert(
        SERIES,
        SessionSeries {
            name: "Defence ministers".into(),
            convenors: vec![ParticipantId(2), ParticipantId(3)],
            ..SessionSeries::default()
        },
    );
    let session = |day, attendance| Meeting {
        title: "Defence ministers".into(),
        series: Some(SERIES),
        date: date(2025, 4, day),
        state: MeetingState::Held,
        marking: "OFFICIAL".into(),
        attendance,
        ..Meeting::default()
    };
    r.meetings.insert(FIRST, session(3, BTreeMap::new()));
    let mut second = session(
        24,
        BTreeMap::from([
            (
                ParticipantId(3),
                attendance(AttendanceStatus::Present, &[AMBASSADOR]),
            ),
            (
                ParticipantId(4),
                attendance(AttendanceStatus::Represented, &[FORMER]),
            ),
            (
                ParticipantId(5),
                attendance(AttendanceStatus::Apologies, &[]),
            ),
        ]),
    );
    second.location = "Paris".into();
    second.format = MeetingFormat::Virtual;
    second.start = NaiveTime::from_hms_opt(14, 0, 0);
    r.meetings.insert(SECOND, second);
    r.next_id = 40;
    r
}

fn added_meeting(edit: &Edit) -> Meeting {
    match edit {
        Edit::Meeting(_, Some(meeting)) => meeting.clone(),
        other => panic!("expected a new meeting, got {other:?}"),
    }
}

#[test]
fn the_third_session_of_an_unnumbered_series_is_number_three() {
    let r = register();
    assert_eq!(next_number(&r, SERIES, date(2025, 5, 15)), 3);
    let (_, edit) = new_records::meeting_in_series(&r, SERIES, date(2025, 5, 15)).unwrap();
    assert_eq!(added_meeting(&edit).number, Some(3));
}

#[test]
fn the_next_number_stays_above_every_number_given() {
    let mut r = register();
    r.meetings.get_mut(&SECOND).unwrap().number = Some(7);
    assert_eq!(next_number(&r, SERIES, date(2025, 5, 15)), 8);
}

#[test]
fn a_new_session_takes_the_series_and_what_its_last_session_did() {
    let r = register();
    let (id, edit) = new_records::meeting_in_series(&r, SERIES, date(2025, 5, 15)).unwrap();
    assert_eq!(id, MeetingId(40));
    let meeting = added_meeting(&edit);
    assert_eq!(meeting.title, "Defence ministers");
    assert_eq!(meeting.series, Some(SERIES));
    assert_eq!(meeting.date, date(2025, 5, 15));
    assert_eq!(meeting.state, MeetingState::Planned);
    // The series gives no time or place, so the last session's stand.
    assert_eq!(meeting.location, "Paris");
    assert_eq!(meeting.format, MeetingFormat::Virtual);
    assert_eq!(meeting.start, NaiveTime::from_hms_opt(14, 0, 0));
    assert_eq!(meeting.convenors, [ParticipantId(2), ParticipantId(3)]);
    assert!(meeting.attendance.is_empty(), "attendance is the officer's");
}

#[test]
fn putting_a_new_meeting_in_a_series_fills_only_its_blanks() {
    let r = register();
    let mut meeting = Meeting {
        title: new_records::NEW_MEETING_TITLE.into(),
        series: Some(SERIES),
        date: date(2025, 5, 15),
        location: "Lancaster House".into(),
        ..Meeting::default()
    };
    take_series_defaults(&r, &mut meeting, new_records::NEW_MEETING_TITLE);
    assert_eq!(meeting.title, "Defence ministers");
    assert_eq!(meeting.number, Some(3));
    assert_eq!(meeting.location, "Lancaster House", "typed text stays");
    assert_eq!(meeting.start, NaiveTime::from_hms_opt(14, 0, 0));
    assert_eq!(meeting.convenors.len(), 2);
}

fn document_with_third_session() -> (Document, MeetingId) {
    let r = register();
    let (id, edit) = new_records::meeting_in_series(&r, SERIES, date(2025, 5, 15)).unwrap();
    let mut doc = Document::new(r, Origin::Untitled);
    doc.apply(edit).unwrap();
    (doc, id)
}

#[test]
fn copying_the_previous_session_keeps_statuses_and_delegates_still_in_office() {
    let (mut doc, id) = document_with_third_session();
    let mut held = doc.register().meeting(id).unwrap().clone();
    held.state = MeetingState::Held;
    doc.apply(Edit::Meeting(id, Some(held))).unwrap();
    let before = doc.register().clone();

    let edit = edit::copy_previous_attendance(doc.register(), id).unwrap();
    assert_eq!(
        edit::previous_with_attendance(doc.register(), id),
        Some(SECOND)
    );
    doc.apply(edit).unwrap();
    let copied = &doc.register().meeting(id).unwrap().attendance;
    assert_eq!(copied.len(), 3);
    let france = &copied[&ParticipantId(3)];
    assert_eq!(france.status, AttendanceStatus::Present);
    assert_eq!(france.delegates, [AMBASSADOR]);
    assert_eq!(france.note, "", "a note is about one session");
    let poland = &copied[&ParticipantId(4)];
    assert_eq!(poland.status, AttendanceStatus::Represented);
    assert!(
        poland.delegates.is_empty(),
        "Frank Former left office in April"
    );
    assert_eq!(
        copied[&ParticipantId(5)].status,
        AttendanceStatus::Apologies
    );

    assert!(doc.undo());
    assert_eq!(doc.register(), &before, "one undo takes the copy back");
}

#[test]
fn copied_into_a_session_not_yet_held_everyone_is_invited() {
    let (doc, id) = document_with_third_session();
    let Edit::Meeting(_, Some(meeting)) =
        edit::copy_previous_attendance(doc.register(), id).unwrap()
    else {
        panic!("a meeting edit")
    };
    assert!(
        meeting
            .attendance
            .values()
            .all(|a| a.status == AttendanceStatus::Invited)
    );
}

#[test]
fn all_invited_become_present_and_the_meeting_held_in_one_undo_step() {
    let (mut doc, id) = document_with_third_session();
    doc.apply(edit::copy_previous_attendance(doc.register(), id).unwrap())
        .unwrap();
    // One delegation sends apologies before the day.
    let mut meeting = doc.register().meeting(id).unwrap().clone();
    meeting
        .attendance
        .get_mut(&ParticipantId(5))
        .unwrap()
        .status = AttendanceStatus::Apologies;
    doc.apply(Edit::Meeting(id, Some(meeting))).unwrap();
    let before = doc.register().clone();

    assert_eq!(
        edit::expected_delegations(doc.register(), id),
        [ParticipantId(3), ParticipantId(4)]
    );
    // Not before the day: no one has attended a session still to come.
    assert_eq!(
        edit::expected_present(doc.register(), id, date(2025, 5, 14)),
        None
    );
    doc.apply(edit::expected_present(doc.register(), id, date(2025, 5, 15)).unwrap())
        .unwrap();
    let meeting = doc.register().meeting(id).unwrap();
    assert_eq!(meeting.state, MeetingState::Held);
    let statuses: Vec<_> = meeting.attendance.values().map(|a| a.status).collect();
    use AttendanceStatus::*;
    assert_eq!(statuses, [Present, Present, Apologies]);

    assert!(doc.undo());
    assert_eq!(doc.register(), &before);
}

#[test]
fn with_no_invitations_the_series_previous_list_and_convenors_are_expected() {
    let (doc, id) = document_with_third_session();
    // The convenors (2, 3) and whoever the previous session recorded (3, 4, 5).
    let expected: Vec<u64> = edit::expected_delegations(doc.register(), id)
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(expected, [2, 3, 4, 5]);
}

#[test]
fn nothing_to_mark_when_no_delegation_is_expected() {
    let mut r = register();
    r.meetings.get_mut(&FIRST).unwrap().series = None;
    assert_eq!(edit::expected_present(&r, FIRST, date(2025, 5, 15)), None);
}

#[test]
fn a_new_delegate_is_registered_with_a_role_from_the_meeting_and_seated() {
    let (mut doc, id) = document_with_third_session();
    let before = doc.register().clone();
    let edit = edit::add_new_delegate(
        doc.register(),
        id,
        ParticipantId(4),
        "  Piotr Nowak ",
        "Ambassador to NATO",
    )
    .unwrap();
    doc.apply(edit).unwrap();
    let register = doc.register();
    let (&person, nowak) = register
        .people
        .iter()
        .find(|(_, p)| p.name == "Piotr Nowak")
        .unwrap();
    assert_eq!(
        nowak.roles,
        [Role {
            title: "Ambassador to NATO".into(),
            participant: ParticipantId(4),
            from: Some(date(2025, 5, 15)),
            to: None,
            head_of_delegation: false,
        }]
    );
    let row = &register.meeting(id).unwrap().attendance[&ParticipantId(4)];
    assert_eq!(row.delegates, [person]);
    assert_eq!(
        row.status,
        AttendanceStatus::Invited,
        "the session is planned"
    );
    assert!(
        register
            .meeting_problems_of(id, date(2025, 5, 15))
            .is_empty()
    );

    assert!(doc.undo());
    // Ids are never handed out twice, so only the records are compared.
    assert_eq!(doc.register().people, before.people, "the person goes…");
    assert_eq!(
        doc.register().meetings,
        before.meetings,
        "…with their seat, in one undo"
    );
    assert_eq!(
        edit::add_new_delegate(doc.register(), id, ParticipantId(4), "  ", "Ambassador"),
        None,
        "a blank name registers no one"
    );
}

#[test]
fn schedule_this_session_numbers_the_third_session_three() {
    let r = register();
    let occurrence = coalition_desk::calendar::Occurrence {
        series: SERIES,
        cadence_date: date(2025, 5, 15),
        date: date(2025, 5, 15),
        start: None,
        cancelled: false,
    };
    let (_, edit) =
        coalition_desk::new_records::meeting_in_series(&r, occurrence.series, occurrence.date)
            .unwrap();
    let meeting = added_meeting(&edit);
    assert_eq!(meeting.number, Some(3));
    assert_eq!(meeting.location, "Paris");
}
