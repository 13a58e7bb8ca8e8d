//! Attendance on behalf of others, and the one rule for Observer: a
//! stand-in needs no role for the participant they sit for; Represented
//! names who represented it; both reach the summary, the attendance record
//! and the participant's activity; an observer attended, counted alike in
//! the attendance record, the activity line and the dashboard.

use std::path::Path;

use chrono::NaiveDate;
use coalition_desk::edit;
use coalition_desk::model::{
    Attendance, AttendanceStatus, Field, Meeting, MeetingId, MeetingState, Participant,
    ParticipantId, ParticipantKind, Person, PersonId, Record, Register, Role, SeriesId,
    SessionSeries,
};
use coalition_desk::report::{self, Delegate, SummaryOptions};
use coalition_desk::storage;
use coalition_desk::tracking::{attendance_by_participant, participant_activity};

const NORWAY: ParticipantId = ParticipantId(1);
const ICELAND: ParticipantId = ParticipantId(2);
const NETHERLANDS: ParticipantId = ParticipantId(3);
const NATO: ParticipantId = ParticipantId(4);
const JAPAN: ParticipantId = ParticipantId(5);
const SANDVIK: PersonId = PersonId(11);
const NATO_OFFICIAL: PersonId = PersonId(12);
const NORWAY_MINISTER: PersonId = PersonId(13);
const SERIES: SeriesId = SeriesId(20);
const FIRST: MeetingId = MeetingId(30);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    date(2025, 12, 1)
}

fn person(name: &str, title: &str, participant: ParticipantId) -> Person {
    Person {
        name: name.into(),
        roles: vec![Role {
            title: title.into(),
            participant,
            from: Some(date(2024, 1, 1)),
            to: None,
            head_of_delegation: false,
        }],
        ..Person::default()
    }
}

fn line(status: AttendanceStatus) -> Attendance {
    Attendance {
        status,
        ..Attendance::default()
    }
}

/// Three held sessions: Norway present with its minister; Iceland
/// represented by Norway, its State Secretary sitting for Iceland; the
/// Netherlands present with a NATO official sitting for it; Japan an
/// observer each time; NATO sends apologies.
fn register() -> Register {
    let mut r = Register::new("Northern coalition");
    for (id, name, code, kind) in [
        (NORWAY, "Norway", "NOR", ParticipantKind::Nation),
        (ICELAND, "Iceland", "ISL", ParticipantKind::Nation),
        (NETHERLANDS, "Netherlands", "NLD", ParticipantKind::Nation),
        (NATO, "NATO", "NATO", ParticipantKind::Organisation),
        (JAPAN, "Japan", "JPN", ParticipantKind::Nation),
    ] {
        r.participants.insert(
            id,
            Participant {
                name: name.into(),
                code: code.into(),
                kind,
                ..Participant::default()
            },
        );
    }
    r.people
        .insert(SANDVIK, person("Tore Sandvik", "State Secretary", NORWAY));
    r.people.insert(
        NATO_OFFICIAL,
        person("Radmila Shekerinska", "Deputy Secretary General", NATO),
    );
    r.people.insert(
        NORWAY_MINISTER,
        person("Tore O. Sandvik", "Minister of Defence", NORWAY),
    );
    r.series.insert(
        SERIES,
        SessionSeries {
            name: "Defence ministers".into(),
            short_name: "DM".into(),
            ..SessionSeries::default()
        },
    );
    for (n, day) in [date(2025, 4, 10), date(2025, 5, 8), date(2025, 6, 12)]
        .into_iter()
        .enumerate()
    {
        let mut meeting = Meeting {
            title: "Defence ministers".into(),
            series: Some(SERIES),
            number: Some(n as u32 + 1),
            date: day,
            state: MeetingState::Held,
            marking: "OFFICIAL".into(),
            ..Meeting::default()
        };
        meeting.attendance.insert(
            NORWAY,
            Attendance {
                delegates: vec![NORWAY_MINISTER],
                ..line(AttendanceStatus::Present)
            },
        );
        meeting.attendance.insert(
            ICELAND,
            Attendance {
                stand_ins: vec![SANDVIK],
                represented_by: Some(NORWAY),
                ..line(AttendanceStatus::Represented)
            },
        );
        meeting.attendance.insert(
            NETHERLANDS,
            Attendance {
                stand_ins: vec![NATO_OFFICIAL],
                ..line(AttendanceStatus::Present)
            },
        );
        meeting
            .attendance
            .insert(JAPAN, line(AttendanceStatus::Observer));
        meeting
            .attendance
            .insert(NATO, line(AttendanceStatus::Apologies));
        r.meetings.insert(MeetingId(FIRST.0 + n as u64), meeting);
    }
    r.next_id = 40;
    r
}

