//! The command line as clap reads it: the window's own arguments, then
//! the sub-commands, one line each naming the arguments it takes (defined
//! in the sub-command's own file) and one line running it. A new
//! sub-command is a file in `cli/` with its `Arguments` and `run`, a
//! variant here and its arm in [`SubCommand::run`].

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Local, NaiveDate};
use clap::{CommandFactory, Parser, Subcommand};

use super::{approve, check, export, merge, pack, pdf, sample, sheet, since};
use crate::storage::LockHolder;

/// Everything typed after `coalition-desk`.
#[derive(Parser)]
#[command(
    name = "coalition-desk",
    version,
    about = "The register of a coalition's sessions, attendance and commitments"
)]
pub struct CommandLine {
    /// A register file to open in the window.
    pub file: Option<PathBuf>,
    /// Close the window once the first frame showing the register has
    /// been painted, and print how long that took from the program's
    /// start: measures start-up (`coalition-desk FILE --exit-after-first-frame`).
    #[arg(long)]
    pub exit_after_first_frame: bool,
    /// The headless work asked for; none opens the window.
    #[command(subcommand)]
    pub command: Option<SubCommand>,
}

impl CommandLine {
    /// The arguments of this process, or the exit code once clap's refusal
    /// (or its help) has been printed as `arguments::answer` says.
    pub fn read() -> Result<Self, ExitCode> {
        Self::try_parse().map_err(|error| super::arguments::answer(&error, &Self::command()))
    }
}

/// The sub-commands: headless work over the same core the window uses.
#[derive(Subcommand)]
pub enum SubCommand {
    /// Validate a register: one line of record counts, or every problem (exit 1).
    /// A file written by a newer version also exits 1.
    Check(check::Arguments),
    /// Write a realistic register of any size (stress tests), standing on
    /// today: the same arguments give the same file on the same day.
    Generate(sample::GenerateArguments),
    /// Write the sample register built from the 10 April 2025 statement.
    Sample(sample::Arguments),
    /// Print a meeting summary to PDF.
    Summary(pdf::SummaryArguments),
    /// Approve a meeting's record (refused while the meeting has problems).
    Approve(approve::Arguments),
    /// Print the attendance record of a session series to PDF.
    Attendance(pdf::AttendanceArguments),
    /// Merge two copies of a register edited from a common copy (BASE):
    /// exit 0 when clean, 1 with conflicts to resolve (OUT still written),
    /// 2 when a file cannot be read or written, or BASE is not the last
    /// copy OURS and THEIRS had in common (older or later).
    Merge(merge::Arguments),
    Pack(pack::Arguments),
    Since(since::Arguments),
    Sheet(sheet::Arguments),
    /// Export the register in another format.
    Export(export::Arguments),
}

impl SubCommand {
    /// Runs the sub-command as of `now`; its error, if any, is printed
    /// once by [`super::finish`].
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        match self {
            Self::Check(arguments) => arguments.run(now),
            Self::Generate(arguments) => arguments.run(now),
            Self::Sample(arguments) => arguments.run(now),
            Self::Summary(arguments) => arguments.run(now),
            Self::Approve(arguments) => arguments.run(now),
            Self::Attendance(arguments) => arguments.run(now),
            Self::Merge(arguments) => arguments.run(now),
            Self::Pack(arguments) => arguments.run(now),
            Self::Since(arguments) => arguments.run(now),
            Self::Sheet(arguments) => arguments.run(now),
            Self::Export(arguments) => arguments.run(now),
        }
    }
}

/// The clock, read once for the whole command: what cannot have happened
/// yet is judged against the real date, and every part of the command
/// agrees on it.
pub struct Now(DateTime<Local>);

impl Now {
    /// Reads the clock: the one place the command line does.
    pub fn read() -> Self {
        Self(Local::now())
    }

    /// Today's date where the officer is.
    pub fn today(&self) -> NaiveDate {
        self.0.date_naive()
    }

    /// The local date and time, as a merge stamps its conflicts.
    pub fn local(&self) -> DateTime<Local> {
        self.0
    }

    /// This process as the holder of a register's lock, taken now.
    pub fn lock_holder(&self) -> LockHolder {
        LockHolder::this_process(self.0.fixed_offset())
    }
}
