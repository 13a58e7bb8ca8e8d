//! The `.ics` export as another reader sees it: the file is parsed with the
//! `ical` crate (not the `icalendar` crate that wrote it), each series'
//! RRULE and EXDATEs are expanded from the text read back, RECURRENCE-ID
//! overrides are applied as RFC 5545 says, and the sessions that come out
//! are compared, series by series, with the register's own: moves,
//! cancellations, UNTIL and daylight-saving changes in London and New York.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use coalition_desk::calendar::{calendar_ics, occurrences};
use coalition_desk::model::{
    Meeting, MeetingId, MeetingState, OccurrenceChange, Register, SeriesException, SeriesId,
    SessionSeries,
};
use ical::parser::ical::component::IcalEvent;

mod off_cadence;
mod reader;
use reader::{Session, horizon, one, param, parse, properties, session, sessions_read_back, uid};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(hour: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(hour, 0, 0)
}

fn moved(from: NaiveDate, to: NaiveDate) -> SeriesException {
    SeriesException {
        occurrence: from,
        change: OccurrenceChange::MovedTo(to),
    }
}

fn cancelled(on: NaiveDate) -> SeriesException {
    SeriesException {
        occurrence: on,
        change: OccurrenceChange::Cancelled,
    }
}

fn series(
    name: &str,
    cadence: &str,
    first: NaiveDate,
    start: Option<NaiveTime>,
    zone: Tz,
    exceptions: Vec<SeriesException>,
) -> SessionSeries {
    SessionSeries {
        name: name.into(),
        cadence: cadence.into(),
        first: Some(first),
        start,
        end: start.map(|s| s + chrono::Duration::hours(2)),
        time_zone: zone,
        location: "Northwood".into(),
        exceptions,
        ..SessionSeries::default()
    }
}

fn session_of(series: SeriesId, day: NaiveDate, start: Option<NaiveTime>, zone: Tz) -> Meeting {
    Meeting {
        title: "Scheduled session".into(),
        series: Some(series),
        date: day,
        start,
        end: start.map(|s| s + chrono::Duration::hours(2)),
        time_zone: zone,
        state: MeetingState::Planned,
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    }
}

/// Five series: London monthly with UNTIL across both summer-time changes,
/// a cancellation, two moves (one already a meeting) and two held
/// sessions; New York fortnightly with COUNT across November's change and
/// a move; New York weekly at 19:00 until 31 December (19:00 in New York
/// is already 1 January in UTC); an all-day London series with UNTIL, a
/// cancellation and a move; an endless London weekly series with a move.
fn register() -> Register {
    let mut r = Register::new("Coalition of the Willing");
    let london = Tz::Europe__London;
    let new_york = Tz::America__New_York;
    let all = [
        series(
            "Defence ministers",
            "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231",
            date(2025, 1, 9),
            at(10),
            london,
            vec![
                cancelled(date(2025, 6, 12)),
                moved(date(2025, 7, 10), date(2025, 7, 11)),
                moved(date(2025, 11, 13), date(2025, 11, 12)),
            ],
        ),
        series(
            "Chiefs of Defence planning",
            "FREQ=WEEKLY;INTERVAL=2;COUNT=8",
            date(2025, 9, 18),
            at(9),
            new_york,
            vec![moved(date(2025, 10, 30), date(2025, 10, 31))],
        ),
        series(
            "Capability leads",
            "FREQ=WEEKLY;UNTIL=20251231",
            date(2025, 10, 1),
            at(19),
            new_york,
            vec![cancelled(date(2025, 11, 26))],
        ),
        series(
            "Secretariat review",
            "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20250601",
            date(2025, 1, 1),
            None,
            london,
            vec![
                cancelled(date(2025, 3, 1)),
                moved(date(2025, 4, 1), date(2025, 4, 2)),
            ],
        ),
        series(
            "Liaison officers",
            "FREQ=WEEKLY",
            date(2026, 1, 8),
            at(14),
            london,
            vec![moved(date(2026, 3, 26), date(2026, 3, 27))],
        ),
    ];
    for (n, s) in all.into_iter().enumerate() {
        r.series.insert(SeriesId(n as u64 + 1), s);
    }
    let meetings = [
        session_of(SeriesId(1), date(2025, 1, 9), at(10), london),
        session_of(SeriesId(1), date(2025, 4, 10), at(10), london),
        // The moved November session, already scheduled on its new day.
        session_of(SeriesId(1), date(2025, 11, 12), at(10), london),
        session_of(SeriesId(2), date(2025, 11, 13), at(9), new_york),
    ];
    for (n, m) in meetings.into_iter().enumerate() {
        r.meetings.insert(MeetingId(n as u64 + 10), m);
    }
    r.next_id = 20;
    r
}

