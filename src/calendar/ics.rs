//! The register's meetings and series as an iCalendar file, written with
//! the `icalendar` crate. Times carry their IANA zone as TZID, so a weekly
//! 10:00 London session stays at 10:00 across daylight-saving changes.
//! Each zone used gets a VTIMEZONE (from `time_zones`), as RFC 5545
//! requires. Restricted notes and statements are never exported.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use icalendar::{
    Calendar, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike, EventStatus, Property,
};

use super::ics_lines::calendar_text;
use super::ics_text::{escaped, plain};
use super::time_zones::ZoneSpans;
use super::{CalendarError, occurrences};
use crate::model::recurrence::{
    STRAY_REACH, SeriesRule, cadence_gives, cadence_problem, meeting_dates, taken_by_meetings,
};
use crate::model::{
    Meeting, MeetingId, MeetingState, OccurrenceChange, Register, SeriesId, SessionSeries,
};

/// The whole register as `.ics` text. `stamp` is the DTSTAMP every event
/// carries (the time of export, passed in so output is reproducible).
pub fn calendar_ics(register: &Register, stamp: DateTime<Utc>) -> Result<String, CalendarError> {
    let meetings = register.meeting_records();
    let unmarkable = register.marking_refusals(&meetings);
    if !unmarkable.is_empty() {
        return Err(CalendarError::Refused(unmarkable));
    }
    let mut calendar = Calendar::new();
    // Not `Calendar::name`: the crate escapes X-WR-CALNAME, as every X-
    // property, but writes NAME as given, so a line break in the
    // register's name would end the line and start a forged one.
    calendar.append_property(Property::new("NAME", escaped(&register.name)));
    calendar.append_property(Property::new("X-WR-CALNAME", plain(&register.name)));
    let domain = uid_domain(&register.name);
    for (&id, meeting) in &register.meetings {
        calendar.push(meeting_event(register, id, meeting, stamp, &domain));
    }
    for (id, series, rule) in series_rules(register)? {
        calendar.extend(series_events(register, id, series, &rule, stamp, &domain)?);
    }
    let mut text = calendar_text(&calendar.done());
    insert_time_zones(&mut text, &zone_spans(register, stamp));
    Ok(text)
}

/// Every series with a cadence, with its rule; or, when any cadence is
/// not a valid RRULE, the sentence `check` gives for each, so nothing is
/// written that a reader would reject.
fn series_rules(
    register: &Register,
) -> Result<Vec<(SeriesId, &SessionSeries, SeriesRule)>, CalendarError> {
    let mut rules = Vec::new();
    let mut refused = Vec::new();
    for (&id, series) in &register.series {
        match SeriesRule::of(series) {
            Ok(Some(rule)) => rules.push((id, series, rule)),
            Ok(None) => {}
            Err(reason) => refused.push(cadence_problem(register, id, series, &reason.to_string())),
        }
    }
    if refused.is_empty() {
        Ok(rules)
    } else {
        Err(CalendarError::Refused(refused))
    }
}

/// Puts the VTIMEZONE blocks after the calendar's own properties, before
/// the first event. Text insertion, because the `icalendar` crate writes
/// any component with a made-up UID and DTSTAMP, which VTIMEZONE and its
/// STANDARD/DAYLIGHT parts must not have.
fn insert_time_zones(text: &mut String, zones: &ZoneSpans) {
    let blocks = zones.vtimezones();
    if blocks.is_empty() {
        return;
    }
    // Whole lines only: a register named "…BEGIN:VEVENT" ends its NAME
    // line with those words, and the blocks must not land inside it.
    let at = text
        .find("\r\nBEGIN:VEVENT\r\n")
        .or_else(|| text.find("\r\nEND:VCALENDAR\r\n"));
    if let Some(at) = at {
        text.insert_str(at + "\r\n".len(), &blocks);
    }
}

