//! `merge BASE OURS THEIRS -o OUT`: the three-way merge of two copies of
//! the register from the copy both started from. Exit 0 when clean, 1 when
//! conflicts are left to settle (OUT is still written, and valid), or when
//! the merged copies together break a rule of the register's checks that
//! neither broke alone; 2 when an input cannot be read, the copies are of
//! two different registers (or one lacks the identity BASE carries), BASE
//! is not the last copy OURS and THEIRS had in common, older or later
//! (unless `--force-base`), an office's name holds what a register may
//! not, or OUT cannot be written (nothing written).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDateTime, SubsecRound};

use crate::merge;
use crate::model::text_limits::{self, MOST_NAME_CHARACTERS};
use crate::model::{Register, hidden_characters};
use crate::storage::{self, Backup, LockHolder, Overwrite, RegisterLock, WrittenFrom};

use super::Now;

/// `merge BASE OURS THEIRS -o OUT [--ours-office O] [--theirs-office T]`.
#[derive(clap::Args)]
pub struct Arguments {
    base: PathBuf,
    ours: PathBuf,
    theirs: PathBuf,
    /// Where the merged register goes; may be OURS itself.
    #[arg(short, long)]
    output: PathBuf,
    /// The office keeping OURS, named in the conflicts (default: the office code OURS names, else its file name).
    #[arg(long)]
    ours_office: Option<String>,
    /// The office that sent THEIRS (default: the office code THEIRS names, else its file name).
    #[arg(long)]
    theirs_office: Option<String>,
    /// Merge from BASE even though OURS and THEIRS both come from a later merge it does not hold.
    #[arg(long)]
    force_base: bool,
    /// The register's name in what merge prints, when OUT is a temporary copy: git's driver passes %P, the register's path in the repository.
    #[arg(long, value_name = "NAME")]
    shown_as: Option<String>,
}

impl Arguments {
    /// Merges, stamping the conflicts with the local time now.
    pub fn run(self, now: &Now) -> anyhow::Result<ExitCode> {
        let request = MergeRequest {
            base: &self.base,
            ours: &self.ours,
            theirs: &self.theirs,
            output: &self.output,
            ours_office: self.ours_office.as_deref(),
            theirs_office: self.theirs_office.as_deref(),
            force_base: self.force_base,
            shown_as: self.shown_as.as_deref(),
        };
        Ok(merge(
            &request,
            &now.lock_holder(),
            now.local().naive_local(),
        ))
    }
}

/// What `merge` is asked to do.
pub struct MergeRequest<'a> {
    pub base: &'a Path,
    pub ours: &'a Path,
    pub theirs: &'a Path,
    /// May be OURS itself: it is written atomically.
    pub output: &'a Path,
    /// The office keeping each copy, named in the conflicts; each defaults
    /// to the office code its file names, else to its file's name.
    pub ours_office: Option<&'a str>,
    pub theirs_office: Option<&'a str>,
    /// Merge from BASE even when OURS and THEIRS both come from a later
    /// merge that BASE does not hold.
    pub force_base: bool,
    /// The register's name in what is printed, when OUT is a temporary
    /// copy (git's driver gives `%P`); else OUT's path.
    pub shown_as: Option<&'a str>,
}

impl MergeRequest<'_> {
    /// OUT as the officer knows it: the name given, else OUT's path; as
    /// git's driver without a name, OUT is git's temporary copy
    /// (`.merge_file_XXXXXX`), whose name would mean nothing, so "the
    /// merged register".
    fn shown(&self) -> String {
        if let Some(name) = self.shown_as {
            return name.to_string();
        }
        let temporary = self
            .output
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with(".merge_file_"));
        if temporary {
            "the merged register".to_string()
        } else {
            self.output.display().to_string()
        }
    }
}

/// Exit code when the merge could not be done at all.
const CANNOT_MERGE: u8 = 2;

/// Merges and writes OUT, printing the one-line summary on stdout; an
/// error goes to stderr in the usual form. `holder` takes OUT's lock while
/// it is written, so the window cannot save over the merge.
pub fn merge(request: &MergeRequest<'_>, holder: &LockHolder, now: NaiveDateTime) -> ExitCode {
    // To the second: the file says when, not the clock's fraction.
    let now = now.trunc_subsecs(0);
    match run(request, holder, now) {
        Ok(code) => code,
        Err(error) => {
            tell!("{}", super::error_line(error.as_ref()));
            ExitCode::from(CANNOT_MERGE)
        }
    }
}

