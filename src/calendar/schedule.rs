//! "Schedule this session": a projected occurrence becomes a meeting.

use crate::edit::Edit;
use crate::model::{Meeting, MeetingId, MeetingState, Register, SeriesId};

use super::Occurrence;

/// The latest session of the series before `date` that was not cancelled:
/// the one whose open action items the next session inherits.
pub fn previous_session(
    register: &Register,
    series: SeriesId,
    date: chrono::NaiveDate,
) -> Option<MeetingId> {
    register
        .meetings
        .iter()
        .filter(|(_, m)| m.series == Some(series) && m.date < date)
        .filter(|(_, m)| m.state != MeetingState::Cancelled)
        .max_by_key(|(id, m)| (m.date, m.start, **id))
        .map(|(id, _)| *id)
}

/// The new meeting's id and the edit that creates it for `occurrence`:
/// title, time, place, format and convenors from the series, the next
/// number in the series, and the open action items of the previous session
/// carried over. `None` when the series no longer exists.
pub fn schedule_session(register: &Register, occurrence: &Occurrence) -> Option<(MeetingId, Edit)> {
    let series = register.session_series(occurrence.series)?;
    let id = MeetingId(register.fresh_id());
    let number = register
        .meetings
        .values()
        .filter(|m| m.series == Some(occurrence.series))
        .filter_map(|m| m.number)
        .max()
        .map_or(1, |n| n + 1);
    let carried = previous_session(register, occurrence.series, occurrence.date)
        .and_then(|previous| register.meeting(previous))
        .map(|previous| {
            previous
                .actions
                .iter()
                .filter(|a| !a.done)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let meeting = Meeting {
        title: series.name.clone(),
        series: Some(occurrence.series),
        number: Some(number),
        date: occurrence.date,
        start: series.start,
        end: series.end,
        time_zone: series.time_zone,
        location: series.location.clone(),
        format: series.format,
        state: MeetingState::Planned,
        convenors: series.convenors.clone(),
        actions: carried,
        marking: register.lowest_marking().to_string(),
        ..Meeting::default()
    };
    Some((id, Edit::Meeting(id, Some(meeting))))
}