/// Every zone a TZID names in the export, with the dates it is used on.
/// Mirrors what `meeting_event` and `series_events` write: only timed
/// sessions carry a TZID (all-day ones are plain dates).
fn zone_spans(register: &Register, stamp: DateTime<Utc>) -> ZoneSpans {
    let mut spans = ZoneSpans::default();
    for meeting in register.meetings.values() {
        if meeting.start.is_some() {
            spans.note(meeting.time_zone, meeting.date);
        }
    }
    for series in register.series.values() {
        let (Some(first), Some(_)) = (series.first, series.start) else {
            continue;
        };
        let Ok(Some(rule)) = SeriesRule::of(series) else {
            continue;
        };
        let zone = series.time_zone;
        spans.note(zone, first);
        for exception in &series.exceptions {
            spans.note(zone, exception.occurrence);
            if let OccurrenceChange::MovedTo(day) = exception.change {
                spans.note(zone, day);
            }
        }
        match rule.until_day() {
            Some(last) => spans.note(zone, last),
            // A count or no end: cover the series' projection horizon
            // rather than expand it.
            None => spans.note_open(zone, first, stamp.date_naive()),
        }
    }
    spans
}

/// A stable UID suffix from the register's name, so two registers'
/// meeting #4 do not collide in one calendar.
fn uid_domain(name: &str) -> String {
    let slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("{}.coalition-desk", slug.trim_matches('-'))
}

fn when(date: NaiveDate, time: Option<NaiveTime>, zone: Tz) -> DatePerhapsTime {
    match time {
        Some(time) => DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
            date_time: NaiveDateTime::new(date, time),
            tzid: zone.name().to_string(),
        }),
        None => DatePerhapsTime::Date(date),
    }
}

/// The end of a session: its end time, or the next day for an all-day one.
fn end_of(
    date: NaiveDate,
    start: Option<NaiveTime>,
    end: Option<NaiveTime>,
    zone: Tz,
) -> DatePerhapsTime {
    match (start, end) {
        (Some(_), Some(end)) => when(date, Some(end), zone),
        (Some(start), None) => when(date, Some(start), zone),
        _ => DatePerhapsTime::Date(date.succ_opt().unwrap_or(date)),
    }
}

fn meeting_event(
    register: &Register,
    id: MeetingId,
    meeting: &Meeting,
    stamp: DateTime<Utc>,
    domain: &str,
) -> Event {
    let mut event = Event::new();
    event
        .uid(&format!("meeting-{}@{domain}", id.text()))
        .timestamp(stamp)
        .summary(&plain(&meeting.title))
        .starts(when(meeting.date, meeting.start, meeting.time_zone))
        .ends(end_of(
            meeting.date,
            meeting.start,
            meeting.end,
            meeting.time_zone,
        ))
        .status(match meeting.state {
            MeetingState::Held => EventStatus::Confirmed,
            MeetingState::Planned | MeetingState::Postponed => EventStatus::Tentative,
            MeetingState::Cancelled => EventStatus::Cancelled,
        });
    if !meeting.location.is_empty() {
        event.location(&plain(&meeting.location));
    }
    let mut lines = vec![format!(
        "{} ({})",
        meeting.state.label(),
        meeting.format.label()
    )];
    if let Some(series) = meeting.series.and_then(|s| register.session_series(s)) {
        match meeting.number {
            Some(n) => lines.push(format!("Session {n} of {}", series.name)),
            None => lines.push(format!("Series: {}", series.name)),
        }
    }
    if !meeting.marking.is_empty() {
        lines.push(format!("Marking: {}", meeting.marking));
    }
    event.description(&plain(&lines.join("\n")));
    event.done()
}

