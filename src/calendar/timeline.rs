//! The timeline's figures and layout as plain data and pure functions:
//! what is drawn where, which labels the axis gets, what is on screen.
//! The panel in `ui::timeline` only paints what these return.

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate, Timelike};

use super::projected_sessions;
use crate::model::{MeetingId, MeetingState, ParticipantId, Register, SeriesId};

/// How a session looks on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Look {
    Held,
    Planned,
    Postponed,
    Cancelled,
    /// Given by a series' cadence, not yet a meeting.
    Projected,
    /// Given by the cadence but cancelled by an exception.
    ProjectedCancelled,
}

/// What a mark on the timeline stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    Meeting(MeetingId),
    /// A projected occurrence, named by its series and cadence date.
    Projected(SeriesId, NaiveDate),
}

/// One session on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    pub mark: Mark,
    /// Days since 1 January of year 1, with the start time as a fraction.
    pub day: f64,
    pub date: NaiveDate,
    pub lane: usize,
    pub look: Look,
    pub title: String,
    /// Participants that attended (present, represented or observer).
    pub attendance: u32,
    /// Commitments announced at the meeting.
    pub commitments: u32,
}

/// One horizontal lane: a series, or the one-off meetings (`None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub series: Option<SeriesId>,
    pub name: String,
}

/// Everything the timeline draws, computed once per register revision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineFigures {
    pub lanes: Vec<Lane>,
    /// Sorted by `day`, so culling is a binary search.
    pub items: Vec<TimelineItem>,
}

/// How far ahead projected sessions are shown.
pub const PROJECTION_DAYS: u64 = 2 * 366;

/// The day number of a date (the timeline's x unit is one day).
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date a day number falls on.
pub fn date_of(day: f64) -> NaiveDate {
    let whole = day.floor().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
    NaiveDate::from_num_days_from_ce_opt(whole).unwrap_or(NaiveDate::MIN)
}

/// Lanes (series by name, then one-offs) and items for the register: one
/// pass over meetings and one over commitments.
pub fn timeline_figures(register: &Register, today: NaiveDate) -> TimelineFigures {
    let mut series: Vec<_> = register.series.iter().collect();
    series.sort_by_key(|(id, s)| (s.name.to_lowercase(), **id));
    let mut lanes: Vec<Lane> = series
        .iter()
        .map(|(id, s)| Lane {
            series: Some(**id),
            name: s.name.clone(),
        })
        .collect();
    let lane_of: HashMap<SeriesId, usize> = lanes
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.series.map(|s| (s, i)))
        .collect();
    let one_off = lanes.len();
    lanes.push(Lane {
        series: None,
        name: "One-off meetings".into(),
    });
    let mut commitments: HashMap<MeetingId, u32> = HashMap::new();
    for commitment in register.commitments.values() {
        if let Some(meeting) = commitment.announced_at {
            *commitments.entry(meeting).or_default() += 1;
        }
    }
    let mut items: Vec<TimelineItem> = register
        .meetings
        .iter()
        .map(|(&id, m)| TimelineItem {
            mark: Mark::Meeting(id),
            day: day_number(m.date)
                + m.start
                    .map_or(0.5, |t| f64::from(t.num_seconds_from_midnight()) / 86_400.0),
            date: m.date,
            lane: m
                .series
                .and_then(|s| lane_of.get(&s).copied())
                .unwrap_or(one_off),
            look: match m.state {
                MeetingState::Held => Look::Held,
                MeetingState::Planned => Look::Planned,
                MeetingState::Postponed => Look::Postponed,
                MeetingState::Cancelled => Look::Cancelled,
            },
            title: m.title.clone(),
            attendance: m.attended_count() as u32,
            commitments: commitments.get(&id).copied().unwrap_or(0),
        })
        .collect();
    let horizon = today
        .checked_add_days(Days::new(PROJECTION_DAYS))
        .unwrap_or(today);
    for occurrence in projected_sessions(register, today, horizon) {
        let Some(lane) = lane_of.get(&occurrence.series).copied() else {
            continue;
        };
        let name = register
            .session_series(occurrence.series)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        items.push(TimelineItem {
            mark: Mark::Projected(occurrence.series, occurrence.cadence_date),
            day: day_number(occurrence.date)
                + occurrence.start.map_or(0.5, |s| {
                    f64::from(s.time().num_seconds_from_midnight()) / 86_400.0
                }),
            date: occurrence.date,
            lane,
            look: if occurrence.cancelled {
                Look::ProjectedCancelled
            } else {
                Look::Projected
            },
            title: name,
            attendance: 0,
            commitments: 0,
        });
    }
    items.sort_by(|a, b| a.day.total_cmp(&b.day).then(a.lane.cmp(&b.lane)));
    TimelineFigures { lanes, items }
}

