//! Money that is paid out (issue 18): a delivery records a quantity, a
//! payment in the commitment's currency, or both; progress, the ladder,
//! the check, the file, the documents, the merge and the window follow.

mod documents;
mod format;
mod merging;
mod properties;
mod window;
mod workflow;

use std::str::FromStr;

use crate::common::{FRA, MINISTERS, date, register};
use coalition_desk::model::{
    Commitment, CommitmentId, CommitmentStatus, Delivery, Money, Register, StatusChange, StatusMove,
};
use rust_decimal::Decimal;

/// The money-only pledge the issue names: EUR 400 million for the drone
/// coalition fund, committed at the ministers' meeting.
pub const FUND: CommitmentId = CommitmentId(24);

pub fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

pub fn fund() -> Commitment {
    Commitment {
        participant: FRA,
        announced_at: Some(MINISTERS),
        title: "Drone coalition fund".into(),
        area: "Drones".into(),
        value: Some(Money {
            amount: dec("400000000"),
            currency: "EUR".into(),
        }),
        status: CommitmentStatus::Committed,
        history: vec![
            StatusChange {
                date: date(2025, 4, 10),
                status: CommitmentStatus::Pledged,
                note: "Announced".into(),
                meeting: Some(MINISTERS),
            },
            StatusChange {
                date: date(2025, 4, 10),
                status: CommitmentStatus::Committed,
                note: "Agreement signed".into(),
                meeting: Some(MINISTERS),
            },
        ],
        marking: "OFFICIAL".into(),
        ..Commitment::default()
    }
}

/// The common small register with the fund in it.
pub fn with_fund() -> Register {
    let mut r = register();
    r.commitments.insert(FUND, fund());
    r
}

pub fn payment(on: (i32, u32, u32), paid: &str) -> Delivery {
    Delivery {
        date: date(on.0, on.1, on.2),
        paid: dec(paid),
        note: "Tranche".into(),
        ..Delivery::default()
    }
}

pub fn to(status: CommitmentStatus, on: (i32, u32, u32), note: &str) -> StatusMove {
    StatusMove {
        to: status,
        date: date(on.0, on.1, on.2),
        note: note.into(),
        meeting: None,
    }
}
