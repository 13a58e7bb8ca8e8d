//! A series' cadence read strictly as an RFC 5545 RRULE (§3.3.10), and
//! written the way readers need it. The register keeps the cadence as the
//! officer or the editor wrote it; an `UNTIL` may be a plain date there
//! ("the last day a session may fall on", in the series' zone). The
//! export and the expansion both go through [`SeriesRule`], so the
//! calendar a reader sees and the sessions the program counts agree.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::CadenceError;
use crate::model::SessionSeries;
use crate::model::ValueError;

/// The rule parts RFC 5545 defines; anything else is a typing mistake.
const RULE_PARTS: [&str; 14] = [
    "FREQ",
    "UNTIL",
    "COUNT",
    "INTERVAL",
    "BYSECOND",
    "BYMINUTE",
    "BYHOUR",
    "BYDAY",
    "BYMONTHDAY",
    "BYYEARDAY",
    "BYWEEKNO",
    "BYMONTH",
    "BYSETPOS",
    "WKST",
];

const FREQUENCIES: [&str; 7] = [
    "SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY",
];

/// How the cadence's `UNTIL` was written.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Until {
    /// `UNTIL=20251231`: the last day, in the series' zone.
    Date(NaiveDate),
    /// `UNTIL=20251231T235959Z`: an instant, as RFC 5545 wants it.
    Utc(NaiveDateTime),
    /// `UNTIL=20251231T180000`: a wall-clock time, read in the series' zone.
    Local(NaiveDateTime),
}

/// A series' cadence that passed every check, ready to expand or export.
#[derive(Clone, Debug)]
pub(crate) struct SeriesRule {
    /// The rule parts other than UNTIL, upper-cased, in the written order.
    parts: Vec<String>,
    until: Option<Until>,
    zone: Tz,
    /// The rule as the `rrule` crate expands it.
    pub(crate) rule: rrule::RRule<rrule::Unvalidated>,
}

impl SeriesRule {
    /// The series' rule, `None` when it has no cadence, or why the cadence
    /// is not a valid RRULE (the reason only; see [`cadence_error`]).
    pub(crate) fn of(series: &SessionSeries) -> Result<Option<SeriesRule>, ValueError> {
        let text = series.cadence.trim();
        let text = text.strip_prefix("RRULE:").unwrap_or(text).trim();
        if text.is_empty() {
            return Ok(None);
        }
        let mut parts = Vec::new();
        let mut seen = Vec::new();
        let mut until = None;
        for part in text.split(';') {
            let Some((key, value)) = part.split_once('=') else {
                return Err(format!(
                    "\"{part}\" is not a rule part (write NAME=VALUE, e.g. FREQ=MONTHLY)"
                )
                .into());
            };
            let key = key.trim().to_ascii_uppercase();
            let value = value.trim();
            if !RULE_PARTS.contains(&key.as_str()) {
                return Err(format!("{key} is not a rule part RFC 5545 knows").into());
            }
            if seen.contains(&key) {
                return Err(format!("{key} is given twice").into());
            }
            seen.push(key.clone());
            match key.as_str() {
                "FREQ" => check_frequency(value)?,
                "UNTIL" => {
                    until = Some(read_until(value)?);
                    continue;
                }
                _ => {}
            }
            parts.push(format!("{key}={}", value.to_ascii_uppercase()));
        }
        if !seen.iter().any(|k| k == "FREQ") {
            return Err("it has no FREQ (e.g. FREQ=MONTHLY)".into());
        }
        if until.is_some() && seen.iter().any(|k| k == "COUNT") {
            return Err("it has both UNTIL and COUNT, and may have only one".into());
        }
        let zone = series.time_zone;
        let rule = rule_text(&parts, until, zone, false)
            .parse()
            .map_err(|e: rrule::RRuleError| reason(&e))?;
        let found = SeriesRule {
            parts,
            until,
            zone,
            rule,
        };
        if let (Some(first), Some(until)) = (series.first, found.until) {
            let last = last_instant(zone, until);
            let start = start_of(series, first);
            if let (Some(last), Some(start)) = (last, start)
                && last < start
            {
                return Err(format!(
                    "its UNTIL ({}) is before the first session ({first})",
                    last_day(zone, until)
                )
                .into());
            }
        }
        if let Some(start) = series.first.and_then(|first| start_of(series, first)) {
            found
                .rule
                .clone()
                .build(start.with_timezone(&rrule::Tz::Tz(series.time_zone)))
                .map_err(|e| reason(&e))?;
        }
        Ok(Some(found))
    }

    /// The RRULE value for a reader. With a start time the start carries a
    /// TZID, so UNTIL is the UTC instant (RFC 5545 §3.3.10); an all-day
    /// series starts on a DATE, so UNTIL is the date.
    pub(crate) fn text(&self, all_day: bool) -> String {
        rule_text(&self.parts, self.until, self.zone, all_day)
    }

