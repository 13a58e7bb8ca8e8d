//! Nation sheets: where one participant stands, on one or two pages, for
//! its delegation's brief. Who represents it, how it has attended, its
//! commitments by stage and their money, what is overdue or falls due,
//! the actions it owns, what it committed at the last session, and the
//! secretariat's points to raise with it. A sheet prints only the
//! participant's own records, so no sheet shows another's.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ReportError;
use super::edition::Edition;
use super::format::long_date;
use super::head::{DocumentHead, DocumentOptions, edition_at};
use super::pending::{ActionDue, CommitmentDue, commitment_due, owned_by};
use super::summary_attendance::Delegate;
use super::summary_attendance::delegate_on;
use super::summary_commitments::{MoneyLine, money_lines};
use crate::model::amounts::money_in;
use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, MeetingId, MeetingState, Participant,
    ParticipantId, Record, ReferenceValues, Register, expand_reference,
};

/// The sessions of each series the attendance grid shows, the latest.
pub const SESSIONS_IN_GRID: usize = 8;

/// The most entries a list on a sheet prints; the rest are counted, so a
/// sheet stays one or two pages however much the participant owes.
pub const MOST_LISTED: usize = 12;

/// Days ahead in which a delivery counts as coming due.
pub const DUE_SOON_DAYS: u32 = 90;

/// One session in the attendance grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GridCell {
    /// "7 May 2026".
    pub date: String,
    pub number: Option<u32>,
    /// "Present", "Represented", "Observer", "Apologies", "Not recorded".
    pub presence: String,
}

/// One series' row of the attendance grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesAttendance {
    pub series: String,
    pub sessions: Vec<GridCell>,
    /// "Took part in 6 of 8".
    pub summary: String,
}

/// The commitments at one stage of the ladder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageLine {
    /// "Pledged", "Committed", …
    pub stage: String,
    pub count: usize,
    /// The value at that stage per currency: "EUR 250,000,000.00".
    pub values: Vec<String>,
}

/// A list cut at [`MOST_LISTED`], with how many more there are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Listed<T> {
    pub entries: Vec<T>,
    /// "and 4 more"; `None` when all are listed.
    pub more: Option<String>,
}

impl<T> Listed<T> {
    fn cut(mut entries: Vec<T>) -> Self {
        let extra = entries.len().saturating_sub(MOST_LISTED);
        entries.truncate(MOST_LISTED);
        Listed {
            entries,
            more: (extra > 0).then(|| format!("and {extra} more")),
        }
    }
}

/// What the participant committed at the last session it took part in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LastSession {
    /// "No. 4 (7 May 2026)".
    pub session: String,
    pub commitments: Vec<CommitmentDue>,
}

/// One participant's sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NationSheet {
    pub participant: String,
    pub code: String,
    /// "Nation" or "Organisation".
    pub kind: String,
    /// "Joined 17 February 2025".
    pub joined: Option<String>,
    /// The sheet's own marking: the highest of what it prints.
    pub marking: String,
    /// Who led its delegation at the last session it attended, if still
    /// in office; else its first representative.
    pub head_of_delegation: Option<Delegate>,
    /// Everyone holding an office for it on the day of issue.
    pub representatives: Vec<Delegate>,
    pub attendance: Vec<SeriesAttendance>,
    pub stages: Vec<StageLine>,
    /// Pledged, firm and paid per currency.
    pub money: Vec<MoneyLine>,
    pub overdue: Listed<CommitmentDue>,
    /// Not delivered and due in the next [`DUE_SOON_DAYS`] days.
    pub due_soon: Listed<CommitmentDue>,
    /// Open actions it (or one of its people) owns, overdue ones marked.
    pub actions: Listed<ActionDue>,
    pub last_session: Option<LastSession>,
    /// The secretariat's points to raise, when written and within the
    /// edition.
    pub points_to_raise: Option<String>,
}

/// One or more sheets as one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NationSheets {
    pub head: DocumentHead,
    pub sheets: Vec<NationSheet>,
    #[serde(skip)]
    pub includes: Vec<Record>,
    #[serde(skip)]
    pub refusals: Vec<String>,
}

/// The sheets of `participants`, in that order, as one document issued on
/// `today`: a single sheet is referenced by the participant's code
/// ("CoW/NS/2026/GBR"), several as "…/ALL".
pub fn nation_sheets(
    register: &Register,
    participants: &[ParticipantId],
    options: &DocumentOptions,
    today: NaiveDate,
) -> Result<NationSheets, ReportError> {
    nation_sheets_going_on(register, participants, options, today, |_| true)?
        .ok_or_else(|| ReportError::Typesetting("the sheets were stopped".into()))
}

