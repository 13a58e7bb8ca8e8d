//! The `summary` and `attendance` sub-commands: the same report functions
//! and print engine the window uses, writing a PDF file.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use coalition_desk::model::{Record, Register};
use coalition_desk::report::{self, Clearance, Paper, PrintEngine, SummaryOptions};
use coalition_desk::storage;

/// Writes the summary of the meeting named by id or date.
pub fn summary(
    file: &Path,
    meeting: &str,
    output: &Path,
    include_restricted: bool,
    paper: Paper,
) -> anyhow::Result<ExitCode> {
    let register = storage::load(file)
        .map_err(|error| anyhow::anyhow!(error.describe()))?
        .register;
    let id = report::find_meeting(&register, meeting)?;
    let options = SummaryOptions {
        include_restricted,
        paper,
        ..SummaryOptions::default()
    };
    let summary = report::meeting_summary(&register, id, &options)?;
    if !cleared(&register, &summary.includes) {
        return Ok(ExitCode::FAILURE);
    }
    let pdf = PrintEngine::new()?.meeting_summary_pdf(&summary)?;
    write(output, &pdf)?;
    println!(
        "Wrote the summary of {} ({}) to {}",
        register.meeting_title(id),
        summary.marking,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the attendance record of the series named by id or name.
pub fn attendance(
    file: &Path,
    series: &str,
    output: &Path,
    paper: Paper,
) -> anyhow::Result<ExitCode> {
    let register = storage::load(file)
        .map_err(|error| anyhow::anyhow!(error.describe()))?
        .register;
    let id = report::find_series(&register, series)?;
    let mut record = report::attendance_record(&register, id)?;
    record.paper = paper;
    if !cleared(&register, &record.includes) {
        return Ok(ExitCode::FAILURE);
    }
    let pdf = PrintEngine::new()?.attendance_pdf(&record)?;
    write(output, &pdf)?;
    println!(
        "Wrote the attendance record of {} ({}) to {}",
        record.series,
        record.marking,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Prints the problems of the records a document includes on stderr, and
/// whether it may be printed: a marking that is missing or not one of the
/// register's levels refuses it, anything else is a warning.
fn cleared(register: &Register, includes: &[Record]) -> bool {
    let today = chrono::Local::now().date_naive();
    let clearance = Clearance::of(register, includes, today);
    for warning in &clearance.warnings {
        eprintln!("warning: {warning}");
    }
    if clearance.allows() {
        return true;
    }
    eprintln!("The document cannot be printed; nothing was written:");
    for refusal in &clearance.refusals {
        eprintln!("  {refusal}");
    }
    false
}

fn write(output: &Path, pdf: &[u8]) -> anyhow::Result<()> {
    std::fs::write(output, pdf).with_context(|| format!("could not write {}", output.display()))
}
