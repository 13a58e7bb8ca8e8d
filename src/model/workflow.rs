//! The rules for moving a commitment along the status ladder and for
//! recording deliveries. The editor and the CSV import both go through
//! these, so a rule is enforced once, here.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::{Commitment, CommitmentStatus, Delivery, MeetingId};

/// Why a status move or a delivery was refused, in the officer's words.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    #[error("The commitment is already {0}")]
    AlreadyThere(&'static str),
    #[error("Moving back from {from} to {to} needs a reason in the note")]
    ReasonRequired {
        from: &'static str,
        to: &'static str,
    },
    #[error("The change cannot be dated {date}, before the last step ({last})")]
    BeforeLastStep { date: NaiveDate, last: NaiveDate },
    #[error("The change cannot be dated {date}, after today ({today}): date it when it happened")]
    InTheFuture { date: NaiveDate, today: NaiveDate },
    #[error("The first step cannot be dated {date}, after the next step ({next})")]
    AfterNextStep { date: NaiveDate, next: NaiveDate },
    #[error("This commitment has no quantity, so nothing can be delivered in part")]
    NoQuantity,
    #[error("Only a firm commitment can be delivered; it is {0}")]
    NotFirm(&'static str),
    #[error("A delivery must be more than zero")]
    NotPositive,
    #[error("Delivered so far would be {delivered}, more than the {committed} committed")]
    MoreThanCommitted {
        delivered: Decimal,
        committed: Decimal,
    },
}

/// A step the officer asks for: where to, when, why and at which meeting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatusMove {
    pub to: CommitmentStatus,
    pub date: NaiveDate,
    pub note: String,
    pub meeting: Option<MeetingId>,
}

impl CommitmentStatus {
    /// Position on the ladder; withdrawn is off it.
    fn rung(self) -> Option<u8> {
        match self {
            CommitmentStatus::Proposed => Some(0),
            CommitmentStatus::Pledged => Some(1),
            CommitmentStatus::Committed => Some(2),
            CommitmentStatus::InDelivery => Some(3),
            CommitmentStatus::Delivered => Some(4),
            CommitmentStatus::Withdrawn => None,
        }
    }

    /// Whether going from `self` to `to` undoes progress: down the ladder,
    /// or back onto it after a withdrawal. Such a move needs a reason.
    pub fn is_backwards(self, to: CommitmentStatus) -> bool {
        match (self.rung(), to.rung()) {
            (Some(from), Some(to)) => to < from,
            (None, Some(_)) => true,
            // Withdrawing is an exit, not a step back.
            (_, None) => false,
        }
    }
}

impl Commitment {
    /// Moves the commitment along the ladder under the workflow rules and
    /// records the step in its history. A step may be dated back to when it
    /// happened, as long as the steps stay in order, but not after `today`.
    pub fn move_status(&mut self, step: StatusMove, today: NaiveDate) -> Result<(), WorkflowError> {
        if step.date > today {
            return Err(WorkflowError::InTheFuture {
                date: step.date,
                today,
            });
        }
        if step.to == self.status {
            return Err(WorkflowError::AlreadyThere(self.status.label()));
        }
        if self.status.is_backwards(step.to) && step.note.trim().is_empty() {
            return Err(WorkflowError::ReasonRequired {
                from: self.status.label(),
                to: step.to.label(),
            });
        }
        if let Some(last) = self.history.last()
            && step.date < last.date
        {
            return Err(WorkflowError::BeforeLastStep {
                date: step.date,
                last: last.date,
            });
        }
        self.change_status(step.to, step.date, step.note.trim(), step.meeting);
        Ok(())
    }

    /// Dates the first step of the history (usually its creation) on
    /// `date`: a commitment typed in the days after a session is dated by
    /// the session it was announced at, not by the day it was typed. The
    /// steps stay in order and none is after `today`.
    pub fn date_first_step(
        &mut self,
        date: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), WorkflowError> {
        if date > today {
            return Err(WorkflowError::InTheFuture { date, today });
        }
        if let Some(next) = self.history.get(1)
            && date > next.date
        {
            return Err(WorkflowError::AfterNextStep {
                date,
                next: next.date,
            });
        }
        if let Some(first) = self.history.first_mut() {
            first.date = date;
        }
        Ok(())
    }

    /// Quantity delivered so far (zero when nothing was delivered).
    pub fn delivered_so_far(&self) -> Decimal {
        self.deliveries.iter().map(|d| d.amount).sum()
    }

    /// Quantity still owed, if the commitment counts a quantity.
    pub fn outstanding(&self) -> Option<Decimal> {
        self.quantity
            .as_ref()
            .map(|q| (q.amount - self.delivered_so_far()).max(Decimal::ZERO))
    }

    /// Records a partial (or final) delivery. A first delivery moves a
    /// committed pledge to "in delivery"; the one that completes the
    /// quantity moves it to "delivered", both dated with the delivery.
    pub fn record_delivery(&mut self, delivery: Delivery) -> Result<(), WorkflowError> {
        let Some(quantity) = &self.quantity else {
            return Err(WorkflowError::NoQuantity);
        };
        if !self.status.is_firm() {
            return Err(WorkflowError::NotFirm(self.status.label()));
        }
        if delivery.amount <= Decimal::ZERO {
            return Err(WorkflowError::NotPositive);
        }
        let delivered = self.delivered_so_far() + delivery.amount;
        if delivered > quantity.amount {
            return Err(WorkflowError::MoreThanCommitted {
                delivered,
                committed: quantity.amount,
            });
        }
        let complete = delivered == quantity.amount;
        let (date, meeting) = (delivery.date, delivery.meeting);
        self.deliveries.push(delivery);
        let next = if complete {
            CommitmentStatus::Delivered
        } else {
            CommitmentStatus::InDelivery
        };
        if self.status != next && !self.status.is_backwards(next) {
            let note = if complete {
                "Delivered in full"
            } else {
                "First delivery"
            };
            self.change_status(next, date, note, meeting);
        }
        Ok(())
    }

    /// The status the commitment had on `date`, by its history; `None`
    /// before its first recorded step.
    pub fn status_on(&self, date: NaiveDate) -> Option<CommitmentStatus> {
        if self.history.is_empty() {
            return Some(self.status);
        }
        self.history
            .iter()
            .take_while(|h| h.date <= date)
            .last()
            .map(|h| h.status)
    }

    /// Not closed and due between today and `days` from now, inclusive.
    pub fn is_due_within(&self, today: NaiveDate, days: u32) -> bool {
        let Some(due) = self.due else { return false };
        let horizon = today
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX);
        !self.status.is_closed() && due >= today && due <= horizon
    }
}
