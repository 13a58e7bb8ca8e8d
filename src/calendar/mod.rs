//! Session series in time: cadence rules, expanded occurrences, projected
//! sessions, scheduling a session, the timeline's figures and layout, and
//! the `.ics` export with its VTIMEZONE definitions. No egui here: the
//! window and the command line share it.

mod cadence;
mod checks;
mod ics;
mod ics_lines;
mod ics_text;
mod recurrence;
mod rule;
mod schedule;
pub mod time_zones;
pub mod timeline;
mod yearly_rules;

pub use cadence::{Cadence, CadenceEnd, Rhythm};
pub use checks::{meeting_day_problem, series_problems};
pub use ics::calendar_ics;
pub use recurrence::{Occurrence, occurrences, projected_sessions};
pub use schedule::{
    carry_over, new_session, next_number, previous_session, schedule_session, take_series_defaults,
    with_carried_actions,
};

/// Why a series could not be expanded or the calendar not written.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    /// The same sentence `check` gives, so the officer finds it there too.
    #[error(
        "Series \"{series}\" has cadence \"{cadence}\", which is not a valid iCalendar RRULE: {reason}"
    )]
    BadCadence {
        series: String,
        cadence: String,
        reason: String,
    },
    #[error("Series \"{series}\" starts at a time that does not exist in {zone}")]
    NoSuchTime { series: String, zone: String },
    /// Series whose cadence is not a valid RRULE (a reader would reject
    /// the whole file), or meetings whose marking is missing or not one of
    /// the register's levels (no document leaves with a marking that
    /// cannot be ranked): none of it is written. One sentence each.
    #[error("{}", .0.join("\n"))]
    Refused(Vec<String>),
}