fn export(register: &Register) -> String {
    let stamp = Utc.with_ymd_and_hms(2025, 1, 2, 12, 0, 0).unwrap();
    calendar_ics(register, stamp).unwrap()
}

/// The register's own sessions of each series: the calendar module's
/// occurrences (cancelled ones out, those already meetings out) plus the
/// series' meetings.
fn sessions_of_register(register: &Register) -> BTreeMap<SeriesId, Vec<Session>> {
    let mut all = BTreeMap::new();
    for (&id, series) in &register.series {
        let meetings: Vec<&Meeting> = register
            .meetings
            .values()
            .filter(|m| m.series == Some(id))
            .collect();
        let taken = |day: NaiveDate| meetings.iter().any(|m| m.date == day);
        let mut sessions: Vec<Session> = occurrences(
            id,
            series,
            series.first.unwrap(),
            horizon() - chrono::Days::new(1),
        )
        .unwrap()
        .into_iter()
        .filter(|o| !o.cancelled && !taken(o.date) && !taken(o.cadence_date))
        .map(|o| match o.start {
            Some(start) => start
                .with_timezone(&Utc)
                .format("%Y-%m-%dT%H:%MZ")
                .to_string(),
            None => o.date.to_string(),
        })
        .collect();
        for m in meetings {
            sessions.push(match m.start {
                Some(time) => m
                    .time_zone
                    .from_local_datetime(&m.date.and_time(time))
                    .single()
                    .unwrap()
                    .with_timezone(&Utc)
                    .format("%Y-%m-%dT%H:%MZ")
                    .to_string(),
                None => m.date.to_string(),
            });
        }
        sessions.sort();
        all.insert(id, sessions);
    }
    all
}

#[test]
fn every_series_reads_back_as_the_registers_own_sessions() {
    let register = register();
    let read = sessions_read_back(&register, &export(&register));
    let own = sessions_of_register(&register);
    for (id, sessions) in &own {
        assert_eq!(
            read.get(id),
            Some(sessions),
            "series {} ({})",
            id.0,
            register.series[id].name
        );
    }
    assert_eq!(read.len(), own.len());
}

#[test]
fn moves_cancellations_and_summer_time_as_a_reader_sees_them() {
    let register = register();
    let read = sessions_read_back(&register, &export(&register));
    let ministers = &read[&SeriesId(1)];
    // London: 10:00 GMT is 10:00Z in winter, 09:00Z in summer.
    assert_eq!(
        ministers,
        &[
            "2025-01-09T10:00Z", // a meeting
            "2025-02-13T10:00Z",
            "2025-03-13T10:00Z",
            "2025-04-10T09:00Z", // a meeting, in summer time
            "2025-05-08T09:00Z",
            // 12 June cancelled; 10 July moved to the 11th.
            "2025-07-11T09:00Z",
            "2025-08-14T09:00Z",
            "2025-09-11T09:00Z",
            "2025-10-09T09:00Z",
            // 13 November moved to the 12th, which is a meeting: once.
            "2025-11-12T10:00Z",
            "2025-12-11T10:00Z",
        ]
    );
    let chiefs = &read[&SeriesId(2)];
    assert_eq!(chiefs.len(), 8, "COUNT=8: {chiefs:?}");
    assert!(chiefs.contains(&"2025-10-16T13:00Z".to_string()), "EDT");
    assert!(chiefs.contains(&"2025-10-31T13:00Z".to_string()), "moved");
    assert!(!chiefs.contains(&"2025-10-30T13:00Z".to_string()));
    assert!(chiefs.contains(&"2025-11-13T14:00Z".to_string()), "EST");
    let leads = &read[&SeriesId(3)];
    assert_eq!(
        leads.last().map(String::as_str),
        Some("2026-01-01T00:00Z"),
        "19:00 in New York on 31 December is within UNTIL=20251231"
    );
    assert!(
        !leads.contains(&"2025-11-27T00:00Z".to_string()),
        "cancelled"
    );
    let review = &read[&SeriesId(4)];
    assert_eq!(
        review,
        &[
            "2025-01-01",
            "2025-02-01",
            "2025-04-02",
            "2025-05-01",
            "2025-06-01"
        ]
    );
}

