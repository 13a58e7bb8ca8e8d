//! `export ics` and `export csv`: the register in another format.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, NaiveDate, Utc};

use crate::calendar::{self, CalendarError};
use crate::storage::{self, WrittenFrom};
use crate::tracking;

use super::Now;

/// `export FORMAT ...`.
#[derive(clap::Args)]
pub struct Arguments {
    #[command(subcommand)]
    format: ExportFormat,
}

/// The formats the register is exported in.
#[derive(clap::Subcommand)]
enum ExportFormat {
    /// The meetings and session series as an iCalendar file (.ics).
    Ics {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Every commitment with all its fields and current status, as CSV
    /// (UTF-8 with a byte-order mark, for spreadsheets).
    Csv {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

impl Arguments {
    /// Writes the export, stamped with the time now.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        match self.format {
            ExportFormat::Ics { file, output } => ics(&file, &output, now.local().to_utc()),
            ExportFormat::Csv { file, output } => csv(&file, &output, now.today()),
        }
    }
}

/// Writes the meetings and series of `file` as iCalendar, stamped `now`.
/// Nothing is written when a reader would reject the file.
pub fn ics(file: &Path, output: &Path, now: DateTime<Utc>) -> anyhow::Result<ExitCode> {
    let loaded = storage::load(file)?;
    let text = match calendar::calendar_ics(&loaded.register, now) {
        Ok(text) => text,
        // A reader would reject the whole file: say why, write nothing.
        Err(CalendarError::Refused(problems)) => {
            for problem in &problems {
                tell!("{}: {problem}", file.display());
            }
            tell!(
                "The calendar was not exported; nothing was written to {}",
                output.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => return Err(error.into()),
    };
    let register = &loaded.register;
    let meetings = register.meeting_records();
    let from = WrittenFrom::register(Some(file), register.marked_above_lowest(&meetings));
    super::write_named("the calendar", output, text.as_bytes(), &from)?;
    say!("Wrote the calendar to {}", output.display());
    Ok(ExitCode::SUCCESS)
}

/// Writes every commitment of `file` as CSV, overdue judged as of `today`.
pub fn csv(file: &Path, output: &Path, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let loaded = storage::load(file)?;
    let bytes = tracking::export_commitments(&loaded.register, today)?;
    let register = &loaded.register;
    let commitments = register.commitment_records();
    let from = WrittenFrom::register(Some(file), register.marked_above_lowest(&commitments));
    super::write_named("the commitments", output, &bytes, &from)?;
    // As `summary` names the marking the document carries: the highest of
    // the commitments written, the register's lowest when there are none.
    let marking = register
        .highest_marking(register.commitments.values().map(|c| c.marking.as_str()))
        .unwrap_or_else(|| register.lowest_marking());
    let count = register.commitments.len();
    say!(
        "Wrote {count} commitment{} ({marking}) to {}",
        if count == 1 { "" } else { "s" },
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
