//! Paying a money-only pledge through the core's workflow functions.

use coalition_desk::model::{CommitmentStatus, Delivery, WorkflowError};

use super::{FUND, dec, fund, payment, to, with_fund};
use crate::common::date;

#[test]
fn a_money_only_commitment_is_paid_in_tranches_up_the_ladder() {
    let mut c = fund();
    assert_eq!(c.progress(), ["EUR 0.00 of 400,000,000.00 paid (0 %)"]);
    c.record_delivery(payment((2025, 5, 2), "120000000"))
        .unwrap();
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    assert_eq!(c.history.last().unwrap().date, date(2025, 5, 2));
    assert_eq!(
        c.progress(),
        ["EUR 120,000,000.00 of 400,000,000.00 paid (30 %)"]
    );
    assert_eq!(c.unpaid(), Some(dec("280000000")));
    // Paying more than the value is refused, and nothing changes.
    let refused = c.record_delivery(payment((2025, 5, 20), "280000000.01"));
    assert_eq!(
        refused.unwrap_err().to_string(),
        "Paid so far would be EUR 400,000,000.01, more than the EUR 400,000,000.00 committed: raise the commitment's value first if more was agreed"
    );
    assert_eq!(c.deliveries.len(), 1);
    c.record_delivery(payment((2025, 5, 20), "280000000"))
        .unwrap();
    assert_eq!(c.status, CommitmentStatus::Delivered);
    let last = c.history.last().unwrap();
    assert_eq!(
        (last.date, last.note.as_str()),
        (date(2025, 5, 20), "Paid in full")
    );
    assert!(c.is_delivered_in_full());
}

#[test]
fn a_delivery_records_only_what_the_commitment_has() {
    let mut c = fund();
    // A quantity against a money-only pledge, and nothing at all.
    let quantity = Delivery {
        amount: dec("5"),
        ..payment((2025, 5, 2), "0")
    };
    assert_eq!(c.record_delivery(quantity), Err(WorkflowError::NoQuantity));
    assert_eq!(
        c.record_delivery(payment((2025, 5, 2), "0")),
        Err(WorkflowError::NotPositive)
    );
    assert_eq!(
        c.record_delivery(payment((2025, 5, 2), "-1")),
        Err(WorkflowError::Negative("payment"))
    );
    // A payment against a commitment that counts only a quantity.
    let mut r = with_fund();
    let missiles = r
        .commitments
        .get_mut(&coalition_desk::model::CommitmentId(20))
        .unwrap();
    missiles.value = None;
    missiles
        .move_status(
            to(CommitmentStatus::Committed, (2025, 5, 1), ""),
            crate::common::today(),
        )
        .unwrap();
    assert_eq!(
        missiles.record_delivery(payment((2025, 5, 2), "10")),
        Err(WorkflowError::NoValue)
    );
    assert!(c.deliveries.is_empty() && missiles.deliveries.is_empty());
    assert_eq!(r.commitments[&FUND].status, CommitmentStatus::Committed);
}

#[test]
fn a_delivery_of_both_counts_each_and_the_first_complete_one_delivers() {
    // 5,000 missiles for EUR 1.6 billion: the missiles arrive in full.
    let mut missiles = with_fund().commitments[&coalition_desk::model::CommitmentId(20)].clone();
    missiles
        .move_status(
            to(CommitmentStatus::Committed, (2025, 5, 1), ""),
            crate::common::today(),
        )
        .unwrap();
    missiles
        .record_delivery(Delivery {
            amount: dec("1200"),
            ..payment((2025, 5, 2), "400000000")
        })
        .unwrap();
    assert_eq!(
        missiles.progress(),
        [
            "1,200 of 5,000 missiles delivered",
            "EUR 400,000,000.00 of 1,600,000,000.00 paid (25 %)"
        ]
    );
    missiles
        .record_delivery(Delivery {
            amount: dec("3800"),
            ..payment((2025, 5, 20), "0")
        })
        .unwrap();
    assert_eq!(missiles.status, CommitmentStatus::Delivered);
    assert_eq!(missiles.history.last().unwrap().note, "Delivered in full");
    assert_eq!(missiles.paid_so_far(), dec("400000000"));
}

#[test]
fn delivered_with_less_needs_a_reason() {
    let mut c = fund();
    c.record_delivery(payment((2025, 5, 2), "120000000"))
        .unwrap();
    let refused = c.move_status(
        to(CommitmentStatus::Delivered, (2025, 6, 1), "  "),
        crate::common::today(),
    );
    assert_eq!(
        refused.unwrap_err().to_string(),
        "Marking it Delivered with EUR 120,000,000.00 of 400,000,000.00 paid (30 %) needs a reason in the note (an agreed reduction)"
    );
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    c.move_status(
        to(
            CommitmentStatus::Delivered,
            (2025, 6, 1),
            "Reduced to EUR 120 million by agreement",
        ),
        crate::common::today(),
    )
    .unwrap();
    assert_eq!(c.status, CommitmentStatus::Delivered);
    // The check agrees: the reduction is explained.
    let mut r = with_fund();
    r.commitments.insert(FUND, c.clone());
    assert_eq!(fund_problems(&r), Vec::<String>::new());
    // Without the reason, the check names it.
    c.history.last_mut().unwrap().note.clear();
    r.commitments.insert(FUND, c);
    assert_eq!(
        fund_problems(&r),
        [
            "The commitment “Drone coalition fund” of France is Delivered with EUR 120,000,000.00 of 400,000,000.00 paid (30 %): write the reason (an agreed reduction) in the note of the step to Delivered"
        ]
    );
}

/// What the check says about the fund on 1 June 2025.
pub fn fund_problems(r: &coalition_desk::model::Register) -> Vec<String> {
    r.validate(date(2025, 6, 1))
        .into_iter()
        .filter(|p| p.record == Some(coalition_desk::model::Record::Commitment(FUND)))
        .map(|p| p.message)
        .collect()
}

/// Walked in the window: committed on 6 December, a first tranche typed as
/// paid on 20 November put its In delivery step before the Committed one,
/// and `check` then found the history out of date order. A delivery is
/// dated on or after the last step and the delivery before it.
#[test]
fn a_payment_dated_before_the_last_step_is_refused() {
    let mut c = fund();
    let before = c.clone();
    assert_eq!(
        c.record_delivery(payment((2025, 4, 9), "1000000")),
        Err(WorkflowError::BeforeLastStep {
            date: date(2025, 4, 9),
            last: date(2025, 4, 10)
        })
    );
    assert_eq!(c, before, "nothing recorded");
    c.record_delivery(payment((2025, 5, 2), "1000000")).unwrap();
    assert!(matches!(
        c.record_delivery(payment((2025, 5, 1), "1000000")),
        Err(WorkflowError::BeforeLastStep { .. })
    ));
    c.record_delivery(payment((2025, 5, 2), "1000000")).unwrap();
    assert_eq!(c.paid_so_far(), dec("2000000"));
}
