//! Everything that can go wrong reading or writing the register file.

use std::io;
use std::path::{Path, PathBuf};

/// A failure to read or write the register file.
///
/// `Display` is the sentence for the officer, file path last, with the line
/// and column in words where the problem is in the file's text:
/// `The register file ends too early, as if cut short (line 12, column 3): /home/a/register.ron`.
/// The command line shows the same sentence, with the place in front as
/// `FILE:LINE:COL:` where there is one (`cli::error_line`), so editors and
/// terminals make it clickable.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The file could not be read at all (missing, no permission, ...).
    Read { path: PathBuf, source: io::Error },

    /// The file exists but holds nothing.
    Empty { path: PathBuf },

    /// The file is not UTF-8 text: binary data or a different encoding.
    NotText {
        path: PathBuf,
        line: usize,
        col: usize,
    },

    /// The text is not valid RON, or does not match the register's shape.
    Syntax {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },

    /// Valid RON, but not a Coalition Desk register (no or another `format`).
    NotARegister {
        path: PathBuf,
        line: usize,
        col: usize,
        detail: String,
    },

    /// Written by a newer version in a shape this version cannot read, or
    /// (on save) refusing to replace such a file.
    NewerVersion { found: u32, path: PathBuf },

    /// A format version that never existed (0).
    UnknownVersion { found: u32, path: PathBuf },

    /// Save refused: someone changed the file since it was opened or saved.
    ChangedOnDisk { path: PathBuf },

    /// The file (or its backup, or the temporary copy) could not be written.
    Write { path: PathBuf, source: io::Error },

    /// A file written from the register (an export, a printout) could not
    /// be written; what was at its path before is unchanged.
    OutputWrite { path: PathBuf, source: io::Error },

    /// A symbolic link stands where a file would be written: never
    /// followed, so the file it points to is not replaced.
    Link { path: PathBuf },

    /// The file's permissions allow no changes, so it is not replaced.
    ReadOnly { path: PathBuf },

    /// An output (an export, a printout, the sample) would replace a
    /// register file: the one it was made from, or any other.
    RegisterInTheWay { path: PathBuf },

    /// The register could not be turned into RON text (should not happen).
    Serialize { path: PathBuf, message: String },

    /// Two records of different kinds share an id (a participant 1 and a
    /// commitment 1): the format gives every record an id of its own.
    /// `message` names both.
    SharedId { path: PathBuf, message: String },

    /// A partner office named by something that is not an office code, so
    /// no file is named after it. `path` is the register's.
    NotAnOffice { office: String, path: PathBuf },

    /// The copy last exchanged with `office` is kept but cannot be read.
    KeptCopy {
        office: String,
        #[source]
        error: Box<StorageError>,
    },
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
            | StorageError::OutputWrite { path, .. }
            | StorageError::Link { path }
            | StorageError::ReadOnly { path }
            | StorageError::RegisterInTheWay { path }
            | StorageError::Serialize { path, .. }
            | StorageError::SharedId { path, .. }
            | StorageError::NotAnOffice { path, .. } => path,
            StorageError::KeptCopy { error, .. } => error.path(),
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
            StorageError::KeptCopy { error, .. } => error.position(),
            _ => None,
        }
    }

    /// The sentence alone, without the file or the place in it: what
    /// `Display` and `cli::error_line` put the place around.
    pub fn message(&self) -> String {
        match self {
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
            StorageError::OutputWrite { source, .. } => format!(
                "The file could not be written ({source}); whatever was there before is unchanged"
            ),
            StorageError::Link { .. } => "The file is a symbolic link, which Coalition Desk never \
                 writes through, so nothing was written: remove the link or choose another name"
                .to_string(),
            StorageError::ReadOnly { .. } => "The file is read-only (its permissions allow no \
                 changes), so it was left as it is: write to another file, or make it writable \
                 first"
                .to_string(),
            StorageError::RegisterInTheWay { .. } => "That file is a register, and an export, a \
                 printout or a sample never replaces a register, so nothing was written: choose \
                 another name"
                .to_string(),
            StorageError::Serialize { message, .. } => {
                format!("The register could not be written as text ({message})")
            }
            StorageError::SharedId { message, .. } => message.clone(),
            StorageError::NotAnOffice { office, .. } => format!(
                "\"{office}\" is not an office code: an office code is 2 to 5 capital letters \
                 or digits, starting with a letter (LON, PAR)"
            ),
            StorageError::KeptCopy { office, error } => format!(
                "The copy last exchanged with {office}, kept to merge that office's next copy, \
                 cannot be used: {}",
                lower_first(&error.message())
            ),
        }
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = self.message();
        let path = self.path().display();
        match self.position() {
            Some((line, col)) => write!(f, "{what} (line {line}, column {col}): {path}"),
            None => write!(f, "{what}: {path}"),
        }
    }
}

/// `The register file is empty` → `the register file is empty`, to follow
/// a colon.
fn lower_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
