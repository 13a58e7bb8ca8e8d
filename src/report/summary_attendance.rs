//! The summary's attendance: who came, grouped as nations and
//! organisations in name order, and who sent apologies.

use std::collections::BTreeMap;

use crate::model::{
    AttendanceStatus, Meeting, MeetingState, ParticipantId, ParticipantKind, PersonId, Register,
};

use super::summary::{AttendanceGroup, AttendanceLine, Delegate};

/// A person as printed on `date`: their name and the title of the role
/// they held then, for `participant` when one is given.
pub(super) fn delegate_on(
    register: &Register,
    date: chrono::NaiveDate,
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
        let line = AttendanceLine {
            participant: name.clone(),
            code: register.participant_code(participant),
            status: attendance.status.label().into(),
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
