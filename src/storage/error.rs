//! Everything that can go wrong reading or writing the register file.

use std::io;
use std::path::{Path, PathBuf};

/// A failure to read or write the register file.
///
/// Two ways to show it:
/// - `Display` (`to_string()`) is the compiler-style line for the command
///   line and logs: `FILE:LINE:COL: message`, or `FILE: message` when there
///   is no position. Editors and terminals make `FILE:LINE:COL` clickable.
/// - [`StorageError::describe`] is a sentence for the window, with the file
///   path last (DESIGN: "put file paths last in messages").
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The file could not be read at all (missing, no permission, ...).
    #[error("{}: could not read the file: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    /// The file exists but holds nothing.
    #[error("{}:1:1: the file is empty", path.display())]
    Empty { path: PathBuf },

    /// The file is not UTF-8 text: binary data or a different encoding.
    #[error("{}:{line}:{col}: the file is not text (invalid UTF-8 here)", path.display())]
    NotText {
        path: PathBuf,
        line: usize,
        col: usize,
    },

    /// The text is not valid RON, or does not match the register's shape.
    #[error("{}:{line}:{col}: {message}", path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },

    /// Valid RON, but not a Coalition Desk register (no or another `format`).
    #[error("{}:{line}:{col}: not a Coalition Desk register: {detail}", path.display())]
    NotARegister {
        path: PathBuf,
        line: usize,
        col: usize,
        detail: String,
    },

    /// Written by a newer version in a shape this version cannot read, or
    /// (on save) refusing to replace such a file.
    #[error(
        "{}: written by a newer version of Coalition Desk (format {found}; this version knows format {})",
        path.display(),
        super::FORMAT_VERSION
    )]
    NewerVersion { found: u32, path: PathBuf },

    /// A format version that never existed (0).
    #[error("{}: unknown format version {found}", path.display())]
    UnknownVersion { found: u32, path: PathBuf },

    /// Save refused: someone changed the file since it was opened or saved.
    #[error("{}: the file was changed on disk since it was opened; not saved", path.display())]
    ChangedOnDisk { path: PathBuf },

    /// The file (or its backup, or the temporary copy) could not be written.
    #[error("{}: could not save: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    /// The register could not be turned into RON text (should not happen).
    #[error("{}: could not write the register as RON: {message}", path.display())]
    Serialize { path: PathBuf, message: String },
}

impl StorageError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            StorageError::Read { path, .. }
            | StorageError::Empty { path }
            | StorageError::NotText { path, .. }
            | StorageError::Syntax { path, .. }
            | StorageError::NotARegister { path, .. }
            | StorageError::NewerVersion { path, .. }
            | StorageError::UnknownVersion { path, .. }
            | StorageError::ChangedOnDisk { path }
            | StorageError::Write { path, .. }
            | StorageError::Serialize { path, .. } => path,
        }
    }

    /// Line and column (both from 1) of the problem in the file, when the
    /// problem is in the file's text.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            StorageError::Empty { .. } => Some((1, 1)),
            StorageError::NotText { line, col, .. }
            | StorageError::Syntax { line, col, .. }
            | StorageError::NotARegister { line, col, .. } => Some((*line, *col)),
            _ => None,
        }
    }

    /// A sentence for the officer, file path last, e.g.
    /// `The register file ends too early, as if cut short (line 12, column 3): /home/a/register.ron`.
    pub fn describe(&self) -> String {
        let what = match self {
            StorageError::Read { source, .. } => {
                format!("The register file could not be opened ({source})")
            }
            StorageError::Empty { .. } => "The register file is empty".to_string(),
            StorageError::NotText { .. } => {
                "The file is not a text register: it holds binary data or another encoding"
                    .to_string()
            }
            StorageError::Syntax { message, .. } => {
                format!("The register file could not be read: {message}")
            }
            StorageError::NotARegister { detail, .. } => {
                format!("This is not a Coalition Desk register: {detail}")
            }
            StorageError::NewerVersion { found, .. } => format!(
                "The register was written by a newer version of Coalition Desk (format {found}; \
                 this version knows format {}). Update Coalition Desk to work on it",
                super::FORMAT_VERSION
            ),
            StorageError::UnknownVersion { found, .. } => {
                format!("The register has an unknown format version {found}")
            }
            StorageError::ChangedOnDisk { .. } => {
                "The register file was changed by someone else since you opened it; \
                 your changes are not saved yet"
                    .to_string()
            }
            StorageError::Write { source, .. } => {
                format!("The register could not be saved ({source}); the file on disk is unchanged")
            }
            StorageError::Serialize { message, .. } => {
                format!("The register could not be written as text ({message})")
            }
        };
        match self.position() {
            Some((line, col)) => format!(
                "{what} (line {line}, column {col}): {}",
                self.path().display()
            ),
            None => format!("{what}: {}", self.path().display()),
        }
    }
}
