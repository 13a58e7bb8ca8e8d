//! How far a commitment has come: what was delivered of its quantity and
//! paid of its value, in the words the editor, the check and the documents
//! share ("EUR 120,000,000.00 of 400,000,000.00 paid (30 %)"), and the
//! money of many commitments per currency: pledged, firm and paid.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::totals::{TotalTooLarge, add_to, sum_of};
use super::{Commitment, CommitmentStatus, amounts};

impl Commitment {
    /// Quantity delivered so far (zero when nothing was delivered). A sum
    /// past the largest decimal reads as that largest one, more than any
    /// quantity, which `check` reports (see `delivered_checked`).
    pub fn delivered_so_far(&self) -> Decimal {
        self.delivered_checked().unwrap_or(Decimal::MAX)
    }

    /// Money paid so far, in the value's currency (zero when nothing was);
    /// held at the largest decimal when the sum would pass it, like
    /// [`Commitment::delivered_so_far`].
    pub fn paid_so_far(&self) -> Decimal {
        self.paid_checked().unwrap_or(Decimal::MAX)
    }

    /// Quantity delivered so far, or why it cannot be added up.
    pub fn delivered_checked(&self) -> Result<Decimal, TotalTooLarge> {
        sum_of(self.deliveries.iter().map(|d| d.amount))
    }

    /// Money paid so far, or why it cannot be added up.
    pub fn paid_checked(&self) -> Result<Decimal, TotalTooLarge> {
        sum_of(self.deliveries.iter().map(|d| d.paid))
    }

    /// Quantity still owed, if the commitment counts a quantity.
    pub fn outstanding(&self) -> Option<Decimal> {
        self.quantity
            .as_ref()
            .map(|q| (q.amount - self.delivered_so_far()).max(Decimal::ZERO))
    }

    /// Money still to be paid, if the commitment has a value.
    pub fn unpaid(&self) -> Option<Decimal> {
        self.value
            .as_ref()
            .map(|v| (v.amount - self.paid_so_far()).max(Decimal::ZERO))
    }

    /// Whether the whole quantity was delivered or the whole value paid,
    /// whichever the commitment has; one without either has nothing to
    /// fall short of.
    pub fn is_delivered_in_full(&self) -> bool {
        let quantity_done = self
            .quantity
            .as_ref()
            .map(|q| self.delivered_so_far() >= q.amount);
        let value_done = self.value.as_ref().map(|v| self.paid_so_far() >= v.amount);
        match (quantity_done, value_done) {
            (None, None) => true,
            (quantity, value) => quantity == Some(true) || value == Some(true),
        }
    }

    /// One line per measure the commitment has: "12 of 48 systems
    /// delivered", "EUR 120,000,000.00 of 400,000,000.00 paid (30 %)".
    pub fn progress(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(quantity) = &self.quantity {
            lines.push(format!(
                "{} of {} delivered",
                amounts::grouped(self.delivered_so_far()),
                amounts::quantity(quantity)
            ));
        }
        if let Some(value) = &self.value {
            let paid = self.paid_so_far();
            let mut of = value.amount;
            if of.scale() < 2 {
                of.rescale(2);
            }
            let mut line = format!(
                "{} of {} paid",
                amounts::money_in(&value.currency, paid),
                amounts::grouped(of)
            );
            if let Some(share) = percent(paid, value.amount) {
                line.push_str(&format!(" ({share} %)"));
            }
            lines.push(line);
        }
        lines
    }
}

/// The whole percent of `of` that `part` is, rounded down so that a value
/// not yet paid in full never reads "100 %"; `None` for a value of zero.
fn percent(part: Decimal, of: Decimal) -> Option<Decimal> {
    if of <= Decimal::ZERO {
        return None;
    }
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(of))
        .map(|p| p.trunc())
}

