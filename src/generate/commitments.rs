//! The generated commitments: pledged at a meeting already held, then
//! climbing the status ladder a random number of steps, delivered or paid
//! in tranches through the workflow's own rules, a few withdrawn. Nothing
//! is dated after the day the register stands on.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, Delivery, MeetingId, Money, ParticipantId,
    Quantity, Route,
};

use super::Making;
use super::dice::Dice;
use super::vocabulary::{CURRENCIES, UNITS};

pub(super) fn commitments(
    making: &mut Making,
    count: usize,
    participants: &[ParticipantId],
    meeting_ids: &[(MeetingId, NaiveDate)],
) {
    let (now, start) = (making.now, making.start);
    let Making {
        register,
        dice,
        ids,
        ..
    } = making;
    let areas = register.capability_areas.clone();
    // A pledge is announced at a session already held: one announced at a
    // planned session would be dated after today.
    let held: Vec<(MeetingId, NaiveDate)> = meeting_ids
        .iter()
        .copied()
        .filter(|(_, date)| *date < now)
        .collect();
    for n in 0..count {
        let cid = CommitmentId(ids.next());
        let participant = dice.pick(participants).copied().unwrap_or_default();
        let announced = dice.pick(&held).copied();
        let announced_on = announced.map(|(_, date)| date).unwrap_or(start);
        // Most pledges are money alone; some count what is sent, some both.
        let (has_quantity, has_value) = match dice.below(10) {
            0..=3 => (false, true),
            4..=6 => (true, false),
            7 | 8 => (true, true),
            _ => (false, false),
        };
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
            quantity: has_quantity.then(|| Quantity {
                amount: Decimal::from(1 + dice.below(500) as u64),
                unit: dice.pick(&UNITS).copied().unwrap_or("systems").into(),
            }),
            value: has_value.then(|| Money {
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
        let mut on = announced_on;
        commitment.change_status(CommitmentStatus::Pledged, on, "Recorded", None);
        on = later(dice, on);
        if steps >= 2 && on <= now {
            commitment.change_status(CommitmentStatus::Committed, on, "Recorded", None);
            on = later(dice, on);
            if steps >= 3 {
                on = deliver(dice, &mut commitment, on, now, steps >= 4);
            }
        }
        if dice.chance(3) && on <= now {
            commitment.change_status(CommitmentStatus::Withdrawn, on, "Withdrawn", None);
        }
        register.commitments.insert(cid, commitment);
    }
}

/// A step some weeks after `on`.
fn later(dice: &mut Dice, on: NaiveDate) -> NaiveDate {
    on + Days::new(30 + dice.below(120) as u64)
}

/// Delivers a committed commitment in tranches from `on`, through the
/// workflow (which moves it to In delivery, then Delivered once `whole`
/// is delivered), stopping at `now`. One with nothing to count is moved
/// by status alone. Returns the day after the last step.
fn deliver(
    dice: &mut Dice,
    commitment: &mut Commitment,
    mut on: NaiveDate,
    now: NaiveDate,
    whole: bool,
) -> NaiveDate {
    if commitment.quantity.is_none() && commitment.value.is_none() {
        for status in [CommitmentStatus::InDelivery, CommitmentStatus::Delivered]
            .into_iter()
            .take(if whole { 2 } else { 1 })
        {
            if on > now {
                break;
            }
            commitment.change_status(status, on, "Recorded", None);
            on = later(dice, on);
        }
        return on;
    }
    let tranches = 2 + dice.below(3) as i64;
    // Short of the whole, one tranche is still to come.
    let made = if whole { tranches } else { tranches - 1 };
    let quantity = commitment.quantity.as_ref().map(|q| q.amount);
    let value = commitment.value.as_ref().map(|v| v.amount);
    for tranche in 0..made {
        if on > now {
            break;
        }
        let last = tranche == tranches - 1;
        let delivery = Delivery {
            date: on,
            // Whole items; money to the cent.
            amount: quantity.map_or(Decimal::ZERO, |q| share(q, tranches, last, 0)),
            paid: value.map_or(Decimal::ZERO, |v| share(v, tranches, last, 2)),
            note: format!("Tranche {}", tranche + 1),
            meeting: None,
        };
        // A tranche of nothing (2 items in 3 tranches) is not a delivery.
        if !(delivery.amount.is_zero() && delivery.paid.is_zero())
            && commitment.record_delivery(delivery).is_err()
        {
            break;
        }
        on = on + Days::new(20 + dice.below(70) as u64);
    }
    on
}

/// One tranche of `whole` split in `tranches` (to `scale` places, rounded
/// down); the last takes what the others left, so together they make the
/// whole exactly.
fn share(whole: Decimal, tranches: i64, last: bool, scale: u32) -> Decimal {
    let part = (whole / Decimal::from(tranches)).trunc_with_scale(scale);
    if last {
        whole - part * Decimal::from(tranches - 1)
    } else {
        part
    }
}
