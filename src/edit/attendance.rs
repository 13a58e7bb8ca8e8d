//! Attendance recorded in one step for many delegations: everyone expected
//! marked present, the previous session's list taken over, a delegate
//! first met at the table added to the register and to the row. Each is
//! one edit, so one Undo takes it back whole.

use chrono::NaiveDate;

use super::Edit;
use crate::model::{
    Attendance, AttendanceStatus, Meeting, MeetingId, MeetingState, ParticipantId, Person,
    PersonId, Register,
};

/// The delegations `meeting` expects: those recorded as invited or
/// confirmed; when none is, the series' previous session's list and the
/// convenors. Sorted, without repeats.
pub fn expected_delegations(register: &Register, id: MeetingId) -> Vec<ParticipantId> {
    let Some(meeting) = register.meeting(id) else {
        return Vec::new();
    };
    let mut expected: Vec<ParticipantId> = meeting
        .attendance
        .iter()
        .filter(|(_, a)| a.status.is_expectation())
        .map(|(p, _)| *p)
        .collect();
    if expected.is_empty() {
        let previous = meeting
            .series
            .and_then(|series| register.session_before(series, meeting.date))
            .and_then(|previous| register.meeting(previous));
        expected.extend(previous.into_iter().flat_map(|m| m.attendance.keys()));
        expected.extend(meeting.convenors.iter());
        // Whoever has already answered keeps that answer.
        expected.retain(|p| !meeting.attendance.contains_key(p));
        expected.retain(|p| register.participant(*p).is_some());
    }
    expected.sort_unstable();
    expected.dedup();
    expected
}

/// The edit that marks every expected delegation (see
/// [`expected_delegations`]) present and the meeting held. `None` when no
/// delegation is expected, the meeting was cancelled or postponed, or its
/// date is after `today` (no one has attended it yet).
pub fn expected_present(register: &Register, id: MeetingId, today: NaiveDate) -> Option<Edit> {
    let mut meeting = register.meeting(id)?.clone();
    if !matches!(meeting.state, MeetingState::Planned | MeetingState::Held) || meeting.date > today
    {
        return None;
    }
    let expected = expected_delegations(register, id);
    if expected.is_empty() {
        return None;
    }
    meeting.state = MeetingState::Held;
    for participant in expected {
        meeting.attendance.entry(participant).or_default().status = AttendanceStatus::Present;
    }
    Some(Edit::Meeting(id, Some(meeting)))
}

/// Why *Mark all present* cannot be done at a meeting; each sentence is
/// the greyed button's tooltip.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AllPresentRefused {
    #[error("The meeting is no longer in the register")]
    Gone,
    #[error("The meeting is {0}: no one attended it")]
    NotTakingPlace(&'static str),
    #[error("The meeting is on {0}: mark who attended once it has been held")]
    NotYetHeld(NaiveDate),
    #[error("The register has no participants to mark present")]
    NoParticipants,
    #[error("Every delegation already has its attendance recorded")]
    NothingToMark,
}

/// The delegations *Mark all present* marks at meeting `id`: every
/// participant that had joined the coalition by the meeting's date and
/// has no attendance recorded, or only an invitation (a held session's
/// invitation says nothing any more). Recorded apologies, observers and
/// representations stay. Refused for a meeting cancelled, postponed or
/// dated after `today`.
pub fn all_present_delegations(
    register: &Register,
    id: MeetingId,
    today: NaiveDate,
) -> Result<Vec<ParticipantId>, AllPresentRefused> {
    let meeting = register.meeting(id).ok_or(AllPresentRefused::Gone)?;
    match meeting.state {
        MeetingState::Planned | MeetingState::Held => {}
        MeetingState::Postponed => return Err(AllPresentRefused::NotTakingPlace("postponed")),
        MeetingState::Cancelled => return Err(AllPresentRefused::NotTakingPlace("cancelled")),
    }
    if meeting.date > today {
        return Err(AllPresentRefused::NotYetHeld(meeting.date));
    }
    if register.participants.is_empty() {
        return Err(AllPresentRefused::NoParticipants);
    }
    let marked: Vec<ParticipantId> = register
        .participants
        .iter()
        .filter(|(_, p)| p.joined.is_none_or(|joined| joined <= meeting.date))
        .map(|(id, _)| *id)
        .filter(|p| {
            meeting
                .attendance
                .get(p)
                .is_none_or(|a| a.status.is_expectation())
        })
        .collect();
    if marked.is_empty() {
        return Err(AllPresentRefused::NothingToMark);
    }
    Ok(marked)
}

