//! `sheet`: nation sheets as PDF, one participant's or everyone's (one
//! document, or one file per participant in a folder).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Now;
use super::document_args::{DocumentArgs, write_pdf};
use crate::model::{ParticipantId, Register};
use crate::report::{self, PrintEngine};
use crate::storage;

/// Print nation sheets to PDF: one participant's (--participant CODE), or every participant's (--all) into one PDF (-o OUT.pdf) or one file per participant named by its code (-o FOLDER).
#[derive(Clone, Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).args(["participant", "all"])))]
pub struct Arguments {
    pub file: PathBuf,
    /// The participant's code (GBR, NATO) or id.
    #[arg(long)]
    pub participant: Option<String>,
    /// Every participant, in name order.
    #[arg(long)]
    pub all: bool,
    /// A PDF file; with --all, a folder (any name not ending in .pdf) for one file per participant.
    #[arg(short, long)]
    pub output: PathBuf,
    #[command(flatten)]
    pub document: DocumentArgs,
}

impl Arguments {
    /// Writes the sheets; due and overdue are judged as of `today`.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let today = now.today();
        let register = storage::load(&self.file)?.register;
        let options = self.document.options(&register);
        let engine = PrintEngine::new()?;
        let one_file = !self.all || is_pdf_name(&self.output);
        let participants = match &self.participant {
            Some(wanted) => vec![super::lookup::find_participant(&register, wanted)?],
            None => register.participants_by_name(),
        };
        if one_file {
            let sheets = report::nation_sheets(&register, &participants, &options, today)?;
            if !super::pdf::cleared(&register, &sheets.includes, today) {
                return Ok(ExitCode::FAILURE);
            }
            let pdf = engine.nation_sheets(&sheets)?.pdf()?;
            write_pdf(
                &register,
                &self.file,
                &sheets.head.marking,
                &pdf,
                &self.output,
            )?;
            say!(
                "Wrote {} ({}, {}) to {}",
                describe(&register, &participants),
                sheets.head.reference,
                sheets.head.marking,
                self.output.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        // One file each: every sheet is made and cleared before the first is
        // written, so a refusal leaves the folder as it was.
        let mut made = Vec::with_capacity(participants.len());
        for &participant in &participants {
            let sheets = report::nation_sheets(&register, &[participant], &options, today)?;
            if !super::pdf::cleared(&register, &sheets.includes, today) {
                return Ok(ExitCode::FAILURE);
            }
            let pdf = engine.nation_sheets(&sheets)?.pdf()?;
            let name = format!("{}.pdf", file_stem(&register.participant_code(participant)));
            made.push((self.output.join(name), pdf, sheets.head.marking));
        }
        std::fs::create_dir_all(&self.output).map_err(|source| super::CliError::Write {
            what: "the folder",
            path: self.output.clone(),
            source,
        })?;
        for (path, pdf, marking) in &made {
            write_pdf(&register, &self.file, marking, pdf, path)?;
        }
        say!(
            "Wrote {} nation sheets, one file per participant, to {}",
            made.len(),
            self.output.display()
        );
        Ok(ExitCode::SUCCESS)
    }
}

/// "the nation sheet of France" or "60 nation sheets".
fn describe(register: &Register, participants: &[ParticipantId]) -> String {
    match participants {
        [one] => format!("the nation sheet of {}", register.participant_name(*one)),
        many => format!("{} nation sheets in one document", many.len()),
    }
}

/// Whether `path` names a PDF file rather than a folder.
fn is_pdf_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"))
}

/// A participant's code as a file name: letters, digits, `-` and `_` kept,
/// anything else (a `/` typed into a code) made `_`.
fn file_stem(code: &str) -> String {
    let stem: String = code
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if stem.is_empty() {
        "participant".into()
    } else {
        stem
    }
}
