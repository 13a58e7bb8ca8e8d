//! The timeline's figures and layout as plain data and pure functions:
//! what is drawn where, which labels the axis gets, what is on screen.
//! The panel in `ui::timeline` only paints what these return.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Timelike};

use super::projected_sessions;

mod axis;

use crate::model::{MeetingId, MeetingState, ParticipantId, Register, SeriesId};
pub use axis::{
    MAX_PX_PER_DAY, MIN_PX_PER_DAY, Tick, TickUnit, TimeAxis, axis_ticks, fit_all_days, item_at,
    step_selection, tick_unit, visible_items,
};

/// How a session looks on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Look {
    Held,
    Planned,
    Postponed,
    Cancelled,
    /// Given by a series' cadence, not yet a meeting.
    Projected,
    /// Given by the cadence but cancelled by an exception.
    ProjectedCancelled,
}

/// What a mark on the timeline stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mark {
    Meeting(MeetingId),
    /// A projected occurrence, named by its series and cadence date.
    Projected(SeriesId, NaiveDate),
}

/// One session on the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineItem {
    pub mark: Mark,
    /// Days since 1 January of year 1, with the start time as a fraction.
    pub day: f64,
    pub date: NaiveDate,
    pub lane: usize,
    pub look: Look,
    pub title: String,
    /// Participants that attended (present, represented or observer).
    pub attendance: u32,
    /// Commitments announced at the meeting.
    pub commitments: u32,
}

/// One horizontal lane: a series, or the one-off meetings (`None`).
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub series: Option<SeriesId>,
    pub name: String,
}

/// Everything the timeline draws, computed once per register revision.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineFigures {
    pub lanes: Vec<Lane>,
    /// Sorted by `day`, so culling is a binary search.
    pub items: Vec<TimelineItem>,
}

/// How far ahead projected sessions are shown.
pub const PROJECTION_DAYS: u64 = 2 * 366;

/// The day number of a date (the timeline's x unit is one day).
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date a day number falls on.
pub fn date_of(day: f64) -> NaiveDate {
    let whole = day.floor().clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32;
    NaiveDate::from_num_days_from_ce_opt(whole).unwrap_or(NaiveDate::MIN)
}

/// Lanes (series by name, then one-offs) and items for the register: one
/// pass over meetings and one over commitments.
pub fn timeline_figures(register: &Register, today: NaiveDate) -> TimelineFigures {
    let mut series: Vec<_> = register.series.iter().collect();
    series.sort_by_key(|(id, s)| (s.name.to_lowercase(), **id));
    let mut lanes: Vec<Lane> = series
        .iter()
        .map(|(id, s)| Lane {
            series: Some(**id),
            name: s.name.clone(),
        })
        .collect();
    let lane_of: HashMap<SeriesId, usize> = lanes
        .iter()
        .enumerate()
        .filter_map(|(i, l)| l.series.map(|s| (s, i)))
        .collect();
    let one_off = lanes.len();
    lanes.push(Lane {
        series: None,
        name: "One-off meetings".into(),
    });
    let mut commitments: HashMap<MeetingId, u32> = HashMap::new();
    for commitment in register.commitments.values() {
        if let Some(meeting) = commitment.announced_at {
            *commitments.entry(meeting).or_default() += 1;
        }
    }
    let mut items: Vec<TimelineItem> = register
        .meetings
        .iter()
        .map(|(&id, m)| TimelineItem {
            mark: Mark::Meeting(id),
            day: day_number(m.date)
                + m.start
                    .map_or(0.5, |t| f64::from(t.num_seconds_from_midnight()) / 86_400.0),
            date: m.date,
            lane: m
                .series
                .and_then(|s| lane_of.get(&s).copied())
                .unwrap_or(one_off),
            look: match m.state {
                MeetingState::Held => Look::Held,
                MeetingState::Planned => Look::Planned,
                MeetingState::Postponed => Look::Postponed,
                MeetingState::Cancelled => Look::Cancelled,
            },
            title: m.title.clone(),
            attendance: m.attended_count() as u32,
            commitments: commitments.get(&id).copied().unwrap_or(0),
        })
        .collect();
    let horizon = today
        .checked_add_days(Days::new(PROJECTION_DAYS))
        .unwrap_or(today);
    for occurrence in projected_sessions(register, today, horizon) {
        let Some(lane) = lane_of.get(&occurrence.series).copied() else {
            continue;
        };
        let name = register
            .session_series(occurrence.series)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        items.push(TimelineItem {
            mark: Mark::Projected(occurrence.series, occurrence.cadence_date),
            day: day_number(occurrence.date)
                + occurrence.start.map_or(0.5, |s| {
                    f64::from(s.time().num_seconds_from_midnight()) / 86_400.0
                }),
            date: occurrence.date,
            lane,
            look: if occurrence.cancelled {
                Look::ProjectedCancelled
            } else {
                Look::Projected
            },
            title: name,
            attendance: 0,
            commitments: 0,
        });
    }
    items.sort_by(|a, b| a.day.total_cmp(&b.day).then(a.lane.cmp(&b.lane)));
    TimelineFigures { lanes, items }
}

/// What a participant filter highlights: the meetings it attended and how
/// many commitments it announced at each.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParticipantTrace {
    pub attended: std::collections::HashSet<MeetingId>,
    pub commitments: HashMap<MeetingId, u32>,
}

/// The trace of one participant, computed when the filter or the register
/// changes.
pub fn participant_trace(register: &Register, participant: ParticipantId) -> ParticipantTrace {
    let mut trace = ParticipantTrace::default();
    for (&id, meeting) in &register.meetings {
        if meeting.attended_by(participant) {
            trace.attended.insert(id);
        }
    }
    for commitment in register.commitments.values() {
        if commitment.participant == participant
            && let Some(meeting) = commitment.announced_at
        {
            *trace.commitments.entry(meeting).or_default() += 1;
        }
    }
    trace
}
