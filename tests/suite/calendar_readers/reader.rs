//! The reader's side: the `.ics` parsed with the `ical` crate, a series'
//! RRULE and EXDATEs expanded with the `rrule` crate from the text read
//! back, sessions written as comparable text.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use coalition_desk::model::{MeetingId, Register, SeriesId};
use ical::parser::ical::component::{IcalCalendar, IcalEvent};
use ical::property::Property;

/// Sessions are compared as text: "2025-07-11T09:00Z" for a timed one
/// (UTC), "2025-04-02" for an all-day one.
pub type Session = String;
/// Far enough for every series here; an endless one is cut off at it.
pub fn horizon() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()
}

pub fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("it parses");
    assert!(parser.next().is_none());
    calendar
}

pub fn properties<'a>(event: &'a IcalEvent, name: &str) -> Vec<&'a Property> {
    event.properties.iter().filter(|p| p.name == name).collect()
}

pub fn one<'a>(event: &'a IcalEvent, name: &str) -> Option<&'a Property> {
    let found = properties(event, name);
    assert!(found.len() <= 1, "one {name} at most");
    found.first().copied()
}

pub fn param(p: &Property, name: &str) -> Option<String> {
    p.params
        .as_ref()?
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.join(","))
}

/// A DTSTART, EXDATE or RECURRENCE-ID value as the instant it names: in
/// its TZID's zone, or a DATE (all-day) read as midnight UTC.
pub fn instant(p: &Property) -> chrono::DateTime<rrule::Tz> {
    let value = p.value.as_deref().unwrap();
    if param(p, "VALUE").as_deref() == Some("DATE") {
        let day = NaiveDate::parse_from_str(value, "%Y%m%d").unwrap();
        return rrule::Tz::UTC.from_utc_datetime(&day.and_time(NaiveTime::MIN));
    }
    let local = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").unwrap();
    let zone: Tz = param(p, "TZID").expect("a TZID").parse().unwrap();
    rrule::Tz::Tz(zone)
        .from_local_datetime(&local)
        .single()
        .unwrap()
}

pub fn session(p: &Property) -> Session {
    let at = instant(p);
    if param(p, "VALUE").as_deref() == Some("DATE") {
        at.date_naive().to_string()
    } else {
        at.with_timezone(&Utc).format("%Y-%m-%dT%H:%MZ").to_string()
    }
}

/// The sessions a reader shows for one series' base event: the RRULE from
/// DTSTART, less the EXDATEs, to the horizon. As RFC 5545 has it (and
/// unlike the `rrule` crate), DTSTART is always the first session, even on
/// a day the rule does not give, and COUNT counts it.
pub fn expand(base: &IcalEvent) -> Vec<Session> {
    let start = one(base, "DTSTART").unwrap();
    let all_day = param(start, "VALUE").as_deref() == Some("DATE");
    let mut rule_text = one(base, "RRULE").unwrap().value.clone().unwrap();
    if all_day {
        // RFC 5545: with a DATE start, UNTIL is a DATE too; the expander
        // reads the all-day series in UTC, so UNTIL becomes that midnight.
        if let Some(until) = rule_text.split(';').find_map(|p| p.strip_prefix("UNTIL=")) {
            assert_eq!(until.len(), 8, "an all-day UNTIL is a date: {rule_text}");
            rule_text = rule_text.replace(until, &format!("{until}T000000Z"));
        }
    }
    let dtstart = instant(start);
    let probe: rrule::RRule<rrule::Unvalidated> = rule_text.parse().unwrap();
    let given = probe.build(dtstart).unwrap().all(1).dates.first() == Some(&dtstart);
    if !given {
        let count = rule_text
            .split(';')
            .find_map(|p| p.strip_prefix("COUNT="))
            .map(|n| n.parse::<u32>().unwrap());
        if let Some(count) = count {
            rule_text =
                rule_text.replace(&format!("COUNT={count}"), &format!("COUNT={}", count - 1));
        }
    }
    let rule: rrule::RRule<rrule::Unvalidated> = rule_text.parse().unwrap();
    let mut set = rule.build(dtstart).unwrap();
    if !given {
        set = set.rdate(dtstart);
    }
    for exdate in properties(base, "EXDATE") {
        set = set.exdate(instant(exdate));
    }
    let end = rrule::Tz::UTC.from_utc_datetime(&horizon().and_time(NaiveTime::MIN));
    let found = set.before(end).all(5000);
    assert!(!found.limited);
    found
        .dates
        .into_iter()
        .map(|at| {
            if all_day {
                at.date_naive().to_string()
            } else {
                at.with_timezone(&Utc).format("%Y-%m-%dT%H:%MZ").to_string()
            }
        })
        .collect()
}

pub fn uid(event: &IcalEvent) -> String {
    one(event, "UID").unwrap().value.clone().unwrap()
}

/// Every series' sessions as a reader of `text` sees them: the base
/// event's expansion with overrides applied, plus the meetings of the
/// series (each its own event), sorted; a session listed twice stays twice.
pub fn sessions_read_back(register: &Register, text: &str) -> BTreeMap<SeriesId, Vec<Session>> {
    let calendar = parse(text);
    let mut found: BTreeMap<SeriesId, Vec<Session>> = BTreeMap::new();
    for &id in register.series.keys() {
        let prefix = format!("series-{}@", id.0);
        let events: Vec<&IcalEvent> = calendar
            .events
            .iter()
            .filter(|e| uid(e).starts_with(&prefix))
            .collect();
        let bases: Vec<_> = events
            .iter()
            .filter(|e| one(e, "RECURRENCE-ID").is_none())
            .collect();
        assert_eq!(bases.len(), 1, "one recurring event for series {}", id.0);
        let mut sessions = expand(bases[0]);
        for event in events.iter().filter(|e| one(e, "RECURRENCE-ID").is_some()) {
            let replaced = session(one(event, "RECURRENCE-ID").unwrap());
            let before = sessions.len();
            sessions.retain(|s| *s != replaced);
            assert_eq!(
                sessions.len() + 1,
                before,
                "series {}: the override for {replaced} replaces one occurrence the rule gives",
                id.0
            );
            sessions.push(session(one(event, "DTSTART").unwrap()));
        }
        found.insert(id, sessions);
    }
    for event in &calendar.events {
        let Some(number) = uid(event)
            .strip_prefix("meeting-")
            .and_then(|rest| rest.split('@').next())
            .and_then(|n| n.parse().ok())
        else {
            continue;
        };
        let meeting = register.meeting(MeetingId(number)).unwrap();
        if let Some(series) = meeting.series {
            let sessions = found.entry(series).or_default();
            sessions.push(session(one(event, "DTSTART").unwrap()));
        }
    }
    for sessions in found.values_mut() {
        sessions.sort();
    }
    found
}
