//! How dates, times and amounts read on a printed page.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

/// "10 April 2025".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "09:00–11:30 (Europe/London)", or `None` when no time is recorded.
pub fn times(start: Option<NaiveTime>, end: Option<NaiveTime>, zone: Tz) -> Option<String> {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    let span = match (start, end) {
        (Some(start), Some(end)) => format!("{}–{}", hm(start), hm(end)),
        (Some(start), None) => format!("from {}", hm(start)),
        (None, Some(end)) => format!("until {}", hm(end)),
        (None, None) => return None,
    };
    Some(format!("{span} ({})", zone.name()))
}

// Amounts read the same on the page as on screen: one formatter, in the model.
pub use crate::model::amounts::{money, quantity};
