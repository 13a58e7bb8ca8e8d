//! The money of the since-last-session report: pledged, firm and paid per
//! currency as the register stood at the previous session and at this
//! one, over the commitments the edition prints, with the difference.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::ReportError;
use super::edition::Edition;
use crate::model::amounts::money_in;
use crate::model::totals::add_to;
use crate::model::{MoneyTotals, Record, Register};

/// Pledged, firm or paid in one currency at both sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyChange {
    pub currency: String,
    /// "Pledged", "Firm", "Paid".
    pub measure: String,
    pub before: String,
    pub now: String,
    /// "+EUR 120,000,000.00", "EUR 0.00" or "−EUR 5.00".
    pub difference: String,
}

/// Pledged, firm and paid per currency as the register stood on `from`
/// (nothing before the first session) and on `to`, over the commitments
/// the edition prints, with the difference.
pub(super) fn money_changes(
    register: &Register,
    from: Option<NaiveDate>,
    to: NaiveDate,
    edition: &mut Edition<'_>,
    includes: &mut Vec<Record>,
) -> Result<Vec<MoneyChange>, ReportError> {
    let valued: Vec<_> = register
        .commitments
        .iter()
        .filter(|(_, c)| c.value.is_some() && c.status_on(to).is_some())
        .collect();
    let kept = edition.keep(valued.into_iter().map(|c| (c, c.1.marking.as_str())));
    includes.extend(kept.iter().map(|(id, _)| Record::Commitment(**id)));
    let mut before: BTreeMap<String, MoneyTotals> = BTreeMap::new();
    let mut now: BTreeMap<String, MoneyTotals> = BTreeMap::new();
    for (_, commitment) in &kept {
        let Some(value) = &commitment.value else {
            continue;
        };
        for (day, totals) in from
            .map(|f| (f, &mut before))
            .into_iter()
            .chain([(to, &mut now)])
        {
            let Some(status) = commitment.status_on(day) else {
                continue;
            };
            let entry = totals.entry(value.currency.clone()).or_default();
            if status.is_firm() || status == crate::model::CommitmentStatus::Pledged {
                add_to(&mut entry.pledged, value.amount)?;
            }
            if status.is_firm() {
                add_to(&mut entry.firm, value.amount)?;
            }
            for delivery in commitment.deliveries.iter().filter(|d| d.date <= day) {
                add_to(&mut entry.paid, delivery.paid)?;
            }
        }
    }
    let currencies: BTreeSet<&String> = before.keys().chain(now.keys()).collect();
    let mut lines = Vec::new();
    for currency in currencies {
        let was = before.get(currency).copied().unwrap_or_default();
        let is = now.get(currency).copied().unwrap_or_default();
        for (measure, a, b) in [
            ("Pledged", was.pledged, is.pledged),
            ("Firm", was.firm, is.firm),
            ("Paid", was.paid, is.paid),
        ] {
            lines.push(MoneyChange {
                currency: currency.clone(),
                measure: measure.into(),
                before: money_in(currency, a),
                now: money_in(currency, b),
                difference: difference(currency, a, b)?,
            });
        }
    }
    Ok(lines)
}

/// "+EUR 5.00", "EUR 0.00", "−EUR 5.00".
fn difference(currency: &str, before: Decimal, now: Decimal) -> Result<String, ReportError> {
    let change = now
        .checked_sub(before)
        .ok_or(crate::model::totals::TotalTooLarge)?;
    Ok(if change.is_sign_negative() && !change.is_zero() {
        format!("\u{2212}{}", money_in(currency, change.abs()))
    } else if change.is_zero() {
        money_in(currency, change)
    } else {
        format!("+{}", money_in(currency, change))
    })
}
