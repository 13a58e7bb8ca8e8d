//! The rule that a series' session numbers follow its dates: No. 1, then
//! a higher number for every later session, never the same one twice.
//!
//! A meeting's numbering problem depends on the other sessions of its
//! series, so the sessions are gathered once per check: for every series
//! by `validate`, for one series when one meeting is checked alone.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::{Meeting, MeetingId, MeetingState, Register, SeriesId};

/// A session as the numbering rule sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Session {
    date: NaiveDate,
    number: Option<u32>,
    id: MeetingId,
}

/// The sessions of each series in date order (then number, so two
/// sessions on one day may be numbered either way round).
pub(super) struct SeriesSessions {
    by_series: BTreeMap<SeriesId, Dated>,
}

/// One series' sessions, and for each the number and date of the last
/// numbered session before it: a meeting's check is then a lookup, not a
/// walk through its series. Comparing each session with the one before
/// is enough (numbers that rise step by step rise throughout), and one
/// number out of place is reported once, not at every later session.
#[derive(Default)]
struct Dated {
    sessions: Vec<Session>,
    previous: Vec<Option<(u32, NaiveDate)>>,
}

impl Meeting {
    /// Whether the meeting takes its place in its series' numbering. A
    /// cancelled or postponed session keeps the number it was planned
    /// with, and its date is not when the series met, so it is left out.
    pub fn counts_in_numbering(&self) -> bool {
        !matches!(
            self.state,
            MeetingState::Cancelled | MeetingState::Postponed
        )
    }
}

impl SeriesSessions {
    /// The sessions of every series in the register.
    pub(super) fn of_register(register: &Register) -> Self {
        Self::gather(register, |_| true)
    }

    /// The sessions of one series only.
    pub(super) fn of_series(register: &Register, series: Option<SeriesId>) -> Self {
        match series {
            Some(series) => Self::gather(register, |s| s == series),
            None => SeriesSessions {
                by_series: BTreeMap::new(),
            },
        }
    }

    fn gather(register: &Register, wanted: impl Fn(SeriesId) -> bool) -> Self {
        let mut by_series: BTreeMap<SeriesId, Dated> = BTreeMap::new();
        for (&id, meeting) in &register.meetings {
            if let Some(series) = meeting.series
                && wanted(series)
                && meeting.counts_in_numbering()
            {
                by_series.entry(series).or_default().sessions.push(Session {
                    date: meeting.date,
                    number: meeting.number,
                    id,
                });
            }
        }
        for dated in by_series.values_mut() {
            dated.sessions.sort_unstable();
            let mut previous = None;
            for session in &dated.sessions {
                dated.previous.push(previous);
                if let Some(number) = session.number {
                    previous = Some((number, session.date));
                }
            }
        }
        SeriesSessions { by_series }
    }

    /// What is wrong with the number of meeting `id`, if anything: a number
    /// not above the number of the session dated before it. Worded to
    /// follow the meeting's label.
    pub(super) fn numbering_problem(
        &self,
        register: &Register,
        id: MeetingId,
        meeting: &Meeting,
    ) -> Option<String> {
        let (series, number) = (meeting.series?, meeting.number?);
        let dated = self.by_series.get(&series)?;
        let this = Session {
            date: meeting.date,
            number: meeting.number,
            id,
        };
        let position = dated.sessions.binary_search(&this).ok()?;
        let (previous, on) = (*dated.previous.get(position)?)?;
        if previous < number {
            return None;
        }
        let name = register.mentioned(super::Record::Series(series));
        let numbers: Vec<String> = dated
            .sessions
            .get(..position)?
            .iter()
            .filter_map(|s| s.number)
            .take(4)
            .map(|n| format!("No. {n}"))
            .collect();
        let earlier = match numbers.as_slice() {
            [one] => format!("the session before it is {one}"),
            [first, second] => format!("the sessions before it are {first} and {second}"),
            [first, second, third] => {
                format!("the sessions before it are {first}, {second} and {third}")
            }
            _ => format!("the session before it ({on}) is No. {previous}"),
        };
        Some(format!(
            "is the {} session of {name} by date but is numbered No. {number}; {earlier}",
            Ordinal(position + 1)
        ))
    }
}

/// "third", "12th", "21st": how far into its series a session is.
struct Ordinal(usize);

impl fmt::Display for Ordinal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const WORDS: [&str; 10] = [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth",
        ];
        let n = self.0;
        if let Some(word) = n.checked_sub(1).and_then(|i| WORDS.get(i)) {
            return f.write_str(word);
        }
        let suffix = match (n % 10, n % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        write!(f, "{n}{suffix}")
    }
}
