//! The meeting summary as plain data: what the preview shows and the PDF
//! prints, built in one place so the two never disagree.

use chrono::NaiveDate;
use serde::Serialize;

use super::edition::{Edition, edition_parts};
use super::format::{long_date, times};
use super::minutes::{MinutesStanding, minutes_standing};
use super::summary_actions::{ActionLine, action_lines, carried_actions};
use super::summary_attendance::{AttendanceGroup, Delegate, attendance_groups, delegate_on};
use super::summary_commitments::{
    CommitmentLine, CurrencyTotal, MoneyLine, announced_at, commitment_lines, firm_totals,
    money_lines,
};
use super::summary_movements::MovementLine;
use super::{Paper, ReportError};
use crate::model::agenda;
use crate::model::{Meeting, MeetingId, MeetingState, Record, Register};

/// Which parts of the meeting the summary prints.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct SummaryOptions {
    pub attendance: bool,
    pub agenda: bool,
    pub decisions: bool,
    pub actions: bool,
    /// The commitments announced at the meeting and their firm totals, and
    /// those announced before it that moved or reported a delivery at it.
    pub commitments: bool,
    pub statement: bool,
    /// The secretariat's own (unrestricted) notes on the meeting.
    pub notes: bool,
    /// Off unless the officer ticks it: restricted notes never print by
    /// accident.
    pub include_restricted: bool,
    /// The change log of the record's revisions, as an annex.
    pub change_log: bool,
    pub paper: Paper,
    /// The level the edition is releasable at; `None` prints the full one.
    pub edition: Option<String>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            attendance: true,
            agenda: true,
            decisions: true,
            actions: true,
            commitments: true,
            statement: true,
            notes: true,
            include_restricted: false,
            change_log: false,
            paper: Paper::A4,
            edition: None,
        }
    }
}

/// One agenda item as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AgendaLine {
    /// "2.1": the item's place on the agenda.
    pub number: String,
    /// 0 for an item, 1 for a sub-item, 2 below that: how far it is set in.
    pub level: u8,
    /// "09:30": its planned start, when the meeting has a start time.
    pub start: Option<String>,
    /// "20 min": its planned duration, when it has one.
    pub minutes: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    pub notes: String,
    pub outcome: String,
}

/// What the summary and the pack print under a meeting's title, beside
/// its day: series, times, place, format, state, convenors and chairs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingDetails {
    /// "Defence ministers, session 4"; `None` outside a series.
    pub series: Option<String>,
    /// "09:30–12:00 (Europe/London)": in the meeting's own zone.
    pub times: Option<String>,
    pub location: String,
    pub format: String,
    pub state: String,
    pub convenors: Vec<String>,
    /// Each chair with the office they held on the meeting's day.
    pub chairs: Vec<Delegate>,
}

impl MeetingDetails {
    /// The details of `meeting` as the register names its records.
    pub(super) fn of(register: &Register, meeting: &Meeting) -> Self {
        MeetingDetails {
            series: series_label(register, meeting),
            times: times(meeting.start, meeting.end, meeting.time_zone),
            location: meeting.location.clone(),
            format: meeting.format.label().into(),
            state: meeting.state.label().into(),
            convenors: meeting
                .convenors
                .iter()
                .map(|&p| register.participant_name(p))
                .collect(),
            chairs: meeting
                .chairs
                .iter()
                .map(|&person| delegate_on(register, meeting.date, person, None))
                .collect(),
        }
    }
}

/// Everything a printed meeting summary says. Sections the officer left
/// out are `None`; restricted notes are `None` unless asked for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingSummary {
    pub register_name: String,
    /// The highest marking among the meeting and everything included.
    pub marking: String,
    /// "OFFICIAL edition"; `None` for the full edition.
    pub edition: Option<String>,
    /// "2 items are omitted from this edition."; `None` for the full one.
    pub omitted: Option<String>,
    pub paper: Paper,
    pub title: String,
    /// "CoW/DM/2025/04": names the document in every language edition.
    pub reference: String,
    /// The day the document was printed, "1 December 2025".
    pub issued: String,
    /// The same day as `YYYY-MM-DD`, for the PDF's metadata.
    pub issued_iso: String,
    pub date: String,
    #[serde(flatten)]
    pub details: MeetingDetails,
    pub attendance: Option<Vec<AttendanceGroup>>,
    pub apologies: Option<Vec<String>>,
    pub agenda: Option<Vec<AgendaLine>>,
    /// "The agenda takes 2 h 25 min, from 09:30 to 11:55.", with what it
    /// overruns by; `None` without the agenda or with no item timed.
    pub agenda_timing: Option<String>,
    pub decisions: Option<Vec<String>>,
    pub actions: Option<Vec<ActionLine>>,
    pub commitments: Option<Vec<CommitmentLine>>,
    pub firm_totals: Option<Vec<CurrencyTotal>>,
    /// Pledged, firm and paid per currency, as the register stands on
    /// the day of issue.
    pub money: Option<Vec<MoneyLine>>,
    pub statement: Option<String>,
    pub notes: Option<String>,
    pub restricted_notes: Option<String>,
    /// The commitments announced before the meeting whose status moved or
    /// that reported a delivery at it; printed with the commitments.
    pub movements: Option<Vec<MovementLine>>,
    /// "Attendance" for a held session; "Expected delegations" for one
    /// not yet held, whose list says who is invited, not who came.
    pub attendance_heading: String,
    /// Draft or approved, its revision, and the change log if asked for.
    pub minutes: MinutesStanding,
    /// The meeting and the commitments the summary prints, whose markings
    /// decide the document's.
    #[serde(skip)]
    pub includes: Vec<Record>,
    /// Why the summary cannot be printed (an included record's marking is
    /// missing or unknown); empty when it can.
    #[serde(skip)]
    pub refusals: Vec<String>,
}

