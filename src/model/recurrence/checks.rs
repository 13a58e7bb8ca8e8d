//! What `check` says about a series' cadence and exceptions. Depends on
//! the series alone, so the problem cache may recheck it on its own.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::occurrences::{STRAY_REACH, cadence_gives, cadence_starts, occurrences};
use super::rule::SeriesRule;
use crate::model::{Field, Meeting, OccurrenceChange, Record, Register, SeriesId, SessionSeries};

/// The series' problems as sentences, each with the field at fault: a
/// cadence that is not a valid RRULE (the export refuses it), exceptions
/// that change nothing because the cadence never gives their date, and
/// moves onto a day that already has a session of the series.
pub fn series_problems(
    register: &Register,
    id: SeriesId,
    series: &SessionSeries,
) -> Vec<(Field, String)> {
    let label = register.known_as(Record::Series(id));
    let rule = match SeriesRule::of(series) {
        Ok(rule) => rule,
        Err(reason) => {
            return vec![(
                Field::Cadence,
                cadence_problem(register, id, series, &reason.to_string()),
            )];
        }
    };
    let mut problems = Vec::new();
    let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for exception in &series.exceptions {
        *seen.entry(exception.occurrence).or_default() += 1;
    }
    for (day, count) in &seen {
        if *count > 1 {
            problems.push(format!(
                "{label} has {count} exceptions for {day}: only the first counts"
            ));
        }
    }
    let given = cadence_dates(series, rule.as_ref());
    for exception in &series.exceptions {
        let day = exception.occurrence;
        if !given.contains(&day) {
            problems.push(match (&rule, series.first) {
                (Some(_), Some(_)) => format!(
                    "{label} has an exception for {day}, a date its cadence never gives: \
                     the change does nothing"
                ),
                _ => format!(
                    "{label} has an exception for {day} but no cadence and first session \
                     to give it: the change does nothing"
                ),
            });
        } else if exception.change == OccurrenceChange::MovedTo(day) {
            problems.push(format!(
                "{label} moves the session of {day} to the same day: the change does nothing"
            ));
        }
    }
    problems.extend(moves_onto_sessions(id, series, &label));
    let mut problems: Vec<(Field, String)> = problems
        .into_iter()
        .map(|message| (Field::Exceptions, message))
        .collect();
    if let (Some(rule), Some(first)) = (&rule, series.first)
        && !cadence_gives(series, rule, first, first)
    {
        let until = first.checked_add_days(YEAR).unwrap_or(first);
        let next = cadence_starts(series, rule, first, first, until)
            .ok()
            .and_then(|starts| starts.first().map(|s| s.date_naive()));
        let advice = match next {
            Some(next) => format!("make the first session {}", day_text(next)),
            None => "make the first session a day the cadence gives".to_string(),
        };
        problems.push((
            Field::Date,
            format!(
                "{label} has its first session on {}, a day its cadence \"{}\" never gives: \
                 a calendar would show an extra session that day; {advice}",
                day_text(first),
                series.cadence
            ),
        ));
    }
    problems
}

/// A year of days: how far to look for a series' next session.
const YEAR: chrono::Days = chrono::Days::new(366);

/// "Friday 11 April 2025": a cadence is about weekdays, so the sentence
/// names the day.
fn day_text(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

/// What `check` says of a meeting of a series on a day its cadence never
/// gives and no exception moves a session to (the calendar cannot tell
/// which session it is), as the rest of a sentence whose subject is the
/// meeting: "is on Friday 18 April 2025, …". `None` when the meeting has no series, the series
/// no cadence or first session, or the day is one of its sessions.
pub fn meeting_day_problem(register: &Register, meeting: &Meeting) -> Option<String> {
    let id = meeting.series?;
    let series = register.session_series(id)?;
    let first = series.first?;
    let rule = SeriesRule::of(series).ok()??;
    let day = meeting.date;
    let moved_here = series
        .exceptions
        .iter()
        .any(|e| e.change == OccurrenceChange::MovedTo(day));
    if moved_here || cadence_gives(series, &rule, first, day) {
        return None;
    }
    let name = register.mentioned(Record::Series(id));
    if day < first {
        return Some(format!(
            "is on {}, before the first session of {name} ({}): make the series' first \
             session {} or earlier",
            day_text(day),
            day_text(first),
            day_text(day)
        ));
    }
    let nearest = cadence_starts(
        series,
        &rule,
        first,
        day.checked_sub_days(STRAY_REACH).unwrap_or(day).max(first),
        day.checked_add_days(STRAY_REACH).unwrap_or(day),
    )
    .ok()
    .and_then(|starts| {
        starts
            .iter()
            .map(|s| s.date_naive())
            .min_by_key(|d| ((*d - day).num_days().abs(), *d))
    });
    let advice = match nearest {
        Some(nearest) => format!(
            "add an exception to {name} moving the session of {} to it, or correct the date",
            day_text(nearest)
        ),
        None => format!("add an exception to {name} moving a session to it, or correct the date"),
    };
    Some(format!(
        "is on {}, a day the cadence of {name} never gives and no exception moves a \
         session to: {advice}",
        day_text(day)
    ))
}

/// The sentence for a cadence that is not a valid RRULE, in `check` and
/// in the refused export alike.
pub(crate) fn cadence_problem(
    register: &Register,
    id: SeriesId,
    series: &SessionSeries,
    reason: &str,
) -> String {
    format!(
        "{} has cadence \"{}\", which is not a valid iCalendar RRULE: {reason}",
        register.named(Record::Series(id)),
        series.cadence
    )
}

/// The dates the cadence gives between the earliest and the latest date
/// an exception names; empty when there is no cadence or nothing to check.
fn cadence_dates(series: &SessionSeries, rule: Option<&SeriesRule>) -> Vec<NaiveDate> {
    let (Some(rule), Some(first)) = (rule, series.first) else {
        return Vec::new();
    };
    let days = || series.exceptions.iter().map(|e| e.occurrence);
    let (Some(earliest), Some(last)) = (days().min(), days().max()) else {
        return Vec::new();
    };
    if last < first {
        return Vec::new();
    }
    cadence_starts(series, rule, first, earliest.max(first), last)
        .map(|starts| starts.iter().map(|s| s.date_naive()).collect())
        .unwrap_or_default()
}

/// Moves onto a day where, after every exception, the series already
/// meets: two sessions on one day is a mistake, not a plan.
fn moves_onto_sessions(id: SeriesId, series: &SessionSeries, label: &str) -> Vec<String> {
    let targets: Vec<(NaiveDate, NaiveDate)> = series
        .exceptions
        .iter()
        .filter_map(|e| match e.change {
            OccurrenceChange::MovedTo(day) if day != e.occurrence => Some((e.occurrence, day)),
            _ => None,
        })
        .collect();
    let (Some(from), Some(to)) = (
        targets.iter().map(|t| t.1).min(),
        targets.iter().map(|t| t.1).max(),
    ) else {
        return Vec::new();
    };
    let Ok(found) = occurrences(id, series, from, to) else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    for (occurrence, day) in targets {
        let others = found
            .iter()
            .filter(|o| o.date == day && !o.cancelled && o.cadence_date != occurrence)
            .count();
        if others > 0 {
            problems.push(format!(
                "{label} moves the session of {occurrence} to {day}, which already has a \
                 session of the series"
            ));
        }
    }
    problems
}