fn run(
    request: &MergeRequest<'_>,
    holder: &LockHolder,
    now: NaiveDateTime,
) -> anyhow::Result<ExitCode> {
    let lock = RegisterLock::acquire(request.output, holder)?;
    if let Some(taken_over) = lock.taken_over() {
        tell!("warning: {taken_over}");
    }
    // OURS is read whole; of BASE and THEIRS only what each writes
    // otherwise than OURS is parsed and held (issue 19: holding three
    // whole copies took six times the file in memory).
    let (ours, [base, theirs]) = storage::load_apart(request.ours, [request.base, request.theirs]);
    let (base, ours, theirs) = (
        usable_apart(base, request.base)?,
        usable(ours, request.ours)?,
        usable_apart(theirs, request.theirs)?,
    );
    refusals(request, &base.register, &ours, &theirs.register)?;
    let (ours_office, theirs_office) = offices(request, &ours, &theirs.register)?;
    let warning = one_office_warning(&ours, &theirs.register);
    // Known before OURS becomes the merged register.
    let held_before = ours.highest_marking_held().map(str::to_string);
    let mut merged = if base.same.is_some() && theirs.same.is_some() {
        merge::merge_apart(
            read_apart(base),
            ours,
            read_apart(theirs),
            &ours_office,
            &theirs_office,
            now,
        )
    } else {
        let (base, theirs) = (
            read_apart(base).whole(&ours),
            read_apart(theirs).whole(&ours),
        );
        merge::merge(&base, &ours, &theirs, &ours_office, &theirs_office, now)
    };
    // Never more open than any copy it was made from, and only its
    // owner's when it brings in a marking above any OURS held.
    let from = WrittenFrom {
        registers: vec![request.base, request.ours, request.theirs],
        owner_only: raises_marking(held_before.as_deref(), &merged.register),
    };
    // No OURS.bak when OUT is OURS: the merged register holds all of ours
    // (each field ours changed is applied, or kept in a conflict when
    // theirs changed it too), and what else ours had is in BASE or THEIRS.
    // As git's merge driver (`-o %A`), OURS is git's temporary copy of a
    // committed file, and a backup of it would be left in the work tree
    // as an untracked `.merge_file_XXXXXX.bak`.
    let backup = if same_file(request.output, request.ours) {
        Backup::Skip
    } else {
        Backup::Keep
    };
    // OUT is a copy neither side had: this command's one save.
    let office = merged.register.office.clone();
    storage::new_saving_session().mark_next(&mut merged.register.saves, &office, now);
    storage::save_from(
        request.output,
        &merged.register,
        Overwrite::IfCurrentFormat,
        backup,
        from,
    )?;
    if let Some(warning) = warning {
        tell!("warning: {warning}");
    }
    say!("{}: {}", request.shown(), merged.summary);
    for problem in &merged.unsettled {
        tell!("conflict: the merged copies break a rule neither broke alone: {problem}");
    }
    // Conflicts either copy still had leave it unsettled too.
    Ok(
        if merged.register.conflicts.is_empty() && merged.unsettled.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        },
    )
}

/// The merge once the three copies are read whole, as `merge` makes it:
/// the refusals (copies of two registers; a BASE older than the last copy
/// OURS and THEIRS had in common, unless forced), the offices, then the
/// three-way merge. The merge fuzz target runs this.
pub fn merged_copies(
    request: &MergeRequest<'_>,
    base: &Register,
    ours: &Register,
    theirs: &Register,
    now: NaiveDateTime,
) -> anyhow::Result<merge::Merged> {
    refusals(request, base, ours, theirs)?;
    let (ours_office, theirs_office) = offices(request, ours, theirs)?;
    Ok(merge::merge(
        base,
        ours,
        theirs,
        &ours_office,
        &theirs_office,
        now,
    ))
}

/// Why the copies are not merged at all: copies of two registers, or a
/// BASE that is not the last copy OURS and THEIRS had in common, older
/// (by the merges or the saves they come from) or later (unless forced).
/// Only the copies' settings are read, which a copy read apart holds
/// whole.
fn refusals(
    request: &MergeRequest<'_>,
    base: &Register,
    ours: &Register,
    theirs: &Register,
) -> anyhow::Result<()> {
    let copies = [
        (ours, request.ours),
        (theirs, request.theirs),
        (base, request.base),
    ];
    for (i, (one, one_path)) in copies.iter().enumerate() {
        for (other, other_path) in copies.iter().skip(i + 1) {
            if !merge::same_register(one, other) {
                anyhow::bail!(foreign(other, other_path, one, one_path));
            }
        }
    }
    for (copy, path) in [(ours, request.ours), (theirs, request.theirs)] {
        if !merge::made_from(base, copy) {
            anyhow::bail!(
                "{} carries no identity, while the common copy {} carries that of \"{}\" \
                 (identity {}), which every copy made from it keeps: it is not a copy of that \
                 register (another register, or one whose identity was removed), so nothing \
                 was written: merge only copies of one register",
                path.display(),
                request.base.display(),
                base.name,
                base.identity
            );
        }
    }
    if request.force_base {
        return Ok(());
    }
    if let Err(older) = merge::check_base(base, ours, theirs) {
        anyhow::bail!(
            "{older}; nothing was written: merge from the copy that merge made, or add \
             --force-base to merge from this one anyway: {}",
            request.base.display()
        );
    }
    if let Err(not_common) = merge::check_saves(base, ours, theirs) {
        anyhow::bail!(
            "{}; nothing was written: merge from that copy, or add --force-base to merge from \
             this one anyway: {}",
            not_common.sentence(
                &request.ours.display().to_string(),
                &request.theirs.display().to_string()
            ),
            request.base.display()
        );
    }
    Ok(())
}

