//! Session series in time: cadence expansion (month ends, nth weekdays,
//! exceptions, daylight-saving changes), scheduling with carried-over
//! actions, and the .ics export read back by an independent parser.

use chrono::{NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use coalition_desk::calendar::{
    Cadence, CadenceEnd, Rhythm, calendar_ics, occurrences, projected_sessions, schedule_session,
};
use coalition_desk::edit::Edit;
use coalition_desk::model::{
    ActionItem, Meeting, MeetingId, MeetingState, OccurrenceChange, ParticipantId, Register,
    SeriesException, SeriesId, SessionSeries,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn series(cadence: &str, first: NaiveDate) -> SessionSeries {
    SessionSeries {
        name: "Defence ministers".into(),
        cadence: cadence.into(),
        first: Some(first),
        start: NaiveTime::from_hms_opt(10, 0, 0),
        end: NaiveTime::from_hms_opt(12, 0, 0),
        time_zone: Tz::Europe__London,
        location: "Northwood".into(),
        convenors: vec![ParticipantId(1), ParticipantId(2)],
        ..SessionSeries::default()
    }
}

fn dates(s: &SessionSeries, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    occurrences(SeriesId(1), s, from, to)
        .unwrap()
        .into_iter()
        .filter(|o| !o.cancelled)
        .map(|o| o.date)
        .collect()
}

#[test]
fn cadence_round_trips_through_rrule_text() {
    let cases = [
        Cadence {
            rhythm: Rhythm::Weekly,
            interval: 2,
            end: CadenceEnd::Count(6),
        },
        Cadence {
            rhythm: Rhythm::MonthlyOnDay(-1),
            interval: 1,
            end: CadenceEnd::Never,
        },
        Cadence {
            rhythm: Rhythm::MonthlyOnWeekday {
                nth: 2,
                weekday: chrono::Weekday::Thu,
            },
            interval: 1,
            end: CadenceEnd::Until(date(2025, 12, 31)),
        },
    ];
    for cadence in cases {
        assert_eq!(Cadence::parse(&cadence.to_rrule()), Some(cadence));
    }
    assert_eq!(cases[0].to_rrule(), "FREQ=WEEKLY;INTERVAL=2;COUNT=6");
    assert_eq!(
        cases[2].to_rrule(),
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231",
        "the register keeps the last day; the export writes it in UTC"
    );
    assert_eq!(
        Cadence::parse("FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231T235959Z"),
        Some(cases[2]),
        "a UTC UNTIL reads as its day"
    );
    assert_eq!(
        cases[2].describe(),
        "Every month on the 2nd Thu, until 2025-12-31"
    );
    assert_eq!(
        Cadence::parse("FREQ=YEARLY"),
        None,
        "the editor shows it as text"
    );
}

#[test]
fn every_other_week_with_a_count() {
    let s = series("FREQ=WEEKLY;INTERVAL=2;COUNT=4", date(2025, 4, 10));
    assert_eq!(
        dates(&s, date(2025, 1, 1), date(2026, 1, 1)),
        [
            date(2025, 4, 10),
            date(2025, 4, 24),
            date(2025, 5, 8),
            date(2025, 5, 22)
        ]
    );
}

#[test]
fn monthly_on_the_31st_skips_short_months_and_last_day_does_not() {
    let on_31 = series("FREQ=MONTHLY;BYMONTHDAY=31", date(2025, 1, 31));
    assert_eq!(
        dates(&on_31, date(2025, 1, 1), date(2025, 6, 30)),
        [date(2025, 1, 31), date(2025, 3, 31), date(2025, 5, 31)]
    );
    let last = series("FREQ=MONTHLY;BYMONTHDAY=-1", date(2024, 1, 31));
    assert_eq!(
        dates(&last, date(2024, 1, 1), date(2024, 4, 30)),
        [
            date(2024, 1, 31),
            date(2024, 2, 29),
            date(2024, 3, 31),
            date(2024, 4, 30)
        ],
        "leap-year February ends on the 29th"
    );
}

#[test]
fn nth_and_last_weekday_of_the_month_until_a_date() {
    let second_thursday = series(
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20250731T235959Z",
        date(2025, 4, 10),
    );
    assert_eq!(
        dates(&second_thursday, date(2025, 1, 1), date(2026, 1, 1)),
        [
            date(2025, 4, 10),
            date(2025, 5, 8),
            date(2025, 6, 12),
            date(2025, 7, 10)
        ]
    );
    let last_friday = series("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", date(2025, 1, 31));
    assert_eq!(
        dates(&last_friday, date(2025, 1, 1), date(2026, 1, 1)),
        [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 28)]
    );
}

#[test]
fn exceptions_cancel_and_move_occurrences() {
    let mut s = series("FREQ=WEEKLY;COUNT=4", date(2025, 4, 10));
    s.exceptions = vec![
        SeriesException {
            occurrence: date(2025, 4, 17),
            change: OccurrenceChange::Cancelled,
        },
        SeriesException {
            occurrence: date(2025, 4, 24),
            change: OccurrenceChange::MovedTo(date(2025, 4, 25)),
        },
    ];
    let found = occurrences(SeriesId(1), &s, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let summary: Vec<_> = found
        .iter()
        .map(|o| (o.date, o.cancelled, o.moved()))
        .collect();
    assert_eq!(
        summary,
        [
            (date(2025, 4, 10), false, false),
            (date(2025, 4, 17), true, false),
            (date(2025, 4, 25), false, true),
            (date(2025, 5, 1), false, false),
        ]
    );
    // A window that holds only the moved-to day still finds the session.
    let only = dates(&s, date(2025, 4, 25), date(2025, 4, 25));
    assert_eq!(only, [date(2025, 4, 25)]);
}

#[test]
fn the_local_time_holds_across_daylight_saving_changes() {
    // London moves to BST on 30 March 2025 and back on 26 October 2025.
    let s = series("FREQ=WEEKLY;COUNT=3", date(2025, 3, 23));
    let found = occurrences(SeriesId(1), &s, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let local: Vec<u32> = found.iter().map(|o| o.start.unwrap().hour()).collect();
    assert_eq!(local, [10, 10, 10]);
    let utc: Vec<u32> = found
        .iter()
        .map(|o| o.start.unwrap().with_timezone(&Utc).hour())
        .collect();
    assert_eq!(utc, [10, 9, 9]);
    let autumn = series("FREQ=WEEKLY;COUNT=2", date(2025, 10, 19));
    let found = occurrences(SeriesId(1), &autumn, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let utc: Vec<u32> = found
        .iter()
        .map(|o| o.start.unwrap().with_timezone(&Utc).hour())
        .collect();
    assert_eq!(utc, [9, 10]);
}

#[test]
fn a_bad_cadence_is_an_error_not_a_panic() {
    let s = series("FREQ=SOMETIMES", date(2025, 4, 10));
    let error = occurrences(SeriesId(1), &s, date(2025, 1, 1), date(2026, 1, 1)).unwrap_err();
    assert!(error.to_string().contains("Defence ministers"), "{error}");
}

/// A register with one series, its first session held with two actions
/// (one done) and a cancelled later one.
fn register_with_series() -> Register {
    let mut r = Register::new("Coalition of the Willing");
    r.series.insert(
        SeriesId(1),
        series("FREQ=MONTHLY;BYDAY=2TH", date(2025, 4, 10)),
    );
    r.meetings.insert(
        MeetingId(2),
        Meeting {
            title: "Defence ministers".into(),
            series: Some(SeriesId(1)),
            number: Some(1),
            date: date(2025, 4, 10),
            start: NaiveTime::from_hms_opt(10, 0, 0),
            state: MeetingState::Held,
            marking: "OFFICIAL".into(),
            actions: vec![
                ActionItem {
                    text: "Circulate the capability map".into(),
                    done: false,
                    ..Default::default()
                },
                ActionItem {
                    text: "Book the room".into(),
                    done: true,
                    ..Default::default()
                },
            ],
            ..Meeting::default()
        },
    );
    r.meetings.insert(
        MeetingId(3),
        Meeting {
            title: "Extraordinary session".into(),
            date: date(2025, 4, 20),
            state: MeetingState::Cancelled,
            marking: "OFFICIAL".into(),
            ..Meeting::default()
        },
    );
    r.next_id = 4;
    r
}

#[test]
fn projected_sessions_leave_out_those_already_meetings() {
    let r = register_with_series();
    let projected = projected_sessions(&r, date(2025, 4, 1), date(2025, 7, 1));
    let days: Vec<_> = projected.iter().map(|o| o.date).collect();
    assert_eq!(days, [date(2025, 5, 8), date(2025, 6, 12)]);
}

#[test]
fn scheduling_a_session_fills_it_from_the_series_and_carries_open_actions() {
    let r = register_with_series();
    let next = projected_sessions(&r, date(2025, 4, 11), date(2025, 6, 1));
    let (id, edit) = schedule_session(&r, &next[0]).unwrap();
    assert_eq!(id, MeetingId(4));
    let Edit::Meeting(_, Some(meeting)) = edit else {
        panic!("a new meeting")
    };
    assert_eq!(meeting.date, date(2025, 5, 8));
    assert_eq!(meeting.number, Some(2));
    assert_eq!(meeting.series, Some(SeriesId(1)));
    assert_eq!(meeting.location, "Northwood");
    assert_eq!(meeting.convenors, [ParticipantId(1), ParticipantId(2)]);
    assert_eq!(meeting.start, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(meeting.state, MeetingState::Planned);
    let carried: Vec<_> = meeting.actions.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(
        carried,
        ["Circulate the capability map"],
        "only open actions carry over"
    );
}

fn parse_ics(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    calendar
}

fn property<'a>(
    event: &'a ical::parser::ical::component::IcalEvent,
    name: &str,
) -> Vec<&'a ical::property::Property> {
    event.properties.iter().filter(|p| p.name == name).collect()
}

fn value(event: &ical::parser::ical::component::IcalEvent, name: &str) -> String {
    property(event, name)
        .first()
        .and_then(|p| p.value.clone())
        .unwrap_or_default()
}

fn tzid(p: &ical::property::Property) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == "TZID")
        .map(|(_, v)| v.join(","))
}

#[test]
fn the_ics_export_reads_back_with_an_independent_parser() {
    let mut r = register_with_series();
    if let Some(s) = r.series.get_mut(&SeriesId(1)) {
        s.exceptions = vec![
            SeriesException {
                occurrence: date(2025, 6, 12),
                change: OccurrenceChange::Cancelled,
            },
            SeriesException {
                occurrence: date(2025, 7, 10),
                change: OccurrenceChange::MovedTo(date(2025, 7, 11)),
            },
        ];
    }
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    let text = calendar_ics(&r, stamp).unwrap();
    let calendar = parse_ics(&text);
    assert_eq!(
        calendar.events.len(),
        4,
        "two meetings, the series and one moved session"
    );

    let held = calendar
        .events
        .iter()
        .find(|e| value(e, "UID").starts_with("meeting-2@"))
        .unwrap();
    assert_eq!(value(held, "SUMMARY"), "Defence ministers");
    assert_eq!(value(held, "DTSTART"), "20250410T100000");
    assert_eq!(
        tzid(property(held, "DTSTART")[0]).as_deref(),
        Some("Europe/London")
    );
    assert_eq!(value(held, "STATUS"), "CONFIRMED");
    let cancelled = calendar
        .events
        .iter()
        .find(|e| value(e, "UID").starts_with("meeting-3@"))
        .unwrap();
    assert_eq!(value(cancelled, "STATUS"), "CANCELLED");
    assert_eq!(
        value(cancelled, "DTSTART"),
        "20250420",
        "no time: an all-day event"
    );

    let series_uid =
        |e: &&ical::parser::ical::component::IcalEvent| value(e, "UID").starts_with("series-1@");
    let base = calendar
        .events
        .iter()
        .filter(series_uid)
        .find(|e| property(e, "RECURRENCE-ID").is_empty())
        .unwrap();
    assert_eq!(value(base, "RRULE"), "FREQ=MONTHLY;BYDAY=2TH");
    assert_eq!(value(base, "DTSTART"), "20250410T100000");
    assert_eq!(
        tzid(property(base, "DTSTART")[0]).as_deref(),
        Some("Europe/London")
    );
    let mut exdates: Vec<String> = property(base, "EXDATE")
        .iter()
        .filter_map(|p| p.value.clone())
        .collect();
    exdates.sort();
    assert_eq!(
        exdates,
        ["20250410T100000", "20250612T100000"],
        "the held meeting (its own event) and the cancelled session; the moved one is \
         an override, never also an EXDATE"
    );
    let moved = calendar
        .events
        .iter()
        .filter(series_uid)
        .find(|e| !property(e, "RECURRENCE-ID").is_empty())
        .unwrap();
    assert_eq!(value(moved, "RECURRENCE-ID"), "20250710T100000");
    assert_eq!(value(moved, "DTSTART"), "20250711T100000");
    assert_eq!(value(held, "DTSTAMP"), "20250414T120000Z");
}

#[test]
fn export_ics_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("register.ron");
    let out = dir.path().join("sessions.ics");
    let bin = env!("CARGO_BIN_EXE_coalition-desk");
    let status = std::process::Command::new(bin)
        .args(["sample", "-o"])
        .arg(&register)
        .status()
        .unwrap();
    assert!(status.success());
    let output = std::process::Command::new(bin)
        .args(["export", "ics"])
        .arg(&register)
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let calendar = parse_ics(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(calendar.events.len(), 1, "the sample's one meeting");
    assert_eq!(value(&calendar.events[0], "DTSTART"), "20250410");
}
