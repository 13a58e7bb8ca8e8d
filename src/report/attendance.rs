//! The attendance record of a series: who came to which session.

use serde::Serialize;

use super::format::long_date;
use super::{Paper, ReportError};
use crate::model::{AttendanceStatus, MeetingState, Register, SeriesId};

/// How a participant stood at one session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Presence {
    Present,
    Represented,
    Observer,
    Apologies,
    /// Not in the session's attendance at all.
    Absent,
}

impl Presence {
    /// The word printed in the cell.
    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "Present",
            Presence::Represented => "Represented",
            Presence::Observer => "Observer",
            Presence::Apologies => "Apologies",
            Presence::Absent => "Absent",
        }
    }
}

/// One session of the series, a column of the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SessionColumn {
    pub date: String,
    pub number: Option<u32>,
    pub title: String,
}

/// One participant, a row of the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceRow {
    pub participant: String,
    pub code: String,
    /// One entry per session, in the order of `sessions`.
    pub presence: Vec<Presence>,
    /// Sessions attended in person or by representation.
    pub attended: usize,
}

/// Participants × held sessions of one series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceRecord {
    pub register_name: String,
    /// The highest marking among the sessions included.
    pub marking: String,
    pub paper: Paper,
    pub series: String,
    pub sessions: Vec<SessionColumn>,
    pub rows: Vec<AttendanceRow>,
}

/// The record of every held session of a series, oldest first, for every
/// participant in the register (nations first, then by name). Planned,
/// postponed and cancelled sessions had no attendance to record.
pub fn attendance_record(
    register: &Register,
    id: SeriesId,
) -> Result<AttendanceRecord, ReportError> {
    let series = register
        .session_series(id)
        .ok_or(ReportError::NoSuchSeries(id))?;
    let meetings: Vec<_> = register
        .meetings_by_date()
        .into_iter()
        .filter_map(|mid| register.meeting(mid))
        .filter(|m| m.series == Some(id) && m.state == MeetingState::Held)
        .collect();
    let rows = register
        .participants_by_name()
        .into_iter()
        .map(|participant| {
            let presence: Vec<Presence> = meetings
                .iter()
                .map(|m| match m.attendance.get(&participant).map(|a| a.status) {
                    Some(AttendanceStatus::Present) => Presence::Present,
                    Some(AttendanceStatus::Represented) => Presence::Represented,
                    Some(AttendanceStatus::Observer) => Presence::Observer,
                    Some(AttendanceStatus::Apologies) => Presence::Apologies,
                    None => Presence::Absent,
                })
                .collect();
            AttendanceRow {
                participant: register.participant_name(participant),
                code: register.participant_code(participant),
                attended: presence
                    .iter()
                    .filter(|p| matches!(p, Presence::Present | Presence::Represented))
                    .count(),
                presence,
            }
        })
        .collect();
    let marking = register
        .highest_marking(meetings.iter().map(|m| m.marking.as_str()))
        .unwrap_or(register.lowest_marking())
        .to_string();
    Ok(AttendanceRecord {
        register_name: register.name.clone(),
        marking,
        paper: Paper::A4,
        series: series.name.clone(),
        sessions: meetings
            .iter()
            .map(|m| SessionColumn {
                date: long_date(m.date),
                number: m.number,
                title: m.title.clone(),
            })
            .collect(),
        rows,
    })
}
