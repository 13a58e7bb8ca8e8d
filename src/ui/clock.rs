//! Where the window's "today" comes from. The core gets today as an
//! argument; the window asks its clock every frame, so a window left open
//! past midnight judges overdue against the new day.

use std::sync::atomic::{AtomicI32, Ordering};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

/// The window's source of today's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The computer's local date.
    Local,
    /// Always this day: tests and snapshots must not drift.
    Fixed(NaiveDate),
    /// The day a `ClockHand` is set to, read every frame as the computer's
    /// is: a test moves it to see the window follow midnight.
    Hand(&'static ClockHand),
}

/// A day that is moved by hand rather than by the computer's clock.
#[derive(Debug)]
pub struct ClockHand(AtomicI32);

impl ClockHand {
    /// A hand set to `day`.
    pub fn new(day: NaiveDate) -> Self {
        ClockHand(AtomicI32::new(day.num_days_from_ce()))
    }

    /// Moves the hand to `day`; the window follows in its next frame.
    pub fn set(&self, day: NaiveDate) {
        self.0.store(day.num_days_from_ce(), Ordering::Relaxed);
    }

    fn day(&self) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(self.0.load(Ordering::Relaxed)).unwrap_or_default()
    }
}

impl PartialEq for ClockHand {
    /// The same hand, not two set to the same day.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for ClockHand {}

impl Clock {
    /// Today, as the officer's calendar says.
    pub fn today(self) -> NaiveDate {
        match self {
            Clock::Local => chrono::Local::now().date_naive(),
            Clock::Fixed(day) => day,
            Clock::Hand(hand) => hand.day(),
        }
    }

    /// This moment, as the officer's clock says; noon of the fixed day, so
    /// what a merge records stays the same from one test run to the next.
    pub fn now(self) -> NaiveDateTime {
        match self {
            Clock::Local => chrono::Local::now().naive_local(),
            Clock::Fixed(_) | Clock::Hand(_) => self
                .today()
                .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()),
        }
    }
}