/// The series as one recurring event with its RRULE (UNTIL in UTC when
/// the start has a TZID). Cancelled occurrences, those a meeting stands
/// for (exported as its own event; even a meeting a day off the cadence,
/// see `taken_by_meetings`), and a `first` the cadence never gives, are
/// left out with EXDATE. A moved one is an override: an event with the series' UID
/// and a RECURRENCE-ID naming the occurrence it replaces, and no EXDATE,
/// for a reader drops an occurrence that is both excluded and overridden.
fn series_events(
    register: &Register,
    id: SeriesId,
    series: &SessionSeries,
    rule: &SeriesRule,
    stamp: DateTime<Utc>,
    domain: &str,
) -> Result<Vec<Event>, CalendarError> {
    let Some(first) = series.first else {
        return Ok(Vec::new());
    };
    let uid = format!("series-{}@{domain}", id.text());
    let zone = series.time_zone;
    let description = format!(
        "Projected session of {} ({})",
        series.name,
        series.format.label()
    );
    let all_day = series.start.is_none();
    // A reader always counts DTSTART as a session; the register does not
    // when the cadence never gives that day (`check` reports it).
    let stray_start = !cadence_gives(series, rule, first, first);
    let mut base = Event::new();
    base.uid(&uid)
        .timestamp(stamp)
        .summary(&plain(&series.name))
        .starts(when(first, series.start, zone))
        .ends(end_of(first, series.start, series.end, zone))
        .add_property(
            "RRULE",
            if stray_start {
                rule.text_after_stray_start(all_day)
            } else {
                rule.text(all_day)
            },
        );
    if stray_start {
        base.append_multi_property(date_property("EXDATE", first, series));
    }
    if !series.location.is_empty() {
        base.location(&plain(&series.location));
    }
    base.description(&plain(&description));

    let scheduled = meeting_dates(register, id);
    // Only occurrences between the first and last dates an exception or a
    // meeting names need an EXDATE or an override: expanding more is wasted
    // work, and a long daily cadence would pass the expansion limit.
    let named = || {
        scheduled
            .iter()
            .copied()
            .chain(series.exceptions.iter().map(|e| e.occurrence))
            .chain(series.exceptions.iter().filter_map(|e| match e.change {
                OccurrenceChange::MovedTo(day) => Some(day),
                OccurrenceChange::Cancelled => None,
            }))
    };
    // A meeting off the cadence may stand for a session a little way off.
    let all = match (named().min(), named().max()) {
        (Some(earliest), Some(last)) => occurrences(
            id,
            series,
            earliest.checked_sub_days(STRAY_REACH).unwrap_or(earliest),
            last.checked_add_days(STRAY_REACH).unwrap_or(last),
        )?,
        _ => Vec::new(),
    };
    let taken = taken_by_meetings(first, &scheduled, &all);
    let mut moved = Vec::new();
    for occurrence in &all {
        if occurrence.cancelled || taken.contains(&occurrence.cadence_date) {
            base.append_multi_property(date_property("EXDATE", occurrence.cadence_date, series));
        } else if occurrence.moved() {
            let mut event = Event::new();
            event
                .uid(&uid)
                .timestamp(stamp)
                .summary(&plain(&series.name))
                .append_property(date_property(
                    "RECURRENCE-ID",
                    occurrence.cadence_date,
                    series,
                ))
                .starts(when(occurrence.date, series.start, zone))
                .ends(end_of(occurrence.date, series.start, series.end, zone))
                .description(&plain(&format!(
                    "{description}, moved from {}",
                    occurrence.cadence_date
                )));
            if !series.location.is_empty() {
                event.location(&plain(&series.location));
            }
            moved.push(event.done());
        }
    }
    let mut events = vec![base.done()];
    events.extend(moved);
    Ok(events)
}

/// An EXDATE or RECURRENCE-ID naming an occurrence in the series' zone.
fn date_property(name: &str, date: NaiveDate, series: &SessionSeries) -> Property {
    match series.start {
        Some(time) => {
            let mut property = Property::new(
                name,
                NaiveDateTime::new(date, time)
                    .format("%Y%m%dT%H%M%S")
                    .to_string(),
            );
            property.add_parameter("TZID", series.time_zone.name());
            property.done()
        }
        None => {
            let mut property = Property::new(name, date.format("%Y%m%d").to_string());
            property.add_parameter("VALUE", "DATE");
            property.done()
        }
    }
}
