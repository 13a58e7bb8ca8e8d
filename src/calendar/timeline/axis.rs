//! The timeline's axis: the stretch of time on screen and its scale,
//! the ticks and their labels, and which sessions fall where, as pure
//! functions of the figures (`timeline/mod.rs`) and the drawing's width.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{Mark, TimelineFigures, TimelineItem, date_of, day_number};

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