/// The money of some commitments in one currency. Never summed across
/// currencies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MoneyTotals {
    /// Every pledge not withdrawn, firm or not (proposals are not pledges).
    pub pledged: Decimal,
    /// Committed and beyond: the firm part of what was pledged.
    pub firm: Decimal,
    /// What was paid out against the values, whatever the status now.
    pub paid: Decimal,
}

impl MoneyTotals {
    /// Adds one commitment's money, as its status says, or says the
    /// totals would be too large to count.
    pub fn add(&mut self, commitment: &Commitment, amount: Decimal) -> Result<(), TotalTooLarge> {
        if commitment.status.is_firm() || commitment.status == CommitmentStatus::Pledged {
            add_to(&mut self.pledged, amount)?;
        }
        if commitment.status.is_firm() {
            add_to(&mut self.firm, amount)?;
        }
        add_to(&mut self.paid, commitment.paid_checked()?)
    }

    /// Adds another set of totals in the same currency.
    pub fn add_totals(&mut self, other: &MoneyTotals) -> Result<(), TotalTooLarge> {
        add_to(&mut self.pledged, other.pledged)?;
        add_to(&mut self.firm, other.firm)?;
        add_to(&mut self.paid, other.paid)
    }
}

/// Pledged, firm and paid per currency code, in code order, over the
/// commitments that have a value; or why they cannot be added up.
pub fn money_totals<'a>(
    commitments: impl IntoIterator<Item = &'a Commitment>,
) -> Result<BTreeMap<String, MoneyTotals>, TotalTooLarge> {
    let mut totals: BTreeMap<String, MoneyTotals> = BTreeMap::new();
    for commitment in commitments {
        if let Some(value) = &commitment.value {
            totals
                .entry(value.currency.clone())
                .or_default()
                .add(commitment, value.amount)?;
        }
    }
    Ok(totals)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Delivery, Money, Quantity};
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn paid(amount: &str) -> Delivery {
        Delivery {
            paid: d(amount),
            ..Delivery::default()
        }
    }

    #[test]
    fn progress_reads_as_the_officer_says_it() {
        let mut c = Commitment {
            quantity: Some(Quantity {
                amount: d("48"),
                unit: "systems".into(),
            }),
            value: Some(Money {
                amount: d("400000000"),
                currency: "EUR".into(),
            }),
            ..Commitment::default()
        };
        c.deliveries.push(Delivery {
            amount: d("12"),
            ..paid("120000000")
        });
        assert_eq!(
            c.progress(),
            [
                "12 of 48 systems delivered",
                "EUR 120,000,000.00 of 400,000,000.00 paid (30 %)"
            ]
        );
        c.deliveries.push(paid("279999999.99"));
        assert!(c.progress()[1].ends_with("(99 %)"), "{:?}", c.progress());
        assert!(!c.is_delivered_in_full());
        c.deliveries.push(paid("0.01"));
        assert!(c.is_delivered_in_full());
        assert_eq!(c.unpaid(), Some(Decimal::ZERO));
    }

    #[test]
    fn totals_keep_currencies_apart_and_count_pledged_firm_and_paid() {
        let money = |amount: &str, currency: &str| {
            Some(Money {
                amount: d(amount),
                currency: currency.into(),
            })
        };
        let with = |status, value| Commitment {
            status,
            value,
            ..Commitment::default()
        };
        let mut firm = with(CommitmentStatus::InDelivery, money("400", "EUR"));
        firm.deliveries.push(paid("120"));
        let list = [
            firm,
            with(CommitmentStatus::Pledged, money("100", "EUR")),
            with(CommitmentStatus::Proposed, money("7", "EUR")),
            with(CommitmentStatus::Withdrawn, money("9", "EUR")),
            with(CommitmentStatus::Committed, money("50", "GBP")),
        ];
        let totals = money_totals(&list).unwrap();
        assert_eq!(
            totals["EUR"],
            MoneyTotals {
                pledged: d("500"),
                firm: d("400"),
                paid: d("120"),
            }
        );
        assert_eq!(totals["GBP"].firm, d("50"));
        assert_eq!(totals.len(), 2);
    }
}
