//! What is still owed, as the documents sent before a session list it:
//! open actions with their overdue marks, commitments falling due per
//! participant, and the series' next session.

use chrono::NaiveDate;
use serde::Serialize;

use super::edition::Edition;
use super::format::{long_date, money, quantity};
use crate::model::{ActionAt, ActionOwner, Commitment, MeetingId, MeetingState, Record, Register};

/// An open action as a document lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionDue {
    pub text: String,
    /// "France", "Olena Kovalenko", "Secretariat"; `None` when no one
    /// owns it yet.
    pub owner: Option<String>,
    /// "31 May 2026".
    pub due: Option<String>,
    /// Its due date has passed on the day of issue.
    pub overdue: bool,
    /// "No. 4 (7 May 2026)": the session that raised it.
    pub raised_at: String,
}

/// A commitment not yet delivered, with when it is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitmentDue {
    pub title: String,
    pub status: String,
    /// "EUR 250,000,000.00; 200 instructors", or empty.
    pub amount: String,
    /// What is delivered and paid so far ("12 of 48 systems delivered").
    pub progress: Vec<String>,
    pub due: String,
    /// Its due date has passed on the day of issue.
    pub overdue: bool,
}

/// One participant's commitments falling due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParticipantDues {
    pub participant: String,
    pub code: String,
    /// The earliest due first, at most [`super::MOST_LISTED`].
    pub lines: Vec<CommitmentDue>,
    /// "and 40 more"; `None` when all are listed.
    pub more: Option<String>,
}

/// The actions session `id` takes up that are still open: those carried
/// over to it and those of the `previous` session not yet carried, each
/// once, marked overdue against `today`. The meetings they come from are
/// added to `includes`; those above the edition's level are left out.
pub(super) fn actions_due(
    register: &Register,
    id: MeetingId,
    previous: Option<MeetingId>,
    today: NaiveDate,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
) -> Vec<ActionDue> {
    let mut found: Vec<(MeetingId, crate::model::ActionItem)> = Vec::new();
    let mut seen: Vec<ActionAt> = Vec::new();
    for carried in register.carried_over(id) {
        if let Some(at) = carried.at {
            seen.push(at);
        }
        if !carried.action.done {
            found.push((carried.from, carried.action));
        }
    }
    for at in previous
        .map(|p| register.actions_to_carry(p))
        .unwrap_or_default()
    {
        if seen.contains(&at) {
            continue;
        }
        let Some(origin) = register.meeting(at.meeting) else {
            continue;
        };
        if let Some(action) = origin.actions.get(at.index) {
            found.push((at.meeting, crate::model::as_carried(origin, action)));
        }
    }
    for (from, _) in &found {
        if !includes.contains(&Record::Meeting(*from)) {
            includes.push(Record::Meeting(*from));
        }
    }
    let markings: Vec<String> = found
        .iter()
        .map(|(_, a)| a.marking.clone().unwrap_or_default())
        .collect();
    edition
        .keep(found.into_iter().zip(markings.iter().map(String::as_str)))
        .into_iter()
        .map(|(from, action)| ActionDue {
            owner: action.owner.map(|o| register.owner_name(o)),
            due: action.due.map(long_date),
            overdue: action.due.is_some_and(|due| due < today),
            raised_at: register.session_name(from),
            text: action.text,
        })
        .collect()
}

/// Whether `owner` is `participant` or one of its people.
pub(super) fn owned_by(
    register: &Register,
    owner: ActionOwner,
    participant: crate::model::ParticipantId,
) -> bool {
    match owner {
        ActionOwner::Participant(p) => p == participant,
        ActionOwner::Person(person) => register
            .person(person)
            .is_some_and(|p| p.roles.iter().any(|r| r.participant == participant)),
        ActionOwner::Secretariat => false,
    }
}

/// The commitments not yet delivered nor withdrawn that `wanted` picks,
/// grouped by participant in name order, each group by due date. Those
/// above the edition's level are left out; the rest join `includes`.
pub(super) fn commitments_due(
    register: &Register,
    wanted: impl Fn(&Commitment) -> bool,
    today: NaiveDate,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
) -> Vec<ParticipantDues> {
    let mut open: Vec<_> = register
        .commitments
        .iter()
        .filter(|(_, c)| !c.status.is_closed() && wanted(c))
        .collect();
    open.sort_by_key(|(id, c)| (c.participant, c.due, **id));
    let kept = edition.keep(open.into_iter().map(|c| (c, c.1.marking.as_str())));
    let mut groups: Vec<ParticipantDues> = Vec::new();
    for participant in register.participants_by_name() {
        // A large register owes thousands: each participant's list stops
        // at the earliest few and counts the rest, so the pack stays a pack.
        let theirs: Vec<_> = kept
            .iter()
            .filter(|(_, c)| c.participant == participant)
            .collect();
        if theirs.is_empty() {
            continue;
        }
        let listed = &theirs[..theirs.len().min(super::MOST_LISTED)];
        includes.extend(listed.iter().map(|(id, _)| Record::Commitment(**id)));
        let extra = theirs.len() - listed.len();
        groups.push(ParticipantDues {
            participant: register.participant_name(participant),
            code: register.participant_code(participant),
            lines: listed
                .iter()
                .map(|(_, c)| commitment_due(c, today))
                .collect(),
            more: (extra > 0).then(|| format!("and {extra} more")),
        });
    }
    groups
}

/// One commitment as a list of dues prints it.
pub(super) fn commitment_due(c: &Commitment, today: NaiveDate) -> CommitmentDue {
    CommitmentDue {
        title: c.title.clone(),
        status: c.status.label().into(),
        amount: amount_text(c),
        progress: c.progress(),
        due: c.due.map(long_date).unwrap_or_default(),
        overdue: c.is_overdue(today),
    }
}

/// "200 instructors; EUR 250,000,000.00", or empty.
pub(super) fn amount_text(c: &Commitment) -> String {
    [
        c.quantity.as_ref().map(quantity),
        c.value.as_ref().map(money),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join("; ")
}

/// The day the series of meeting `id` meets next after it: its next
/// session in the register that is not cancelled, else the next one its
/// cadence gives within two years. `None` outside a series.
pub(super) fn next_session(register: &Register, id: MeetingId) -> Option<NaiveDate> {
    let meeting = register.meeting(id)?;
    let series = meeting.series?;
    let recorded = register
        .meetings
        .iter()
        .filter(|(other, m)| {
            **other != id
                && m.series == Some(series)
                && m.date > meeting.date
                && m.state != MeetingState::Cancelled
        })
        .map(|(_, m)| m.date)
        .min();
    let after = meeting.date.succ_opt()?;
    let until = after.checked_add_days(chrono::Days::new(731))?;
    let projected = crate::model::recurrence::projected_sessions(register, after, until)
        .into_iter()
        .find(|o| o.series == series)
        .map(|o| o.date);
    match (recorded, projected) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
