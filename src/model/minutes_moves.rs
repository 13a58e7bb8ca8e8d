//! How a meeting's record moves through its life (`minutes_life.rs`):
//! the moves the officer asks for, the rules each is held to, and why one
//! is refused. The editor, the command line and the printed record all go
//! through these rules, so each is enforced once, here.

mod approval;

use chrono::NaiveDate;

use super::{
    Meeting, MeetingId, MeetingState, MinutesLife, MinutesState, MinutesStep, ParticipantId,
    Register, Revision,
};

/// A move the officer asks for. Every move is dated.
#[derive(Clone, Debug, PartialEq)]
pub enum MinutesMove {
    /// Send the record to `to` for comments due by `comments_due`.
    Circulate {
        to: Vec<ParticipantId>,
        comments_due: NaiveDate,
    },
    /// Agree the record, at a later meeting held that day (usually the
    /// next session), or with no meeting by written procedure: the silence
    /// procedure, agreed when the comment period of its circulation ends
    /// without objection. `by` says who, as known.
    Approve { at: Option<MeetingId>, by: String },
    /// Take a circulated record back for redrafting, saying why.
    Redraft { reason: String },
    /// Open the next revision of an approved record, saying why.
    Revise { reason: String },
}

/// Why a move was refused, in the officer's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MinutesError {
    #[error("The record is already {0}")]
    AlreadyThere(&'static str),
    #[error("Only the record of a held meeting can be circulated or approved; this meeting is {0}")]
    NotHeld(&'static str),
    #[error("The record is approved: it cannot be {0}; open a revision first (Revise…)")]
    Approved(&'static str),
    #[error("Only an approved record can be revised; this one is {0}")]
    NotApproved(&'static str),
    #[error("Only a circulated record can be taken back for redrafting; this one is {0}")]
    NotCirculated(&'static str),
    #[error("Choose at least one delegation to circulate the record to")]
    NoRecipients,
    #[error("Comments cannot be due on {due}, before the record is circulated on {date}")]
    DueBeforeCirculation { due: NaiveDate, date: NaiveDate },
    #[error("The record cannot be {what} on {date}, before the meeting on {meeting}")]
    BeforeMeeting {
        what: &'static str,
        date: NaiveDate,
        meeting: NaiveDate,
    },
    #[error("The step cannot be dated {date}, before the record's last step ({last})")]
    BeforeLastStep { date: NaiveDate, last: NaiveDate },
    #[error("{0} needs a reason")]
    ReasonRequired(&'static str),
    /// Who approved it, or a reason, is longer than the file may hold:
    /// saved, the register would not open again.
    #[error("{0} holds more than {1} characters, the most it may have: shorten it")]
    TooLong(&'static str, usize),
    #[error("The record cannot be approved at a meeting held before it ({0})")]
    ApprovedAtEarlierMeeting(String),
    #[error("The record cannot be approved at {0}: that meeting is not in the register")]
    NoSuchMeeting(MeetingId),
    #[error("The meeting {0} is no longer in the register")]
    MeetingGone(MeetingId),
    #[error(
        "The record cannot be {what} on {date}: that is after today ({today}); a step is \
         recorded once it has happened"
    )]
    AfterToday {
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    },
    #[error(
        "The record cannot be approved at the meeting it records: choose a later meeting, or \
         approve it by written procedure"
    )]
    ApprovedAtItself,
    #[error(
        "The record cannot be approved at {meeting}: that meeting is {state}, and only a held \
         meeting approves a record"
    )]
    ApprovedAtUnheld {
        meeting: String,
        state: &'static str,
    },
    #[error(
        "The record cannot be approved at {meeting} on {date}: that meeting was held on {held}, \
         so date the approval {held}, or approve it by written procedure"
    )]
    NotOnMeetingDay {
        meeting: String,
        date: NaiveDate,
        held: NaiveDate,
    },
    #[error(
        "The record is {0}: by written procedure a record is approved only once it has been \
         circulated for comment, so circulate it first or approve it at a later meeting"
    )]
    WrittenProcedureUncirculated(&'static str),
    #[error(
        "By written procedure the record is approved when its comment period ends on {due}, \
         not on {date}: date the approval {due} or later"
    )]
    WrittenProcedureBeforeComments { date: NaiveDate, due: NaiveDate },
}

/// What the rules need to know of the meetings around the record.
#[derive(Clone, Copy)]
pub(super) struct MinutesContext<'a> {
    /// The meeting whose record it is.
    pub(super) meeting: MeetingId,
    pub(super) meeting_date: NaiveDate,
    meeting_state: MeetingState,
    pub(super) register: &'a Register,
    /// No step is dated after it: the record tells what has happened.
    today: NaiveDate,
}

/// Where a record's move is judged: the meeting it records (`id` in
/// `register`), the rest of the register, and today.
#[derive(Clone, Copy)]
pub struct MinutesPlace<'a> {
    /// The meeting whose record moves.
    pub id: MeetingId,
    /// The register it is in, for the meeting that approved it.
    pub register: &'a Register,
    /// No step is dated after it.
    pub today: NaiveDate,
}

impl Meeting {
    /// Makes `step` on `date` in the life of this meeting's record, under
    /// the rules, and records it; `place` names the meeting, the others and
    /// today.
    pub fn move_minutes(
        &mut self,
        step: MinutesMove,
        date: NaiveDate,
        place: MinutesPlace<'_>,
    ) -> Result<(), MinutesError> {
        let context = self.context(place);
        self.minutes.make_move(step, date, context)
    }

