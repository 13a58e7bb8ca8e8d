//! The generated commitments: pledged at a meeting, then climbing the
//! status ladder a random number of steps, a few withdrawn.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, MeetingId, Money, ParticipantId, Quantity, Route,
};

use super::Making;
use super::vocabulary::{CURRENCIES, UNITS};

pub(super) fn commitments(
    making: &mut Making,
    count: usize,
    participants: &[ParticipantId],
    meeting_ids: &[(MeetingId, NaiveDate)],
) {
    let Making {
        register,
        dice,
        ids,
        start,
    } = making;
    let areas = register.capability_areas.clone();
    for n in 0..count {
        let cid = CommitmentId(ids.next());
        let participant = dice.pick(participants).copied().unwrap_or_default();
        let announced = dice.pick(meeting_ids).copied();
        let announced_on = announced.map(|(_, date)| date).unwrap_or(*start);
        let mut commitment = Commitment {
            participant,
            announced_at: announced.map(|(mid, _)| mid),
            title: format!("Contribution {n}"),
            description: "Generated commitment for load testing.".into(),
            area: dice.pick(&areas).cloned().unwrap_or_default(),
            route: if dice.chance(50) {
                Route::StrengtheningUkrainianCapacity
            } else {
                Route::DirectContribution
            },
            quantity: dice.chance(60).then(|| Quantity {
                amount: Decimal::from(1 + dice.below(500) as u64),
                unit: dice.pick(&UNITS).copied().unwrap_or("systems").into(),
            }),
            value: dice.chance(50).then(|| Money {
                amount: Decimal::new(100_000 + dice.below(50_000_000) as i64 * 100, 2),
                currency: dice.pick(&CURRENCIES).copied().unwrap_or("EUR").into(),
            }),
            conditions: if dice.chance(20) {
                "Once a ceasefire holds".into()
            } else {
                String::new()
            },
            due: Some(announced_on + Days::new(90 + dice.below(700) as u64)),
            marking: if dice.chance(10) {
                "OFFICIAL-SENSITIVE".into()
            } else {
                "OFFICIAL".into()
            },
            ..Commitment::default()
        };
        let steps = 1 + dice.below(5);
        let ladder = [
            CommitmentStatus::Pledged,
            CommitmentStatus::Committed,
            CommitmentStatus::InDelivery,
            CommitmentStatus::Delivered,
        ];
        let mut on = announced_on;
        for status in ladder.iter().take(steps.min(ladder.len())) {
            commitment.change_status(*status, on, "Recorded", None);
            on = on + Days::new(30 + dice.below(120) as u64);
        }
        if dice.chance(3) {
            commitment.change_status(CommitmentStatus::Withdrawn, on, "Withdrawn", None);
        }
        register.commitments.insert(cid, commitment);
    }
}
