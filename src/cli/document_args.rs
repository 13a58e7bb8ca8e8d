//! What the meeting pack, since-last-session and nation-sheet
//! sub-commands share: the edition and paper asked for, and the typed
//! paper size read.

use std::path::{Path, PathBuf};

use crate::model::{MeetingId, Register};
use crate::report::{DocumentOptions, Paper};
use crate::storage;

/// The register file and the session a document is about.
#[derive(Clone, Debug, clap::Args)]
pub struct SessionArgs {
    pub file: PathBuf,
    /// The meeting's id (as in the file: 11, or LON-11 for an office's) or its date (YYYY-MM-DD).
    #[arg(long)]
    pub meeting: String,
}

impl SessionArgs {
    /// The register, and the meeting named in it.
    pub fn load(&self) -> anyhow::Result<(Register, MeetingId)> {
        let register = storage::load(&self.file)?.register;
        let id = super::find_meeting(&register, &self.meeting)?;
        Ok((register, id))
    }
}

/// `--edition LEVEL` and `--paper a4|letter`.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct DocumentArgs {
    /// Print the edition releasable at this marking level: whatever is marked higher is left out.
    #[arg(long, value_name = "LEVEL")]
    pub edition: Option<String>,
    /// The sheet size: a4 or letter.
    #[arg(long, default_value = "a4", value_parser = paper)]
    pub paper: Paper,
}

impl DocumentArgs {
    /// The options the report functions take, the level named as the
    /// register spells it.
    pub fn options(&self, register: &Register) -> DocumentOptions {
        DocumentOptions {
            paper: self.paper,
            edition: self
                .edition
                .as_deref()
                .map(|typed| level_named(register, typed)),
        }
    }
}

/// A paper size as typed: `a4` or `letter`, in any case.
pub fn paper(typed: &str) -> Result<Paper, super::CliError> {
    match typed.trim().to_ascii_lowercase().as_str() {
        "a4" => Ok(Paper::A4),
        "letter" | "us-letter" => Ok(Paper::Letter),
        _ => Err(super::CliError::NotAPaper(typed.to_string())),
    }
}

/// Writes a typeset document to `output` as PDF, no more open than the
/// register it came from (owner-only when marked above the lowest level).
pub(super) fn write_pdf(
    register: &Register,
    file: &Path,
    marking: &str,
    pdf: &[u8],
    output: &Path,
) -> anyhow::Result<()> {
    let from = crate::storage::WrittenFrom::register(Some(file), above_lowest(register, marking));
    super::write_named("the PDF", output, pdf, &from)
}

/// The register's level the officer typed, whatever its case
/// (`official` is OFFICIAL); as typed when there is none, for the
/// edition's refusal to name.
pub(super) fn level_named(register: &Register, typed: &str) -> String {
    register
        .markings
        .iter()
        .find(|level| level.eq_ignore_ascii_case(typed.trim()))
        .cloned()
        .unwrap_or_else(|| typed.to_string())
}

/// Whether a document marked `marking` is above the register's lowest
/// level, and so for its owner's eyes only.
fn above_lowest(register: &Register, marking: &str) -> bool {
    register.marking_rank(marking) > 0
}
