//! The cadences the series editor offers, turned into iCalendar RRULE text
//! and back. Any other RRULE a hand-edited file holds still expands; the
//! editor then shows it as text.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::recurrence::{WEEKDAYS, weekday_code};

/// How often a series meets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rhythm {
    /// Every `interval` weeks on the weekday of the first session.
    Weekly,
    /// Every `interval` months on this day of the month (-1: the last day).
    MonthlyOnDay(i8),
    /// Every `interval` months on the nth weekday (-1: the last one).
    MonthlyOnWeekday { nth: i8, weekday: Weekday },
}

/// When a series stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CadenceEnd {
    Never,
    /// The last day an occurrence may fall on.
    Until(NaiveDate),
    /// How many occurrences there are in all.
    Count(u32),
}

/// A cadence in the shapes the editor offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cadence {
    pub rhythm: Rhythm,
    /// 1 = every week or month, 2 = every other one, ...
    pub interval: u16,
    pub end: CadenceEnd,
}

impl Cadence {
    /// A weekly cadence with no end.
    pub fn weekly() -> Self {
        Cadence {
            rhythm: Rhythm::Weekly,
            interval: 1,
            end: CadenceEnd::Never,
        }
    }

    /// The monthly cadence that keeps the first session's nth weekday.
    pub fn monthly_like(first: NaiveDate) -> Self {
        // A fifth weekday is missing from most months: call it the last.
        let nth = match first.day0() / 7 + 1 {
            5 => -1,
            n => i8::try_from(n).unwrap_or(1),
        };
        Cadence {
            rhythm: Rhythm::MonthlyOnWeekday {
                nth,
                weekday: first.weekday(),
            },
            interval: 1,
            end: CadenceEnd::Never,
        }
    }

    /// The RRULE value (without the `RRULE:` name) as the register keeps
    /// it. UNTIL is the last day as a date, read in the series' zone: the
    /// `.ics` export writes it as the UTC end of that day, as RFC 5545 asks
    /// when the start has a zone.
    pub fn to_rrule(&self) -> String {
        let mut parts = vec![match self.rhythm {
            Rhythm::Weekly => "FREQ=WEEKLY".to_string(),
            Rhythm::MonthlyOnDay(day) => format!("FREQ=MONTHLY;BYMONTHDAY={day}"),
            Rhythm::MonthlyOnWeekday { nth, weekday } => {
                format!("FREQ=MONTHLY;BYDAY={nth}{}", weekday_code(weekday))
            }
        }];
        if self.interval > 1 {
            parts.push(format!("INTERVAL={}", self.interval));
        }
        match self.end {
            CadenceEnd::Never => {}
            CadenceEnd::Until(date) => parts.push(format!("UNTIL={}", date.format("%Y%m%d"))),
            CadenceEnd::Count(count) => parts.push(format!("COUNT={count}")),
        }
        parts.join(";")
    }

    /// Reads an RRULE in one of the editor's shapes; `None` for anything else.
    pub fn parse(rrule: &str) -> Option<Cadence> {
        let mut freq = None;
        let mut interval = 1;
        let mut month_day = None;
        let mut by_day = None;
        let mut end = CadenceEnd::Never;
        for part in rrule.trim().trim_start_matches("RRULE:").split(';') {
            let (key, value) = part.split_once('=')?;
            match key.to_ascii_uppercase().as_str() {
                "FREQ" => freq = Some(value.to_ascii_uppercase()),
                "INTERVAL" => interval = value.parse().ok()?,
                "BYMONTHDAY" => month_day = Some(value.parse::<i8>().ok()?),
                "BYDAY" => by_day = Some(parse_nth_weekday(value)?),
                "COUNT" => end = CadenceEnd::Count(value.parse().ok()?),
                "UNTIL" => {
                    let date = value.get(..8)?;
                    end = CadenceEnd::Until(NaiveDate::parse_from_str(date, "%Y%m%d").ok()?);
                }
                "WKST" => {}
                _ => return None,
            }
        }
        let rhythm = match (freq?.as_str(), month_day, by_day) {
            ("WEEKLY", None, None) => Rhythm::Weekly,
            ("MONTHLY", Some(day), None) => Rhythm::MonthlyOnDay(day),
            ("MONTHLY", None, Some((nth, weekday))) => Rhythm::MonthlyOnWeekday { nth, weekday },
            _ => return None,
        };
        Some(Cadence {
            rhythm,
            interval,
            end,
        })
    }

    /// The cadence in the officer's words, e.g. "Every 2 weeks, 6 times".
    pub fn describe(&self) -> String {
        let every = match (self.rhythm, self.interval) {
            (Rhythm::Weekly, 1) => "Every week".to_string(),
            (Rhythm::Weekly, n) => format!("Every {n} weeks"),
            (_, 1) => "Every month".to_string(),
            (_, n) => format!("Every {n} months"),
        };
        let on = match self.rhythm {
            Rhythm::Weekly => String::new(),
            Rhythm::MonthlyOnDay(-1) => " on the last day".to_string(),
            Rhythm::MonthlyOnDay(day) => format!(" on day {day}"),
            Rhythm::MonthlyOnWeekday { nth, weekday } => {
                format!(" on the {} {weekday}", ordinal(nth))
            }
        };
        let end = match self.end {
            CadenceEnd::Never => String::new(),
            CadenceEnd::Until(date) => format!(", until {date}"),
            CadenceEnd::Count(n) => format!(", {n} times"),
        };
        format!("{every}{on}{end}")
    }
}

/// "1st", "2nd", ... or "last".
pub fn ordinal(nth: i8) -> String {
    match nth {
        -1 => "last".into(),
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}

fn parse_nth_weekday(value: &str) -> Option<(i8, Weekday)> {
    let split = value.len().checked_sub(2)?;
    let (nth, code) = value.split_at_checked(split)?;
    let weekday = WEEKDAYS
        .into_iter()
        .find(|w| weekday_code(*w).eq_ignore_ascii_case(code))?;
    Some((nth.trim_start_matches('+').parse().ok()?, weekday))
}
