//! The checks of one commitment: its references, its amounts and its
//! status history against the workflow's rules (its deliveries are
//! checked in `delivery_problems.rs`).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::currencies::is_iso_4217;
use super::validation::OnProblem;
use super::{Commitment, CommitmentId, Field, KnownAs, Record, Register};

impl Register {
    pub(super) fn commitment_problems(
        &self,
        id: CommitmentId,
        commitment: &Commitment,
        today: NaiveDate,
        report: &mut impl OnProblem,
    ) {
        let record = Some(Record::Commitment(id));
        let label = self.named(Record::Commitment(id));
        let participant = self.participant(commitment.participant);
        if commitment.title.trim().is_empty() {
            report(
                record,
                Some(Field::Title),
                match participant {
                    Some(_) => format!(
                        "A commitment of {} has no title",
                        self.mentioned(Record::Participant(commitment.participant))
                    ),
                    None => "A commitment has no title".to_string(),
                },
            );
        }
        if participant.is_none() {
            report(
                record,
                Some(Field::Participant),
                format!("{label} is made by a participant that is not in the register"),
            );
        }
        if let Some(meeting) = commitment.announced_at
            && self.meeting(meeting).is_none()
        {
            report(
                record,
                Some(Field::AnnouncedAt),
                format!("{label} was announced at a meeting that is not in the register"),
            );
        }
        // With no areas at all, that one problem says it for every record.
        if !self.capability_areas.is_empty() && !self.capability_areas.contains(&commitment.area) {
            report(
                record,
                Some(Field::Area),
                format!(
                    "{label} has capability area \"{}\", which is not in the register's list",
                    commitment.area
                ),
            );
        }
        self.check_marking(label, &commitment.marking, record, report);
        self.check_deliveries(label, commitment, today, &mut |field, m| {
            report(record, Some(field), m)
        });
        check_value(label, commitment, &mut |m| {
            report(record, Some(Field::Value), m)
        });
        self.check_history(label, commitment, today, &mut |m| {
            report(record, Some(Field::History), m)
        });
    }

    /// The dated history: present, in date order, not in the future,
    /// ending at the current status, every step back explained.
    fn check_history(
        &self,
        label: KnownAs<'_>,
        commitment: &Commitment,
        today: NaiveDate,
        report: &mut impl FnMut(String),
    ) {
        let Some(last) = commitment.history.last() else {
            report(format!(
                "{label} has no status history: the history records when it became {}",
                commitment.status.label()
            ));
            return;
        };
        if last.status != commitment.status {
            report(format!(
                "{label} is {} but its history ends with {}",
                commitment.status.label(),
                last.status.label()
            ));
        }
        if commitment
            .history
            .windows(2)
            .any(|w| matches!(w, [a, b] if b.date < a.date))
        {
            report(format!("{label} has a status history out of date order"));
        }
        for pair in commitment.history.windows(2) {
            if let [before, step] = pair
                && before.status.is_backwards(step.status)
                && step.note.trim().is_empty()
            {
                report(format!(
                    "{label} moved back from {} to {} on {} without a reason: write why in the note of that step",
                    before.status.label(),
                    step.status.label(),
                    step.date
                ));
            }
        }
        for change in &commitment.history {
            if let Some(meeting) = change.meeting
                && self.meeting(meeting).is_none()
            {
                report(format!(
                    "{label}'s history refers to a meeting that is not in the register"
                ));
            }
            if change.date > today {
                report(format!(
                    "{label} became {} on {}, which is after today",
                    change.status.label(),
                    change.date
                ));
            }
        }
    }
}

/// The money value: not negative, in a currency ISO 4217 knows.
fn check_value(label: KnownAs<'_>, commitment: &Commitment, report: &mut impl FnMut(String)) {
    let Some(value) = &commitment.value else {
        return;
    };
    if value.amount <= Decimal::ZERO {
        report(format!(
            "{label} has a value of {} {}: a value must be more than zero",
            value.amount, value.currency
        ));
    }
    let currency = value.currency.as_str();
    if currency.trim().is_empty() {
        report(format!(
            "{label} has a value of {} but no currency: write its ISO 4217 code, such as EUR",
            value.amount
        ));
    } else if !is_iso_4217(currency) {
        let capitals = currency.trim().to_ascii_uppercase();
        let hint = if is_iso_4217(&capitals) {
            format!("write it in capitals, {capitals}")
        } else {
            "use a three-letter ISO 4217 code such as EUR, GBP or USD".to_string()
        };
        report(format!(
            "{label} has currency \"{currency}\", which is not an ISO 4217 code: {hint}"
        ));
    }
}
