//! `approve FILE --meeting ID --on DATE [--at MEETING]`: approves a
//! meeting's record for scripts, under the same rules as the window and
//! saved the same safe way (locked, atomic, with a backup).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveDateTime, SubsecRound};

use crate::document::{Document, Origin};
use crate::edit;
use crate::model::{MinutesMove, hidden_characters};
use crate::storage::{self, LockHolder, RegisterLock};

use super::Now;

/// `approve FILE --meeting ID --on DATE [--at MEETING] [--by WHO]`.
#[derive(clap::Args)]
pub struct Arguments {
    file: PathBuf,
    /// The meeting's id (as in the file: 11, or LON-11 for an office's) or the date it was held (YYYY-MM-DD).
    #[arg(long)]
    meeting: String,
    /// The date of the approval (2025-04-10, 10/04/2025 or 10 Apr 2025),
    /// not after today: the day of the meeting given with --at, or
    /// without --at the day a written procedure ended.
    #[arg(long, value_parser = super::arguments::date)]
    on: NaiveDate,
    /// The later meeting, held on --on, that approved it, by id or date
    /// (usually the next session); without it the record is approved by
    /// written procedure, once its comment period has ended.
    #[arg(long)]
    at: Option<String>,
    /// Who approved it, e.g. "The defence ministers".
    #[arg(long, default_value = "")]
    by: String,
}

impl Arguments {
    /// Approves the record as of today, holding the register's lock.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let request = ApproveRequest {
            meeting: &self.meeting,
            on: self.on,
            at: self.at.as_deref(),
            by: &self.by,
        };
        approve(
            &self.file,
            &request,
            &now.lock_holder(),
            now.local().naive_local(),
        )
    }
}

/// What `approve` is asked to do.
pub struct ApproveRequest<'a> {
    /// The meeting whose record is approved: id or date held, as typed.
    pub meeting: &'a str,
    pub on: NaiveDate,
    /// The meeting that approved it: id or date, as typed.
    pub at: Option<&'a str>,
    /// Who approved it.
    pub by: &'a str,
}

/// Approves the record. A meeting with problems, or a move the rules
/// refuse, is reported on stderr and the file is left untouched; `holder`
/// is who takes the register's lock while it is written.
pub fn approve(
    file: &Path,
    request: &ApproveRequest<'_>,
    holder: &LockHolder,
    now: NaiveDateTime,
) -> anyhow::Result<ExitCode> {
    let today = now.date();
    // Held from before reading until after writing, so the window or
    // another script cannot change the file in between.
    let lock = RegisterLock::acquire(file, holder)?;
    if let Some(taken_over) = lock.taken_over() {
        tell!("warning: {taken_over}");
    }
    let loaded = storage::load(file)?;
    if let Some(reason) = loaded.read_only_reason() {
        tell!(
            "The record was not approved: the register was {reason}: {}",
            file.display()
        );
        return Ok(ExitCode::FAILURE);
    }
    let register = &loaded.register;
    let id = super::find_meeting(register, request.meeting)?;
    let at = request
        .at
        .map(|at| super::find_meeting(register, at))
        .transpose()?;
    let title = register.meeting_title(id);
    let problems = register.meeting_problems_of(id, today);
    if !problems.is_empty() {
        tell!("The record of {title} was not approved: the meeting has problems to fix first");
        for problem in &problems {
            tell!("  {problem}");
        }
        return Ok(ExitCode::FAILURE);
    }
    // The file reader refuses text that shows differently from how it is
    // stored; what is typed on the command line must not slip it in.
    if let Some((_, c)) = hidden_characters::first_refused(request.by) {
        tell!(
            "The record of {title} was not approved: --by holds {}: type who approved it without it",
            hidden_characters::named(c)
        );
        return Ok(ExitCode::FAILURE);
    }
    let step = MinutesMove::Approve {
        at,
        by: request.by.to_string(),
    };
    let edit = match edit::move_minutes(register, id, step, request.on, today) {
        Ok(edit) => edit,
        Err(refused) => {
            tell!("The record of {title} was not approved: {refused}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let mut document = Document::new(loaded.register.clone(), Origin::File(file.to_path_buf()));
    document.apply_labelled(edit, format!("approve the record of {title}"))?;
    document.mark_next_save(storage::new_saving_session, now.trunc_subsecs(0));
    storage::save(file, document.register(), Some(&loaded.stamp))?;
    let at = at
        .map(|at| format!(" at {}", register.meeting_title(at)))
        .unwrap_or_default();
    say!(
        "Approved the record of {title} on {}{at}: {}",
        request.on,
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}
