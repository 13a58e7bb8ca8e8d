//! The copies last exchanged with each partner office, kept beside the
//! register: `register.ron` keeps `register.exchanged/PAR.ron` for Paris.
//! The next copy Paris sends is merged against it, three ways, so that
//! what each office changed since is told apart from what the other did.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::StorageError;
use super::access::WrittenFrom;
use super::atomic::{Backup, Writing, write_atomically};
use super::file::load;
use super::format;
use crate::model::{Register, is_office_code};

/// The folder of kept copies: `<dir>/<file stem>.exchanged`.
fn folder(register: &Path) -> PathBuf {
    let stem = register
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| "register".to_string());
    register.with_file_name(format!("{stem}.exchanged"))
}

/// Where the copy last exchanged with `office` is kept, beside the
/// register at `register`: `<dir>/<file stem>.exchanged/<OFFICE>.ron`.
/// Only the letters and digits of `office` go into the name, so even a
/// code that is not one stays in that folder; [`keep_base`] and
/// [`read_kept_base`] refuse such a code.
pub fn kept_base_path(register: &Path, office: &str) -> PathBuf {
    let name: String = office
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    folder(register).join(format!("{name}.ron"))
}

/// The kept copy's path, or the refusal of a code that is not an office's.
fn checked_path(register: &Path, office: &str) -> Result<PathBuf, StorageError> {
    if is_office_code(office) {
        Ok(kept_base_path(register, office))
    } else {
        Err(StorageError::NotAnOffice {
            office: office.to_string(),
            path: register.to_path_buf(),
        })
    }
}

/// Keeps `copy` as the copy last exchanged with `office` (written
/// atomically, like a save, never more open than the register; creates
/// the folder).
pub fn keep_base(register: &Path, office: &str, copy: &Register) -> Result<(), StorageError> {
    let path = checked_path(register, office)?;
    let text = format::to_ron(copy, &path)?;
    fs::create_dir_all(folder(register)).map_err(|source| StorageError::Write {
        path: path.clone(),
        source,
    })?;
    // No `.bak`: the copy it replaces was merged already and is not needed.
    let how = Writing {
        backup: Backup::Skip,
        through_link: false,
        from: WrittenFrom::register(Some(register), false),
    };
    write_atomically(&path, text.as_bytes(), &how, || Ok(()))?;
    Ok(())
}

/// The copy last exchanged with `office`, if one is kept. A kept copy
/// that cannot be read is an error, never taken for no copy: merging
/// without the base would turn every difference into a decision.
pub fn read_kept_base(register: &Path, office: &str) -> Result<Option<Register>, StorageError> {
    let path = checked_path(register, office)?;
    match load(&path) {
        Ok(loaded) => Ok(Some(loaded.register)),
        Err(StorageError::Read { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(error) => Err(StorageError::KeptCopy {
            office: office.to_string(),
            error: Box::new(error),
        }),
    }
}

/// The offices a base is kept for, sorted.
pub fn partner_offices(register: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(folder(register)) else {
        return Vec::new();
    };
    let mut offices: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".ron")
                .filter(|office| is_office_code(office))
                .map(str::to_string)
        })
        .collect();
    offices.sort();
    offices
}
