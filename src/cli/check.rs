//! `check FILE`: one line of record counts, or every problem and exit 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::Now;
use crate::storage;

/// `check FILE`.
#[derive(clap::Args)]
pub struct Arguments {
    file: PathBuf,
}

impl Arguments {
    /// Checks the file as of today.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        Ok(check(&self.file, now.today()))
    }
}

/// Validates the register at `file` as of `today` (what cannot have
/// happened yet is judged against it). Every finding is a line
/// `FILE: sentence` on standard output, so a script can grep them.
pub fn check(file: &Path, today: NaiveDate) -> ExitCode {
    let loaded = match storage::load(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            say!("{}", super::error_line(&error));
            return ExitCode::FAILURE;
        }
    };
    let problems = loaded.register.validate(today);
    // A newer version's file parsed, but this version cannot vouch for what
    // it does not know: say so and fail, as the window opens it read-only.
    let newer = loaded
        .newer_version
        .map(|found| storage::StorageError::NewerVersion {
            found,
            path: file.to_path_buf(),
        });
    if problems.is_empty() {
        say!("{}: {}", file.display(), loaded.register.counts());
        if let Some(newer) = newer {
            say!("{}", only_what_is_known(file, &newer));
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    }
    if let Some(newer) = &newer {
        say!("{}", only_what_is_known(file, newer));
    }
    for problem in &problems {
        say!("{}: {problem}", file.display());
    }
    say!(
        "{}: {} problem{}",
        file.display(),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    ExitCode::FAILURE
}

/// The finding for a newer version's file that still parsed, in the same
/// `FILE: sentence` form as the problems.
fn only_what_is_known(file: &Path, newer: &storage::StorageError) -> String {
    format!(
        "{}: {}; only what this version knows was checked",
        file.display(),
        newer.message()
    )
}
