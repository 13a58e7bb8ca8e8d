//! VTIMEZONE components for the `.ics` export, computed from chrono-tz.
//!
//! RFC 5545 (§3.2.19, §3.6.5) requires a VTIMEZONE for every TZID a
//! calendar uses; strict readers (Outlook) reject or misplace events
//! without one, and the `icalendar` crate cannot build them. chrono-tz does
//! not expose its transition table, so the transitions are found by
//! sampling the zone's offset and bisecting where it changes. Each one
//! becomes a STANDARD or DAYLIGHT sub-component with an explicit DTSTART
//! (no RRULE): exact for past rule changes, and valid RFC 5545. After the
//! years described one by one, the last year's two changes carry on as
//! yearly rules (`RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`), so a series that
//! runs to 2100, or never ends, has summer time in every year a reader
//! expands it to.

mod yearly_rules;

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz, TzOffset};

/// Years before the earliest date used, so the observance in force at the
/// first event starts before it (and a reader sees the year's change).
const YEARS_BEFORE: i32 = 1;
/// Years after the latest date used, for clients that look slightly ahead.
const YEARS_AFTER: i32 = 2;
/// How far an open-ended series (no UNTIL) is covered from its first
/// session or the export, whichever is later: its projection horizon.
const OPEN_SERIES_YEARS: i32 = 10;
/// The longest span described change by change, so a stray far-off date
/// cannot make the export scan centuries. The earliest years are kept: the
/// yearly rules after them cover the rest.
const MAX_SPAN_YEARS: i32 = 60;
/// The last year chrono-tz describes change by change: its table (tzdata
/// compiled) stops there, and after it every zone keeps the offset it
/// ended on, with no summer time. tzdata itself carries its last rules on
/// forever, as calendar readers do; so a span past this year is described
/// from the years before it, whose yearly rules carry on to the span.
const LAST_DESCRIBED_YEAR: i32 = 2099;
/// Sampling step. Offset changes are months apart, so none is missed;
/// 6 hours keeps ten years to ~15,000 samples (a few ms).
const STEP_SECONDS: i64 = 6 * 3600;

/// One STANDARD or DAYLIGHT sub-component: the zone's offset from `onset`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Observance {
    /// When it starts, as wall-clock time in the offset before it
    /// (`from`): RFC 5545 §3.6.5 gives DTSTART in the "from" local time.
    pub onset: NaiveDateTime,
    /// UTC offset in seconds before the onset (TZOFFSETFROM).
    pub from: i32,
    /// UTC offset in seconds from the onset on (TZOFFSETTO).
    pub to: i32,
    /// Summer time: DAYLIGHT rather than STANDARD (see `is_daylight`).
    pub daylight: bool,
    /// The zone's abbreviation, e.g. BST (TZNAME), when it has one.
    pub name: Option<String>,
    /// A yearly rule this change repeats by from `onset` on
    /// (`FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`), for the years after those
    /// described one by one.
    pub rule: Option<String>,
}

