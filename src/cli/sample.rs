//! `sample` and `generate`: registers written from nothing.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::{generate, sample, storage};

/// Writes the sample register to `output`.
pub fn write_sample(output: &Path, force: bool) -> anyhow::Result<ExitCode> {
    super::refuse_to_replace(output, force)?;
    super::write_output("the sample", output, sample::SAMPLE_RON.as_bytes())?;
    println!("Wrote the sample register to {}", output.display());
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
    storage::save_with(output, &register, storage::Overwrite::Anything)?;
    println!("Wrote {} to {}", register.counts(), output.display());
    Ok(ExitCode::SUCCESS)
}