/// The offices named in the conflicts: as given, else the office code
/// each copy names, else its file's name. Refused when one holds what no
/// register may hold (a character that hides or reverses text, or more
/// than a name's length): the merged register would not open again.
fn offices(
    request: &MergeRequest<'_>,
    ours: &Register,
    theirs: &Register,
) -> anyhow::Result<(String, String)> {
    let office = |given: Option<&str>, copy: &Register, path: &Path, in_git: &str| {
        given
            .map(str::to_string)
            .or_else(|| (!copy.office.is_empty()).then(|| copy.office.clone()))
            .unwrap_or_else(|| {
                let name = path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string());
                // As git's driver the copies are git's temporary files,
                // whose names would mean nothing in the conflicts.
                if name.starts_with(".merge_file_") {
                    in_git.to_string()
                } else {
                    name
                }
            })
    };
    let ours_office = office(request.ours_office, ours, request.ours, "this branch");
    let theirs_office = office(
        request.theirs_office,
        theirs,
        request.theirs,
        "the merged branch",
    );
    for (name, option) in [
        (&ours_office, "--ours-office"),
        (&theirs_office, "--theirs-office"),
    ] {
        let wrong = hidden_characters::first_refused(name)
            .map(|(_, c)| format!("holds {}", hidden_characters::named(c)))
            .or_else(|| {
                text_limits::too_long("office", name)
                    .map(|_| format!("is longer than {MOST_NAME_CHARACTERS} characters"))
            });
        if let Some(wrong) = wrong {
            anyhow::bail!(
                "The office name {name:?} {wrong}, which no register may hold, so nothing was \
                 written: name the office with {option}"
            );
        }
    }
    Ok((ours_office, theirs_office))
}

/// Why two files cannot be merged: they are copies of two registers.
fn foreign(copy: &Register, path: &Path, other: &Register, other_path: &Path) -> String {
    format!(
        "{} is a copy of another register, \"{}\" (identity {}), not of \"{}\" (identity {}) \
         that {} is a copy of; merging them would mix two coalitions' records, so nothing was \
         written: merge only copies of one register",
        path.display(),
        copy.name,
        copy.identity,
        other.name,
        other.identity,
        other_path.display()
    )
}

/// Two copies kept under one office code hand out the same ids, so each
/// merge of them renumbers what both added: worth telling the officer.
fn one_office_warning(ours: &Register, theirs: &Register) -> Option<String> {
    (!ours.office.is_empty() && ours.office == theirs.office).then(|| {
        format!(
            "both copies are kept under the office code {}, so both hand out the same ids and \
             records added in each are renumbered at every merge; give each office its own code \
             on the Register tab",
            ours.office
        )
    })
}

/// Whether the merged register holds a marking above `held`, the highest
/// OURS held (by the merged register's levels), so that a file that was
/// open to others for what it held would now show them more.
fn raises_marking(held: Option<&str>, merged: &Register) -> bool {
    match (held, merged.highest_marking_held()) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(held), Some(now)) => merged.marking_rank(now) > merged.marking_rank(held),
    }
}

/// Whether the two paths name one file, however each is spelled.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A copy to merge, as read. One written by a newer version is refused:
/// merging would drop what that version added.
fn usable(
    loaded: Result<storage::Loaded, storage::StorageError>,
    path: &Path,
) -> anyhow::Result<Register> {
    let loaded = loaded?;
    if let Some(found) = loaded.newer_version {
        return Err(storage::StorageError::NewerVersion {
            found,
            path: path.to_path_buf(),
        }
        .into());
    }
    Ok(loaded.register)
}

/// BASE or THEIRS as read beside OURS, refused as [`usable`] refuses.
fn usable_apart(
    read: Result<storage::LoadedApart, storage::StorageError>,
    path: &Path,
) -> anyhow::Result<Apart> {
    let read = read?;
    let register = usable(Ok(read.loaded), path)?;
    Ok(Apart {
        register,
        same: read.same,
    })
}

/// A copy read beside OURS: whole, or without the records it writes as
/// OURS does, which `same` names.
struct Apart {
    register: Register,
    same: Option<storage::SameAsKnown>,
}

fn read_apart(copy: Apart) -> merge::ReadApart {
    let same = copy.same.unwrap_or_default();
    merge::ReadApart {
        register: copy.register,
        same_meetings: same.meetings,
        same_commitments: same.commitments,
    }
}