/// [`nation_sheets`], asking `going_on(done)` after each sheet whether to
/// go on: the window's progress bar counts the sheets made, and its Cancel
/// answers no, which ends the work with `None`.
pub fn nation_sheets_going_on(
    register: &Register,
    participants: &[ParticipantId],
    options: &DocumentOptions,
    today: NaiveDate,
    mut going_on: impl FnMut(usize) -> bool,
) -> Result<Option<NationSheets>, ReportError> {
    let level = options.edition.as_deref();
    let mut document = edition_at(register, level)?;
    let mut includes = Vec::new();
    let mut refusals = Vec::new();
    let mut sheets = Vec::with_capacity(participants.len());
    for &participant in participants {
        let mut edition = edition_at(register, level)?;
        let mut sheet = nation_sheet(
            register,
            participant,
            today,
            &mut edition,
            &mut includes,
            &mut refusals,
        )?;
        sheet.marking = edition.marking();
        document.keep([((), sheet.marking.as_str())]);
        document.count_omitted(edition.omitted());
        sheets.push(sheet);
        if !going_on(sheets.len()) {
            return Ok(None);
        }
    }
    includes.sort();
    includes.dedup();
    refusals.extend(register.marking_refusals(&includes));
    let number = match participants {
        [one] => register.participant_code(*one),
        _ => "ALL".to_string(),
    };
    let reference = expand_reference(
        &register.reference_pattern,
        &ReferenceValues {
            coalition: register.short_name.clone(),
            series: "NS".into(),
            year: today.year(),
            number,
            revision: None,
        },
    )
    .unwrap_or_else(|error| {
        refusals.push(error.to_string());
        String::new()
    });
    let title = match sheets.as_slice() {
        [one] => format!("{} ({})", one.participant, one.code),
        _ => format!("All {} participants", sheets.len()),
    };
    Ok(Some(NationSheets {
        head: DocumentHead::new(
            register,
            "Nation sheet",
            title,
            &document,
            options,
            reference,
            today,
        ),
        sheets,
        includes,
        refusals,
    }))
}