    /// The RRULE value for a reader when the series' `first` is not a day
    /// the cadence gives. RFC 5545 counts DTSTART as the first session
    /// even then (and in COUNT); the expansion here, like the register,
    /// does not. The export leaves that DTSTART out with an EXDATE, so
    /// COUNT goes up by one to give the reader as many sessions.
    pub(crate) fn text_after_stray_start(&self, all_day: bool) -> String {
        let parts: Vec<String> = self
            .parts
            .iter()
            .map(|part| {
                match part
                    .strip_prefix("COUNT=")
                    .and_then(|n| n.parse::<u32>().ok())
                {
                    Some(n) => format!("COUNT={}", n.saturating_add(1)),
                    None => part.clone(),
                }
            })
            .collect();
        rule_text(&parts, self.until, self.zone, all_day)
    }

    /// The last day a session may fall on, in the series' zone, when the
    /// cadence has an UNTIL.
    pub(crate) fn until_day(&self) -> Option<NaiveDate> {
        self.until.map(|until| last_day(self.zone, until))
    }
}

fn rule_text(parts: &[String], until: Option<Until>, zone: Tz, all_day: bool) -> String {
    let mut parts = parts.to_vec();
    if let Some(until) = until {
        let value = match last_instant(zone, until) {
            Some(instant) if !all_day => instant.format("%Y%m%dT%H%M%SZ").to_string(),
            _ => last_day(zone, until).format("%Y%m%d").to_string(),
        };
        parts.push(format!("UNTIL={value}"));
    }
    parts.join(";")
}

/// The last instant a session may start: for a date-only UNTIL, the end
/// of that day in the series' zone.
fn last_instant(zone: Tz, until: Until) -> Option<DateTime<Utc>> {
    match until {
        Until::Utc(at) => Some(Utc.from_utc_datetime(&at)),
        Until::Local(at) => local(zone, at),
        Until::Date(day) => local(zone, day.and_time(NaiveTime::from_hms_opt(23, 59, 59)?)),
    }
}

/// The last day a session may fall on, in the series' zone.
fn last_day(zone: Tz, until: Until) -> NaiveDate {
    match until {
        Until::Date(day) => day,
        Until::Local(at) => at.date(),
        Until::Utc(at) => Utc.from_utc_datetime(&at).with_timezone(&zone).date_naive(),
    }
}

/// The sentence `check` and the export give for a cadence that is not a
/// valid RRULE.
pub(crate) fn cadence_error(series: &SessionSeries, reason: &ValueError) -> CadenceError {
    CadenceError::BadCadence {
        series: series.name.clone(),
        cadence: series.cadence.clone(),
        reason: reason.to_string(),
    }
}

/// A wall-clock time in `zone` as UTC; in an autumn overlap the later
/// reading, in a spring gap the first time after it.
fn local(zone: Tz, at: NaiveDateTime) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&at)
        .latest()
        .or_else(|| {
            zone.from_local_datetime(&(at + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
}

/// The first session's start in the series' zone (midnight for all-day).
fn start_of(series: &SessionSeries, first: NaiveDate) -> Option<DateTime<Tz>> {
    let at = first.and_time(series.start.unwrap_or(NaiveTime::MIN));
    let zone = series.time_zone;
    zone.from_local_datetime(&at).earliest().or_else(|| {
        zone.from_local_datetime(&(at + chrono::Duration::hours(1)))
            .earliest()
    })
}

fn check_frequency(value: &str) -> Result<(), ValueError> {
    let upper = value.to_ascii_uppercase();
    if FREQUENCIES.contains(&upper.as_str()) {
        return Ok(());
    }
    let hint = match upper.as_str() {
        "FORTNIGHTLY" | "BIWEEKLY" => " (every other week is FREQ=WEEKLY;INTERVAL=2)",
        "QUARTERLY" => " (every three months is FREQ=MONTHLY;INTERVAL=3)",
        "ANNUALLY" => " (once a year is FREQ=YEARLY)",
        _ => "",
    };
    Err(format!(
        "FREQ \"{value}\" is not a frequency; it is one of DAILY, WEEKLY, MONTHLY, YEARLY, \
         HOURLY, MINUTELY or SECONDLY{hint}"
    )
    .into())
}

fn read_until(value: &str) -> Result<Until, ValueError> {
    let unreadable = || {
        ValueError::from(format!(
            "UNTIL \"{value}\" is not a date (YYYYMMDD, e.g. 20251231) or a UTC time \
             (YYYYMMDDTHHMMSSZ, e.g. 20251231T235959Z)"
        ))
    };
    if value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(Until::Date)
            .map_err(|_| unreadable());
    }
    let (text, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(text) => (text, true),
        None => (value, false),
    };
    let well_formed = text.len() == 15
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 8 {
                b.eq_ignore_ascii_case(&b'T')
            } else {
                b.is_ascii_digit()
            }
        });
    if !well_formed {
        return Err(unreadable());
    }
    let at = NaiveDateTime::parse_from_str(&text.to_ascii_uppercase(), "%Y%m%dT%H%M%S")
        .map_err(|_| unreadable())?;
    Ok(if utc {
        Until::Utc(at)
    } else {
        Until::Local(at)
    })
}

/// The `rrule` crate's explanation without its "RRule parsing error:"
/// prefix, which means nothing to an officer.
pub(crate) fn reason(error: &rrule::RRuleError) -> String {
    let text = match error {
        rrule::RRuleError::ParserError(e) => e.to_string(),
        rrule::RRuleError::ValidationError(e) => e.to_string(),
        rrule::RRuleError::IterError(e) => e.clone(),
    };
    text.trim_end_matches('.').replace('`', "")
}
