//! The since-last-session report: what moved between the previous session
//! of a series and this one, printed. The changes themselves are worked
//! out once, by `tracking::since_last_session` (which the window's list
//! and the CSV use too); this is how the printed report words them, with
//! the money at both sessions and the difference.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use super::ReportError;
use super::edition::Edition;
use super::format::long_date;
use super::head::{DocumentHead, DocumentOptions, meeting_document_reference};
use super::pending::amount_text;
pub use super::since_money::MoneyChange;
use super::since_money::money_changes;
use crate::model::{CommitmentId, MeetingId, Record, Register};
use crate::tracking::{SessionChanges, since_last_session};

/// One line of a section: who, what, and what happened to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeEntry {
    /// "2 May 2026"; empty when the change has no day of its own.
    pub date: String,
    pub participant: String,
    pub item: String,
    pub detail: String,
}

/// An action raised at the previous session or carried to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionEntry {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// "No. 4 (7 May 2026)".
    pub raised_at: String,
}

/// One participant whose attendance differs between the two sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AttendanceChange {
    pub participant: String,
    /// "Present"; "Not invited" when the earlier session has no row.
    pub before: String,
    pub now: String,
}

/// Everything the since-last-session report says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SinceReport {
    pub head: DocumentHead,
    /// "From No. 4 (7 May 2026) to No. 5 (4 June 2026)", or "Up to …"
    /// when there is no earlier session in the series.
    pub window: String,
    pub previous: Option<String>,
    pub new_commitments: Vec<ChangeEntry>,
    pub status_steps: Vec<ChangeEntry>,
    pub deliveries: Vec<ChangeEntry>,
    pub became_overdue: Vec<ChangeEntry>,
    /// Raised at the previous session.
    pub actions_opened: Vec<ActionEntry>,
    /// Raised at the previous session or carried to it, and now done.
    pub actions_done: Vec<ActionEntry>,
    /// Raised at any earlier session of the series and still open.
    pub actions_open: Vec<ActionEntry>,
    pub attendance: Vec<AttendanceChange>,
    pub money: Vec<MoneyChange>,
    #[serde(skip)]
    pub includes: Vec<Record>,
    #[serde(skip)]
    pub refusals: Vec<String>,
}

/// What moved among the commitments the edition keeps, section by section.
struct CommitmentSections {
    new_commitments: Vec<ChangeEntry>,
    status_steps: Vec<ChangeEntry>,
    deliveries: Vec<ChangeEntry>,
    became_overdue: Vec<ChangeEntry>,
}

/// The commitments' sections of the report, of those in `kept` only.
fn commitment_sections(
    register: &Register,
    changes: &SessionChanges,
    kept: &BTreeSet<CommitmentId>,
) -> CommitmentSections {
    let who = |cid: CommitmentId| {
        register
            .commitment(cid)
            .map(|c| register.participant_name(c.participant))
            .unwrap_or_default()
    };
    let title = |cid: CommitmentId| {
        register
            .commitment(cid)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    };
    let entry = |date: Option<NaiveDate>, cid: CommitmentId, detail: String| ChangeEntry {
        date: date.map(long_date).unwrap_or_default(),
        participant: who(cid),
        item: title(cid),
        detail,
    };
    let new_commitments = changes
        .new_commitments
        .iter()
        .filter(|c| kept.contains(c))
        .filter_map(|&cid| {
            let c = register.commitment(cid)?;
            let amount = amount_text(c);
            let detail = if amount.is_empty() {
                c.status.label().to_string()
            } else {
                format!("{}: {amount}", c.status.label())
            };
            Some(entry(None, cid, detail))
        })
        .collect();
    let status_steps = changes
        .status_changes
        .iter()
        .filter(|s| kept.contains(&s.commitment))
        .map(|s| {
            let from = s.from.map_or("none", |f| f.label());
            let mut detail = format!("{from} \u{2192} {}", s.to.label());
            if !s.note.trim().is_empty() {
                detail = format!("{detail}: {}", s.note.trim());
            }
            entry(Some(s.date), s.commitment, detail)
        })
        .collect();
    let deliveries = changes
        .deliveries
        .iter()
        .filter(|d| kept.contains(&d.commitment))
        .map(|d| entry(Some(d.date), d.commitment, d.text()))
        .collect();
    let became_overdue = changes
        .became_overdue
        .iter()
        .filter(|c| kept.contains(c))
        .map(|&cid| {
            let due = register.commitment(cid).and_then(|c| c.due);
            entry(due, cid, "Due and not delivered".into())
        })
        .collect();

    CommitmentSections {
        new_commitments,
        status_steps,
        deliveries,
        became_overdue,
    }
}