/// The edit that marks [`all_present_delegations`] present and the
/// meeting held, as one step.
pub fn all_present(
    register: &Register,
    id: MeetingId,
    today: NaiveDate,
) -> Result<Edit, AllPresentRefused> {
    let marked = all_present_delegations(register, id, today)?;
    let mut meeting = register.meeting(id).ok_or(AllPresentRefused::Gone)?.clone();
    meeting.state = MeetingState::Held;
    for participant in marked {
        meeting
            .attendance
            .entry(participant)
            .or_default()
            .set_status(AttendanceStatus::Present);
    }
    Ok(Edit::Meeting(id, Some(meeting)))
}

/// The edit that records `status` for each of `delegations` at meeting
/// `id`, as one step (a row new to the meeting starts with no delegates).
/// `None` when the meeting is gone or nothing would change.
pub fn set_attendance(
    register: &Register,
    id: MeetingId,
    delegations: &[ParticipantId],
    status: AttendanceStatus,
) -> Option<Edit> {
    let original = register.meeting(id)?;
    let mut meeting = original.clone();
    for participant in delegations {
        if register.participant(*participant).is_none() {
            continue;
        }
        let row = meeting
            .attendance
            .entry(*participant)
            .or_insert_with(|| Attendance {
                status,
                ..Attendance::default()
            });
        row.set_status(status);
    }
    (meeting != *original).then_some(Edit::Meeting(id, Some(meeting)))
}

/// The edit that starts this meeting's attendance from the series'
/// previous session: every delegation recorded there, with the delegates
/// who still hold their role on this meeting's date. A held meeting takes
/// the statuses as they were (an expected delegation becomes present);
/// one not yet held lists them all as invited. Rows already recorded here
/// stay, unless they only say who was expected. `None` when there is no
/// previous session or it recorded no attendance.
pub fn copy_previous_attendance(register: &Register, id: MeetingId) -> Option<Edit> {
    let mut meeting = register.meeting(id)?.clone();
    let previous = previous_attendance(register, &meeting)?;
    let held = meeting.state == MeetingState::Held;
    for (&participant, before) in previous {
        if meeting
            .attendance
            .get(&participant)
            .is_some_and(|a| !(held && a.status.is_expectation()))
        {
            continue;
        }
        let status = match before.status {
            _ if !held => AttendanceStatus::Invited,
            status if status.is_expectation() => AttendanceStatus::Present,
            status => status,
        };
        let delegates = before
            .delegates
            .iter()
            .copied()
            .filter(|d| holds_role(register, *d, participant, meeting.date))
            .collect();
        meeting.attendance.insert(
            participant,
            Attendance {
                status,
                delegates,
                ..Attendance::default()
            },
        );
    }
    Some(Edit::Meeting(id, Some(meeting)))
}

/// The previous session of the meeting's series, when it recorded any
/// attendance.
fn previous_attendance<'a>(
    register: &'a Register,
    meeting: &Meeting,
) -> Option<&'a std::collections::BTreeMap<ParticipantId, Attendance>> {
    let previous = register.session_before(meeting.series?, meeting.date)?;
    let attendance = &register.meeting(previous)?.attendance;
    (!attendance.is_empty()).then_some(attendance)
}

/// The previous session whose attendance [`copy_previous_attendance`]
/// would take, if there is one with any attendance.
pub fn previous_with_attendance(register: &Register, id: MeetingId) -> Option<MeetingId> {
    let meeting = register.meeting(id)?;
    let previous = register.session_before(meeting.series?, meeting.date)?;
    previous_attendance(register, meeting).map(|_| previous)
}

fn holds_role(
    register: &Register,
    person: PersonId,
    participant: ParticipantId,
    date: NaiveDate,
) -> bool {
    register
        .person(person)
        .is_some_and(|p| p.role_for(participant, date).is_some())
}

/// The edit that registers a person first met at the table — `name`,
/// holding `title` for `participant` from the meeting's date — and seats
/// them among its delegates, as one step. A participant with no row yet
/// gets one (present at a held meeting, invited otherwise). `None` for a
/// blank name or a meeting that does not exist.
pub fn add_new_delegate(
    register: &Register,
    id: MeetingId,
    participant: ParticipantId,
    name: &str,
    title: &str,
) -> Option<Edit> {
    let mut meeting = register.meeting(id)?.clone();
    register.participant(participant)?;
    // Built here rather than by `new_records::delegate`, which sits a
    // layer above `edit`: the same `Person::delegate`, the same fresh id.
    let new_person = Person::delegate(name, title, participant, meeting.date)?;
    let person = PersonId(register.fresh_id());
    let add_person = Edit::Person(person, Some(new_person));
    let status = if meeting.state == MeetingState::Held {
        AttendanceStatus::Present
    } else {
        AttendanceStatus::Invited
    };
    meeting
        .attendance
        .entry(participant)
        .or_insert_with(|| Attendance {
            status,
            ..Attendance::default()
        })
        .delegates
        .push(person);
    Some(Edit::Batch(vec![
        add_person,
        Edit::Meeting(id, Some(meeting)),
    ]))
}