fn attendance_of(r: &mut Register, participant: ParticipantId) -> &mut Attendance {
    r.meetings
        .get_mut(&FIRST)
        .unwrap()
        .attendance
        .get_mut(&participant)
        .unwrap()
}

fn messages(r: &Register) -> Vec<String> {
    r.validate(today()).into_iter().map(|p| p.message).collect()
}

#[test]
fn someone_sitting_for_another_participant_needs_no_role_for_it() {
    let r = register();
    assert_eq!(messages(&r), Vec::<String>::new());
    // The same person as a delegate of Iceland is what `check` refuses:
    // they hold no role for it.
    let mut as_delegate = register();
    let iceland = attendance_of(&mut as_delegate, ICELAND);
    iceland.stand_ins.clear();
    iceland.delegates.push(SANDVIK);
    assert!(
        messages(&as_delegate)
            .iter()
            .any(|m| m.contains("held no role for it")),
        "{:?}",
        messages(&as_delegate)
    );
}

#[test]
fn check_names_what_is_wrong_with_who_acted_for_whom() {
    let mut r = register();
    attendance_of(&mut r, NETHERLANDS).stand_ins = vec![NATO_OFFICIAL, NATO_OFFICIAL];
    attendance_of(&mut r, NORWAY).stand_ins = vec![NORWAY_MINISTER];
    attendance_of(&mut r, JAPAN).represented_by = Some(NORWAY);
    attendance_of(&mut r, NATO).stand_ins = vec![PersonId(99)];
    let found = r.validate(today());
    let said = |needle: &str| {
        found
            .iter()
            .find(|p| p.message.contains(needle))
            .unwrap_or_else(|| panic!("no problem says {needle:?}: {found:#?}"))
    };
    said("twice as sitting for Netherlands");
    said("both as a delegate of Norway and as sitting for it");
    let japan = said("Japan is recorded as Observer but names Norway as representing it");
    assert_eq!(japan.field, Some(Field::Attendance(JAPAN)));
    assert_eq!(japan.record, Some(Record::Meeting(FIRST)));
    said("lists someone sitting for NATO who is not in the register");

    let mut r = register();
    attendance_of(&mut r, ICELAND).represented_by = Some(ICELAND);
    assert!(
        messages(&r)
            .iter()
            .any(|m| m.contains("represented by itself"))
    );
    let mut r = register();
    attendance_of(&mut r, ICELAND).represented_by = Some(ParticipantId(77));
    assert!(
        messages(&r)
            .iter()
            .any(|m| m.contains("represented by a participant that is not in the register"))
    );
    // Norway cannot represent Iceland at a session it did not take part in.
    let mut r = register();
    attendance_of(&mut r, NORWAY).status = AttendanceStatus::Apologies;
    assert!(
        messages(&r)
            .iter()
            .any(|m| m.contains("whose own attendance does not say it took part")),
        "{:?}",
        messages(&r)
    );
}

#[test]
fn the_summary_prints_who_represented_and_who_sat_for_whom() {
    let r = register();
    let summary = report::meeting_summary(&r, FIRST, &SummaryOptions::default(), today()).unwrap();
    let lines: Vec<_> = summary
        .attendance
        .unwrap()
        .into_iter()
        .flat_map(|group| group.lines)
        .collect();
    let of = |name: &str| lines.iter().find(|l| l.participant == name).unwrap();
    let iceland = of("Iceland");
    assert_eq!(iceland.status, "Represented by Norway");
    assert!(iceland.delegates.is_empty());
    assert_eq!(
        iceland.stand_ins,
        vec![Delegate {
            name: "Tore Sandvik".into(),
            title: "State Secretary, Norway".into(),
        }]
    );
    let netherlands = of("Netherlands");
    assert_eq!(netherlands.status, "Present");
    assert_eq!(
        netherlands.stand_ins,
        vec![Delegate {
            name: "Radmila Shekerinska".into(),
            title: "Deputy Secretary General, NATO".into(),
        }]
    );
    assert!(of("Norway").stand_ins.is_empty());
}