/// Builds the summary of one meeting, issued on `today`.
pub fn meeting_summary(
    register: &Register,
    id: MeetingId,
    options: &SummaryOptions,
    today: NaiveDate,
) -> Result<MeetingSummary, ReportError> {
    let meeting = register.meeting(id).ok_or(ReportError::NoSuchMeeting(id))?;
    // A revised record's reference ends " REV n"; its first issue, plain.
    let revision = Some(super::minutes_revision(register, id)).filter(|&n| n > 0);
    let reference = register
        .meeting_reference(id, revision)
        .ok_or(ReportError::NoSuchMeeting(id))?;
    let mut edition = Edition::of_meeting(register, id, options.edition.as_deref())?;
    let date = meeting.date;
    let held = meeting.state == MeetingState::Held;
    let (attendance, apologies) = attendance_groups(register, meeting);

    let mut announced = announced_at(register, id);
    let mut moved = super::summary_movements::moved_at(register, id);
    // Every commitment the full edition would print is judged, so an
    // unknown marking refuses each edition, not only the full one.
    let includes: Vec<Record> = std::iter::once(Record::Meeting(id))
        .chain(
            announced
                .iter()
                .chain(&moved)
                .filter(|_| options.commitments)
                .map(|(cid, _)| Record::Commitment(**cid)),
        )
        .collect();
    let mut refusals = register.marking_refusals(&includes);
    if options.commitments {
        announced = edition.keep(announced.into_iter().map(|c| (c, c.1.marking.as_str())));
        moved = edition.keep(moved.into_iter().map(|c| (c, c.1.marking.as_str())));
    }
    let parts = edition_parts(&mut edition, meeting, options);
    let carried = if options.actions {
        carried_actions(register, id, &mut edition, &mut refusals)
    } else {
        Vec::new()
    };
    // Summed whether or not the commitments print, so a total too large
    // refuses the summary either way.
    let totals = firm_totals(&announced)?;
    let money_lines = if options.commitments {
        Some(money_lines(announced.iter().map(|(_, c)| *c))?)
    } else {
        None
    };
    let commitment_lines = commitment_lines(register, &announced);

    let marking = edition.marking();
    let reference = reference.unwrap_or_else(|error| {
        refusals.push(error.to_string());
        String::new()
    });

    let text = |wanted: bool, text: &str| (wanted && !text.trim().is_empty()).then(|| text.into());
    Ok(MeetingSummary {
        register_name: register.name.clone(),
        marking,
        edition: edition.name(),
        omitted: edition.omitted_note(),
        paper: options.paper,
        // An accessible PDF has no empty heading (PDF/UA): an untitled
        // meeting is named by its date, which `check` asks to put right.
        title: if meeting.title.trim().is_empty() {
            format!("Meeting of {}", long_date(date))
        } else {
            meeting.title.clone()
        },
        reference,
        issued: long_date(today),
        issued_iso: today.to_string(),
        date: long_date(date),
        details: MeetingDetails::of(register, meeting),
        attendance: options.attendance.then_some(attendance),
        apologies: options.attendance.then_some(apologies),
        // Numbered and timed from the whole agenda, so an item keeps its
        // number and start in every edition.
        agenda: options.agenda.then(|| {
            super::agenda::agenda_lines(register, meeting)
                .into_iter()
                .zip(&meeting.agenda)
                .filter(|(_, item)| parts.agenda.iter().any(|kept| std::ptr::eq(*kept, *item)))
                .map(|(line, _)| line)
                .collect()
        }),
        agenda_timing: options
            .agenda
            .then(|| agenda::agenda_timing(meeting))
            .flatten(),
        decisions: options
            .decisions
            .then(|| parts.decisions.iter().map(|d| d.text.clone()).collect()),
        actions: options
            .actions
            .then(|| action_lines(register, &carried, &parts.actions)),
        commitments: options.commitments.then_some(commitment_lines),
        firm_totals: options.commitments.then_some(totals),
        money: money_lines,
        statement: text(options.statement, &meeting.statement),
        notes: text(options.notes, &meeting.notes),
        restricted_notes: text(parts.restricted_notes, &meeting.restricted_notes),
        movements: options
            .commitments
            .then(|| super::summary_movements::movement_lines(register, id, &moved)),
        attendance_heading: if held {
            "Attendance"
        } else {
            "Expected delegations"
        }
        .into(),
        minutes: minutes_standing(register, meeting, options.change_log),
        includes,
        refusals,
    })
}

/// "Defence ministers, session 4"; `None` outside a series.
pub(super) fn series_label(register: &Register, meeting: &Meeting) -> Option<String> {
    meeting.series.map(|s| {
        let name = register.series_name(s);
        match meeting.number {
            Some(number) => format!("{name}, session {number}"),
            None => name,
        }
    })
}
