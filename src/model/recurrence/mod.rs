//! What a series' cadence gives: the RRULE read strictly (`rule.rs`), the
//! days it falls on with the series' exceptions (`occurrences.rs`), and
//! the problems `check` reports about it (`checks.rs`). It lives in the
//! model because the register's checks need it; `calendar` builds the
//! timeline and the `.ics` on top of it.

use chrono::Weekday;

mod checks;
mod occurrences;
mod rule;

pub(crate) use checks::cadence_problem;
pub use checks::{meeting_day_problem, series_problems};
pub use occurrences::{Occurrence, occurrences, projected_sessions};
pub(crate) use occurrences::{STRAY_REACH, cadence_gives, meeting_dates, taken_by_meetings};
pub(crate) use rule::SeriesRule;

/// The days of the week, Monday first: every weekday a cadence can name.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// The two letters an RRULE names `weekday` by ("MO").
pub fn weekday_code(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

/// Why a series' cadence could not be expanded.
#[derive(Debug, thiserror::Error)]
pub enum CadenceError {
    /// The same sentence `check` gives, so the officer finds it there too.
    #[error(
        "Series \"{series}\" has cadence \"{cadence}\", which is not a valid iCalendar RRULE: {reason}"
    )]
    BadCadence {
        series: String,
        cadence: String,
        reason: String,
    },
    /// The series' start time falls in a gap of its zone's clocks.
    #[error("Series \"{series}\" starts at a time that does not exist in {zone}")]
    NoSuchTime { series: String, zone: String },
}
