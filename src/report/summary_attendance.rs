//! The summary's attendance: who came, grouped as nations and
//! organisations in name order, and who sent apologies.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{
    Attendance, AttendanceStatus, Meeting, MeetingState, ParticipantId, ParticipantKind, PersonId,
    Register,
};

/// A person at the table, with the office they held on the meeting's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Delegate {
    pub name: String,
    /// Empty when the register holds no role for that day.
    pub title: String,
}

/// One participant's line in the attendance list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceLine {
    pub participant: String,
    pub code: String,
    /// "Present", "Represented" (or "Represented by Norway" when the
    /// register names who represented it) or "Observer".
    pub status: String,
    pub delegates: Vec<Delegate>,
    /// People who sat for the participant without being its officials,
    /// each with the office they held and for whom ("State Secretary,
    /// Norway"); printed "for Iceland".
    pub stand_ins: Vec<Delegate>,
    pub note: String,
}

/// Nations, then organisations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceGroup {
    /// "Nations" or "Organisations".
    pub heading: String,
    pub lines: Vec<AttendanceLine>,
}

/// A person as printed on `date`: their name and the title of the role
/// they held then, for `participant` when one is given.
pub(super) fn delegate_on(
    register: &Register,
    date: NaiveDate,
    person: PersonId,
    participant: Option<ParticipantId>,
) -> Delegate {
    let found = register.person(person);
    let role = found.and_then(|p| match participant {
        Some(participant) => p.role_for(participant, date),
        None => p.role_on(date),
    });
    Delegate {
        name: register.person_name(person),
        title: role.map(|r| r.title.clone()).unwrap_or_default(),
    }
}

/// Someone sitting for a participant that is not theirs, as printed on
/// `date`: their name, and the office they held then with the participant
/// they hold it for ("State Secretary, Norway"), so the reader sees whose
/// official sat at the other's place.
pub fn stand_in_on(register: &Register, date: NaiveDate, person: PersonId) -> Delegate {
    let role = register.person(person).and_then(|p| p.role_on(date));
    Delegate {
        name: register.person_name(person),
        title: role
            .map(|r| {
                let whose = register.participant_name(r.participant);
                if r.title.trim().is_empty() {
                    whose
                } else {
                    format!("{}, {whose}", r.title)
                }
            })
            .unwrap_or_default(),
    }
}

/// What an attendance line says of others acting for the participant:
/// "represented by Norway; Tore Sandvik (State Secretary, Norway) sat for
/// it". `None` when no one did.
pub(super) fn on_behalf_of(
    register: &Register,
    date: NaiveDate,
    attendance: &Attendance,
) -> Option<String> {
    let mut said = Vec::new();
    if let Some(by) = attendance.represented_by {
        said.push(format!("represented by {}", register.participant_name(by)));
    }
    let stand_ins: Vec<String> = attendance
        .stand_ins
        .iter()
        .map(|&person| {
            let stand_in = stand_in_on(register, date, person);
            if stand_in.title.is_empty() {
                stand_in.name
            } else {
                format!("{} ({})", stand_in.name, stand_in.title)
            }
        })
        .collect();
    if !stand_ins.is_empty() {
        said.push(format!("{} sat for it", stand_ins.join(", ")));
    }
    (!said.is_empty()).then(|| said.join("; "))
}

/// The attendance groups and the apologies, each in name order.
pub(super) fn attendance_groups(
    register: &Register,
    meeting: &Meeting,
) -> (Vec<AttendanceGroup>, Vec<String>) {
    let mut groups: BTreeMap<ParticipantKind, Vec<(String, AttendanceLine)>> = BTreeMap::new();
    let mut apologies = Vec::new();
    let held = meeting.state == MeetingState::Held;
    for (&participant, attendance) in &meeting.attendance {
        let found = register.participant(participant);
        let name = register.participant_name(participant);
        if attendance.status == AttendanceStatus::Apologies {
            apologies.push(name);
            continue;
        }
        // An invitation says nothing of who came to a held session
        // (`check` asks for the attendance to be recorded).
        if held && attendance.status.is_expectation() {
            continue;
        }
        let kind = found.map(|p| p.kind).unwrap_or_default();
        let status = match attendance.represented_by {
            Some(by) if attendance.status == AttendanceStatus::Represented => format!(
                "{} by {}",
                attendance.status.label(),
                register.participant_name(by)
            ),
            _ => attendance.status.label().into(),
        };
        let line = AttendanceLine {
            participant: name.clone(),
            code: register.participant_code(participant),
            status,
            stand_ins: attendance
                .stand_ins
                .iter()
                .map(|&person| stand_in_on(register, meeting.date, person))
                .collect(),
            delegates: attendance
                .delegates
                .iter()
                .map(|&person| delegate_on(register, meeting.date, person, Some(participant)))
                .collect(),
            note: attendance.note.clone(),
        };
        groups
            .entry(kind)
            .or_default()
            .push((name.to_lowercase(), line));
    }
    apologies.sort_by_key(|name| name.to_lowercase());
    let attendance = groups
        .into_iter()
        .map(|(kind, mut lines)| {
            lines.sort_by(|a, b| a.0.cmp(&b.0));
            AttendanceGroup {
                heading: match kind {
                    ParticipantKind::Nation => "Nations",
                    ParticipantKind::Organisation => "Organisations",
                }
                .into(),
                lines: lines.into_iter().map(|(_, line)| line).collect(),
            }
        })
        .collect();
    (attendance, apologies)
}
