//! What the command line writes to standard output and error. `println!`
//! panics when the output is closed (`check r.ron | head -1`) or full
//! (`> /dev/full`); here a closed output ends the command quietly (the
//! reader has what it wanted) and any other failure is said once, on
//! standard error, with the exit code for a file that cannot be written.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::OnceLock;

/// Exit code when standard output could not be written: as for any file
/// that cannot be written (`merge` documents the same).
const CANNOT_WRITE: u8 = 2;

/// The first failure to write standard output; once there is one,
/// nothing more is written to it.
static FAILED: OnceLock<io::Error> = OnceLock::new();

/// Writes one line to standard output, unless it already failed.
pub fn say(line: fmt::Arguments<'_>) {
    if FAILED.get().is_some() {
        return;
    }
    let mut stdout = io::stdout().lock();
    if let Err(error) = writeln!(stdout, "{line}").and_then(|()| stdout.flush()) {
        let _ = FAILED.set(error);
    }
}

/// Writes one line to standard error. A closed standard error has no one
/// left to tell, so a failure there is ignored rather than a panic.
pub fn tell(line: fmt::Arguments<'_>) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}

/// The exit code once the command has run: `code` as it decided, unless
/// standard output could not be written. A closed output (the reader
/// stopped) ends quietly with `code`; any other failure is said in one
/// line and exits 2.
pub fn exit_code_after_output(code: ExitCode) -> ExitCode {
    if FAILED.get().is_none()
        && let Err(error) = io::stdout().flush()
    {
        let _ = FAILED.set(error);
    }
    match FAILED.get() {
        None => code,
        Some(error) if error.kind() == io::ErrorKind::BrokenPipe => code,
        Some(error) => {
            tell(format_args!(
                "The output could not be written ({}): nothing more was printed.",
                reason(error)
            ));
            ExitCode::from(CANNOT_WRITE)
        }
    }
}

/// An I/O error in words, without the "(os error 28)" a reader cannot use.
fn reason(error: &io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(end) => text.get(..end).unwrap_or(&text).to_string(),
        None => text,
    }
}
