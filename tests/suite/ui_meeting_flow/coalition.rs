//! The coalition the flow records a meeting of: 31 nations with their
//! ministers, a series with two sessions.

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::model::{
    Attendance, AttendanceStatus, Meeting, MeetingFormat, MeetingId, MeetingState, Participant,
    ParticipantId, ParticipantKind, Person, PersonId, Register, Role, SeriesId, SessionSeries,
};

pub const NATIONS: [&str; 31] = [
    "Australia",
    "Belgium",
    "Canada",
    "Croatia",
    "Czechia",
    "Denmark",
    "Estonia",
    "Finland",
    "France",
    "Germany",
    "Greece",
    "Iceland",
    "Ireland",
    "Italy",
    "Latvia",
    "Lithuania",
    "Luxembourg",
    "Netherlands",
    "New Zealand",
    "Norway",
    "Poland",
    "Portugal",
    "Romania",
    "Slovenia",
    "Spain",
    "Sweden",
    "Turkey",
    "Ukraine",
    "United Kingdom",
    "Austria",
    "Albania",
];
pub const SERIES: SeriesId = SeriesId(500);
pub const NEW_MEETING: MeetingId = MeetingId(600);
const FIRST_PERSON: u64 = 100;

pub fn nation(name: &str) -> ParticipantId {
    let i = NATIONS.iter().position(|n| *n == name).unwrap();
    ParticipantId(1 + i as u64)
}

pub fn minister(name: &str) -> PersonId {
    PersonId(FIRST_PERSON + nation(name).0)
}

/// 31 nations, each with a minister, plus two not in the series; the
/// series meets at Lancaster House; its two sessions were never numbered,
/// and the second was attended by all 31 ministers.
pub fn register() -> Register {
    let mut r = Register::new("Coalition of the willing");
    for (i, name) in NATIONS.iter().enumerate() {
        let id = ParticipantId(1 + i as u64);
        r.participants.insert(
            id,
            Participant {
                name: (*name).into(),
                code: name.get(..3).unwrap().to_uppercase(),
                kind: ParticipantKind::Nation,
                ..Participant::default()
            },
        );
        r.people.insert(
            PersonId(FIRST_PERSON + id.0),
            Person {
                name: format!("Minister of {name}"),
                roles: vec![Role {
                    title: "Minister of Defence".into(),
                    participant: id,
                    from: NaiveDate::from_ymd_opt(2024, 1, 1),
                    to: None,
                    head_of_delegation: false,
                }],
                ..Person::default()
            },
        );
    }
    for (id, name) in [(40, "Japan"), (41, "Korea")] {
        r.participants.insert(
            ParticipantId(id),
            Participant {
                name: name.into(),
                ..Participant::default()
            },
        );
    }
    r.series.insert(
        SERIES,
        SessionSeries {
            name: "Defence ministers".into(),
            start: NaiveTime::from_hms_opt(10, 0, 0),
            end: NaiveTime::from_hms_opt(12, 0, 0),
            location: "Lancaster House, London".into(),
            format: MeetingFormat::Hybrid,
            convenors: vec![nation("United Kingdom"), nation("France")],
            ..SessionSeries::default()
        },
    );
    let session = |month, title: &str, attendance| Meeting {
        title: title.into(),
        series: Some(SERIES),
        date: NaiveDate::from_ymd_opt(2026, month, 10).unwrap(),
        state: MeetingState::Held,
        marking: "OFFICIAL".into(),
        attendance,
        ..Meeting::default()
    };
    r.meetings.insert(
        MeetingId(501),
        session(9, "Ministers in September", Default::default()),
    );
    let all = NATIONS
        .iter()
        .map(|n| {
            let row = Attendance {
                status: AttendanceStatus::Present,
                delegates: vec![minister(n)],
                ..Attendance::default()
            };
            (nation(n), row)
        })
        .collect();
    r.meetings
        .insert(MeetingId(502), session(10, "Ministers in October", all));
    r.next_id = NEW_MEETING.0;
    r
}
