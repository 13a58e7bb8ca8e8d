//! The checks of a meeting's record life as the file holds it: each step
//! of its history is judged by the rules the moves follow (replayed from
//! the steps before it), and its revisions against the steps that opened
//! them. The window only makes allowed moves; a file edited by hand, or a
//! meeting changed after its record was circulated, can hold any history.

use chrono::NaiveDate;

use super::{
    KnownAs, Meeting, MeetingId, Record, RecordError, RecordMove, RecordPlace, RecordState,
    RecordStep, Register,
};

impl Register {
    /// Reports each problem of meeting `id`'s record life as a sentence.
    pub(super) fn record_life_problems(
        &self,
        id: MeetingId,
        meeting: &Meeting,
        today: NaiveDate,
        report: &mut impl FnMut(String),
    ) {
        let life = &meeting.record;
        if life.is_untouched() {
            return;
        }
        let of = self.mentioned(Record::Meeting(id));
        let place = RecordPlace {
            id,
            register: self,
            today,
        };
        // The dates of the steps that opened a revision, in order.
        let mut opened = Vec::new();
        for (n, step) in life.history.iter().enumerate() {
            let earlier = life.history.get(..n).unwrap_or_default();
            let was = earlier.last().map(|s| s.state).unwrap_or_default();
            let what = step_words(step.state, was);
            let date = step.date;
            let asked = match (step.state, was) {
                (RecordState::Circulated, _) => RecordMove::Circulate {
                    to: step.circulated_to.clone(),
                    // A circulation with no date for comments is allowed
                    // (the window always sets one; a file need not).
                    comments_due: step.comments_due.unwrap_or(date),
                },
                (RecordState::Approved, _) => RecordMove::Approve {
                    at: step.approved_at,
                    by: step.approved_by.clone(),
                },
                (RecordState::Draft, RecordState::Circulated) => RecordMove::Redraft {
                    reason: step.note.clone(),
                },
                (RecordState::Draft, RecordState::Approved) => {
                    opened.push(date);
                    RecordMove::Revise {
                        reason: step.note.clone(),
                    }
                }
                (RecordState::Draft, RecordState::Draft) => {
                    report(format!(
                        "The history of the record of {of} is out of order: it goes back to \
                         Draft on {date} when it was neither circulated nor approved"
                    ));
                    continue;
                }
            };
            if let Err(refused) = meeting.step_allowed(earlier, asked, date, place) {
                report(self.refused_step(of, what, step, refused));
            }
            if step
                .circulated_to
                .iter()
                .any(|participant| self.participant(*participant).is_none())
            {
                report(format!(
                    "The record of {of} was circulated on {date} to a participant that is not \
                     in the register"
                ));
            }
        }
        let approved_ever = life
            .history
            .iter()
            .any(|step| step.state == RecordState::Approved);
        for (n, revision) in life.revisions.iter().enumerate() {
            let (number, date) = (revision.number, revision.date);
            let place = u32::try_from(n + 1).unwrap_or(u32::MAX);
            if number != place {
                report(format!(
                    "The record of {of} lists revision {number} where revision {place} belongs: \
                     revisions are numbered 1, 2, … in the order they were opened"
                ));
            }
            if !approved_ever {
                report(format!(
                    "The record of {of} has revision {number} (opened {date}) but was never \
                     approved: only an approved record is revised"
                ));
            } else if opened.get(n).is_none() {
                report(format!(
                    "The record of {of} has revision {number} (opened {date}), which its history \
                     does not open: a revision starts with a step back to Draft after an approval"
                ));
            }
        }
        for date in opened.iter().skip(life.revisions.len()) {
            report(format!(
                "The history of the record of {of} opens a revision on {date} that is not among \
                 its revisions"
            ));
        }
    }