/// The observances of `zone` from 1 January of `first_year` (UTC) to the
/// end of `last_year`: the one in force at the start of the span, then one
/// per change of offset or abbreviation. A zone that never changes in the
/// span (UTC, Asia/Kolkata) gets one observance from 1970-01-01 00:00.
pub fn observances(zone: Tz, first_year: i32, last_year: i32) -> Vec<Observance> {
    let (Some(start), Some(end)) = (
        year_start(first_year),
        year_start(last_year.saturating_add(1)),
    ) else {
        return Vec::new();
    };
    let initial = offset_at(zone, start);
    let mut found = Vec::new();
    let mut before = initial;
    let mut at = start;
    while at < end {
        let next = (at + Duration::seconds(STEP_SECONDS)).min(end);
        let after = offset_at(zone, next);
        if after != before {
            // Offsets differ over (at, next]; the change is the first
            // second with the new offset. One change per step at most.
            let change = first_change(zone, at, next, before);
            found.push(observance(change, before, offset_at(zone, change)));
        }
        before = after;
        at = next;
    }
    let onset = if found.is_empty() {
        NaiveDate::from_ymd_opt(1970, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
    } else {
        Some(start + Duration::seconds(i64::from(total(initial))))
    };
    // The observance already in force when the span starts: without it a
    // time before the first change would have no defined offset.
    let first = onset.map(|onset| Observance {
        onset,
        ..observance(start, initial, initial)
    });
    first.into_iter().chain(found).collect()
}

/// The UTC instant that begins a year, as naive UTC.
fn year_start(year: i32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(year, 1, 1)?.and_hms_opt(0, 0, 0)
}

fn offset_at(zone: Tz, utc: NaiveDateTime) -> TzOffset {
    *zone.from_utc_datetime(&utc).offset()
}

/// Total UTC offset (standard plus DST) in seconds.
fn total(offset: TzOffset) -> i32 {
    let seconds = (offset.base_utc_offset() + offset.dst_offset()).num_seconds();
    i32::try_from(seconds).unwrap_or(0)
}

/// Bisects (low, high] to the whole second for the first instant whose
/// offset is no longer `before` (tzdata changes fall on whole seconds).
fn first_change(
    zone: Tz,
    low: NaiveDateTime,
    high: NaiveDateTime,
    before: TzOffset,
) -> NaiveDateTime {
    // Invariant: the offset `low + lo` seconds is `before`, at `hi` not.
    let (mut lo, mut hi) = (0, (high - low).num_seconds());
    while hi - lo > 1 {
        let middle = lo + (hi - lo) / 2;
        if offset_at(zone, low + Duration::seconds(middle)) == before {
            lo = middle;
        } else {
            hi = middle;
        }
    }
    low + Duration::seconds(hi)
}

fn observance(change_utc: NaiveDateTime, before: TzOffset, after: TzOffset) -> Observance {
    Observance {
        onset: change_utc + Duration::seconds(i64::from(total(before))),
        from: total(before),
        to: total(after),
        daylight: is_daylight(before, after),
        name: after.abbreviation().map(str::to_string),
        rule: None,
    }
}

/// Summer time: a positive DST part. tzdata models Irish winter as a
/// *negative* DST part (summer, IST, is "standard"); readers expect the
/// summer observance to be DAYLIGHT, so leaving negative DST counts as
/// entering summer time and the negative part itself as STANDARD.
fn is_daylight(before: TzOffset, after: TzOffset) -> bool {
    let zero = Duration::zero();
    after.dst_offset() > zero || (after.dst_offset() == zero && before.dst_offset() < zero)
}

/// The zones a calendar uses, each with the span of dates it is used on;
/// becomes the VTIMEZONE blocks.
#[derive(Debug, Default)]
pub struct ZoneSpans {
    /// By IANA name, so the blocks come out in a stable order.
    zones: BTreeMap<String, (Tz, i32, i32)>,
}

impl ZoneSpans {
    /// Notes that a time in `zone` on `date` is written with its TZID.
    pub fn note(&mut self, zone: Tz, date: NaiveDate) {
        self.note_years(zone, date.year(), date.year());
    }

    /// Notes an open-ended series in `zone` from `first`: covered for
    /// [`OPEN_SERIES_YEARS`] from `first` or `now`, whichever is later.
    pub fn note_open(&mut self, zone: Tz, first: NaiveDate, now: NaiveDate) {
        let from = first.year().max(now.year());
        self.note_years(zone, first.year(), from + OPEN_SERIES_YEARS);
    }

    fn note_years(&mut self, zone: Tz, low: i32, high: i32) {
        let span = self
            .zones
            .entry(zone.name().to_string())
            .or_insert((zone, low, high));
        span.1 = span.1.min(low);
        span.2 = span.2.max(high);
    }

    /// One VTIMEZONE per zone noted, as `.ics` lines (CRLF, folded).
    pub fn vtimezones(&self) -> String {
        let mut text = String::new();
        for (name, &(zone, low, high)) in &self.zones {
            let first = low.saturating_sub(YEARS_BEFORE);
            let last = high
                .saturating_add(YEARS_AFTER)
                .min(first.saturating_add(MAX_SPAN_YEARS))
                .min(LAST_DESCRIBED_YEAR);
            // Two years at least, for the yearly rules to follow from.
            let first = first.min(last.saturating_sub(1));
            let mut found = observances(zone, first, last);
            let rules = yearly_rules::yearly_rules(&found, last);
            found.extend(rules);
            text.push_str(&vtimezone(name, &found));
        }
        text
    }
}

/// A VTIMEZONE block for the zone `tzid` with these observances.
pub fn vtimezone(tzid: &str, observances: &[Observance]) -> String {
    let mut text = String::new();
    line(&mut text, "BEGIN:VTIMEZONE");
    line(&mut text, &format!("TZID:{tzid}"));
    for o in observances {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        line(&mut text, &format!("BEGIN:{kind}"));
        line(
            &mut text,
            &format!("DTSTART:{}", o.onset.format("%Y%m%dT%H%M%S")),
        );
        if let Some(rule) = &o.rule {
            line(&mut text, &format!("RRULE:{rule}"));
        }
        line(&mut text, &format!("TZOFFSETFROM:{}", utc_offset(o.from)));
        line(&mut text, &format!("TZOFFSETTO:{}", utc_offset(o.to)));
        if let Some(name) = &o.name {
            line(
                &mut text,
                &format!("TZNAME:{}", super::ics_text::escaped(name)),
            );
        }
        line(&mut text, &format!("END:{kind}"));
    }
    line(&mut text, "END:VTIMEZONE");
    text
}

/// RFC 5545 UTC-OFFSET: `+HHMM`, with seconds only when there are some;
/// zero is `+0000` (the RFC forbids `-0000`).
pub fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let magnitude = seconds.unsigned_abs();
    let (hours, minutes, rest) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60);
    if rest == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{rest:02}")
    }
}

