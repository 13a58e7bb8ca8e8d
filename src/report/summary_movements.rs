//! What happened at a meeting to commitments announced before it: a
//! status moved up (or down) the ladder, or a delivery was reported. A
//! record that listed only the commitments announced at the meeting left
//! out most of what a delivery-tracking session is for.

use serde::Serialize;

use super::format::long_date;
use crate::model::amounts::{money_in, quantity_of};
use crate::model::{Commitment, CommitmentId, MeetingId, ParticipantId, Register};

/// A commitment announced elsewhere that moved or reported a delivery at
/// the meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MovementLine {
    pub participant: String,
    pub title: String,
    /// Each status step recorded at the meeting, from the status before
    /// it: "Pledged → Committed", with its note after a colon.
    pub moves: Vec<String>,
    /// Each delivery reported at the meeting: "50 instructors delivered on
    /// 1 June 2025" or "EUR 120,000,000.00 paid on 1 June 2025", with its
    /// note after a colon.
    pub deliveries: Vec<String>,
}

/// The commitments not announced at meeting `id` with a status step or a
/// delivery recorded at it, in the order the announced ones are printed:
/// by participant name, then title.
pub fn moved_at(register: &Register, id: MeetingId) -> Vec<(&CommitmentId, &Commitment)> {
    let order = register.participants_by_name();
    let rank = |p: ParticipantId| order.iter().position(|&o| o == p).unwrap_or(order.len());
    let mut moved: Vec<_> = register
        .commitments
        .iter()
        .filter(|(_, c)| c.announced_at != Some(id))
        .filter(|(_, c)| {
            c.history.iter().any(|step| step.meeting == Some(id))
                || c.deliveries.iter().any(|d| d.meeting == Some(id))
        })
        .collect();
    moved.sort_by_key(|(cid, c)| (rank(c.participant), c.title.to_lowercase(), **cid));
    moved
}

/// The printed line of each commitment `moved_at` meeting `id` found.
pub fn movement_lines(
    register: &Register,
    id: MeetingId,
    moved: &[(&CommitmentId, &Commitment)],
) -> Vec<MovementLine> {
    moved
        .iter()
        .map(|(_, c)| MovementLine {
            participant: register.participant_name(c.participant),
            title: c.title.clone(),
            moves: moves_at(c, id),
            deliveries: deliveries_at(c, id),
        })
        .collect()
}

fn with_note(words: String, note: &str) -> String {
    if note.trim().is_empty() {
        words
    } else {
        format!("{words}: {}", note.trim())
    }
}

fn moves_at(commitment: &Commitment, id: MeetingId) -> Vec<String> {
    let mut before: Option<crate::model::CommitmentStatus> = None;
    let mut moves = Vec::new();
    for step in &commitment.history {
        if step.meeting == Some(id) {
            let words = match before {
                Some(from) if from != step.status => {
                    format!("{} → {}", from.label(), step.status.label())
                }
                _ => step.status.label().to_string(),
            };
            moves.push(with_note(words, &step.note));
        }
        before = Some(step.status);
    }
    moves
}

fn deliveries_at(commitment: &Commitment, id: MeetingId) -> Vec<String> {
    let unit = commitment
        .quantity
        .as_ref()
        .map(|q| q.unit.as_str())
        .unwrap_or_default();
    let currency = commitment
        .value
        .as_ref()
        .map(|v| v.currency.as_str())
        .unwrap_or_default();
    commitment
        .deliveries
        .iter()
        .filter(|d| d.meeting == Some(id))
        .map(|d| {
            // A delivery records a quantity, a payment, or both.
            let mut what = Vec::new();
            if !d.amount.is_zero() {
                what.push(format!("{} delivered", quantity_of(d.amount, unit)));
            }
            if !d.paid.is_zero() {
                what.push(format!("{} paid", money_in(currency, d.paid)));
            }
            let words = format!("{} on {}", what.join(" and "), long_date(d.date));
            with_note(words, &d.note)
        })
        .collect()
}