#[test]
fn the_attendance_record_says_who_attended_on_behalf_of_whom() {
    let r = register();
    let record = report::attendance_record(&r, SERIES, today()).unwrap();
    assert_eq!(record.on_behalf.len(), 6, "{:#?}", record.on_behalf);
    assert_eq!(
        record.on_behalf[0],
        "Iceland at No. 1 (10 April 2025): represented by Norway; Tore Sandvik \
         (State Secretary, Norway) sat for it"
    );
    assert_eq!(
        record.on_behalf[3],
        "Netherlands at No. 1 (10 April 2025): Radmila Shekerinska (Deputy Secretary \
         General, NATO) sat for it"
    );
}

#[test]
fn a_participants_activity_counts_who_acted_for_it_and_for_whom_it_acted() {
    let r = register();
    assert_eq!(
        participant_activity(&r, ICELAND).line(&r),
        "Attended 3 meetings (represented by Norway at 3; with a stand-in at 3) · made 0 \
         commitments"
    );
    assert_eq!(
        participant_activity(&r, NORWAY).line(&r),
        "Attended 3 meetings · represented Iceland at 3 · made 0 commitments"
    );
    assert_eq!(
        participant_activity(&r, NETHERLANDS).line(&r),
        "Attended 3 meetings (with a stand-in at 3) · made 0 commitments"
    );
}

#[test]
fn an_observer_attended_and_every_count_says_so() {
    let r = register();
    let record = report::attendance_record(&r, SERIES, today()).unwrap();
    let row = |code: &str| record.rows.iter().find(|row| row.code == code).unwrap();
    assert_eq!((row("JPN").attended, row("JPN").as_observer), (3, 3));
    assert_eq!((row("ISL").attended, row("ISL").as_observer), (3, 0));
    assert_eq!(row("NATO").attended, 0, "apologies are not attendance");
    assert_eq!(
        participant_activity(&r, JAPAN).line(&r),
        "Attended 3 meetings (3 as an observer) · made 0 commitments"
    );
    let dashboard = attendance_by_participant(&r);
    let japan = dashboard.iter().find(|(p, ..)| *p == JAPAN).unwrap();
    assert_eq!(*japan, (JAPAN, 3, 3));
    // The three agree for every participant.
    for row in &record.rows {
        let id = r
            .participants
            .iter()
            .find(|(_, p)| p.code == row.code)
            .map(|(id, _)| *id)
            .unwrap();
        let activity = participant_activity(&r, id);
        let (_, attended, as_observer) = *dashboard.iter().find(|(p, ..)| *p == id).unwrap();
        assert_eq!(
            (row.attended, row.as_observer),
            (activity.attended, activity.as_observer),
            "{}",
            row.participant
        );
        assert_eq!((attended, as_observer), (row.attended, row.as_observer));
    }
}

#[test]
fn a_line_without_anyone_on_behalf_is_written_as_before_and_the_new_fields_round_trip() {
    let path = Path::new("register.ron");
    let mut plain = register();
    for meeting in plain.meetings.values_mut() {
        for attendance in meeting.attendance.values_mut() {
            attendance.stand_ins.clear();
            attendance.represented_by = None;
        }
    }
    let text = storage::to_ron(&plain, path).unwrap();
    assert!(!text.contains("stand_ins"), "{text}");
    assert!(!text.contains("represented_by"), "{text}");
    assert!(text.contains("version: 1,"), "no new format version");

    let full = register();
    let text = storage::to_ron(&full, path).unwrap();
    assert!(text.contains("stand_ins: ["), "{text}");
    assert!(text.contains("represented_by: Some(1)"), "{text}");
    assert_eq!(storage::from_str(&text, path).unwrap().register, full);
}

#[test]
fn deleting_a_person_or_participant_takes_them_off_the_lines_they_acted_on() {
    let mut r = register();
    let refers = r.references_to(Record::Person(SANDVIK));
    assert!(
        refers
            .iter()
            .any(|reference| reference.description.starts_with("the stand-ins of ")),
        "{refers:?}"
    );
    let delete = edit::delete_with_references(&r, Record::Person(SANDVIK));
    edit::apply(&mut r, delete);
    assert!(
        r.meetings
            .values()
            .all(|m| m.attendance[&ICELAND].stand_ins.is_empty())
    );

    let mut r = register();
    let delete = edit::delete_with_references(&r, Record::Participant(NORWAY));
    edit::apply(&mut r, delete);
    assert!(
        r.meetings
            .values()
            .all(|m| m.attendance[&ICELAND].represented_by.is_none())
    );
    assert_eq!(messages(&r), Vec::<String>::new());
}
