//! `pack`: the meeting pack of a session, as PDF.

use std::path::PathBuf;
use std::process::ExitCode;

use super::Now;
use super::document_args::{DocumentArgs, SessionArgs, write_pdf};
use crate::report::{self, PrintEngine};

/// Print the meeting pack for a session to PDF: cover, delegations, annotated agenda, previous record, actions and commitments due.
#[derive(Clone, Debug, clap::Args)]
pub struct Arguments {
    #[command(flatten)]
    pub session: SessionArgs,
    #[arg(short, long)]
    pub output: PathBuf,
    #[command(flatten)]
    pub document: DocumentArgs,
}

impl Arguments {
    /// Writes the pack; overdue is judged as of `today`.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let today = now.today();
        let (register, id) = self.session.load()?;
        let pack = report::meeting_pack(&register, id, &self.document.options(&register), today)?;
        if !super::pdf::cleared(&register, &pack.includes, today) {
            return Ok(ExitCode::FAILURE);
        }
        let pdf = PrintEngine::new()?.meeting_pack(&pack)?.pdf()?;
        write_pdf(
            &register,
            &self.session.file,
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
