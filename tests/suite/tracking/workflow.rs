//! The commitment workflow: moving along the status ladder, partial
//! delivery, over-delivery, old files and overdue.

use crate::common::{MINISTERS, date, register, today};
use coalition_desk::model::{CommitmentId, CommitmentStatus, WorkflowError};
use rust_decimal::Decimal;

use super::fixture::*;

#[test]
fn workflow_moves_forward_with_date_note_and_meeting() {
    let mut c = register().commitments[&CommitmentId(22)].clone();
    c.move_status(step(CommitmentStatus::Pledged, "")).unwrap();
    c.move_status(step(CommitmentStatus::Committed, "Signed"))
        .unwrap();
    assert_eq!(c.status, CommitmentStatus::Committed);
    let last = c.history.last().unwrap();
    assert_eq!(last.date, date(2025, 5, 20));
    assert_eq!(last.note, "Signed");
    assert_eq!(last.meeting, Some(MINISTERS));
    assert_eq!(c.history.len(), 3);
}

#[test]
fn moving_backwards_needs_a_reason() {
    let mut c = register().commitments[&CommitmentId(21)].clone();
    let refused = c.move_status(step(CommitmentStatus::Pledged, "  "));
    assert!(matches!(refused, Err(WorkflowError::ReasonRequired { .. })));
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    c.move_status(step(CommitmentStatus::Pledged, "Funding fell through"))
        .unwrap();
    assert_eq!(c.status, CommitmentStatus::Pledged);
    // Reinstating a withdrawn pledge is backwards too; withdrawing is not.
    assert!(CommitmentStatus::Withdrawn.is_backwards(CommitmentStatus::Pledged));
    assert!(!CommitmentStatus::Delivered.is_backwards(CommitmentStatus::Withdrawn));
    assert!(c.move_status(step(CommitmentStatus::Pledged, "x")).is_err());
    let mut early = step(CommitmentStatus::Committed, "");
    early.date = date(2025, 1, 1);
    assert!(matches!(
        c.move_status(early),
        Err(WorkflowError::BeforeLastStep { .. })
    ));
}

#[test]
fn partial_delivery_counts_against_the_committed_quantity() {
    let mut c = register().commitments[&CommitmentId(20)].clone();
    // Pledged is not firm yet: nothing can be delivered.
    assert!(matches!(
        c.record_delivery(delivery("10")),
        Err(WorkflowError::NotFirm(_))
    ));
    c.move_status(step(CommitmentStatus::Committed, ""))
        .unwrap();
    c.record_delivery(delivery("1000")).unwrap();
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    assert_eq!(c.delivered_so_far(), dec("1000"));
    assert_eq!(c.outstanding(), Some(dec("4000")));
    assert!(matches!(
        c.record_delivery(delivery("4000.5")),
        Err(WorkflowError::MoreThanCommitted { .. })
    ));
    assert!(matches!(
        c.record_delivery(delivery("0")),
        Err(WorkflowError::NotPositive)
    ));
    c.record_delivery(delivery("4000")).unwrap();
    assert_eq!(c.status, CommitmentStatus::Delivered);
    assert_eq!(c.outstanding(), Some(Decimal::ZERO));
    let mut without = register().commitments[&CommitmentId(21)].clone();
    assert_eq!(
        without.record_delivery(delivery("1")),
        Err(WorkflowError::NoQuantity)
    );
}

#[test]
fn validation_flags_more_delivered_than_committed() {
    let mut r = register();
    let c = r.commitments.get_mut(&CommitmentId(20)).unwrap();
    c.deliveries.push(delivery("6000"));
    let problems = r.validate(today());
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("6000 delivered, more than the 5000 missiles")),
        "{problems:?}"
    );
}

#[test]
fn old_files_without_deliveries_still_load() {
    let text = coalition_desk::sample::SAMPLE_RON;
    assert!(!text.contains("deliveries"));
    let sample = coalition_desk::sample::register().unwrap();
    assert!(sample.commitments.values().all(|c| c.deliveries.is_empty()));
}

#[test]
fn overdue_and_due_soon() {
    let r = register();
    let demining = &r.commitments[&CommitmentId(21)];
    // Due 1 May, in delivery, today 1 June.
    assert!(demining.is_overdue(today()));
    assert!(!demining.is_overdue(date(2025, 5, 1)));
    let missiles = &r.commitments[&CommitmentId(20)];
    assert!(!missiles.is_due_within(today(), 30));
    assert!(missiles.is_due_within(today(), 213));
    // Withdrawn is not owed, so never overdue.
    assert!(!r.commitments[&CommitmentId(23)].is_overdue(today()));
}
