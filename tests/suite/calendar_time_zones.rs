//! The `.ics` export's VTIMEZONE definitions, read back with the
//! independent `ical` parser: one per TZID used, the right transitions in
//! RFC 5545's local-time convention, and offsets that put an event at the
//! same UTC instant chrono-tz does.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use coalition_desk::calendar::calendar_ics;
use coalition_desk::calendar::time_zones::observances;
use coalition_desk::model::{
    Meeting, MeetingId, MeetingState, OccurrenceChange, Register, SeriesException, SeriesId,
    SessionSeries,
};
use ical::parser::ical::component::{
    IcalCalendar, IcalTimeZone, IcalTimeZoneTransition, IcalTimeZoneTransitionType,
};
use ical::property::Property;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(hour: u32) -> Option<NaiveTime> {
    NaiveTime::from_hms_opt(hour, 0, 0)
}

fn meeting(title: &str, day: NaiveDate, start: Option<NaiveTime>, zone: Tz) -> Meeting {
    Meeting {
        title: title.into(),
        date: day,
        start,
        end: start.map(|s| s + chrono::Duration::hours(2)),
        time_zone: zone,
        state: MeetingState::Planned,
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    }
}

/// A London monthly series with a moved session, one-off meetings in New
/// York, Kolkata (no summer time) and UTC, and an all-day one (no TZID).
fn register() -> Register {
    let mut r = Register::new("Coalition of the Willing");
    r.series.insert(
        SeriesId(1),
        SessionSeries {
            name: "Defence ministers".into(),
            cadence: "FREQ=MONTHLY;BYDAY=2TH".into(),
            first: Some(date(2025, 4, 10)),
            start: at(10),
            end: at(12),
            time_zone: Tz::Europe__London,
            location: "Northwood Headquarters, Sandy Lane, Northwood, Middlesex, \
                       United Kingdom (a long line the export must fold)"
                .into(),
            exceptions: vec![SeriesException {
                occurrence: date(2025, 7, 10),
                change: OccurrenceChange::MovedTo(date(2025, 7, 11)),
            }],
            ..SessionSeries::default()
        },
    );
    let meetings = [
        meeting(
            "Washington",
            date(2025, 11, 3),
            at(9),
            Tz::America__New_York,
        ),
        meeting("New Delhi", date(2026, 2, 2), at(15), Tz::Asia__Kolkata),
        meeting("Video call", date(2025, 12, 1), at(13), Tz::UTC),
        meeting("Paris", date(2025, 5, 1), None, Tz::Europe__Paris),
    ];
    for (n, m) in meetings.into_iter().enumerate() {
        r.meetings.insert(MeetingId(n as u64 + 2), m);
    }
    r.next_id = 6;
    r
}

fn export() -> String {
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    calendar_ics(&register(), stamp).unwrap()
}

fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    calendar
}

fn value<'a>(properties: &'a [Property], name: &str) -> &'a str {
    properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_default()
}

fn tzid(p: &Property) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == "TZID")
        .map(|(_, v)| v.join(","))
}

fn zone<'a>(calendar: &'a IcalCalendar, name: &str) -> &'a IcalTimeZone {
    calendar
        .timezones
        .iter()
        .find(|z| value(&z.properties, "TZID") == name)
        .unwrap_or_else(|| panic!("a VTIMEZONE for {name}"))
}

fn daylight(t: &IcalTimeZoneTransition) -> bool {
    matches!(t.transition, IcalTimeZoneTransitionType::DAYLIGHT)
}

/// RFC 5545 UTC-OFFSET (`+HHMM` or `+HHMMSS`) in seconds.
fn offset(text: &str) -> i64 {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let digits = &text[1..];
    let part = |i: usize| {
        digits
            .get(i..i + 2)
            .map_or(0, |d| d.parse::<i64>().unwrap())
    };
    sign * (part(0) * 3600 + part(2) * 60 + part(4))
}

fn local(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap()
}

#[test]
fn every_tzid_used_has_exactly_one_vtimezone() {
    let calendar = parse(&export());
    let used: BTreeSet<String> = calendar
        .events
        .iter()
        .flat_map(|e| e.properties.iter())
        .filter_map(tzid)
        .collect();
    let defined: Vec<&str> = calendar
        .timezones
        .iter()
        .map(|z| value(&z.properties, "TZID"))
        .collect();
    assert_eq!(
        used.iter().map(String::as_str).collect::<Vec<_>>(),
        defined,
        "one VTIMEZONE per TZID used, none unused (Paris is all-day)"
    );
    assert_eq!(
        defined,
        ["America/New_York", "Asia/Kolkata", "Europe/London", "UTC"]
    );
    for z in &calendar.timezones {
        assert!(!z.transitions.is_empty());
        assert!(
            z.properties.iter().all(|p| p.name == "TZID"),
            "no UID/DTSTAMP"
        );
    }
}

