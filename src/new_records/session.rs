//! A new session of a series, whether scheduled from a projected
//! occurrence on the timeline or made with "New meeting in a series"
//! (both through [`super::meeting_in_series`]): it
//! takes the series' title, the next number, time, place, format and
//! convenors; the open action items of the previous session are carried
//! over to it, each staying one action where it was raised.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::edit::Edit;
use crate::model::{Meeting, MeetingId, MeetingState, Register, SeriesId};

/// The number a new session of `series` on `date` takes: one more than the
/// sessions held or planned up to that day, and above every number given
/// to them. Counting matters where earlier sessions were never numbered
/// (the third session is No. 3, not No. 1).
pub fn next_number(register: &Register, series: SeriesId, date: NaiveDate) -> u32 {
    let earlier: Vec<&Meeting> = register
        .meetings
        .values()
        .filter(|m| m.series == Some(series) && m.date <= date && m.counts_in_numbering())
        .collect();
    let counted = u32::try_from(earlier.len()).unwrap_or(u32::MAX);
    let highest = earlier.iter().filter_map(|m| m.number).max().unwrap_or(0);
    counted.max(highest).saturating_add(1)
}

/// A planned session of `series` on `date`, not yet in the register: what
/// the series says, and where the series leaves a blank (no time, no
/// place, no convenors), what its last session did. Its open actions are
/// not copied: [`carry_over`] refers the new session to them. `None` when
/// the series does not exist.
pub fn new_session(register: &Register, series_id: SeriesId, date: NaiveDate) -> Option<Meeting> {
    let series = register.session_series(series_id)?;
    let last = register
        .session_before(series_id, date)
        .and_then(|id| register.meeting(id));
    let mut meeting = Meeting {
        title: series.name.clone(),
        series: Some(series_id),
        number: Some(next_number(register, series_id, date)),
        date,
        start: series.start,
        end: series.end,
        time_zone: series.time_zone,
        location: series.location.clone(),
        format: series.format,
        state: MeetingState::Planned,
        convenors: series.convenors.clone(),
        marking: register.lowest_marking().to_string(),
        ..Meeting::default()
    };
    if let Some(last) = last {
        if meeting.title.trim().is_empty() {
            meeting.title = last.title.clone();
        }
        if meeting.start.is_none() && meeting.end.is_none() {
            meeting.start = last.start;
            meeting.end = last.end;
            meeting.time_zone = last.time_zone;
        }
        if meeting.location.trim().is_empty() {
            meeting.location = last.location.clone();
            meeting.format = last.format;
        }
        if meeting.convenors.is_empty() {
            meeting.convenors = last.convenors.clone();
        }
    }
    Some(meeting)
}

/// The edit that adds `meeting` as `id` and carries over to it the open
/// actions of the session before it in its series, as one undo step.
pub fn with_carried_actions(register: &Register, id: MeetingId, meeting: Meeting) -> Edit {
    let carried = match meeting.series {
        Some(series) => carry_over(register, series, meeting.date, id),
        None => Vec::new(),
    };
    let added = Edit::Meeting(id, Some(meeting));
    if carried.is_empty() {
        return added;
    }
    Edit::Batch(std::iter::once(added).chain(carried).collect())
}

/// The edits that carry the open actions of the session of `series`
/// before `date` over to session `to`: those raised there and those it
/// took up itself. Each stays one action where it was raised, which now
/// also lists `to` among the sessions it was carried to.
pub fn carry_over(
    register: &Register,
    series: SeriesId,
    date: NaiveDate,
    to: MeetingId,
) -> Vec<Edit> {
    let Some(previous) = register.session_before(series, date) else {
        return Vec::new();
    };
    let mut changed: BTreeMap<MeetingId, Meeting> = BTreeMap::new();
    for at in register.actions_to_carry(previous) {
        let Some(meeting) = changed
            .get(&at.meeting)
            .cloned()
            .or_else(|| register.meeting(at.meeting).cloned())
        else {
            continue;
        };
        let mut meeting = meeting;
        if let Some(action) = meeting.actions.get_mut(at.index)
            && !action.carried_to.contains(&to)
        {
            action.carried_to.push(to);
        }
        changed.insert(at.meeting, meeting);
    }
    changed
        .into_iter()
        .map(|(id, meeting)| Edit::Meeting(id, Some(meeting)))
        .collect()
}

/// Fills what a meeting just put in `series` still leaves blank — title
/// (or the "New meeting" a new record starts with), number, time, place
/// and convenors — from [`new_session`]; what the officer already wrote
/// stays.
pub fn take_series_defaults(register: &Register, meeting: &mut Meeting, placeholder_title: &str) {
    let Some(series) = meeting.series else {
        return;
    };
    let Some(session) = new_session(register, series, meeting.date) else {
        return;
    };
    let title = meeting.title.trim();
    if title.is_empty() || title == placeholder_title {
        meeting.title = session.title;
    }
    if meeting.number.is_none() {
        meeting.number = session.number;
    }
    if meeting.start.is_none() && meeting.end.is_none() {
        meeting.start = session.start;
        meeting.end = session.end;
        meeting.time_zone = session.time_zone;
    }
    if meeting.location.trim().is_empty() {
        meeting.location = session.location;
        meeting.format = session.format;
    }
    if meeting.convenors.is_empty() {
        meeting.convenors = session.convenors;
    }
}