#[test]
fn until_is_written_in_utc_when_the_start_has_a_time_zone() {
    let mut register = register();
    register.series.get_mut(&SeriesId(5)).unwrap().cadence =
        "FREQ=WEEKLY;UNTIL=20260731T225959Z".into();
    let calendar = parse(&export(&register));
    let rule_of = |id: u64| {
        let prefix = format!("series-{id}@");
        calendar
            .events
            .iter()
            .filter(|e| uid(e).starts_with(&prefix))
            .find_map(|e| one(e, "RRULE").and_then(|p| p.value.clone()))
            .unwrap()
    };
    // The end of 31 December in London (GMT) and in New York (EST).
    assert_eq!(rule_of(1), "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231T235959Z");
    assert_eq!(rule_of(3), "FREQ=WEEKLY;UNTIL=20260101T045959Z");
    assert_eq!(
        rule_of(4),
        "FREQ=MONTHLY;BYMONTHDAY=1;UNTIL=20250601",
        "an all-day series starts on a DATE, so its UNTIL is a DATE"
    );
    assert_eq!(rule_of(5), "FREQ=WEEKLY;UNTIL=20260731T225959Z", "kept");
    assert_eq!(
        register.series[&SeriesId(1)].cadence,
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231",
        "the register keeps what the officer wrote"
    );
    // A summer date in London ends at 22:59:59 UTC.
    register.series.get_mut(&SeriesId(1)).unwrap().cadence =
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20250731".into();
    let calendar = parse(&export(&register));
    let base = calendar
        .events
        .iter()
        .find(|e| uid(e).starts_with("series-1@") && one(e, "RECURRENCE-ID").is_none())
        .unwrap();
    assert_eq!(
        one(base, "RRULE").unwrap().value.as_deref(),
        Some("FREQ=MONTHLY;BYDAY=2TH;UNTIL=20250731T225959Z")
    );
}

#[test]
fn a_moved_session_is_an_override_and_never_also_an_exdate() {
    let register = register();
    let calendar = parse(&export(&register));
    let base = calendar
        .events
        .iter()
        .find(|e| uid(e).starts_with("series-1@") && one(e, "RECURRENCE-ID").is_none())
        .unwrap();
    let mut exdates: Vec<Session> = properties(base, "EXDATE")
        .into_iter()
        .map(session)
        .collect();
    exdates.sort();
    assert_eq!(
        exdates,
        [
            "2025-01-09T10:00Z", // a meeting
            "2025-04-10T09:00Z", // a meeting
            "2025-06-12T09:00Z", // cancelled
            "2025-11-13T10:00Z", // moved onto a meeting's day
        ]
    );
    let overrides: Vec<&IcalEvent> = calendar
        .events
        .iter()
        .filter(|e| uid(e) == uid(base) && one(e, "RECURRENCE-ID").is_some())
        .collect();
    assert_eq!(overrides.len(), 1);
    let moved = overrides[0];
    let recurrence_id = one(moved, "RECURRENCE-ID").unwrap();
    assert_eq!(recurrence_id.value.as_deref(), Some("20250710T100000"));
    assert_eq!(
        param(recurrence_id, "TZID").as_deref(),
        Some("Europe/London")
    );
    assert_eq!(
        one(moved, "DTSTART").unwrap().value.as_deref(),
        Some("20250711T100000")
    );
    assert_eq!(
        one(moved, "LOCATION").unwrap().value.as_deref(),
        Some("Northwood")
    );
}