#[test]
fn london_changes_at_one_in_the_morning_gmt_in_2025() {
    let calendar = parse(&export());
    let london = zone(&calendar, "Europe/London");
    let in_2025: Vec<_> = london
        .transitions
        .iter()
        .filter(|t| value(&t.properties, "DTSTART").starts_with("2025"))
        .collect();
    assert_eq!(in_2025.len(), 2);
    // RFC 5545 §3.6.5 (and its US-Eastern example: DAYLIGHT DTSTART
    // 02:00 with TZOFFSETFROM -0500) gives DTSTART as wall-clock time in
    // the offset in force *before* the change. Both London changes happen
    // at 01:00 UTC: in March that is 01:00 GMT (+0000, clocks go to
    // 02:00 BST); in October it is 02:00 BST (+0100, clocks go back to
    // 01:00 GMT). Hence 01:00 and 02:00 below.
    let spring = in_2025[0];
    assert!(daylight(spring));
    assert_eq!(value(&spring.properties, "DTSTART"), "20250330T010000");
    assert_eq!(value(&spring.properties, "TZOFFSETFROM"), "+0000");
    assert_eq!(value(&spring.properties, "TZOFFSETTO"), "+0100");
    assert_eq!(value(&spring.properties, "TZNAME"), "BST");
    let autumn = in_2025[1];
    assert!(!daylight(autumn));
    assert_eq!(value(&autumn.properties, "DTSTART"), "20251026T020000");
    assert_eq!(value(&autumn.properties, "TZOFFSETFROM"), "+0100");
    assert_eq!(value(&autumn.properties, "TZOFFSETTO"), "+0000");
    assert_eq!(value(&autumn.properties, "TZNAME"), "GMT");
    // The open-ended series is covered to its projection horizon.
    assert!(
        london
            .transitions
            .iter()
            .any(|t| value(&t.properties, "DTSTART").starts_with("2035"))
    );
}

#[test]
fn a_zone_without_changes_gets_one_standard() {
    let calendar = parse(&export());
    for (name, to, abbreviation) in [("Asia/Kolkata", "+0530", "IST"), ("UTC", "+0000", "UTC")] {
        let z = zone(&calendar, name);
        assert_eq!(z.transitions.len(), 1, "{name}");
        let only = &z.transitions[0];
        assert!(!daylight(only));
        assert_eq!(value(&only.properties, "DTSTART"), "19700101T000000");
        assert_eq!(value(&only.properties, "TZOFFSETFROM"), to);
        assert_eq!(value(&only.properties, "TZOFFSETTO"), to);
        assert_eq!(value(&only.properties, "TZNAME"), abbreviation);
    }
}

#[test]
fn the_file_keeps_crlf_and_folds_at_75_octets() {
    let text = export();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    let body = text.strip_suffix("\r\n").unwrap();
    for line in body.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    assert!(text.contains("\r\n "), "the long location was folded");
    let first_zone = text.find("BEGIN:VTIMEZONE").unwrap();
    assert!(first_zone < text.find("BEGIN:VEVENT").unwrap());
    assert!(text.find("PRODID").unwrap() < first_zone);
}

/// An event's wall-clock time to UTC by the VTIMEZONE alone: the
/// observance in force is the last whose onset (DTSTART in its FROM
/// offset) is not after the instant the event would be in its TO offset.
fn utc_by_vtimezone(z: &IcalTimeZone, wall: NaiveDateTime) -> NaiveDateTime {
    let mut best: Option<(NaiveDateTime, i64)> = None;
    for t in &z.transitions {
        let p = &t.properties;
        let onset = local(value(p, "DTSTART"))
            - chrono::Duration::seconds(offset(value(p, "TZOFFSETFROM")));
        let to = offset(value(p, "TZOFFSETTO"));
        let utc = wall - chrono::Duration::seconds(to);
        if onset <= utc && best.is_none_or(|(o, _)| onset > o) {
            best = Some((onset, to));
        }
    }
    let (_, to) = best.expect("an observance in force");
    wall - chrono::Duration::seconds(to)
}