/// What a participant filter highlights: the meetings it attended and how
/// many commitments it announced at each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParticipantTrace {
    pub attended: std::collections::HashSet<MeetingId>,
    pub commitments: HashMap<MeetingId, u32>,
}

/// The trace of one participant, computed when the filter or the register
/// changes.
pub fn participant_trace(register: &Register, participant: ParticipantId) -> ParticipantTrace {
    let mut trace = ParticipantTrace::default();
    for (&id, meeting) in &register.meetings {
        if meeting.attended_by(participant) {
            trace.attended.insert(id);
        }
    }
    for commitment in register.commitments.values() {
        if commitment.participant == participant
            && let Some(meeting) = commitment.announced_at
        {
            *trace.commitments.entry(meeting).or_default() += 1;
        }
    }
    trace
}

/// The visible stretch of time: the day at the left edge and the scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    /// Day number at x = 0 of the drawing area.
    pub origin: f64,
    pub px_per_day: f64,
}

/// Scale limits: a century across the screen to an hour per few pixels.
pub const MIN_PX_PER_DAY: f64 = 0.002;
pub const MAX_PX_PER_DAY: f64 = 400.0;

impl TimeAxis {
    /// The x (from the left of the drawing area) of a day number.
    pub fn x_of(&self, day: f64) -> f64 {
        (day - self.origin) * self.px_per_day
    }

    /// The day number at x.
    pub fn day_at(&self, x: f64) -> f64 {
        self.origin + x / self.px_per_day
    }

    /// Zooms by `factor` keeping the day under `x` where it is.
    pub fn zoom_around(&mut self, x: f64, factor: f64) {
        let anchor = self.day_at(x);
        self.px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        self.origin = anchor - x / self.px_per_day;
    }

    /// Moves the view so the content shifts `dx` pixels to the right.
    pub fn pan(&mut self, dx: f64) {
        self.origin -= dx / self.px_per_day;
    }

    /// The axis that shows `first` to `last` across `width` pixels with a
    /// margin, or a month around `first` when they are the same day.
    pub fn fit(first: f64, last: f64, width: f64) -> TimeAxis {
        let span = (last - first).max(30.0);
        let margin = span * 0.05;
        let px_per_day = (width / (span + 2.0 * margin)).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        let centre = (first + last) / 2.0;
        TimeAxis {
            origin: centre - width / 2.0 / px_per_day,
            px_per_day,
        }
    }

    /// The same scale, centred on `day`.
    pub fn centred_on(&self, day: f64, width: f64) -> TimeAxis {
        TimeAxis {
            origin: day - width / 2.0 / self.px_per_day,
            px_per_day: self.px_per_day,
        }
    }
}

/// The days "Fit all" shows: the first to the last meeting, held or
/// planned (`TimeAxis::fit` adds the margin). Sessions a cadence projects
/// are left out: a cadence that never ends projects two years ahead, and
/// fitting those shrank every meeting to a tick. With no meeting, the
/// months around today.
pub fn fit_all_days(figures: &TimelineFigures, today: NaiveDate) -> (f64, f64) {
    let mut meetings = figures
        .items
        .iter()
        .filter(|item| matches!(item.mark, Mark::Meeting(_)))
        .map(|item| item.day);
    match (meetings.next(), meetings.next_back()) {
        (Some(first), last) => (first, last.unwrap_or(first)),
        (None, _) => {
            let today = day_number(today);
            (today - 90.0, today + 90.0)
        }
    }
}

/// The indices of the items within `width` pixels (plus `margin` either
/// side), found by binary search over the day-sorted items.
pub fn visible_items(
    items: &[TimelineItem],
    axis: &TimeAxis,
    width: f64,
    margin: f64,
) -> std::ops::Range<usize> {
    let first_day = axis.day_at(-margin);
    let last_day = axis.day_at(width + margin);
    let start = items.partition_point(|i| i.day < first_day);
    let end = items.partition_point(|i| i.day <= last_day).max(start);
    start..end
}

/// The unit the axis labels count in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TickUnit {
    /// Every n years.
    Years(u32),
    /// Every n months.
    Months(u32),
    Weeks,
    Days,
}

/// Labels need about this many pixels between them to stay readable.
const MIN_LABEL_GAP: f64 = 70.0;

