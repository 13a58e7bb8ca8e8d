//! Expanding a series' cadence into dated occurrences with the `rrule`
//! crate, applying the series' exceptions.

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;

use super::CadenceError;
use super::rule::{SeriesRule, cadence_error, reason};
use crate::model::{OccurrenceChange, Register, SeriesId, SessionSeries};

/// Most occurrences one expansion returns; a weekly series over a century
/// stays under it.
const EXPANSION_LIMIT: u16 = 6000;

/// How far an exception may move a session: occurrences this far outside
/// the asked-for window are expanded too, so a move into it is seen.
const MOVE_REACH: Days = Days::new(366);

/// One session as the cadence and the exceptions give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    pub series: SeriesId,
    /// The date the cadence gives; exceptions and the ics export name it.
    pub cadence_date: NaiveDate,
    /// The day the session takes place (differs when it was moved).
    pub date: NaiveDate,
    /// The start in the series' zone, when the series has a start time.
    pub start: Option<DateTime<Tz>>,
    /// An exception cancelled it.
    pub cancelled: bool,
}

impl Occurrence {
    /// Whether an exception moved it to another day.
    pub fn moved(&self) -> bool {
        self.date != self.cadence_date
    }
}

/// The occurrences of `series` taking place from `from` to `to` (both
/// included), cancelled ones flagged, in date order. A series without a
/// cadence or first date has none.
pub fn occurrences(
    id: SeriesId,
    series: &SessionSeries,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Occurrence>, CadenceError> {
    let Some(first) = series.first else {
        return Ok(Vec::new());
    };
    let Some(rule) = SeriesRule::of(series).map_err(|reason| cadence_error(series, &reason))?
    else {
        return Ok(Vec::new());
    };
    let zone = series.time_zone;
    let window_start = from.checked_sub_days(MOVE_REACH).unwrap_or(from).max(first);
    let window_end = to.checked_add_days(MOVE_REACH).unwrap_or(to);
    let mut found = Vec::new();
    for start in cadence_starts(series, &rule, first, window_start, window_end)? {
        let cadence_date = start.date_naive();
        let change = series
            .exceptions
            .iter()
            .find(|e| e.occurrence == cadence_date)
            .map(|e| e.change);
        let (date, cancelled) = match change {
            None => (cadence_date, false),
            Some(OccurrenceChange::Cancelled) => (cadence_date, true),
            Some(OccurrenceChange::MovedTo(day)) => (day, false),
        };
        if date < from || date > to {
            continue;
        }
        let start = series.start.and_then(|time| {
            zone.from_local_datetime(&date.and_time(time))
                .earliest()
                .or_else(|| zone.from_local_datetime(&date.and_time(time)).latest())
        });
        found.push(Occurrence {
            series: id,
            cadence_date,
            date,
            start,
            cancelled,
        });
    }
    found.sort_by_key(|o| (o.date, o.cadence_date));
    Ok(found)
}

/// The starts the cadence alone gives (no exceptions) from `from` to `to`,
/// in the series' zone; all-day series start at midnight.
pub(crate) fn cadence_starts(
    series: &SessionSeries,
    rule: &SeriesRule,
    first: NaiveDate,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<DateTime<Tz>>, CadenceError> {
    let zone = series.time_zone;
    let local = |date: NaiveDate| -> Result<DateTime<rrule::Tz>, CadenceError> {
        let time = series.start.unwrap_or(NaiveTime::MIN);
        // A start inside a spring-forward gap takes the later reading.
        zone.from_local_datetime(&date.and_time(time))
            .earliest()
            .or_else(|| zone.from_local_datetime(&date.and_time(time)).latest())
            .map(|dt| dt.with_timezone(&rrule::Tz::Tz(zone)))
            .ok_or_else(|| CadenceError::NoSuchTime {
                series: series.name.clone(),
                zone: zone.name().to_string(),
            })
    };
    let set = rule
        .rule
        .clone()
        .build(local(first)?)
        .map_err(|e| cadence_error(series, &reason(&e).into()))?
        .after(local(from)?)
        .before(local(to)?);
    Ok(set
        .all(EXPANSION_LIMIT)
        .dates
        .into_iter()
        .map(|start| start.with_timezone(&zone))
        .collect())
}

/// How far from a session the cadence gives a meeting of the series may
/// fall, on a day no exception moves it to, and still be that session
/// (held a day late, say) rather than an extra one.
pub(crate) const STRAY_REACH: Days = Days::new(STRAY_REACH_DAYS);
const STRAY_REACH_DAYS: u64 = 31;

/// Whether the cadence alone gives a session on `day`, counted from
/// `first` (a `first` the cadence does not give is not one of its
/// sessions: the `rrule` crate, unlike a calendar reader, leaves it out).
pub(crate) fn cadence_gives(
    series: &SessionSeries,
    rule: &SeriesRule,
    first: NaiveDate,
    day: NaiveDate,
) -> bool {
    cadence_starts(series, rule, first, day, day)
        .is_ok_and(|starts| starts.iter().any(|s| s.date_naive() == day))
}

/// The cadence dates of `found` that the meetings on `meetings` (dates of
/// the series' meetings) stand for. A meeting on an occurrence's day, or on
/// the day the cadence gave it, is that occurrence. A meeting on a day the
/// cadence never gives, from the series' `first` on, is the nearest
/// occurrence when that one is within [`STRAY_REACH`] and less than
/// halfway to the occurrence next to it, not cancelled and not already a
/// meeting: the session held a day late, not an extra one. So a calendar
/// never shows one session twice, as the meeting and as the projected
/// session beside it.
pub(crate) fn taken_by_meetings(
    first: NaiveDate,
    meetings: &[NaiveDate],
    found: &[Occurrence],
) -> std::collections::BTreeSet<NaiveDate> {
    let mut taken = std::collections::BTreeSet::new();
    let mut strays = Vec::new();
    for &day in meetings {
        let mut on_it = found
            .iter()
            .filter(|o| o.date == day || o.cadence_date == day)
            .peekable();
        if on_it.peek().is_none() && day >= first {
            strays.push(day);
        }
        taken.extend(on_it.map(|o| o.cadence_date));
    }
    strays.sort_unstable();
    for day in strays {
        let distance = |o: &&Occurrence| (o.date - day).num_days().abs();
        let Some(nearest) = found.iter().min_by_key(|o| (distance(o), o.date)) else {
            continue;
        };
        let gap = found
            .iter()
            .filter(|o| o.date != nearest.date)
            .map(|o| (o.date - nearest.date).num_days().abs())
            .min();
        let near = u64::try_from(distance(&nearest)).is_ok_and(|d| d <= STRAY_REACH_DAYS)
            && gap.is_none_or(|gap| 2 * distance(&nearest) < gap);
        let booked = nearest.cancelled
            || taken.contains(&nearest.cadence_date)
            || meetings.contains(&nearest.date);
        if near && !booked {
            taken.insert(nearest.cadence_date);
        }
    }
    taken
}

/// Sessions the series' cadences give from `today` to `until` that are
/// not meetings yet: an occurrence counts as scheduled when a meeting of
/// its series stands for it (see [`taken_by_meetings`]). Series whose
/// cadence cannot be read are skipped (validation reports them).
pub fn projected_sessions(
    register: &Register,
    today: NaiveDate,
    until: NaiveDate,
) -> Vec<Occurrence> {
    let mut projected = Vec::new();
    // A meeting just outside the window may stand for a session inside it.
    let from = today.checked_sub_days(STRAY_REACH).unwrap_or(today);
    let to = until.checked_add_days(STRAY_REACH).unwrap_or(until);
    for (&id, series) in &register.series {
        let Ok(found) = occurrences(id, series, from, to) else {
            continue;
        };
        let scheduled = meeting_dates(register, id);
        let Some(first) = series.first else {
            continue;
        };
        let taken = taken_by_meetings(first, &scheduled, &found);
        projected.extend(
            found
                .into_iter()
                .filter(|o| !taken.contains(&o.cadence_date) && o.date >= today && o.date <= until),
        );
    }
    projected.sort_by_key(|o| (o.date, o.series));
    projected
}

/// The days of the meetings of series `id`, as the register holds them:
/// what its cadence's occurrences are taken by.
pub(crate) fn meeting_dates(register: &Register, id: SeriesId) -> Vec<NaiveDate> {
    register
        .meetings
        .values()
        .filter(|m| m.series == Some(id))
        .map(|m| m.date)
        .collect()
}