#[test]
fn event_times_convert_to_utc_as_chrono_tz_does() {
    let calendar = parse(&export());
    let mut checked = 0;
    for event in &calendar.events {
        for p in event.properties.iter().filter(|p| p.name == "DTSTART") {
            let Some(name) = tzid(p) else { continue };
            let wall = local(p.value.as_deref().unwrap());
            let expected = name
                .parse::<Tz>()
                .unwrap()
                .from_local_datetime(&wall)
                .single()
                .unwrap()
                .naive_utc();
            let got = utc_by_vtimezone(zone(&calendar, &name), wall);
            assert_eq!(got, expected, "{name} {wall}");
            checked += 1;
        }
    }
    assert_eq!(checked, 5, "series, moved session, three timed meetings");
    // Summer and winter in London, and the day after New York's change.
    let london = zone(&calendar, "Europe/London");
    let summer = utc_by_vtimezone(london, local("20250711T100000"));
    assert_eq!(summer, local("20250711T090000"));
    let winter = utc_by_vtimezone(london, local("20260108T100000"));
    assert_eq!(winter, local("20260108T100000"));
    let new_york = zone(&calendar, "America/New_York");
    assert_eq!(
        utc_by_vtimezone(new_york, local("20251103T090000")),
        local("20251103T140000")
    );
}

#[test]
fn ten_years_of_transitions_are_quick_and_complete() {
    let started = std::time::Instant::now();
    let found = observances(Tz::Europe__London, 2024, 2033);
    let took = started.elapsed();
    // The state at the start, then two changes a year.
    assert_eq!(found.len(), 1 + 2 * 10);
    assert!(found.iter().skip(1).all(|o| o.from != o.to));
    // Generous: a few ms in release, more in a debug build under load.
    assert!(took.as_millis() < 500, "{took:?}");
}

/// A series from 2025 to 2100: the time-zone block described only 2042 to
/// 2102 (the latest sixty years), so its first seventeen years had no
/// offset at all. It now starts the year before the series, and the last
/// year described carries on as yearly rules, so every session a reader
/// expands has its summer time, to 2100 and beyond.
#[test]
fn a_series_to_2100_has_its_offsets_from_its_first_session_to_its_last() {
    let mut r = register();
    r.series.get_mut(&SeriesId(1)).unwrap().cadence =
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=21001231".into();
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    let calendar = parse(&calendar_ics(&r, stamp).unwrap());
    let london = zone(&calendar, "Europe/London");
    let onsets: Vec<NaiveDateTime> = london
        .transitions
        .iter()
        .map(|t| local(value(&t.properties, "DTSTART")))
        .collect();
    assert!(
        onsets.iter().min().unwrap() <= &local("20250410T100000"),
        "the first session has an offset"
    );
    let rules: Vec<(bool, &str)> = london
        .transitions
        .iter()
        .filter(|t| t.properties.iter().any(|p| p.name == "RRULE"))
        .map(|t| (daylight(t), value(&t.properties, "RRULE")))
        .collect();
    assert_eq!(
        rules,
        [
            (true, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"),
            (false, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        ]
    );
    // Described one by one up to the rules, none after them.
    let latest_rule = london
        .transitions
        .iter()
        .filter(|t| t.properties.iter().any(|p| p.name == "RRULE"))
        .map(|t| local(value(&t.properties, "DTSTART")))
        .max()
        .unwrap();
    assert!(onsets.iter().all(|o| *o <= latest_rule));
    assert!(latest_rule < local("21000101T000000"));
}

/// chrono-tz describes changes up to 2099 and after it keeps every zone
/// on one offset: a Paris series from 2200 had a VTIMEZONE of CET alone
/// since 1970, no summer time in any year. It now ends in the yearly
/// rules of the last years described, which carry on to 2200 and after,
/// as tzdata's own rules and every calendar reader do.
#[test]
fn a_series_from_2200_still_has_its_summer_time() {
    let mut r = Register::new("Coalition of the Willing");
    r.series.insert(
        SeriesId(1),
        SessionSeries {
            name: "Defence ministers".into(),
            cadence: "FREQ=MONTHLY;BYDAY=2TH;UNTIL=22021231".into(),
            first: Some(date(2200, 1, 9)),
            start: at(10),
            end: at(12),
            time_zone: Tz::Europe__Paris,
            ..SessionSeries::default()
        },
    );
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    let calendar = parse(&calendar_ics(&r, stamp).unwrap());
    let paris = zone(&calendar, "Europe/Paris");
    let rules: Vec<(bool, &str, i32)> = paris
        .transitions
        .iter()
        .filter(|t| t.properties.iter().any(|p| p.name == "RRULE"))
        .map(|t| {
            (
                daylight(t),
                value(&t.properties, "RRULE"),
                local(value(&t.properties, "DTSTART")).year(),
            )
        })
        .collect();
    assert_eq!(
        rules,
        [
            (true, "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", 2100),
            (false, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", 2100)
        ],
        "summer time carries on from the last year described to the series"
    );
    let summer: Vec<&str> = paris
        .transitions
        .iter()
        .filter(|t| daylight(t))
        .map(|t| value(&t.properties, "TZOFFSETTO"))
        .collect();
    assert!(summer.iter().all(|to| *to == "+0200"), "{summer:?}");
}
