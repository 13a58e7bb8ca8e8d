//! The sub-commands (`check`, `summary`, `export`, ...): thin over the same
//! core functions the window calls. `command_line.rs` holds clap's
//! arguments and the dispatch; `main.rs` only sets up logging and runs the
//! window or [`run`]. The clock is read once ([`Now`]); the sub-commands
//! print their results and return the exit code, and every error they
//! return is shown by [`error_line`], through [`finish`].
//! Whatever they print goes through [`out`] (`say!` to standard output,
//! `tell!` to standard error), so a closed or full output never panics.

/// One line to standard output, through [`out::say`].
macro_rules! say {
    ($($line:tt)*) => {
        $crate::cli::out::say(format_args!($($line)*))
    };
}

/// One line to standard error, through [`out::tell`].
macro_rules! tell {
    ($($line:tt)*) => {
        $crate::cli::out::tell(format_args!($($line)*))
    };
}

pub mod approve;
pub mod arguments;
pub mod check;
pub mod command_line;
pub mod document_args;
pub mod export;
pub mod lookup;
pub mod merge;
pub mod out;
pub mod pack;
pub mod pdf;
pub mod sample;
pub mod sheet;
pub mod since;

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::storage::{self, StorageError, WrittenFrom};

pub use command_line::{CommandLine, Now, SubCommand};
pub use lookup::{LookupError, find_meeting, find_participant, find_series};

/// Runs `command` as of the clock read now, and ends as every command
/// line run ends: its error printed once, the exit code it decided.
pub fn run(command: SubCommand) -> ExitCode {
    finish(command.run(&Now::read()))
}

/// The exit code of a run: an error printed once, in [`error_line`]'s
/// form, exit 1; and whatever standard output could not take said as
/// [`out::exit_code_after_output`] says.
pub fn finish(result: anyhow::Result<ExitCode>) -> ExitCode {
    let code = match result {
        Ok(code) => code,
        Err(error) => {
            tell!("{}", error_line(error.as_ref()));
            ExitCode::FAILURE
        }
    };
    out::exit_code_after_output(code)
}

/// Why a sub-command could not finish, beyond what the core reports.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The output file is there and `--force` was not given.
    #[error("The file already exists; pass --force to replace it: {}", path.display())]
    Exists { path: PathBuf },
    /// The output could not be written.
    #[error("Could not write {what} ({source}): {}", path.display())]
    Write {
        what: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// `--paper` names no paper size this program prints on.
    #[error("\"{0}\" is not a paper size: write a4 or letter")]
    NotAPaper(String),
}

/// Refuses to replace `output` unless the officer said `--force`.
fn refuse_to_replace(output: &Path, force: bool) -> Result<(), CliError> {
    if output.exists() && !force {
        return Err(CliError::Exists {
            path: output.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes `bytes` to `output` the safe way every output is written
/// (`storage::write_output`: atomic, never over a register, a link or a
/// read-only file, never more open than `from`); `what` names them in the
/// error (`the PDF`).
fn write_named(
    what: &'static str,
    output: &Path,
    bytes: &[u8],
    from: &WrittenFrom<'_>,
) -> anyhow::Result<()> {
    match storage::write_output(output, bytes, from) {
        Err(StorageError::OutputWrite { path, source }) => {
            Err(CliError::Write { what, path, source }.into())
        }
        written => Ok(written?),
    }
}

/// The one way the command line shows an error, whichever sub-command met
/// it: the error's sentence (file path last), or `FILE:LINE:COL: sentence`
/// when the error is at a place in a file, so editors and terminals make
/// the place clickable.
pub fn error_line(error: &(dyn std::error::Error + 'static)) -> String {
    if let Some(storage) = error.downcast_ref::<StorageError>()
        && let Some((line, col)) = storage.position()
    {
        return format!(
            "{}:{line}:{col}: {}",
            storage.path().display(),
            storage.message()
        );
    }
    error.to_string()
}
