//! The .ics export, read back by an independent parser, from the library
//! and from the command line.

use chrono::{TimeZone, Utc};
use coalition_desk::calendar::calendar_ics;
use coalition_desk::model::{OccurrenceChange, SeriesException, SeriesId};

use super::fixture::*;

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
