//! The parts of a nation sheet drawn from the register: who heads the
//! delegation, the attendance grid, the commitments per stage and the
//! actions owned. The register is read once for all the sheets of a
//! document ([`SheetSources`]), so sixty sheets of a register of 100,000
//! commitments do not walk every commitment sixty times.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::{GridCell, Listed, SESSIONS_IN_GRID, SeriesAttendance, StageLine};
use crate::model::amounts::money_in;
use crate::model::{
    ActionItem, AttendanceStatus, Commitment, CommitmentId, CommitmentStatus, MeetingId,
    MeetingState, Participant, ParticipantId, Record, Register,
};
use crate::report::ReportError;
use crate::report::edition::Edition;
use crate::report::format::long_date;
use crate::report::pending::{ActionDue, owned_by};
use crate::report::summary_attendance::{Delegate, delegate_on};

/// What every sheet of one document reads, gathered once: the sessions
/// held by the day of issue, each participant's commitments and the open
/// actions.
pub(super) struct SheetSources<'r> {
    /// Held sessions on or before the day of issue, earliest first.
    pub held: Vec<MeetingId>,
    /// Each participant's commitments, in id order.
    commitments: HashMap<ParticipantId, Vec<(&'r CommitmentId, &'r Commitment)>>,
    /// The open actions of the held sessions with an owner, in the
    /// sessions' order.
    open_actions: Vec<(MeetingId, &'r ActionItem)>,
}

impl<'r> SheetSources<'r> {
    /// Reads what the sheets of `wanted` need, in one pass over the
    /// commitments; those of other participants are passed over.
    pub fn gather(register: &'r Register, wanted: &[ParticipantId], today: NaiveDate) -> Self {
        let held: Vec<MeetingId> = register
            .meetings_by_date()
            .into_iter()
            .filter(|m| {
                register
                    .meeting(*m)
                    .is_some_and(|m| m.state == MeetingState::Held && m.date <= today)
            })
            .collect();
        let mut commitments: HashMap<ParticipantId, Vec<_>> =
            wanted.iter().map(|p| (*p, Vec::new())).collect();
        for (id, commitment) in &register.commitments {
            if let Some(theirs) = commitments.get_mut(&commitment.participant) {
                theirs.push((id, commitment));
            }
        }
        let open_actions = held
            .iter()
            .filter_map(|id| register.meeting(*id).map(|m| (*id, m)))
            .flat_map(|(id, m)| {
                m.actions
                    .iter()
                    .filter(|a| !a.done && a.owner.is_some())
                    .map(move |a| (id, a))
            })
            .collect();
        SheetSources {
            held,
            commitments,
            open_actions,
        }
    }

