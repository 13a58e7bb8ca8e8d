//! `pack`: the meeting pack of a session, as PDF.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Now;
use super::document_args::{DocumentArgs, write_pdf};
use crate::report::{self, PrintEngine};
use crate::storage;

/// Print the meeting pack for a session to PDF: cover, delegations, annotated agenda, previous record, actions and commitments due.
#[derive(Clone, Debug, clap::Args)]
pub struct Arguments {
    pub file: PathBuf,
    /// The meeting's id (as in the file: 11, or LON-11 for an office's) or its date (YYYY-MM-DD).
    #[arg(long)]
    pub meeting: String,
    #[arg(short, long)]
    pub output: PathBuf,
    #[command(flatten)]
    pub document: DocumentArgs,
}

impl Arguments {
    /// Writes the pack; overdue is judged as of `today`.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let today = now.today();
        let register = storage::load(&self.file)?.register;
        let id = super::find_meeting(&register, &self.meeting)?;
        let pack = report::meeting_pack(&register, id, &self.document.options(&register), today)?;
        if !super::pdf::cleared(&register, &pack.includes, today) {
            return Ok(ExitCode::FAILURE);
        }
        let pdf = PrintEngine::new()?.meeting_pack(&pack)?.pdf()?;
        write_pdf(
            &register,
            &self.file,
            &pack.head.marking,
            &pdf,
            &self.output,
        )?;
        say!(
            "Wrote the meeting pack of {} ({}, {}) to {}",
            register.meeting_title(id),
            pack.head.reference,
            pack.head.marking,
            self.output.display()
        );
        if let (Some(edition), Some(omitted)) = (&pack.head.edition, &pack.head.omitted) {
            say!("It is the {edition}. {omitted}");
        }
        Ok(ExitCode::SUCCESS)
    }
}
