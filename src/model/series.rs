use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{MeetingFormat, ParticipantId};

/// A run of regular sessions, such as "Defence ministers". Future
/// occurrences are projected from the cadence; they become meetings only
/// when the officer schedules them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SessionSeries {
    pub name: String,
    /// The short name in document references ("DM").
    pub short_name: String,
    /// The cadence as an iCalendar RRULE, e.g. `FREQ=MONTHLY;BYDAY=2TH`.
    /// Empty when the series has no fixed rhythm.
    pub cadence: String,
    /// The first occurrence the cadence counts from.
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub first: Option<NaiveDate>,
    #[serde(deserialize_with = "super::file_values::optional_time")]
    pub start: Option<NaiveTime>,
    #[serde(deserialize_with = "super::file_values::optional_time")]
    pub end: Option<NaiveTime>,
    #[serde(deserialize_with = "super::file_values::time_zone")]
    pub time_zone: Tz,
    pub location: String,
    pub format: MeetingFormat,
    pub convenors: Vec<ParticipantId>,
    pub notes: String,
    /// Occurrences the cadence gives but that were cancelled or moved,
    /// sorted by the date the cadence gives.
    pub exceptions: Vec<SeriesException>,
}

/// One occurrence of a series that does not happen as the cadence says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SeriesException {
    /// The date the cadence gives for the occurrence.
    #[serde(deserialize_with = "super::file_values::date")]
    pub occurrence: NaiveDate,
    pub change: OccurrenceChange,
}

/// What happened to an occurrence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OccurrenceChange {
    /// The session does not take place.
    #[default]
    Cancelled,
    /// The session takes place on another day, at the series' usual time.
    MovedTo(#[serde(deserialize_with = "super::file_values::date")] NaiveDate),
}

impl Default for SessionSeries {
    fn default() -> Self {
        SessionSeries {
            name: String::new(),
            short_name: String::new(),
            cadence: String::new(),
            first: None,
            start: None,
            end: None,
            time_zone: Tz::Europe__London,
            location: String::new(),
            format: MeetingFormat::default(),
            convenors: Vec::new(),
            notes: String::new(),
            exceptions: Vec::new(),
        }
    }
}
