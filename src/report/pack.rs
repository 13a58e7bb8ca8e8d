//! The meeting pack: what a delegation receives before a planned session
//! to arrive ready. A cover, who is invited and who has confirmed, the
//! annotated agenda, the previous session's record for approval, the
//! actions carried over, the commitments falling due, and when the series
//! meets next.

use chrono::NaiveDate;
use serde::Serialize;

use super::edition::Edition;
use super::format::long_date;
use super::head::{DocumentHead, DocumentOptions, meeting_document_reference};
use super::pending::{ActionDue, ParticipantDues, actions_due, commitments_due};
use super::summary::MeetingDetails;
use super::summary_attendance::Delegate;
use super::summary_attendance::delegate_on;
use super::{ReportError, minutes_standing};
use crate::model::agenda;
use crate::model::{AttendanceStatus, Meeting, MeetingId, MeetingState, Record, Register};

/// One invited delegation and where its answer stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvitedDelegation {
    pub participant: String,
    pub code: String,
    /// "Confirmed", "Invited" (no answer yet) or "Apologies"; for a
    /// session already held, what the record says.
    pub state: String,
    pub delegates: Vec<Delegate>,
}

/// One item of the annotated agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PackAgendaItem {
    /// "2.1".
    pub number: String,
    /// 0 for an item, 1 for a sub-item, 2 below that.
    pub level: u8,
    pub title: String,
    /// The lead's name and title on the session's day.
    pub lead: Option<String>,
    /// "09:30", when the meeting has a start time.
    pub start: Option<String>,
    /// "20 min".
    pub minutes: Option<String>,
    /// "For decision", "For discussion", "For information".
    pub purpose: Option<String>,
    /// The item's notes: what the delegations should know of it.
    pub annotation: String,
}

/// The previous session's record, put to this session for approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PreviousMinutes {
    pub title: String,
    pub date: String,
    /// The record's own reference ("CoW/DM/2026/04 REV 1").
    pub reference: String,
    /// "Draft", "Draft, circulated", "Approved · REV 1".
    pub standing: String,
    pub decisions: Vec<String>,
}

/// Everything a meeting pack says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingPack {
    pub head: DocumentHead,
    /// "Thursday 4 June 2026".
    pub date: String,
    #[serde(flatten)]
    pub details: MeetingDetails,
    pub delegations: Vec<InvitedDelegation>,
    /// "12 confirmed, 3 awaiting an answer, 1 sent apologies".
    pub answers: String,
    /// How many took part: none for a session not yet held, whatever its
    /// list says (`Meeting::attended_count`).
    pub attended: usize,
    pub agenda: Vec<PackAgendaItem>,
    /// "The agenda takes 2 h 25 min, from 09:30 to 11:55."
    pub agenda_timing: Option<String>,
    pub previous: Option<PreviousMinutes>,
    /// Open actions the session takes up, with overdue marks.
    pub actions: Vec<ActionDue>,
    /// Per participant, the commitments due by the session's day that are
    /// not yet delivered, overdue ones marked.
    pub commitments: Vec<ParticipantDues>,
    /// "Thursday 4 June 2026": the series' next session after this one,
    /// held, planned or projected from its cadence.
    pub next_session: Option<String>,
    /// The records the pack prints, whose markings decide its own.
    #[serde(skip)]
    pub includes: Vec<Record>,
    /// Why the pack cannot be printed; empty when it can.
    #[serde(skip)]
    pub refusals: Vec<String>,
}

/// The delegations invited to `meeting`, confirmed first, and a line
/// counting their answers (or, once held, who took part).
fn invited_delegations(register: &Register, meeting: &Meeting) -> (Vec<InvitedDelegation>, String) {
    let date = meeting.date;
    let held = meeting.state == MeetingState::Held;
    let mut delegations: Vec<InvitedDelegation> = register
        .participants_by_name()
        .into_iter()
        .filter_map(|p| {
            let row = meeting.attendance.get(&p)?;
            Some(InvitedDelegation {
                participant: register.participant_name(p),
                code: register.participant_code(p),
                state: row.status.label().into(),
                delegates: row
                    .delegates
                    .iter()
                    .map(|&person| delegate_on(register, date, person, Some(p)))
                    .collect(),
            })
        })
        .collect();
    delegations.sort_by_key(|d| d.state != "Confirmed");
    let count = |status: AttendanceStatus| {
        meeting
            .attendance
            .values()
            .filter(|a| a.status == status)
            .count()
    };
    let answers = if held {
        format!("{} took part.", meeting.attended_count())
    } else {
        format!(
            "{} confirmed, {} awaiting an answer, {} sent apologies.",
            count(AttendanceStatus::Confirmed),
            count(AttendanceStatus::Invited),
            count(AttendanceStatus::Apologies)
        )
    };

    (delegations, answers)
}

