//! Nation sheets: where one participant stands, on one or two pages, for
//! its delegation's brief. Who represents it, how it has attended, its
//! commitments by stage and their money, what is overdue or falls due,
//! the actions it owns, what it committed at the last session, and the
//! secretariat's points to raise with it. A sheet prints only the
//! participant's own records, so no sheet shows another's.

mod parts;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::ReportError;
use super::edition::Edition;
use super::format::long_date;
use super::head::{DocumentHead, DocumentOptions, edition_at};
use super::pending::{ActionDue, CommitmentDue, commitment_due};
use super::summary_attendance::Delegate;
use super::summary_commitments::{MoneyLine, money_lines};
use crate::model::{ParticipantId, Record, ReferenceValues, Register, expand_reference};
use parts::{
    SheetSources, actions_owned, attendance_grid, head_of_delegation, points_to_raise,
    representatives, stage_lines,
};

/// The sessions of each series the attendance grid shows, the latest.
pub const SESSIONS_IN_GRID: usize = 8;

/// The most entries the meeting pack lists per participant; the rest are
/// counted.
pub const MOST_LISTED: usize = 12;

/// The most entries a list on a nation sheet prints; the rest are counted
/// and left to the register, so a sheet stays one or two pages however
/// much the participant owes.
pub const MOST_ON_A_SHEET: usize = 6;

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
    /// The grid's letter for it: "P", "R", "O", "A", "I" (invited, no
    /// answer recorded) or "—" (not recorded).
    pub mark: String,
}

/// One series' row of the attendance grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SeriesAttendance {
    pub series: String,
    pub sessions: Vec<GridCell>,
    /// "6 of 8": the sessions shown it took part in.
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

/// A list cut at [`MOST_ON_A_SHEET`], with how many more there are.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Listed<T> {
    pub entries: Vec<T>,
    /// "and 4 more"; `None` when all are listed.
    pub more: Option<String>,
}

impl<T> Listed<T> {
    pub(super) fn cut(mut entries: Vec<T>) -> Self {
        let extra = entries.len().saturating_sub(MOST_ON_A_SHEET);
        entries.truncate(MOST_ON_A_SHEET);
        Listed {
            entries,
            more: (extra > 0).then(|| format!("and {extra} more \u{2014} see the register")),
        }
    }
}

/// What the participant committed at the last session it took part in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LastSession {
    /// "No. 4 (7 May 2026)".
    pub session: String,
    pub commitments: Listed<CommitmentDue>,
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
    /// The holder, on the day of issue, of the office the register marks
    /// as heading its delegation; `None` when none is marked.
    pub head_of_delegation: Option<Delegate>,
    /// Everyone holding an office for it on the day of issue, by name.
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
    let sources = SheetSources::gather(register, participants, today);
    for &participant in participants {
        let mut edition = edition_at(register, level)?;
        let mut sheet = nation_sheet(
            register,
            &sources,
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

/// One participant's sheet; its marking is filled in by the caller from
/// `edition`, which keeps what it prints.
fn nation_sheet(
    register: &Register,
    sources: &SheetSources<'_>,
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

    let last_attended = sources
        .held
        .iter()
        .rev()
        .copied()
        .find(|m| register.meeting(*m).is_some_and(|m| m.attended_by(id)));
    let attendance = attendance_grid(register, id, &sources.held, edition);

    // Its commitments the edition prints; every list below is drawn from these.
    let own = edition.keep(
        sources
            .commitments_of(id)
            .iter()
            .map(|c| (c, c.1.marking.as_str())),
    );
    includes.extend(own.iter().map(|(cid, _)| Record::Commitment(**cid)));
    let stages = stage_lines(&own)?;
    let money = money_lines(own.iter().map(|(_, c)| *c))?;
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

    let actions = actions_owned(register, id, sources, today, edition, includes);

    let last_session = last_attended.map(|m| LastSession {
        session: register.session_name(m),
        commitments: Listed::cut(
            own.iter()
                .filter(|(_, c)| c.announced_at == Some(m))
                .map(|(_, c)| commitment_due(c, today))
                .collect(),
        ),
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
        head_of_delegation: head_of_delegation(register, id, today),
        representatives: representatives(register, id, today),
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
