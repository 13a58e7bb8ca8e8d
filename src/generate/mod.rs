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
/// the die, the id counter and the day the generated history starts.
struct Making {
    register: Register,
    dice: Dice,
    ids: Ids,
    start: NaiveDate,
}

/// Makes a register that passes validation: about 60 participants, about
/// 400 people whose roles change over time, four series over ten years,
/// the meetings with full attendance and agendas, and the commitments
/// with status histories.
pub fn register(options: GenerateOptions) -> Register {
    let mut making = Making {
        register: Register::new(format!(
            "Generated coalition ({} meetings, {} commitments, seed {})",
            options.meetings, options.commitments, options.seed
        )),
        dice: Dice(options.seed),
        ids: Ids(1),
        start: NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default(),
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
    making.register
}