    /// A step the rules refuse, in the officer's words: the rule the
    /// window would have quoted, told of a step already taken.
    fn refused_step(
        &self,
        of: KnownAs<'_>,
        what: &str,
        step: &RecordStep,
        refused: RecordError,
    ) -> String {
        let date = step.date;
        match refused {
            RecordError::BeforeLastStep { last, .. } => format!(
                "The history of the record of {of} is out of date order: it was {what} on \
                 {date}, before the step listed ahead of it ({last})"
            ),
            RecordError::BeforeMeeting { .. } => {
                format!("The record of {of} was {what} on {date}, before the meeting was held")
            }
            RecordError::NotHeld(state) => format!(
                "The record of {of} was {what} on {date}, but the meeting is {state}: only the \
                 record of a held meeting is circulated or approved"
            ),
            RecordError::AlreadyThere(_) => format!(
                "The history of the record of {of} is out of order: it was {what} on {date} \
                 when it already was"
            ),
            RecordError::Approved(_) => format!(
                "The history of the record of {of} is out of order: it was {what} on {date} \
                 while approved, with no revision opened first"
            ),
            RecordError::NoRecipients => format!(
                "The record of {of} was circulated on {date} to no delegation: list the \
                 delegations it went to"
            ),
            RecordError::DueBeforeCirculation { due, .. } => format!(
                "The record of {of} was circulated on {date} with comments due on {due}, \
                 before it was sent"
            ),
            RecordError::ReasonRequired(_) => format!(
                "The record of {of} was {what} on {date} without a reason: write why in the \
                 note of that step"
            ),
            RecordError::ApprovedAtEarlierMeeting(_) => format!(
                "The record of {of} was approved on {date} at {}, which was held before it",
                self.approving_meeting(step)
            ),
            RecordError::AfterToday { .. } => {
                format!("The record of {of} was {what} on {date}, which is after today")
            }
            RecordError::ApprovedAtItself => format!(
                "The record of {of} was approved on {date} at that same meeting: a record is \
                 approved at a later meeting, or by written procedure with no meeting"
            ),
            RecordError::ApprovedAtUnheld { state, .. } => format!(
                "The record of {of} was approved on {date} at {}, which is {state}: only a \
                 held meeting approves a record",
                self.approving_meeting(step)
            ),
            RecordError::NotOnMeetingDay { held, .. } => format!(
                "The record of {of} was approved on {date} at {}, which was held on {held}: \
                 an approval at a meeting is dated the day it was held",
                self.approving_meeting(step)
            ),
            RecordError::WrittenProcedureUncirculated(_) => format!(
                "The record of {of} was approved on {date} by written procedure (at no \
                 meeting) without being circulated for comment first"
            ),
            RecordError::WrittenProcedureBeforeComments { due, .. } => format!(
                "The record of {of} was approved on {date} by written procedure (at no \
                 meeting), before its comment period ended on {due}"
            ),
            RecordError::NoSuchMeeting(_) | RecordError::MeetingGone(_) => format!(
                "The record of {of} was approved on {date} at a meeting that is not in the \
                 register"
            ),
            RecordError::NotApproved(_) | RecordError::NotCirculated(_) => format!(
                "The history of the record of {of} is out of order: it was {what} on {date}, \
                 which the rules refuse ({refused})"
            ),
        }
    }
}

impl Register {
    /// The meeting an approval names, as a sentence mentions it.
    fn approving_meeting(&self, step: &RecordStep) -> String {
        step.approved_at
            .map(|at| self.mentioned(Record::Meeting(at)).to_string())
            .unwrap_or_default()
    }
}

/// What a step did, as a past participle: "circulated", "taken back for
/// redrafting".
fn step_words(state: RecordState, was: RecordState) -> &'static str {
    match (state, was) {
        (RecordState::Circulated, _) => "circulated",
        (RecordState::Approved, _) => "approved",
        (RecordState::Draft, RecordState::Circulated) => "taken back for redrafting",
        (RecordState::Draft, RecordState::Approved) => "opened for revision",
        (RecordState::Draft, RecordState::Draft) => "returned to draft",
    }
}
