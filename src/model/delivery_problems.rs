//! The checks of a commitment's deliveries and payments, against its
//! quantity, its value and the ladder: only a firm commitment is
//! delivered, the first delivery makes it In delivery, nothing is
//! delivered or paid beyond what was committed, and Delivered with less
//! says why.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::currencies::is_iso_4217;
use super::{Commitment, CommitmentStatus, Field, KnownAs, Register, amounts};

impl Register {
    pub(super) fn check_deliveries(
        &self,
        label: KnownAs<'_>,
        commitment: &Commitment,
        today: NaiveDate,
        report: &mut impl FnMut(Field, String),
    ) {
        if let Some(quantity) = &commitment.quantity
            && quantity.amount <= Decimal::ZERO
        {
            report(
                Field::Quantity,
                format!(
                    "{label} has a quantity of {}: a quantity must be more than zero",
                    quantity.amount
                ),
            );
        }
        // A register typed by hand before payments existed counted money
        // as a quantity in a currency; it reads truthfully as a value.
        if let Some(quantity) = &commitment.quantity
            && is_iso_4217(quantity.unit.trim())
        {
            report(
                Field::Quantity,
                format!(
                    "{label} counts its quantity in {}, a currency: give the money as its value, and record what is paid as payments",
                    quantity.unit.trim()
                ),
            );
        }
        self.each_delivery_problems(label, commitment, today, report);
        if commitment.deliveries.is_empty() {
            // A Delivered commitment without deliveries was written before
            // partial deliveries were recorded: nothing to compare.
            return;
        }
        Self::ladder_and_total_problems(label, commitment, report);
    }

    /// Each delivery or payment: more than zero, at a meeting in the
    /// register, not after today.
    fn each_delivery_problems(
        &self,
        label: KnownAs<'_>,
        commitment: &Commitment,
        today: NaiveDate,
        report: &mut impl FnMut(Field, String),
    ) {
        for delivery in &commitment.deliveries {
            let negative = |d: Decimal| d.is_sign_negative() && !d.is_zero();
            if negative(delivery.paid) {
                report(
                    Field::Deliveries,
                    format!(
                        "{label} has a payment of {} on {}: a payment must be more than zero",
                        delivery.paid, delivery.date
                    ),
                );
            }
            if negative(delivery.amount) || (delivery.amount.is_zero() && delivery.paid.is_zero()) {
                report(
                    Field::Deliveries,
                    format!(
                        "{label} has a delivery of {} on {}: a delivery must be more than zero",
                        delivery.amount, delivery.date
                    ),
                );
            }
            if let Some(meeting) = delivery.meeting
                && self.meeting(meeting).is_none()
            {
                report(
                    Field::Deliveries,
                    format!(
                        "{label}'s delivery of {} was reported at a meeting that is not in the register",
                        delivery.date
                    ),
                );
            }
            if delivery.date > today {
                report(
                    Field::Deliveries,
                    format!(
                        "{label} records a delivery on {}, which is after today",
                        delivery.date
                    ),
                );
            }
        }
    }

    /// The deliveries against the ladder and the commitment: only a firm
    /// one is delivered, never more than committed, Delivered with less
    /// says why.
    fn ladder_and_total_problems(
        label: KnownAs<'_>,
        commitment: &Commitment,
        report: &mut impl FnMut(Field, String),
    ) {
        let status = commitment.status;
        if matches!(
            status,
            CommitmentStatus::Proposed | CommitmentStatus::Pledged | CommitmentStatus::Committed
        ) {
            let rule = if status == CommitmentStatus::Committed {
                "the first delivery makes it In delivery"
            } else {
                "only a firm (Committed) commitment is delivered, and the first delivery makes it In delivery"
            };
            report(
                Field::History,
                format!(
                    "{label} records deliveries but is {}: {rule}",
                    status.label()
                ),
            );
        }
        if let Err(too_large) = commitment
            .delivered_checked()
            .and(commitment.paid_checked())
        {
            report(
                Field::Deliveries,
                format!("{label}'s deliveries cannot be added up. {too_large}"),
            );
        }
        let delivered = commitment.delivered_so_far();
        let any_quantity = commitment.deliveries.iter().any(|d| !d.amount.is_zero());
        match &commitment.quantity {
            None if any_quantity => report(
                Field::Quantity,
                format!("{label} records deliveries but has no quantity"),
            ),
            Some(q) if delivered > q.amount => report(
                Field::Deliveries,
                format!(
                    "{label} has {delivered} delivered, more than the {} {} committed",
                    q.amount, q.unit
                ),
            ),
            _ => {}
        }
        let paid = commitment.paid_so_far();
        let any_payment = commitment.deliveries.iter().any(|d| !d.paid.is_zero());
        match &commitment.value {
            None if any_payment => report(
                Field::Value,
                format!(
                    "{label} records payments but has no value: give it the value and currency they were paid against"
                ),
            ),
            Some(value) if paid > value.amount => report(
                Field::Deliveries,
                format!(
                    "{label} has {} paid, more than the {} committed",
                    amounts::money_in(&value.currency, paid),
                    amounts::money(value)
                ),
            ),
            _ => {}
        }
        let reason_given = commitment
            .history
            .iter()
            .rev()
            .find(|step| step.status == CommitmentStatus::Delivered)
            .is_some_and(|step| !step.note.trim().is_empty());
        if status == CommitmentStatus::Delivered
            && !commitment.is_delivered_in_full()
            && !reason_given
        {
            report(
                Field::History,
                format!(
                    "{label} is Delivered with {}: write the reason (an agreed reduction) in the note of the step to Delivered",
                    commitment.progress().join(" and ")
                ),
            );
        }
    }
}