/// The participant's commitments counted and valued per stage, in the
/// ladder's order; a stage with none is left out.
fn stage_lines(own: &[(&CommitmentId, &Commitment)]) -> Result<Vec<StageLine>, ReportError> {
    let mut stages = Vec::new();
    for stage in CommitmentStatus::ALL {
        let at: Vec<_> = own.iter().filter(|(_, c)| c.status == stage).collect();
        if at.is_empty() {
            continue;
        }
        let mut values: std::collections::BTreeMap<String, rust_decimal::Decimal> =
            std::collections::BTreeMap::new();
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

/// The open actions the participant owns from the sessions held; their
/// meetings join what the sheet includes.
fn actions_owned(
    register: &Register,
    id: ParticipantId,
    held: &[MeetingId],
    today: NaiveDate,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
) -> Listed<ActionDue> {
    let mut owned = Vec::new();
    for meeting_id in held {
        let Some(meeting) = register.meeting(*meeting_id) else {
            continue;
        };
        let open_here: Vec<_> = meeting
            .actions
            .iter()
            .filter(|a| !a.done && a.owner.is_some_and(|o| owned_by(register, o, id)))
            .map(|a| ((a, *meeting_id), meeting.part_marking(&a.marking)))
            .collect();
        if open_here.is_empty() {
            continue;
        }
        includes.push(Record::Meeting(*meeting_id));
        owned.extend(edition.keep(open_here));
    }
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
fn points_to_raise(
    register: &Register,
    participant: &Participant,
    edition: &mut Edition<'_>,
    refusals: &mut Vec<String>,
) -> Option<String> {
    if participant.points_to_raise.trim().is_empty() {
        None
    } else {
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
}

/// One participant's sheet; its marking is filled in by the caller from
/// `edition`, which keeps what it prints.
fn nation_sheet(
    register: &Register,
    id: ParticipantId,
    today: NaiveDate,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
    refusals: &mut Vec<String>,
) -> Result<NationSheet, ReportError> {
    let participant = register
        .participant(id)
        .ok_or(ReportError::NoSuchParticipant(id))?;
    includes.push(Record::Participant(id));

    let representatives: Vec<(crate::model::PersonId, Delegate)> = register
        .people
        .iter()
        .filter(|(_, p)| p.role_for(id, today).is_some())
        .map(|(&person, _)| (person, delegate_on(register, today, person, Some(id))))
        .collect();
    let held: Vec<MeetingId> = register
        .meetings_by_date()
        .into_iter()
        .filter(|m| {
            register
                .meeting(*m)
                .is_some_and(|m| m.state == MeetingState::Held && m.date <= today)
        })
        .collect();
    let last_attended = held
        .iter()
        .rev()
        .copied()
        .find(|m| register.meeting(*m).is_some_and(|m| m.attended_by(id)));
    let head_of_delegation = last_attended
        .and_then(|m| register.meeting(m))
        .and_then(|m| m.attendance.get(&id))
        .and_then(|a| a.delegates.first())
        .and_then(|lead| representatives.iter().find(|(p, _)| p == lead))
        .or(representatives.first())
        .map(|(_, d)| d.clone());

    let attendance = attendance_grid(register, id, &held, edition);

    // Its commitments the edition prints; every list below is drawn from these.
    let own: Vec<_> = register
        .commitments
        .iter()
        .filter(|(_, c)| c.participant == id)
        .collect();
    let own = edition.keep(own.into_iter().map(|c| (c, c.1.marking.as_str())));
    includes.extend(own.iter().map(|(cid, _)| Record::Commitment(**cid)));
    let stages = stage_lines(&own)?;
    let money = money_lines(&own)?;
    let mut open: Vec<_> = own
        .iter()
        .filter(|(_, c)| !c.status.is_closed() && c.due.is_some())
        .collect();
    open.sort_by_key(|(cid, c)| (c.due, **cid));
    let overdue = Listed::cut(
        open.iter()
            .filter(|(_, c)| c.is_overdue(today))
            .map(|(_, c)| commitment_due(c, today))
            .collect(),
    );
    let soon = today
        .checked_add_days(chrono::Days::new(u64::from(DUE_SOON_DAYS)))
        .unwrap_or(today);
    let due_soon = Listed::cut(
        open.iter()
            .filter(|(_, c)| c.due.is_some_and(|due| due >= today && due <= soon))
            .map(|(_, c)| commitment_due(c, today))
            .collect(),
    );

    let actions = actions_owned(register, id, &held, today, edition, includes);

    let last_session = last_attended.map(|m| LastSession {
        session: register.session_name(m),
        commitments: own
            .iter()
            .filter(|(_, c)| c.announced_at == Some(m))
            .map(|(_, c)| commitment_due(c, today))
            .collect(),
    });

    let points_to_raise = points_to_raise(register, participant, edition, refusals);

    Ok(NationSheet {
        participant: participant.name.clone(),
        code: participant.code.clone(),
        kind: participant.kind.label().into(),
        joined: participant
            .joined
            .map(|d| format!("Joined {}", long_date(d))),
        marking: String::new(),
        head_of_delegation,
        representatives: representatives.into_iter().map(|(_, d)| d).collect(),
        attendance,
        stages,
        money,
        overdue,
        due_soon,
        actions,
        last_session,
        points_to_raise,
    })
}

/// The last [`SESSIONS_IN_GRID`] held sessions of each series, and how the
/// participant stood at each. A session above the edition's level is left
/// out.
fn attendance_grid(
    register: &Register,
    id: ParticipantId,
    held: &[MeetingId],
    edition: &mut Edition<'_>,
) -> Vec<SeriesAttendance> {
    let joined = register.participant(id).and_then(|p| p.joined);
    let mut grid = Vec::new();
    for (&series_id, series) in &register.series {
        let in_series: Vec<MeetingId> = held
            .iter()
            .copied()
            .filter(|m| {
                register
                    .meeting(*m)
                    .is_some_and(|m| m.series == Some(series_id))
            })
            .filter(|m| {
                register
                    .meeting(*m)
                    .is_some_and(|m| joined.is_none_or(|j| m.date >= j))
            })
            .collect();
        let last = in_series
            .get(in_series.len().saturating_sub(SESSIONS_IN_GRID)..)
            .unwrap_or_default();
        let marked: Vec<_> = last
            .iter()
            .filter_map(|m| {
                register
                    .meeting(*m)
                    .map(|meeting| (meeting, meeting.marking.as_str()))
            })
            .collect();
        let kept = edition.keep(marked);
        if kept.is_empty() {
            continue;
        }
        let sessions: Vec<GridCell> = kept
            .iter()
            .map(|m| GridCell {
                date: long_date(m.date),
                number: m.number,
                presence: m
                    .attendance
                    .get(&id)
                    .map_or("Not recorded", |a| a.status.label())
                    .to_string(),
            })
            .collect();
        let took_part = kept.iter().filter(|m| m.attended_by(id)).count();
        grid.push(SeriesAttendance {
            series: series.name.clone(),
            summary: format!("Took part in {took_part} of {}", sessions.len()),
            sessions,
        });
    }
    grid
}
