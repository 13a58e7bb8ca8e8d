//! The summary's commitments: those announced at the meeting, in the
//! order of their participants' names, with the firm totals and the money
//! pledged, firm and paid per currency.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::ReportError;
use super::format::{money, quantity};
use crate::model::amounts::money_in;
use crate::model::totals::add_to;
use crate::model::{Commitment, CommitmentId, MeetingId, ParticipantId, Register};

/// A commitment as the summary holds it: its id and the record.
pub(super) type Announced<'r> = (&'r CommitmentId, &'r Commitment);

/// A commitment announced at the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitmentLine {
    pub participant: String,
    pub title: String,
    pub area: String,
    pub route: String,
    /// "200 instructors", "EUR 250,000,000.00", both joined by "; ", or empty.
    pub amount: String,
    pub status: String,
    /// Counts in the firm totals (committed and beyond).
    pub firm: bool,
}

/// The sum of firm commitments in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CurrencyTotal {
    pub currency: String,
    /// Exact; serialised as a string.
    pub amount: Decimal,
    /// "EUR 250,000,000.00", for the page.
    pub text: String,
}

/// Pledged, firm and paid in one currency, over the commitments the
/// summary prints.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyLine {
    pub currency: String,
    /// "EUR 500,000,000.00": every pledge not withdrawn, firm or not.
    pub pledged: String,
    /// Committed and beyond.
    pub firm: String,
    /// Paid out so far.
    pub paid: String,
}

/// The commitments announced at meeting `id`, by participant name, then
/// title, then id.
pub(super) fn announced_at(register: &Register, id: MeetingId) -> Vec<Announced<'_>> {
    let order = register.participants_by_name();
    let rank = |p: ParticipantId| order.iter().position(|&o| o == p).unwrap_or(order.len());
    let mut announced: Vec<_> = register
        .commitments
        .iter()
        .filter(|(_, c)| c.announced_at == Some(id))
        .collect();
    announced.sort_by_key(|(cid, c)| (rank(c.participant), c.title.to_lowercase(), **cid));
    announced
}

/// One line per commitment, as printed.
pub(super) fn commitment_lines(
    register: &Register,
    announced: &[Announced<'_>],
) -> Vec<CommitmentLine> {
    announced
        .iter()
        .map(|(_, c)| CommitmentLine {
            participant: register.participant_name(c.participant),
            title: c.title.clone(),
            area: c.area.clone(),
            route: c.route.label().into(),
            amount: [
                c.quantity.as_ref().map(quantity),
                c.value.as_ref().map(money),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("; "),
            status: c.status.label().into(),
            firm: c.status.is_firm(),
        })
        .collect()
}

/// The sum of the firm commitments per currency, refused when a sum
/// would be too large to hold.
pub(super) fn firm_totals(announced: &[Announced<'_>]) -> Result<Vec<CurrencyTotal>, ReportError> {
    let mut totals: BTreeMap<String, Decimal> = BTreeMap::new();
    for (_, commitment) in announced {
        if let Some(value) = &commitment.value
            && commitment.status.is_firm()
        {
            add_to(
                totals.entry(value.currency.clone()).or_default(),
                value.amount,
            )?;
        }
    }
    Ok(totals
        .into_iter()
        .map(|(currency, amount)| CurrencyTotal {
            text: money_in(&currency, amount),
            currency,
            amount,
        })
        .collect())
}

/// Pledged, firm and paid per currency.
pub(super) fn money_lines<'a>(
    commitments: impl IntoIterator<Item = &'a crate::model::Commitment>,
) -> Result<Vec<MoneyLine>, ReportError> {
    Ok(crate::model::money_totals(commitments)?
        .into_iter()
        .map(|(currency, totals)| MoneyLine {
            pledged: money_in(&currency, totals.pledged),
            firm: money_in(&currency, totals.firm),
            paid: money_in(&currency, totals.paid),
            currency,
        })
        .collect())
}
