//! The commitment workflow: moving along the status ladder, partial
//! delivery, over-delivery, old files and overdue.

use crate::common::{GBR, MINISTERS, date, register, today};
use coalition_desk::model::{CommitmentId, CommitmentStatus, StatusMove, WorkflowError};
use rust_decimal::Decimal;

use super::fixture::*;

#[test]
fn workflow_moves_forward_with_date_note_and_meeting() {
    let mut c = register().commitments[&CommitmentId(22)].clone();
    c.move_status(step(CommitmentStatus::Pledged, ""), today())
        .unwrap();
    c.move_status(step(CommitmentStatus::Committed, "Signed"), today())
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
    let refused = c.move_status(step(CommitmentStatus::Pledged, "  "), today());
    assert!(matches!(refused, Err(WorkflowError::ReasonRequired { .. })));
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    c.move_status(
        step(CommitmentStatus::Pledged, "Funding fell through"),
        today(),
    )
    .unwrap();
    assert_eq!(c.status, CommitmentStatus::Pledged);
    // Reinstating a withdrawn pledge is backwards too; withdrawing is not.
    assert!(CommitmentStatus::Withdrawn.is_backwards(CommitmentStatus::Pledged));
    assert!(!CommitmentStatus::Delivered.is_backwards(CommitmentStatus::Withdrawn));
    assert!(
        c.move_status(step(CommitmentStatus::Pledged, "x"), today())
            .is_err()
    );
    let mut early = step(CommitmentStatus::Committed, "");
    early.date = date(2025, 1, 1);
    assert!(matches!(
        c.move_status(early, today()),
        Err(WorkflowError::BeforeLastStep { .. })
    ));
}

#[test]
fn a_step_may_be_dated_back_but_never_after_today() {
    let mut c = register().commitments[&CommitmentId(22)].clone();
    let mut tomorrow = step(CommitmentStatus::Pledged, "");
    tomorrow.date = date(2025, 6, 2);
    assert_eq!(
        c.move_status(tomorrow, today()),
        Err(WorkflowError::InTheFuture {
            date: date(2025, 6, 2),
            today: today()
        })
    );
    assert_eq!(
        WorkflowError::InTheFuture {
            date: date(2025, 6, 2),
            today: today()
        }
        .to_string(),
        "The change cannot be dated 2025-06-02, after today (2025-06-01): date it when it happened"
    );
    assert_eq!(c.status, CommitmentStatus::Proposed, "nothing changed");
    let mut on_the_day = step(CommitmentStatus::Pledged, "");
    on_the_day.date = today();
    c.move_status(on_the_day, today()).unwrap();
}

/// Typed on 6 December, announced at the session of 3 December: the
/// commitment is pledged on 3 December, not refused as "before the last
/// step (2026-12-06)".
#[test]
fn a_commitment_typed_after_its_session_is_pledged_on_the_session_day() {
    let typed_on = date(2026, 12, 6);
    let session = date(2026, 12, 3);
    let r = register();
    let (_, edit) = coalition_desk::new_records::commitment(&r, Some(GBR), typed_on).unwrap();
    let coalition_desk::edit::Edit::Commitment(_, Some(mut c)) = edit else {
        panic!("a new commitment")
    };
    assert_eq!(c.history[0].date, typed_on, "created today, by default");
    let pledge = |date| StatusMove {
        to: CommitmentStatus::Pledged,
        date,
        note: String::new(),
        meeting: None,
    };
    assert!(matches!(
        c.clone().move_status(pledge(session), typed_on),
        Err(WorkflowError::BeforeLastStep { .. })
    ));
    c.date_first_step(session, typed_on).unwrap();
    c.move_status(pledge(session), typed_on).unwrap();
    assert_eq!(
        c.history.iter().map(|h| h.date).collect::<Vec<_>>(),
        [session, session]
    );
    // The first step keeps the steps in order and is never after today.
    assert_eq!(
        c.date_first_step(date(2026, 12, 4), typed_on),
        Err(WorkflowError::AfterNextStep {
            date: date(2026, 12, 4),
            next: session
        })
    );
    assert!(matches!(
        c.date_first_step(date(2026, 12, 7), typed_on),
        Err(WorkflowError::InTheFuture { .. })
    ));
    c.date_first_step(date(2026, 11, 30), typed_on).unwrap();
    assert_eq!(c.history[0].date, date(2026, 11, 30));
}

#[test]
fn partial_delivery_counts_against_the_committed_quantity() {
    let mut c = register().commitments[&CommitmentId(20)].clone();
    // Pledged is not firm yet: nothing can be delivered.
    assert!(matches!(
        c.record_delivery(delivery("10")),
        Err(WorkflowError::NotFirm(_))
    ));
    c.move_status(step(CommitmentStatus::Committed, ""), today())
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
