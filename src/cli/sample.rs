//! `sample` and `generate`: registers written from nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::storage::WrittenFrom;
use crate::{generate, sample, storage};

use super::Now;

/// `sample -o OUT [--force]`.
#[derive(clap::Args)]
pub struct Arguments {
    #[arg(short, long)]
    output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

impl Arguments {
    /// Writes the sample register.
    pub fn run(self, _now: &Now) -> anyhow::Result<ExitCode> {
        write_sample(&self.output, self.force)
    }
}

/// `generate --meetings N --commitments N --seed N -o OUT [--force]`.
#[derive(clap::Args)]
pub struct GenerateArguments {
    #[arg(long, default_value_t = 200, value_parser = super::arguments::count)]
    meetings: usize,
    #[arg(long, default_value_t = 5000, value_parser = super::arguments::count)]
    commitments: usize,
    #[arg(long, default_value_t = 1, value_parser = super::arguments::seed)]
    seed: u64,
    #[arg(short, long)]
    output: PathBuf,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

impl GenerateArguments {
    /// Writes the generated register, standing on today.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let options = generate::GenerateOptions {
            meetings: self.meetings,
            commitments: self.commitments,
            seed: self.seed,
        };
        write_generated(options, now.today(), &self.output, self.force)
    }
}

/// Writes the sample register to `output`: only its owner's when it holds
/// anything marked above its lowest level (it does: an OFFICIAL-SENSITIVE
/// record), and never over a register, even with `force`.
pub fn write_sample(output: &Path, force: bool) -> anyhow::Result<ExitCode> {
    super::refuse_to_replace(output, force)?;
    let register = sample::register()?;
    let from = WrittenFrom {
        registers: Vec::new(),
        owner_only: register.marked_above_lowest(&register.marked_records()),
    };
    super::write_named("the sample", output, sample::SAMPLE_RON.as_bytes(), &from)?;
    say!("Wrote the sample register to {}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes a generated register of the size `options` asks for, standing
/// on `today`: sessions before it held, after it planned, and nothing else
/// dated after it, so `check` accepts the file today.
pub fn write_generated(
    options: generate::GenerateOptions,
    today: NaiveDate,
    output: &Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    super::refuse_to_replace(output, force)?;
    let register = generate::register_on(options, today);
    // Made from no register, and standing in for a real one (whose records
    // are marked): its owner's alone, whatever the file it replaces was.
    let from = WrittenFrom {
        registers: Vec::new(),
        owner_only: true,
    };
    storage::save_from(
        output,
        &register,
        storage::Overwrite::Anything,
        storage::Backup::Keep,
        from,
    )?;
    say!("Wrote {} to {}", register.counts(), output.display());
    Ok(ExitCode::SUCCESS)
}
