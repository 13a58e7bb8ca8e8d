//! Recovery copies: the unsaved register written aside now and then, so a
//! crash or power cut costs minutes, not a day. Never the register itself.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::StorageError;
use super::access::WrittenFrom;
use super::atomic::{Backup, Writing, write_atomically};
use super::format;
use super::side_files::side_path;
use crate::model::Register;

/// Where the recovery copy of a register lives: `FILE.recovery` next to
/// the file, or `untitled.recovery.ron` in the user's data folder for a
/// register never saved (`None`). `None` when the platform has no data
/// folder (no home directory).
pub fn recovery_path(register_path: Option<&Path>) -> Option<PathBuf> {
    match register_path {
        Some(path) => Some(side_path(path, ".recovery")),
        None => directories::ProjectDirs::from("org", "coalition-desk", "Coalition Desk")
            .map(|dirs| dirs.data_dir().join("untitled.recovery.ron")),
    }
}

/// Writes the recovery copy atomically (no backup: it is a backup itself),
/// never more open than the register's file and only its owner's for a
/// register never saved. A link at the recovery copy's name is refused,
/// never followed. Returns where it went. Load it back with
/// [`super::load`].
pub fn write_recovery(
    register_path: Option<&Path>,
    register: &Register,
) -> Result<PathBuf, StorageError> {
    let recovery = recovery_path(register_path).ok_or_else(no_data_folder)?;
    let text = format::to_ron(register, &recovery)?;
    if let Some(folder) = recovery.parent() {
        // Only the untitled copy's data folder may not exist yet.
        fs::create_dir_all(folder).map_err(|source| StorageError::Write {
            path: recovery.clone(),
            source,
        })?;
    }
    let how = Writing {
        backup: Backup::Skip,
        through_link: false,
        from: WrittenFrom::register(register_path, false),
    };
    write_atomically(&recovery, text.as_bytes(), &how, || Ok(()))?;
    Ok(recovery)
}

/// The recovery copy to offer when opening, if there is one newer than the
/// register file (or the register file is gone, or never existed).
pub fn recovery_offer(register_path: Option<&Path>) -> Option<PathBuf> {
    let recovery = recovery_path(register_path)?;
    let recovery_time = fs::metadata(&recovery).and_then(|m| m.modified()).ok()?;
    let register_time = register_path.and_then(|p| fs::metadata(p).and_then(|m| m.modified()).ok());
    match register_time {
        Some(saved) if saved >= recovery_time => None,
        _ => Some(recovery),
    }
}

/// Deletes the recovery copy (after a save, or when the officer declines
/// it). No copy is fine.
pub fn discard_recovery(register_path: Option<&Path>) -> Result<(), StorageError> {
    let Some(recovery) = recovery_path(register_path) else {
        return Ok(());
    };
    match fs::remove_file(&recovery) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(StorageError::Write {
            path: recovery,
            source: e,
        }),
        _ => Ok(()),
    }
}

fn no_data_folder() -> StorageError {
    StorageError::Write {
        path: PathBuf::from("untitled.recovery.ron"),
        source: io::Error::new(
            io::ErrorKind::NotFound,
            "this account has no data folder for recovery copies",
        ),
    }
}
