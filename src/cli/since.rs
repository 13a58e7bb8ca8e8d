//! `since`: what moved since the previous session of a series, as a PDF
//! report (`-o`) or as the CSV the window exports (`--csv`).

use std::path::PathBuf;
use std::process::ExitCode;

use super::Now;
use super::document_args::{DocumentArgs, SessionArgs, write_pdf};
use crate::report::{self, PrintEngine};
use crate::storage::WrittenFrom;
use crate::tracking;

/// Print what moved since the previous session of the meeting's series: to PDF (-o), CSV (--csv) or both.
#[derive(Clone, Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("out").required(true).multiple(true).args(["output", "csv"])))]
pub struct Arguments {
    #[command(flatten)]
    pub session: SessionArgs,
    /// The PDF report.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// The changes as CSV rows (kind, date, participant, item, detail).
    #[arg(long, value_name = "OUT.csv")]
    pub csv: Option<PathBuf>,
    #[command(flatten)]
    pub document: DocumentArgs,
}

impl Arguments {
    /// Writes the report and/or the CSV; nothing is written if either is refused.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let today = now.today();
        let (register, id) = self.session.load()?;
        // Both are made before either is written, so a refusal leaves no file.
        let csv = match &self.csv {
            Some(path) => {
                let changes = tracking::since_last_session(&register, id)?;
                let bytes = tracking::since::changes_csv(&register, &changes)?;
                let owner_only = register.marked_above_lowest(&changes.includes());
                Some((path, bytes, owner_only))
            }
            None => None,
        };
        let pdf = match &self.output {
            Some(path) => {
                let options = self.document.options(&register);
                let report = report::since_report(&register, id, &options, today)?;
                if !super::pdf::cleared(&register, &report.includes, today) {
                    return Ok(ExitCode::FAILURE);
                }
                let bytes = PrintEngine::new()?.since_report(&report)?.pdf()?;
                Some((path, bytes, report))
            }
            None => None,
        };
        if let Some((path, bytes, owner_only)) = csv {
            let from = WrittenFrom::register(Some(&self.session.file), owner_only);
            super::write_named("the CSV", path, &bytes, &from)?;
            say!(
                "Wrote the changes since the last session as CSV to {}",
                path.display()
            );
        }
        if let Some((path, bytes, report)) = pdf {
            write_pdf(
                &register,
                &self.session.file,
                &report.head.marking,
                &bytes,
                path,
            )?;
            say!(
                "Wrote the since-last-session report of {} ({}, {}) to {}",
                register.meeting_title(id),
                report.head.reference,
                report.head.marking,
                path.display()
            );
        }
        Ok(ExitCode::SUCCESS)
    }
}
