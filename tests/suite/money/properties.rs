//! Whatever the officer does through the workflow — payments, deliveries,
//! moves up and down the ladder, with or without a note — what is paid
//! never exceeds the value and what is delivered never exceeds the
//! quantity, and a commitment is Delivered with less only with a reason
//! in that step; the check agrees with the workflow.

use chrono::Days;
use coalition_desk::model::{Commitment, CommitmentStatus, Delivery, Quantity, Record};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{FUND, fund, with_fund};
use crate::common::date;

#[derive(Clone, Debug)]
enum Step {
    /// A payment in cents, possibly more than is left.
    Pay(i64),
    /// A quantity delivered, possibly with a payment.
    Deliver(u32, i64),
    /// A move to the status at this index of `CommitmentStatus::ALL`,
    /// with a note or without.
    Move(usize, bool),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0i64..=20_000_000_000).prop_map(Step::Pay),
        (0u32..=60, 0i64..=20_000_000_000).prop_map(|(q, c)| Step::Deliver(q, c)),
        (0usize..6, any::<bool>()).prop_map(|(s, n)| Step::Move(s, n)),
    ]
}

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

/// The step to Delivered the commitment is at, if any, says why.
fn reason_given(c: &Commitment) -> bool {
    c.history
        .iter()
        .rev()
        .find(|s| s.status == CommitmentStatus::Delivered)
        .is_some_and(|s| !s.note.trim().is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn paid_never_exceeds_the_value_and_delivered_with_less_says_why(
        value_cents in 1i64..=100_000_000_000,
        quantity in proptest::option::of(1u32..=100),
        steps in proptest::collection::vec(step(), 1..25),
    ) {
        let mut c = fund();
        if let Some(value) = c.value.as_mut() {
            value.amount = cents(value_cents);
        }
        c.quantity = quantity.map(|q| Quantity { amount: Decimal::from(q), unit: "systems".into() });
        let mut day = date(2025, 4, 11);
        for (n, step) in steps.into_iter().enumerate() {
            day = day + Days::new(1);
            let _ = match step {
                Step::Pay(paid) => c.record_delivery(Delivery {
                    date: day,
                    paid: cents(paid),
                    ..Delivery::default()
                }),
                Step::Deliver(amount, paid) => c.record_delivery(Delivery {
                    date: day,
                    amount: Decimal::from(amount),
                    paid: cents(paid),
                    ..Delivery::default()
                }),
                Step::Move(to, with_note) => c.move_status(coalition_desk::model::StatusMove {
                    to: CommitmentStatus::ALL[to],
                    date: day,
                    note: if with_note { format!("Reason {n}") } else { String::new() },
                    meeting: None,
                }, chrono::NaiveDate::MAX),
            };
            let value = c.value.as_ref().unwrap().amount;
            prop_assert!(c.paid_so_far() <= value, "paid {} of {}", c.paid_so_far(), value);
            if let Some(q) = &c.quantity {
                prop_assert!(c.delivered_so_far() <= q.amount);
            }
            if c.status == CommitmentStatus::Delivered && !c.is_delivered_in_full() {
                prop_assert!(reason_given(&c), "{:?}", c.history);
            }
            prop_assert!(c.deliveries.iter().all(|d| d.paid >= Decimal::ZERO && d.amount >= Decimal::ZERO));
            prop_assert_eq!(c.history.last().map(|h| h.status), Some(c.status));
        }
        // The check finds nothing about money or a short delivery that the
        // workflow let through.
        let mut r = with_fund();
        r.commitments.insert(FUND, c);
        let about_money: Vec<String> = r
            .validate(day)
            .into_iter()
            .filter(|p| p.record == Some(Record::Commitment(FUND)))
            .map(|p| p.message)
            .filter(|m| m.contains("paid") || m.contains("delivered, more") || m.contains("Delivered with"))
            .collect();
        prop_assert!(about_money.is_empty(), "{:?}", about_money);
    }
}
