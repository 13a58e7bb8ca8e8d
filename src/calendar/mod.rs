//! Session series in time: the cadence as the series editor shows it, the
//! timeline's figures and layout, and the `.ics` export with its VTIMEZONE
//! definitions. What a cadence gives (occurrences, projected sessions, the
//! cadence checks) is `model::recurrence`, re-exported here; a new session
//! of a series is `new_records::meeting_in_series`. No egui here: the
//! window and the command line share it.

mod cadence;
mod ics;
mod ics_lines;
mod ics_text;
pub mod time_zones;
pub mod timeline;

pub use crate::model::recurrence::{
    CadenceError, Occurrence, meeting_day_problem, occurrences, projected_sessions, series_problems,
};
pub use cadence::{Cadence, CadenceEnd, Rhythm};
pub use ics::calendar_ics;

/// Why the calendar could not be written.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    /// A series' cadence could not be expanded.
    #[error(transparent)]
    Cadence(#[from] CadenceError),
    /// Series whose cadence is not a valid RRULE (a reader would reject
    /// the whole file), or meetings whose marking is missing or not one of
    /// the register's levels (no document leaves with a marking that
    /// cannot be ranked): none of it is written. One sentence each.
    #[error("{}", .0.join("\n"))]
    Refused(Vec<String>),
}
