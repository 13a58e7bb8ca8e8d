//! `sample` and `generate`: registers written from nothing.

use std::path::Path;
use std::process::ExitCode;

use crate::{generate, sample, storage};

/// Writes the sample register to `output`.
pub fn write_sample(output: &Path, force: bool) -> anyhow::Result<ExitCode> {
    super::refuse_to_replace(output, force)?;
    super::write_output("the sample", output, sample::SAMPLE_RON.as_bytes())?;
    say!("Wrote the sample register to {}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes a generated register of the size `options` asks for.
pub fn write_generated(
    options: generate::GenerateOptions,
    output: &Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    super::refuse_to_replace(output, force)?;
    let register = generate::register(options);
    storage::save_with(output, &register, storage::Overwrite::Anything)?;
    say!("Wrote {} to {}", register.counts(), output.display());
    Ok(ExitCode::SUCCESS)
}
