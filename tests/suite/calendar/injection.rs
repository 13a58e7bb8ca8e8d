//! Calendar injection (issue 19, item 7): a line break in any text the
//! register holds cannot end a content line of the `.ics`, so no event can
//! be forged, and every text value reads back as it was written (RFC 5545
//! §3.3.11 escaping, §3.1 folding), checked with the independent `ical`
//! parser.

use chrono::{TimeZone, Utc};
use coalition_desk::calendar::calendar_ics;
use coalition_desk::model::{MeetingId, Register, SeriesId};
use ical::parser::ical::component::IcalCalendar;
use ical::property::Property;

use super::fixture::*;

fn export(r: &Register) -> String {
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    calendar_ics(r, stamp).unwrap()
}

fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none(), "one calendar only");
    calendar
}

/// A TEXT value as a reader takes it (RFC 5545 §3.3.11).
fn unescaped(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn texts(properties: &[Property], name: &str) -> Vec<String> {
    properties
        .iter()
        .filter(|p| p.name == name)
        .map(|p| unescaped(p.value.as_deref().unwrap_or_default()))
        .collect()
}

/// Every physical line ends in CRLF, holds no other CR or LF, and is at
/// most 75 octets (§3.1), so no reader can split it anywhere else.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains(['\r', '\n']), "a bare line break: {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

const FORGED: &str = "END:VEVENT\nBEGIN:VEVENT\nUID:forged@evil.example\n\
     DTSTART:20250501T100000Z\nSUMMARY:INJECTED\nEND:VEVENT\nBEGIN:VEVENT";

#[test]
fn a_register_name_cannot_forge_an_event() {
    let ordinary = parse(&export(&register_with_series()));
    for line_break in ["\n", "\r\n", "\r"] {
        let mut r = register_with_series();
        r.name = format!("Coalition{line_break}{}", FORGED.replace('\n', line_break));
        let text = export(&r);
        assert_well_formed(&text);
        let calendar = parse(&text);
        assert_eq!(
            calendar.events.len(),
            ordinary.events.len(),
            "{line_break:?}"
        );
        let summaries: Vec<String> = calendar
            .events
            .iter()
            .flat_map(|e| texts(&e.properties, "SUMMARY"))
            .collect();
        assert!(!summaries.iter().any(|s| s == "INJECTED"), "{summaries:?}");
        let name = format!("Coalition\n{FORGED}");
        assert_eq!(texts(&calendar.properties, "NAME"), vec![name.clone()]);
        assert_eq!(texts(&calendar.properties, "X-WR-CALNAME"), vec![name]);
    }
}

#[test]
fn every_text_value_reads_back_as_it_was_written() {
    let mut r = register_with_series();
    r.name = "Coalition; of the, \\Willing\\n".into();
    let meeting = r.meetings.get_mut(&MeetingId(2)).unwrap();
    meeting.title = "Ministers\r\nEND:VEVENT, then; a \\ and\ra\ttab".into();
    meeting.location = "Lancaster House, London; Salle «Défense» — "
        .repeat(4)
        .trim_end()
        .into();
    let series = r.series.get_mut(&SeriesId(1)).unwrap();
    series.name = "Defence ministers\nBEGIN:VEVENT".into();
    series.location = "Northwood\r\nSUMMARY:INJECTED".into();
    let text = export(&r);
    assert_well_formed(&text);
    let calendar = parse(&text);
    assert_eq!(
        texts(&calendar.properties, "NAME"),
        vec![r.name.clone()],
        "backslashes, semicolons and commas"
    );
    let event = |uid_start: &str| {
        calendar
            .events
            .iter()
            .find(|e| {
                texts(&e.properties, "UID")
                    .first()
                    .is_some_and(|uid| uid.starts_with(uid_start))
            })
            .unwrap()
    };
    let session = event("meeting-2@");
    assert_eq!(
        texts(&session.properties, "SUMMARY"),
        vec!["Ministers\nEND:VEVENT, then; a \\ and\na\ttab"]
    );
    assert_eq!(
        texts(&session.properties, "LOCATION"),
        vec![r.meetings[&MeetingId(2)].location.clone()],
        "a long line folds and unfolds whole"
    );
    let description = texts(&session.properties, "DESCRIPTION");
    assert!(
        description[0].contains("\nSession 1 of Defence ministers\nBEGIN:VEVENT\n"),
        "{description:?}"
    );
    let projected = event("series-1@");
    assert_eq!(
        texts(&projected.properties, "SUMMARY"),
        vec!["Defence ministers\nBEGIN:VEVENT"]
    );
    assert_eq!(
        texts(&projected.properties, "LOCATION"),
        vec!["Northwood\nSUMMARY:INJECTED"]
    );
    assert_eq!(calendar.events.len(), 3);
}