/// The previous session's record for approval, as far as the edition may
/// show it; its meeting joins what the pack includes.
fn previous_record(
    register: &Register,
    previous_id: MeetingId,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
    refusals: &mut Vec<String>,
) -> Option<PreviousMinutes> {
    let earlier = register.meeting(previous_id)?;
    includes.push(Record::Meeting(previous_id));
    // Its decisions print under their own markings; the record's
    // reference and standing under the earlier meeting's.
    edition.keep([((), earlier.marking.as_str())]).first()?;
    let decisions = edition
        .keep(
            earlier
                .decisions
                .iter()
                .map(|d| (d.text.clone(), earlier.part_marking(&d.marking))),
        )
        .into_iter()
        .collect();
    let revision = Some(super::minutes_revision(register, previous_id)).filter(|&n| n > 0);
    let reference = match register.meeting_reference(previous_id, revision) {
        Some(Ok(reference)) => reference,
        Some(Err(error)) => {
            refusals.push(error.to_string());
            String::new()
        }
        None => String::new(),
    };
    Some(PreviousMinutes {
        title: earlier.title.clone(),
        date: long_date(earlier.date),
        reference,
        standing: minutes_standing(register, earlier, false).header,
        decisions,
    })
}

/// The pack for meeting `id`, issued on `today`.
pub fn meeting_pack(
    register: &Register,
    id: MeetingId,
    options: &DocumentOptions,
    today: NaiveDate,
) -> Result<MeetingPack, ReportError> {
    let meeting = register.meeting(id).ok_or(ReportError::NoSuchMeeting(id))?;
    let mut edition = Edition::of_meeting(register, id, options.edition.as_deref())?;
    let mut refusals = Vec::new();
    let reference = meeting_document_reference(register, id, "PACK", &mut refusals);
    let date = meeting.date;

    let (delegations, answers) = invited_delegations(register, meeting);

    let numbered = super::agenda::agenda_lines(register, meeting);
    let kept_items = edition.keep(
        meeting
            .agenda
            .iter()
            .zip(numbered)
            .map(|(item, line)| ((item, line), meeting.part_marking(&item.marking))),
    );
    let agenda = kept_items
        .into_iter()
        .map(|(item, line)| PackAgendaItem {
            number: line.number,
            level: line.level,
            title: line.title,
            lead: item.lead.map(|person| lead_on(register, date, person)),
            start: line.start,
            minutes: line.minutes,
            purpose: item.purpose.map(|p| p.label().to_string()),
            annotation: item.notes.clone(),
        })
        .collect();

    let mut includes = vec![Record::Meeting(id)];
    let previous = meeting
        .series
        .and_then(|series| register.session_before(series, date));
    let previous_record = previous.and_then(|previous_id| {
        previous_record(
            register,
            previous_id,
            &mut edition,
            &mut includes,
            &mut refusals,
        )
    });

    let actions = actions_due(register, id, previous, today, &mut edition, &mut includes);
    let commitments = commitments_due(
        register,
        |c| c.due.is_some_and(|due| due <= date),
        today,
        &mut edition,
        &mut includes,
    );

    refusals.extend(register.marking_refusals(&includes));
    let title = if meeting.title.trim().is_empty() {
        format!("Meeting of {}", long_date(date))
    } else {
        meeting.title.clone()
    };
    Ok(MeetingPack {
        head: DocumentHead::new(
            register,
            "Meeting pack",
            title,
            &edition,
            options,
            reference,
            today,
        ),
        date: date.format("%A %-d %B %Y").to_string(),
        details: MeetingDetails::of(register, meeting),
        delegations,
        answers,
        attended: meeting.attended_count(),
        agenda,
        agenda_timing: agenda::agenda_timing(meeting),
        previous: previous_record,
        actions,
        commitments,
        next_session: super::pending::next_session(register, id)
            .map(|d| d.format("%A %-d %B %Y").to_string()),
        includes,
        refusals,
    })
}

/// "Olena Kovalenko (Minister of Defence)": the lead as on the day.
fn lead_on(register: &Register, date: NaiveDate, person: crate::model::PersonId) -> String {
    let delegate = delegate_on(register, date, person, None);
    if delegate.title.is_empty() {
        delegate.name
    } else {
        format!("{} ({})", delegate.name, delegate.title)
    }
}