/// The report of what moved up to meeting `id`, issued on `today`.
pub fn since_report(
    register: &Register,
    id: MeetingId,
    options: &DocumentOptions,
    today: NaiveDate,
) -> Result<SinceReport, ReportError> {
    let meeting = register.meeting(id).ok_or(ReportError::NoSuchMeeting(id))?;
    let changes = since_last_session(register, id).map_err(|_| ReportError::NoSuchMeeting(id))?;
    let mut edition = Edition::of_meeting(register, id, options.edition.as_deref())?;
    let mut refusals = Vec::new();
    let reference = meeting_document_reference(register, id, "SINCE", &mut refusals);
    let mut includes = vec![Record::Meeting(id)];
    if let Some(previous) = changes.previous {
        includes.push(Record::Meeting(previous));
        if let Some(earlier) = register.meeting(previous) {
            edition.keep([((), earlier.marking.as_str())]);
        }
    }

    // A commitment above the edition's level is left out of every section
    // and of the money, counted once as omitted.
    let named: BTreeSet<CommitmentId> = changes
        .includes()
        .into_iter()
        .filter_map(|r| match r {
            Record::Commitment(c) => Some(c),
            _ => None,
        })
        .collect();
    let kept: BTreeSet<CommitmentId> = edition
        .keep(
            named
                .iter()
                .filter_map(|&cid| register.commitment(cid).map(|c| (cid, c.marking.as_str()))),
        )
        .into_iter()
        .collect();
    includes.extend(kept.iter().map(|&c| Record::Commitment(c)));
    let CommitmentSections {
        new_commitments,
        status_steps,
        deliveries,
        became_overdue,
    } = commitment_sections(register, &changes, &kept);

    let (actions_opened, actions_done, actions_open) =
        action_sections(register, id, changes.previous, &mut edition, &mut includes);
    let attendance = changes
        .previous
        .map(|previous| attendance_changes(register, previous, id))
        .unwrap_or_default();
    let money = money_changes(
        register,
        changes.from,
        changes.to,
        &mut edition,
        &mut includes,
    )?;

    refusals.extend(register.marking_refusals(&includes));
    let this_name = register.session_name(id);
    let window = match changes.previous {
        Some(previous) => format!("From {} to {this_name}", register.session_name(previous)),
        None => format!("Up to {this_name}: the series has no earlier session"),
    };
    let title = if meeting.title.trim().is_empty() {
        format!("Meeting of {}", long_date(meeting.date))
    } else {
        meeting.title.clone()
    };
    Ok(SinceReport {
        head: DocumentHead::new(
            register,
            "Since last session",
            title,
            &edition,
            options,
            reference,
            today,
        ),
        window,
        previous: changes.previous.map(|p| register.session_name(p)),
        new_commitments,
        status_steps,
        deliveries,
        became_overdue,
        actions_opened,
        actions_done,
        actions_open,
        attendance,
        money,
        includes,
        refusals,
    })
}

type ActionSections = (Vec<ActionEntry>, Vec<ActionEntry>, Vec<ActionEntry>);

/// The actions raised at the previous session, those of it (and carried
/// to it) now done, and every action of an earlier session of the series
/// still open, each under its own marking.
fn action_sections(
    register: &Register,
    id: MeetingId,
    previous: Option<MeetingId>,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
) -> ActionSections {
    let Some(meeting) = register.meeting(id) else {
        return Default::default();
    };
    let entry = |from: MeetingId, a: &crate::model::ActionItem| ActionEntry {
        text: a.text.clone(),
        owner: a.owner.map(|o| register.owner_name(o)),
        due: a.due.map(long_date),
        raised_at: register.session_name(from),
    };
    let mut opened = Vec::new();
    let mut done = Vec::new();
    if let Some(previous_id) = previous
        && let Some(earlier) = register.meeting(previous_id)
    {
        let raised: Vec<_> = earlier
            .actions
            .iter()
            .map(|a| ((a, previous_id), earlier.part_marking(&a.marking)))
            .collect();
        let carried: Vec<_> = register
            .carried_into(previous_id)
            .into_iter()
            .filter_map(|at| {
                let origin = register.meeting(at.meeting)?;
                let action = origin.actions.get(at.index)?;
                Some(((action, at.meeting), origin.part_marking(&action.marking)))
            })
            .collect();
        for (action, from) in edition.keep(raised.clone()) {
            opened.push(entry(from, action));
        }
        // Counted once: the raised ones were judged above.
        for ((action, from), marking) in raised.into_iter().chain(carried) {
            if action.done && register.marking_rank(marking) <= edition_ceiling(edition, register) {
                done.push(entry(from, action));
            }
        }
    }
    let mut open = Vec::new();
    for earlier_id in register.meetings_by_date() {
        let Some(earlier) = register.meeting(earlier_id) else {
            continue;
        };
        if earlier_id == id || earlier.series != meeting.series || earlier.date >= meeting.date {
            continue;
        }
        if meeting.series.is_none() {
            continue;
        }
        let pending: Vec<_> = earlier
            .actions
            .iter()
            .filter(|a| !a.done)
            .map(|a| (a, earlier.part_marking(&a.marking)))
            .collect();
        if pending.is_empty() {
            continue;
        }
        if !includes.contains(&Record::Meeting(earlier_id)) {
            includes.push(Record::Meeting(earlier_id));
        }
        for action in edition.keep(pending) {
            open.push(entry(earlier_id, action));
        }
    }
    (opened, done, open)
}

/// The rank of the highest level an edition prints: every level for the
/// full edition.
fn edition_ceiling(edition: &Edition<'_>, register: &Register) -> usize {
    edition
        .level()
        .map_or(usize::MAX, |level| register.marking_rank(level))
}

/// The participants whose attendance at `now` differs from `before`.
fn attendance_changes(
    register: &Register,
    before: MeetingId,
    now: MeetingId,
) -> Vec<AttendanceChange> {
    let (Some(before), Some(now)) = (register.meeting(before), register.meeting(now)) else {
        return Vec::new();
    };
    register
        .participants_by_name()
        .into_iter()
        .filter_map(|p| {
            let label = |m: &crate::model::Meeting| {
                m.attendance
                    .get(&p)
                    .map_or("Not invited", |a| a.status.label())
                    .to_string()
            };
            let (was, is) = (label(before), label(now));
            (was != is).then(|| AttendanceChange {
                participant: register.participant_name(p),
                before: was,
                now: is,
            })
        })
        .collect()
}