    /// The participant's commitments, in id order.
    pub fn commitments_of(&self, id: ParticipantId) -> &[(&'r CommitmentId, &'r Commitment)] {
        self.commitments.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// Who heads the participant's delegation on `date`: the holder of the
/// office for it, held that day, that the register marks as heading its
/// delegation (`head_of_delegation` on the role). Never guessed from who
/// sat first at a session: `None` when the register marks no such office.
/// Should two overlap (the check reports it), the one taken up last.
pub(super) fn head_of_delegation(
    register: &Register,
    id: ParticipantId,
    date: NaiveDate,
) -> Option<Delegate> {
    register
        .people
        .iter()
        .flat_map(|(person, p)| p.roles.iter().map(move |role| (*person, role)))
        .filter(|(_, role)| role.participant == id && role.head_of_delegation && role.held_on(date))
        .max_by_key(|(person, role)| (role.from, *person))
        .map(|(person, role)| Delegate {
            name: register.person_name(person),
            title: role.title.clone(),
        })
}

/// Everyone holding an office for the participant on `date`, by name.
pub(super) fn representatives(
    register: &Register,
    id: ParticipantId,
    date: NaiveDate,
) -> Vec<Delegate> {
    let mut delegates: Vec<Delegate> = register
        .people
        .iter()
        .filter(|(_, p)| p.role_for(id, date).is_some())
        .map(|(person, _)| delegate_on(register, date, *person, Some(id)))
        .collect();
    delegates.sort_by(|a, b| a.name.cmp(&b.name));
    delegates
}

/// The grid's letter for how a participant stood at a held session; the
/// sheet prints the key under the grid.
fn presence_mark(status: Option<AttendanceStatus>) -> &'static str {
    match status {
        Some(AttendanceStatus::Present) => "P",
        Some(AttendanceStatus::Represented) => "R",
        Some(AttendanceStatus::Observer) => "O",
        Some(AttendanceStatus::Apologies) => "A",
        Some(AttendanceStatus::Invited | AttendanceStatus::Confirmed) => "I",
        None => "\u{2014}",
    }
}

/// The last [`SESSIONS_IN_GRID`] held sessions of each series since the
/// participant joined, and how it stood at each. A session above the
/// edition's level is left out.
pub(super) fn attendance_grid(
    register: &Register,
    id: ParticipantId,
    held: &[MeetingId],
    edition: &mut Edition<'_>,
) -> Vec<SeriesAttendance> {
    let joined = register.participant(id).and_then(|p| p.joined);
    let mut grid = Vec::new();
    for (&series_id, series) in &register.series {
        let in_series: Vec<_> = held
            .iter()
            .filter_map(|m| register.meeting(*m))
            .filter(|m| m.series == Some(series_id) && joined.is_none_or(|j| m.date >= j))
            .collect();
        let last = in_series
            .get(in_series.len().saturating_sub(SESSIONS_IN_GRID)..)
            .unwrap_or_default();
        let kept = edition.keep(last.iter().map(|m| (*m, m.marking.as_str())));
        if kept.is_empty() {
            continue;
        }
        let sessions: Vec<GridCell> = kept
            .iter()
            .map(|m| {
                let status = m.attendance.get(&id).map(|a| a.status);
                GridCell {
                    date: m.date.format("%-d %b %Y").to_string(),
                    number: m.number,
                    presence: status
                        .map_or("Not recorded", AttendanceStatus::label)
                        .into(),
                    mark: presence_mark(status).into(),
                }
            })
            .collect();
        let took_part = kept.iter().filter(|m| m.attended_by(id)).count();
        grid.push(SeriesAttendance {
            series: series.name.clone(),
            summary: format!("{took_part} of {}", sessions.len()),
            sessions,
        });
    }
    grid
}

/// The participant's commitments counted and valued per stage, in the
/// ladder's order; a stage with none is left out.
pub(super) fn stage_lines(
    own: &[&(&CommitmentId, &Commitment)],
) -> Result<Vec<StageLine>, ReportError> {
    let mut stages = Vec::new();
    for stage in CommitmentStatus::ALL {
        let at: Vec<_> = own.iter().filter(|(_, c)| c.status == stage).collect();
        if at.is_empty() {
            continue;
        }
        let mut values: BTreeMap<String, rust_decimal::Decimal> = BTreeMap::new();
        for (_, c) in &at {
            if let Some(value) = &c.value {
                crate::model::totals::add_to(
                    values.entry(value.currency.clone()).or_default(),
                    value.amount,
                )?;
            }
        }
        stages.push(StageLine {
            stage: stage.label().into(),
            count: at.len(),
            values: values
                .iter()
                .map(|(currency, amount)| money_in(currency, *amount))
                .collect(),
        });
    }
    Ok(stages)
}

/// The open actions the participant (or one of its people) owns from the
/// sessions held, the earliest due first; their meetings join what the
/// sheet includes.
pub(super) fn actions_owned(
    register: &Register,
    id: ParticipantId,
    sources: &SheetSources<'_>,
    today: NaiveDate,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
) -> Listed<ActionDue> {
    let mine: Vec<_> = sources
        .open_actions
        .iter()
        .filter(|(_, a)| a.owner.is_some_and(|o| owned_by(register, o, id)))
        .filter_map(|(m, a)| {
            register
                .meeting(*m)
                .map(|meeting| ((*a, *m), meeting.part_marking(&a.marking)))
        })
        .collect();
    // Their sessions join what the sheet includes even when the edition
    // leaves the action out, so an unknown marking is still refused.
    includes.extend(mine.iter().map(|((_, m), _)| Record::Meeting(*m)));
    let mut owned = edition.keep(mine);
    owned.sort_by_key(|(a, m)| (a.due.is_none(), a.due, *m));
    Listed::cut(
        owned
            .into_iter()
            .map(|(a, from)| ActionDue {
                text: a.text.clone(),
                owner: a.owner.map(|o| register.owner_name(o)),
                due: a.due.map(long_date),
                overdue: a.due.is_some_and(|due| due < today),
                raised_at: register.session_name(from),
            })
            .collect(),
    )
}

/// The points to raise with the participant, if the edition may show
/// them; a marking the register does not have is refused.
pub(super) fn points_to_raise(
    register: &Register,
    participant: &Participant,
    edition: &mut Edition<'_>,
    refusals: &mut Vec<String>,
) -> Option<String> {
    if participant.points_to_raise.trim().is_empty() {
        return None;
    }
    let marking = participant
        .points_marking
        .as_deref()
        .unwrap_or(register.lowest_marking());
    if !register.markings.iter().any(|level| level == marking) {
        refusals.push(format!(
            "The points to raise with {} are marked \u{201c}{marking}\u{201d}, which is not \
             one of the register's levels ({}), so the sheet's marking cannot be worked out",
            participant.name,
            register.markings.join(", ")
        ));
    }
    edition
        .keep([(participant.points_to_raise.clone(), marking)])
        .pop()
}