/// Appends a content line ending in CRLF, folded as the whole export is.
fn line(out: &mut String, content: &str) {
    super::ics_text::fold_into(out, content);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_formatted_as_rfc_5545_utc_offsets() {
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(3600), "+0100");
        assert_eq!(utc_offset(-5 * 3600), "-0500");
        assert_eq!(utc_offset(5 * 3600 + 1800), "+0530");
        assert_eq!(utc_offset(-(75 * 60 + 7)), "-011507");
    }

    #[test]
    fn irish_summer_is_daylight_despite_negative_dst() {
        let found = observances(Tz::Europe__Dublin, 2025, 2025);
        let kinds: Vec<_> = found.iter().map(|o| (o.daylight, o.to)).collect();
        assert_eq!(kinds, [(false, 0), (true, 3600), (false, 0)]);
        let onsets: Vec<_> = found.iter().map(|o| o.onset.to_string()).collect();
        assert_eq!(
            onsets,
            [
                "2025-01-01 00:00:00",
                "2025-03-30 01:00:00",
                "2025-10-26 02:00:00"
            ]
        );
    }

    /// Where chrono-tz's table ends: should a new version describe more
    /// years, `LAST_DESCRIBED_YEAR` may follow it.
    #[test]
    fn chrono_tz_describes_summer_time_up_to_the_last_described_year_only() {
        let changes = |year| observances(Tz::Europe__London, year, year).len() - 1;
        assert_eq!(changes(LAST_DESCRIBED_YEAR), 2);
        assert_eq!(changes(LAST_DESCRIBED_YEAR + 1), 0);
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let mut text = String::new();
        line(&mut text, &"x".repeat(160));
        assert!(text.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(
            text.replace("\r\n ", ""),
            format!("{}\r\n", "x".repeat(160))
        );
    }
}
