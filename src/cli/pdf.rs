//! The `summary` and `attendance` sub-commands: the same report functions
//! and print engine the window uses, writing a PDF file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::model::{MeetingId, Record, Register};
use crate::report::{self, Clearance, MeetingSummary, Paper, PrintEngine, SummaryOptions};
use crate::storage;

use super::Now;
use super::document_args::{level_named, write_pdf};

/// `summary FILE --meeting ID -o OUT ...`.
#[derive(clap::Args)]
pub struct SummaryArguments {
    file: PathBuf,
    /// The meeting's id (as in the file: 11, or LON-11 for an office's) or the date it was held (YYYY-MM-DD).
    #[arg(long)]
    meeting: String,
    #[arg(short, long)]
    output: PathBuf,
    /// Print the restricted notes too.
    #[arg(long)]
    include_restricted: bool,
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArgument,
    /// Print the edition releasable at this marking level: whatever is marked higher is left out.
    #[arg(long, value_name = "LEVEL")]
    edition: Option<String>,
    /// Add the change log of the record's revisions as an annex.
    #[arg(long)]
    change_log: bool,
}

impl SummaryArguments {
    /// Writes the summary, the records it includes judged as of today.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let request = SummaryRequest {
            meeting: &self.meeting,
            include_restricted: self.include_restricted,
            paper: self.paper.into(),
            edition: self.edition.as_deref(),
            change_log: self.change_log,
        };
        summary(&self.file, &request, &self.output, now.today())
    }
}

/// `attendance FILE --series ID -o OUT [--paper P]`.
#[derive(clap::Args)]
pub struct AttendanceArguments {
    file: PathBuf,
    /// The series' id (as in the file: 11, or LON-11 for an office's) or its name.
    #[arg(long)]
    series: String,
    #[arg(short, long)]
    output: PathBuf,
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArgument,
}

impl AttendanceArguments {
    /// Writes the attendance record, the records it includes judged as of today.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        attendance(
            &self.file,
            &self.series,
            &self.output,
            self.paper.into(),
            now.today(),
        )
    }
}

/// Paper sizes as typed on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArgument {
    A4,
    Letter,
}

impl From<PaperArgument> for Paper {
    fn from(paper: PaperArgument) -> Self {
        match paper {
            PaperArgument::A4 => Paper::A4,
            PaperArgument::Letter => Paper::Letter,
        }
    }
}

/// What `summary` prints: which meeting, and how.
pub struct SummaryRequest<'a> {
    /// The meeting's id or the date it was held, as typed.
    pub meeting: &'a str,
    pub include_restricted: bool,
    pub paper: Paper,
    /// The level the edition is releasable at, as typed; `None` for the
    /// full edition.
    pub edition: Option<&'a str>,
    /// Add the change log of the record's revisions as an annex.
    pub change_log: bool,
}

/// Writes the summary of the meeting named by id or date; the records it
/// includes are judged as of `today`.
pub fn summary(
    file: &Path,
    request: &SummaryRequest<'_>,
    output: &Path,
    today: NaiveDate,
) -> anyhow::Result<ExitCode> {
    let register = storage::load(file)?.register;
    let id = super::find_meeting(&register, request.meeting)?;
    let SummaryRequest {
        include_restricted,
        paper,
        edition,
        change_log,
        ..
    } = *request;
    let options = SummaryOptions {
        include_restricted,
        paper,
        change_log,
        edition: edition.map(|typed| level_named(&register, typed)),
        ..SummaryOptions::default()
    };
    let summary = report::meeting_summary(&register, id, &options, today)?;
    if !cleared(&register, &summary.includes, today) {
        return Ok(ExitCode::FAILURE);
    }
    let pdf = PrintEngine::new()?.meeting_summary_pdf(&summary)?;
    write_pdf(&register, file, &summary.marking, &pdf, output)?;
    say!(
        "Wrote the summary of {} ({}) to {}",
        register.meeting_title(id),
        summary.marking,
        output.display()
    );
    for line in standing_lines(&register, id, &summary) {
        say!("{line}");
    }
    if let (Some(edition), Some(omitted)) = (&summary.edition, &summary.omitted) {
        say!("It is the {edition}. {omitted}");
    }
    if change_log {
        say!("{}", change_log_line(&summary));
    }
    Ok(ExitCode::SUCCESS)
}

/// Where the printed record stands, one `Label: value` line each, so a
/// script can tell a draft from the approved record it meant to send:
/// the same words the heading prints, then the reference and revision.
fn standing_lines(register: &Register, id: MeetingId, summary: &MeetingSummary) -> [String; 3] {
    let revision = register
        .meeting(id)
        .and_then(|meeting| meeting.minutes.revisions.last())
        .map_or_else(
            || "none, the record's first issue".to_string(),
            |last| format!("REV {}, opened {}: {}", last.number, last.date, last.reason),
        );
    [
        format!("Record: {}", summary.minutes.line),
        format!("Reference: {}", summary.reference),
        format!("Revision: {revision}"),
    ]
}

/// What `--change-log` added: the annex's size, or why there is none.
fn change_log_line(summary: &MeetingSummary) -> String {
    match &summary.minutes.changes {
        None => "No change log annex: the record has not been revised.".to_string(),
        Some(changes) => match changes.len() {
            1 => "With the change log annex: 1 changed field.".to_string(),
            n => format!("With the change log annex: {n} changed fields."),
        },
    }
}

/// Writes the attendance record of the series named by id or name; the
/// records it includes are judged as of `today`.
pub fn attendance(
    file: &Path,
    series: &str,
    output: &Path,
    paper: Paper,
    today: NaiveDate,
) -> anyhow::Result<ExitCode> {
    let register = storage::load(file)?.register;
    let id = super::find_series(&register, series)?;
    let mut record = report::attendance_record(&register, id, today)?;
    record.paper = paper;
    if !cleared(&register, &record.includes, today) {
        return Ok(ExitCode::FAILURE);
    }
    let pdf = PrintEngine::new()?.attendance_pdf(&record)?;
    write_pdf(&register, file, &record.marking, &pdf, output)?;
    say!(
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
pub(super) fn cleared(register: &Register, includes: &[Record], today: NaiveDate) -> bool {
    let clearance = Clearance::of(register, includes, today);
    for warning in &clearance.warnings {
        tell!("warning: {warning}");
    }
    if clearance.allows() {
        return true;
    }
    tell!("The document cannot be printed; nothing was written:");
    for refusal in &clearance.refusals {
        tell!("  {refusal}");
    }
    false
}
