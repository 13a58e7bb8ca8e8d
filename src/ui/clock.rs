//! Where the window's "today" comes from. The core gets today as an
//! argument; the window asks its clock every frame, so a window left open
//! past midnight judges overdue against the new day.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The window's source of today's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The computer's local date.
    Local,
    /// Always this day: tests and snapshots must not drift.
    Fixed(NaiveDate),
}

impl Clock {
    /// Today, as the officer's calendar says.
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::Local => chrono::Local::now().date_naive(),
            Clock::Fixed(day) => day,
        }
    }

    /// This moment, as the officer's clock says; noon of the fixed day, so
    /// what a merge records stays the same from one test run to the next.
    pub fn now(self) -> NaiveDateTime {
        match self {
            Clock::Local => chrono::Local::now().naive_local(),
            Clock::Fixed(day) => {
                day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
            }
        }
    }
}
