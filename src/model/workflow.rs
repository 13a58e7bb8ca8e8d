//! The rules for moving a commitment along the status ladder and for
//! recording deliveries. The editor and the CSV import both go through
//! these, so a rule is enforced once, here.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use super::{Commitment, CommitmentStatus, Delivery, MeetingId, amounts};

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
    #[error(
        "This commitment has no quantity, so no quantity can be delivered: give it one first, or record the payment alone"
    )]
    NoQuantity,
    #[error(
        "This commitment has no value, so nothing can be paid against it: give it a value and currency first"
    )]
    NoValue,
    #[error("Only a firm commitment can be delivered; it is {0}")]
    NotFirm(&'static str),
    #[error("A delivery must record a quantity or a payment more than zero")]
    NotPositive,
    #[error("A delivery cannot record a negative {0}")]
    Negative(&'static str),
    #[error("Delivered so far would be {delivered}, more than the {committed} committed")]
    MoreThanCommitted {
        delivered: Decimal,
        committed: Decimal,
    },
    #[error(
        "Paid so far would be {paid}, more than the {value} committed: raise the commitment's value first if more was agreed"
    )]
    MoreThanValue {
        /// "EUR 450,000,000.00".
        paid: String,
        /// "EUR 400,000,000.00".
        value: String,
    },
    #[error(
        "Marking it Delivered with {progress} needs a reason in the note (an agreed reduction)"
    )]
    ShortOfCommitted {
        /// "EUR 120,000,000.00 of 400,000,000.00 paid (30 %)".
        progress: String,
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
        // Delivered means nothing more is owed: with less than committed
        // delivered or paid, that is an agreed reduction, and the record
        // says so.
        if step.to == CommitmentStatus::Delivered
            && !self.is_delivered_in_full()
            && step.note.trim().is_empty()
        {
            return Err(WorkflowError::ShortOfCommitted {
                progress: self.progress().join(" and "),
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

    /// Records a delivery: a quantity, a payment, or both. A first
    /// delivery moves a committed pledge to "in delivery"; the one that
    /// completes the quantity or pays the whole value moves it to
    /// "delivered", both dated with the delivery. Nothing is ever delivered
    /// or paid beyond what was committed.
    pub fn record_delivery(&mut self, delivery: Delivery) -> Result<(), WorkflowError> {
        if delivery.amount.is_sign_negative() && !delivery.amount.is_zero() {
            return Err(WorkflowError::Negative("quantity"));
        }
        if delivery.paid.is_sign_negative() && !delivery.paid.is_zero() {
            return Err(WorkflowError::Negative("payment"));
        }
        if delivery.amount.is_zero() && delivery.paid.is_zero() {
            return Err(WorkflowError::NotPositive);
        }
        if !self.status.is_firm() {
            return Err(WorkflowError::NotFirm(self.status.label()));
        }
        // A delivery is dated when it happened, but after the step that made
        // the commitment firm and after the delivery before it: the history
        // it may add to stays in date order.
        let last_step = self.history.last().map(|h| h.date);
        let last_delivery = self.deliveries.last().map(|d| d.date);
        if let Some(last) = last_step.max(last_delivery)
            && delivery.date < last
        {
            return Err(WorkflowError::BeforeLastStep {
                date: delivery.date,
                last,
            });
        }
        if !delivery.amount.is_zero() {
            let Some(quantity) = &self.quantity else {
                return Err(WorkflowError::NoQuantity);
            };
            let delivered = self.delivered_so_far().saturating_add(delivery.amount);
            if delivered > quantity.amount {
                return Err(WorkflowError::MoreThanCommitted {
                    delivered,
                    committed: quantity.amount,
                });
            }
        }
        if !delivery.paid.is_zero() {
            let Some(value) = &self.value else {
                return Err(WorkflowError::NoValue);
            };
            let paid = self.paid_so_far().saturating_add(delivery.paid);
            if paid > value.amount {
                return Err(WorkflowError::MoreThanValue {
                    paid: amounts::money_in(&value.currency, paid),
                    value: amounts::money(value),
                });
            }
        }
        let (date, meeting) = (delivery.date, delivery.meeting);
        self.deliveries.push(delivery);
        let complete = self.is_delivered_in_full();
        let next = if complete {
            CommitmentStatus::Delivered
        } else {
            CommitmentStatus::InDelivery
        };
        if self.status != next && !self.status.is_backwards(next) {
            let note = match (complete, self.quantity.is_some()) {
                (false, _) => "First delivery",
                (true, true) => "Delivered in full",
                (true, false) => "Paid in full",
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
