//! A deterministic, realistic register of any size, for stress tests and
//! benchmarks: the same arguments give the same file on every machine.
//!
//! The parts are made in a fixed order (participants, their office
//! holders, series, meetings, commitments) from one die and one id
//! counter, so that order is part of what a seed means: changing it
//! changes every generated file.

mod commitments;
mod dice;
mod meetings;
mod participants;
mod vocabulary;

use chrono::NaiveDate;

use crate::model::Register;

use dice::Dice;

/// How large a register to make.
#[derive(Clone, Copy, Debug)]
pub struct GenerateOptions {
    pub meetings: usize,
    pub commitments: usize,
    pub seed: u64,
}

/// Hands out record ids in order, as the register itself would.
struct Ids(u64);

impl Ids {
    fn next(&mut self) -> u64 {
        let value = self.0;
        self.0 += 1;
        value
    }
}

/// What every part of the generator draws on: the register being filled,
/// the die, the id counter, the day the generated history starts and the
/// day it stands on ("now").
struct Making {
    register: Register,
    dice: Dice,
    ids: Ids,
    start: NaiveDate,
    /// Nothing is dated after it but planned meetings: no meeting held, no
    /// status step, no delivery. So `check` accepts the register on that
    /// day and on every day after it.
    now: NaiveDate,
}

/// How many days of held sessions come before "now": about nine and a
/// half years, the rest of the ten years' meetings being planned.
const HELD_DAYS: u64 = 3439;

/// The day [`register`] stands on: 1 June 2025, so that a seed gives the
/// same register on every machine and every day.
pub fn fixed_now() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default()
}

/// [`register_on`] the fixed day [`fixed_now`]: the same arguments give
/// the same register whenever it is made.
pub fn register(options: GenerateOptions) -> Register {
    register_on(options, fixed_now())
}

/// Makes a register that passes validation on `now` and every day after:
/// about 60 participants, about 400 people whose roles change over time,
/// four series over ten years (held before `now`, planned after it), the
/// meetings with full attendance and agendas, and the commitments with
/// status histories, deliveries and payments in tranches, none dated
/// after `now`.
pub fn register_on(options: GenerateOptions, now: NaiveDate) -> Register {
    let mut making = Making {
        register: Register::new(format!(
            "Generated coalition ({} meetings, {} commitments, seed {})",
            options.meetings, options.commitments, options.seed
        )),
        dice: Dice(options.seed),
        ids: Ids(1),
        start: now
            .checked_sub_days(chrono::Days::new(HELD_DAYS))
            .unwrap_or(now),
        now,
    };
    let participants = participants::participants(&mut making);
    let holders = participants::office_holders(&mut making, &participants);
    let series = meetings::series(&mut making, &participants);
    let meetings = meetings::meetings(
        &mut making,
        options.meetings,
        &participants,
        &holders,
        &series,
    );
    commitments::commitments(&mut making, options.commitments, &participants, &meetings);
    making.register.next_id = making.ids.0;
    // Drawn last, so that the records a seed makes stay as they were.
    making.register.identity = making.dice.identity();
    making.register
}
