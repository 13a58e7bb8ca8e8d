//! The attendance record of a series: who came to which session.

use chrono::NaiveDate;
use serde::Serialize;

use super::format::long_date;
use super::summary_attendance::on_behalf_of;
use super::{Paper, ReportError};
use crate::model::{
    AttendanceStatus, Meeting, MeetingState, ParticipantId, Record, Register, SeriesId,
};

/// How a participant stood at one session. What was not recorded is
/// said to be not recorded: absence is a fact the register does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Presence {
    #[serde(rename = "Present")]
    Present,
    #[serde(rename = "Represented")]
    Represented,
    #[serde(rename = "Observer")]
    Observer,
    #[serde(rename = "Apologies")]
    Apologies,
    /// Nothing is recorded for the participant at that session.
    #[serde(rename = "Not recorded")]
    NotRecorded,
    /// The session came before the participant joined the coalition.
    #[serde(rename = "\u{2014}")]
    NotYetJoined,
}

impl Presence {
    /// The word printed in the cell (what the PDF's data holds too).
    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "Present",
            Presence::Represented => "Represented",
            Presence::Observer => "Observer",
            Presence::Apologies => "Apologies",
            Presence::NotRecorded => "Not recorded",
            Presence::NotYetJoined => "\u{2014}",
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
    /// Sessions it took part in: present, represented or as an observer
    /// (`AttendanceStatus::attended`, the rule every count follows).
    pub attended: usize,
    /// Of those, the sessions it took part in as an observer.
    pub as_observer: usize,
}

/// Participants × held sessions of one series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceRecord {
    pub register_name: String,
    /// The highest marking among the sessions included.
    pub marking: String,
    pub paper: Paper,
    pub series: String,
    /// "CoW/DM/2025/ATT": the register's pattern, with "ATT" for the
    /// number and the year of issue.
    pub reference: String,
    /// The day the record was printed, "1 December 2025".
    pub issued: String,
    /// The same day as `YYYY-MM-DD`, for the PDF's metadata.
    pub issued_iso: String,
    pub sessions: Vec<SessionColumn>,
    pub rows: Vec<AttendanceRow>,
    /// Whether some cell says "—": the legend under the table explains it.
    pub has_not_yet_joined: bool,
    /// Who attended on behalf of whom, one sentence per participant and
    /// session, in the order of the rows and then the sessions:
    /// "Iceland at No. 3 (10 April 2025): represented by Norway; Tore
    /// Sandvik (State Secretary, Norway) sat for it".
    pub on_behalf: Vec<String>,
    /// Why the record cannot be printed (a session's marking is missing or
    /// unknown); empty when it can.
    #[serde(skip)]
    pub refusals: Vec<String>,
    /// The sessions the record prints, whose markings decide its own.
    #[serde(skip)]
    pub includes: Vec<Record>,
}

/// The record of every held session of a series, oldest first, for every
/// participant that had joined by the last of them (nations first, then by
/// name). Planned, postponed and cancelled sessions had no attendance to
/// record; invitations are not attendance. Issued on `today`.
pub fn attendance_record(
    register: &Register,
    id: SeriesId,
    today: NaiveDate,
) -> Result<AttendanceRecord, ReportError> {
    let series = register
        .session_series(id)
        .ok_or(ReportError::NoSuchSeries(id))?;
    let reference = register
        .attendance_reference(id, today)
        .ok_or(ReportError::NoSuchSeries(id))?;
    let held: Vec<_> = register
        .meetings_by_date()
        .into_iter()
        .filter_map(|mid| register.meeting(mid).map(|m| (mid, m)))
        .filter(|(_, m)| m.series == Some(id) && m.state == MeetingState::Held)
        .collect();
    let includes: Vec<Record> = held.iter().map(|(mid, _)| Record::Meeting(*mid)).collect();
    let meetings: Vec<_> = held.into_iter().map(|(_, m)| m).collect();
    let rows: Vec<AttendanceRow> = register
        .participants_by_name()
        .into_iter()
        .filter_map(|participant| attendance_row(register, participant, &meetings))
        .collect();
    let on_behalf = register
        .participants_by_name()
        .into_iter()
        .flat_map(|participant| {
            meetings.iter().filter_map(move |m| {
                let attendance = m.attendance.get(&participant)?;
                let said = on_behalf_of(register, m.date, attendance)?;
                let session = match m.number {
                    Some(n) => format!("No. {n} ({})", long_date(m.date)),
                    None => long_date(m.date),
                };
                Some(format!(
                    "{} at {session}: {said}",
                    register.participant_name(participant)
                ))
            })
        })
        .collect();
    let has_not_yet_joined = rows
        .iter()
        .any(|row| row.presence.contains(&Presence::NotYetJoined));
    let mut refusals = register.marking_refusals(&includes);
    let reference = reference.unwrap_or_else(|error| {
        refusals.push(error.to_string());
        String::new()
    });
    let marking = register
        .highest_marking(meetings.iter().map(|m| m.marking.as_str()))
        .unwrap_or(register.lowest_marking())
        .to_string();
    Ok(AttendanceRecord {
        register_name: register.name.clone(),
        marking,
        paper: Paper::A4,
        series: series.name.clone(),
        reference,
        issued: long_date(today),
        issued_iso: today.to_string(),
        sessions: meetings
            .iter()
            .map(|m| SessionColumn {
                date: long_date(m.date),
                number: m.number,
                title: m.title.clone(),
            })
            .collect(),
        rows,
        has_not_yet_joined,
        on_behalf,
        refusals,
        includes,
    })
}

/// One participant's row: its presence at each held session in
/// `meetings`; none for a participant that joined after the last of them.
fn attendance_row(
    register: &Register,
    participant: ParticipantId,
    meetings: &[&Meeting],
) -> Option<AttendanceRow> {
    let last = meetings.last().map(|m| m.date);
    let joined = register.participant(participant).and_then(|p| p.joined);
    let recorded_somewhere = meetings
        .iter()
        .any(|m| m.attendance.contains_key(&participant));
    // A participant that joined after the last session was never
    // one of this record's members: no row at all.
    if !recorded_somewhere
        && let (Some(joined), Some(last)) = (joined, last)
        && joined > last
    {
        return None;
    }
    let presence: Vec<Presence> = meetings
        .iter()
        .map(|m| match m.attendance.get(&participant).map(|a| a.status) {
            Some(AttendanceStatus::Present) => Presence::Present,
            Some(AttendanceStatus::Represented) => Presence::Represented,
            Some(AttendanceStatus::Observer) => Presence::Observer,
            Some(AttendanceStatus::Apologies) => Presence::Apologies,
            Some(AttendanceStatus::Invited | AttendanceStatus::Confirmed) | None => {
                if joined.is_some_and(|joined| m.date < joined) {
                    Presence::NotYetJoined
                } else {
                    Presence::NotRecorded
                }
            }
        })
        .collect();
    // The meeting's own rule, so this count agrees with the
    // participant's activity and the dashboard.
    let attended = meetings.iter().filter(|m| m.attended_by(participant));
    Some(AttendanceRow {
        participant: register.participant_name(participant),
        code: register.participant_code(participant),
        attended: attended.clone().count(),
        as_observer: attended
            .filter(|m| {
                m.attendance
                    .get(&participant)
                    .is_some_and(|a| a.status == AttendanceStatus::Observer)
            })
            .count(),
        presence,
    })
}