/// The finest unit whose labels do not crowd at this scale.
pub fn tick_unit(px_per_day: f64) -> TickUnit {
    if px_per_day >= MIN_LABEL_GAP {
        TickUnit::Days
    } else if px_per_day * 7.0 >= MIN_LABEL_GAP {
        TickUnit::Weeks
    } else if px_per_day * 30.4 >= MIN_LABEL_GAP {
        TickUnit::Months(1)
    } else if px_per_day * 91.3 >= MIN_LABEL_GAP {
        TickUnit::Months(3)
    } else {
        let years = [1u32, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|n| px_per_day * 365.25 * f64::from(*n) >= MIN_LABEL_GAP)
            .unwrap_or(100);
        TickUnit::Years(years)
    }
}

/// One labelled line on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub label: String,
    /// Starts a year (or, for days and weeks, a month): drawn stronger.
    pub major: bool,
}

/// The ticks between x = 0 and x = `width`, in the unit the scale allows.
pub fn axis_ticks(axis: &TimeAxis, width: f64) -> Vec<Tick> {
    let first = date_of(axis.day_at(0.0));
    let last = date_of(axis.day_at(width));
    let mut ticks = Vec::new();
    let unit = tick_unit(axis.px_per_day);
    let mut date = match unit {
        TickUnit::Years(n) => {
            let year = first.year() - first.year().rem_euclid(n as i32);
            NaiveDate::from_ymd_opt(year, 1, 1)
        }
        TickUnit::Months(n) => {
            let month0 = first.month0() - first.month0() % n;
            NaiveDate::from_ymd_opt(first.year(), month0 + 1, 1)
        }
        TickUnit::Weeks => {
            first.checked_sub_days(Days::new(u64::from(first.weekday().num_days_from_monday())))
        }
        TickUnit::Days => Some(first),
    };
    while let Some(day) = date {
        if day > last || ticks.len() > 400 {
            break;
        }
        // The first label, and the first of each new year, carry the year:
        // at the finer scales nothing else on screen says which year it is.
        let new_year = ticks.is_empty() || (day.month() == 1 && day.day() <= 7);
        let (label, major) = match unit {
            TickUnit::Years(_) => (day.year().to_string(), true),
            TickUnit::Months(_) if day.month() == 1 || ticks.is_empty() => {
                (day.format("%b %Y").to_string(), day.month() == 1)
            }
            TickUnit::Months(_) => (day.format("%b").to_string(), false),
            TickUnit::Weeks if new_year => (day.format("%-d %b %Y").to_string(), day.day() <= 7),
            TickUnit::Weeks => (day.format("%-d %b").to_string(), day.day() <= 7),
            TickUnit::Days if new_year || day.day() == 1 && day.month() == 1 => {
                (day.format("%a %-d %b %Y").to_string(), day.day() == 1)
            }
            TickUnit::Days if day.day() == 1 => (day.format("%a %-d %b").to_string(), true),
            TickUnit::Days => (day.format("%a %-d").to_string(), false),
        };
        ticks.push(Tick {
            day: day_number(day),
            label,
            major,
        });
        date = match unit {
            TickUnit::Years(n) => day.checked_add_months(Months::new(12 * n)),
            TickUnit::Months(n) => day.checked_add_months(Months::new(n)),
            TickUnit::Weeks => day.checked_add_days(Days::new(7)),
            TickUnit::Days => day.checked_add_days(Days::new(1)),
        };
    }
    ticks
}

/// The item nearest to `x` in `lane` within `radius` pixels, if any.
pub fn item_at(
    items: &[TimelineItem],
    axis: &TimeAxis,
    x: f64,
    lane: usize,
    radius: f64,
) -> Option<usize> {
    let from = items.partition_point(|i| i.day < axis.day_at(x - radius));
    let to = items.partition_point(|i| i.day <= axis.day_at(x + radius));
    (from..to.max(from))
        .filter(|&i| items.get(i).is_some_and(|item| item.lane == lane))
        .min_by(|&a, &b| {
            let distance = |i: usize| {
                items
                    .get(i)
                    .map_or(f64::MAX, |it| (axis.x_of(it.day) - x).abs())
            };
            distance(a).total_cmp(&distance(b))
        })
}

/// The next session after (or before, `forward == false`) index `from`:
/// arrows walk the sessions in date order across lanes.
pub fn step_selection(len: usize, from: Option<usize>, forward: bool) -> Option<usize> {
    if len == 0 {
        return None;
    }
    Some(match (from, forward) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1).min(len - 1),
        (Some(i), false) => i.saturating_sub(1),
    })
}
