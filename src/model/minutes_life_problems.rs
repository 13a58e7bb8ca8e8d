//! The checks of a meeting's record life as the file holds it: each step
//! of its history is judged by the rules the moves follow (replayed from
//! the steps before it), and its revisions against the steps that opened
//! them. The window only makes allowed moves; a file edited by hand, or a
//! meeting changed after its record was circulated, can hold any history.

use chrono::NaiveDate;

use super::{
    KnownAs, Meeting, MeetingId, MinutesError, MinutesMove, MinutesPlace, MinutesState,
    MinutesStep, Record, Register,
};

impl Register {
    /// Reports each problem of meeting `id`'s record life as a sentence.
    pub(super) fn minutes_life_problems(
        &self,
        id: MeetingId,
        meeting: &Meeting,
        today: NaiveDate,
        report: &mut impl FnMut(String),
    ) {
        let life = &meeting.minutes;
        if life.is_untouched() {
            return;
        }
        let of = self.mentioned(Record::Meeting(id));
        let place = MinutesPlace {
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
                (MinutesState::Circulated, _) => MinutesMove::Circulate {
                    to: step.circulated_to.clone(),
                    // A circulation with no date for comments is allowed
                    // (the window always sets one; a file need not).
                    comments_due: step.comments_due.unwrap_or(date),
                },
                (MinutesState::Approved, _) => MinutesMove::Approve {
                    at: step.approved_at,
                    by: step.approved_by.clone(),
                },
                (MinutesState::Draft, MinutesState::Circulated) => MinutesMove::Redraft {
                    reason: step.note.clone(),
                },
                (MinutesState::Draft, MinutesState::Approved) => {
                    opened.push(date);
                    MinutesMove::Revise {
                        reason: step.note.clone(),
                    }
                }
                (MinutesState::Draft, MinutesState::Draft) => {
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
            .any(|step| step.state == MinutesState::Approved);
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
        step: &MinutesStep,
        refused: MinutesError,
    ) -> String {
        let date = step.date;
        match refused {
            MinutesError::BeforeLastStep { last, .. } => format!(
                "The history of the record of {of} is out of date order: it was {what} on \
                 {date}, before the step listed ahead of it ({last})"
            ),
            MinutesError::BeforeMeeting { .. } => {
                format!("The record of {of} was {what} on {date}, before the meeting was held")
            }
            MinutesError::NotHeld(state) => format!(
                "The record of {of} was {what} on {date}, but the meeting is {state}: only the \
                 record of a held meeting is circulated or approved"
            ),
            MinutesError::AlreadyThere(_) => format!(
                "The history of the record of {of} is out of order: it was {what} on {date} \
                 when it already was"
            ),
            MinutesError::Approved(_) => format!(
                "The history of the record of {of} is out of order: it was {what} on {date} \
                 while approved, with no revision opened first"
            ),
            MinutesError::NoRecipients => format!(
                "The record of {of} was circulated on {date} to no delegation: list the \
                 delegations it went to"
            ),
            MinutesError::DueBeforeCirculation { due, .. } => format!(
                "The record of {of} was circulated on {date} with comments due on {due}, \
                 before it was sent"
            ),
            MinutesError::ReasonRequired(_) => format!(
                "The record of {of} was {what} on {date} without a reason: write why in the \
                 note of that step"
            ),
            MinutesError::ApprovedAtEarlierMeeting(_) => format!(
                "The record of {of} was approved on {date} at {}, which was held before it",
                self.approving_meeting(step)
            ),
            MinutesError::AfterToday { .. } => {
                format!("The record of {of} was {what} on {date}, which is after today")
            }
            MinutesError::ApprovedAtItself => format!(
                "The record of {of} was approved on {date} at that same meeting: a record is \
                 approved at a later meeting, or by written procedure with no meeting"
            ),
            MinutesError::ApprovedAtUnheld { state, .. } => format!(
                "The record of {of} was approved on {date} at {}, which is {state}: only a \
                 held meeting approves a record",
                self.approving_meeting(step)
            ),
            MinutesError::NotOnMeetingDay { held, .. } => format!(
                "The record of {of} was approved on {date} at {}, which was held on {held}: \
                 an approval at a meeting is dated the day it was held",
                self.approving_meeting(step)
            ),
            MinutesError::WrittenProcedureUncirculated(_) => format!(
                "The record of {of} was approved on {date} by written procedure (at no \
                 meeting) without being circulated for comment first"
            ),
            MinutesError::WrittenProcedureBeforeComments { due, .. } => format!(
                "The record of {of} was approved on {date} by written procedure (at no \
                 meeting), before its comment period ended on {due}"
            ),
            MinutesError::NoSuchMeeting(_) | MinutesError::MeetingGone(_) => format!(
                "The record of {of} was approved on {date} at a meeting that is not in the \
                 register"
            ),
            MinutesError::TooLong(..) => format!(
                "The record of {of} was {what} on {date} with a step that holds more than a \
                 register may ({refused})"
            ),
            MinutesError::NotApproved(_) | MinutesError::NotCirculated(_) => format!(
                "The history of the record of {of} is out of order: it was {what} on {date}, \
                 which the rules refuse ({refused})"
            ),
        }
    }
}

impl Register {
    /// The meeting an approval names, as a sentence mentions it.
    fn approving_meeting(&self, step: &MinutesStep) -> String {
        step.approved_at
            .map(|at| self.mentioned(Record::Meeting(at)).to_string())
            .unwrap_or_default()
    }
}

/// What a step did, as a past participle: "circulated", "taken back for
/// redrafting".
fn step_words(state: MinutesState, was: MinutesState) -> &'static str {
    match (state, was) {
        (MinutesState::Circulated, _) => "circulated",
        (MinutesState::Approved, _) => "approved",
        (MinutesState::Draft, MinutesState::Circulated) => "taken back for redrafting",
        (MinutesState::Draft, MinutesState::Approved) => "opened for revision",
        (MinutesState::Draft, MinutesState::Draft) => "returned to draft",
    }
}
