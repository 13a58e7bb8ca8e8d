//! Payments in two copies merge as deliveries do: a list that only grows,
//! each tranche once, in date order, never a conflict.

use chrono::NaiveDateTime;
use coalition_desk::merge::merge;
use coalition_desk::model::CommitmentStatus;

use super::{FUND, dec, payment, with_fund};
use crate::common::date;

fn now() -> NaiveDateTime {
    date(2025, 6, 2).and_hms_opt(10, 15, 0).unwrap()
}

#[test]
fn tranches_paid_in_each_copy_are_both_kept() {
    let base = with_fund();
    let mut ours = base.clone();
    ours.commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(payment((2025, 5, 20), "80000000"))
        .unwrap();
    let mut theirs = base.clone();
    theirs
        .commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(payment((2025, 5, 2), "120000000"))
        .unwrap();

    let merged = merge(&base, &ours, &theirs, "LON", "PAR", now());
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let fund = &merged.register.commitments[&FUND];
    let tranches: Vec<_> = fund.deliveries.iter().map(|d| (d.date, d.paid)).collect();
    assert_eq!(
        tranches,
        [
            (date(2025, 5, 2), dec("120000000")),
            (date(2025, 5, 20), dec("80000000")),
        ]
    );
    assert_eq!(fund.paid_so_far(), dec("200000000"));
    assert_eq!(fund.status, CommitmentStatus::InDelivery);

    // The same tranche recorded in both copies counts once.
    let merged = merge(&base, &theirs, &theirs.clone(), "LON", "PAR", now());
    assert_eq!(
        merged.register.commitments[&FUND].paid_so_far(),
        dec("120000000")
    );
}

#[test]
fn the_same_day_with_different_sums_paying_too_much_is_a_conflict() {
    // Two offices record a payment on one day, of different sums, that
    // together pay more than the value: each fine alone, together a rule
    // `check` holds (issue 19, item 13). Ours is applied and theirs kept
    // beside it as a conflict naming the excess, so nothing is lost.
    let base = with_fund();
    let mut ours = base.clone();
    ours.commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(payment((2025, 5, 2), "300000000"))
        .unwrap();
    let mut theirs = base.clone();
    theirs
        .commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(payment((2025, 5, 2), "200000000"))
        .unwrap();
    let merged = merge(&base, &ours, &theirs, "LON", "PAR", now());
    let fund = &merged.register.commitments[&FUND];
    assert_eq!(fund.deliveries, ours.commitments[&FUND].deliveries);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(
        merged.conflicts[0].broken_rule,
        "The commitment “Drone coalition fund” of France has EUR 500,000,000.00 paid, more than the EUR 400,000,000.00 committed"
    );
    assert!(
        merged.conflicts[0]
            .theirs
            .as_deref()
            .unwrap()
            .contains("200000000")
    );
    let words = super::workflow::fund_problems(&merged.register);
    assert_eq!(words.len(), 1, "only the conflict: {words:?}");
    assert!(words[0].contains("together they break a rule"), "{words:?}");
}