    /// Whether the rules would let `step` be made on `date` now, without
    /// making it: how a form offers only the moves that can be made.
    pub fn move_allowed(
        &self,
        step: MinutesMove,
        date: NaiveDate,
        place: MinutesPlace<'_>,
    ) -> Result<(), MinutesError> {
        self.step_allowed(&self.minutes.history, step, date, place)
    }

    /// Whether the record's next step, `step` or any other, can be dated
    /// `date`: a date field refuses what no step could be dated.
    pub fn step_dated(
        &self,
        step: &MinutesMove,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), MinutesError> {
        self.minutes.dated(step.done(), date, today)
    }

    /// Whether the rules would have let `step` be made on `date` after the
    /// record's `earlier` steps: how `check` judges a history written by
    /// hand, by the very rules the moves follow.
    pub(super) fn step_allowed(
        &self,
        earlier: &[MinutesStep],
        step: MinutesMove,
        date: NaiveDate,
        place: MinutesPlace<'_>,
    ) -> Result<(), MinutesError> {
        let mut life = MinutesLife {
            history: earlier.to_vec(),
            revisions: Vec::new(),
        };
        life.make_move(step, date, self.context(place))
    }

    fn context<'a>(&self, place: MinutesPlace<'a>) -> MinutesContext<'a> {
        MinutesContext {
            meeting: place.id,
            meeting_date: self.date,
            meeting_state: self.state,
            register: place.register,
            today: place.today,
        }
    }
}

impl MinutesLife {
    fn make_move(
        &mut self,
        step: MinutesMove,
        date: NaiveDate,
        context: MinutesContext<'_>,
    ) -> Result<(), MinutesError> {
        let state = self.state();
        self.dated(step.done(), date, context.today)?;
        let mut made = MinutesStep {
            date,
            ..MinutesStep::default()
        };
        match step {
            MinutesMove::Circulate { to, comments_due } => {
                match state {
                    MinutesState::Approved => return Err(MinutesError::Approved("circulated")),
                    MinutesState::Circulated => {
                        return Err(MinutesError::AlreadyThere("circulated"));
                    }
                    MinutesState::Draft => {}
                }
                check_held(context, "circulated", date)?;
                if to.is_empty() {
                    return Err(MinutesError::NoRecipients);
                }
                if comments_due < date {
                    return Err(MinutesError::DueBeforeCirculation {
                        due: comments_due,
                        date,
                    });
                }
                let mut to = to;
                to.sort();
                to.dedup();
                made.state = MinutesState::Circulated;
                made.circulated_to = to;
                made.comments_due = Some(comments_due);
            }
            MinutesMove::Approve { at, by } => {
                if state == MinutesState::Approved {
                    return Err(MinutesError::AlreadyThere("approved"));
                }
                check_held(context, "approved", date)?;
                match at {
                    Some(at) => approval::approved_at(context, at, date)?,
                    None => self.written_procedure(date)?,
                }
                made.state = MinutesState::Approved;
                made.approved_at = at;
                let by = by.trim();
                if super::text_limits::too_long("approved_by", by).is_some() {
                    return Err(MinutesError::TooLong(
                        "Who approved it",
                        super::text_limits::MOST_NAME_CHARACTERS,
                    ));
                }
                made.approved_by = by.to_string();
            }
            MinutesMove::Redraft { reason } => {
                if state != MinutesState::Circulated {
                    return Err(MinutesError::NotCirculated(state.label()));
                }
                made.note = required(reason, "Taking the record back for redrafting")?;
            }
            MinutesMove::Revise { reason } => {
                if state != MinutesState::Approved {
                    return Err(MinutesError::NotApproved(state.label()));
                }
                let reason = required(reason, "A revision")?;
                let number = self.revision() + 1;
                made.note = format!("Revision {number}: {reason}");
                self.revisions.push(Revision {
                    number,
                    date,
                    reason,
                    changes: Vec::new(),
                });
            }
        }
        self.history.push(made);
        Ok(())
    }

    /// Whether the next step, which `what` names, can be dated `date`: not
    /// before the last step, and not after today.
    fn dated(
        &self,
        what: &'static str,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), MinutesError> {
        if let Some(last) = self.history.last()
            && date < last.date
        {
            return Err(MinutesError::BeforeLastStep {
                date,
                last: last.date,
            });
        }
        if date > today {
            return Err(MinutesError::AfterToday { what, date, today });
        }
        Ok(())
    }
}

impl MinutesMove {
    /// What the move does, as a past participle: "circulated", "taken
    /// back for redrafting".
    fn done(&self) -> &'static str {
        match self {
            MinutesMove::Circulate { .. } => "circulated",
            MinutesMove::Approve { .. } => "approved",
            MinutesMove::Redraft { .. } => "taken back for redrafting",
            MinutesMove::Revise { .. } => "opened for revision",
        }
    }
}

fn check_held(
    context: MinutesContext<'_>,
    what: &'static str,
    date: NaiveDate,
) -> Result<(), MinutesError> {
    if context.meeting_state != MeetingState::Held {
        return Err(MinutesError::NotHeld(context.meeting_state.label()));
    }
    if date < context.meeting_date {
        return Err(MinutesError::BeforeMeeting {
            what,
            date,
            meeting: context.meeting_date,
        });
    }
    Ok(())
}

fn required(reason: String, what: &'static str) -> Result<String, MinutesError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(MinutesError::ReasonRequired(what));
    }
    if super::text_limits::too_long("reason", reason).is_some() {
        return Err(MinutesError::TooLong(
            "The reason",
            super::text_limits::MOST_TEXT_CHARACTERS,
        ));
    }
    Ok(reason.to_string())
}
