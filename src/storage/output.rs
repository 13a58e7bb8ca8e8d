//! Files made from the register for other readers and tools: the printed
//! PDFs, the calendar, the CSV exports, the sample. Each is written the
//! way the register is ([`super::atomic`]), and more carefully still: an
//! output never replaces a register file, never writes through a link,
//! never replaces a read-only file, and is never more open than the
//! register it came from.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

use super::StorageError;
use super::access::{self, WrittenFrom};
use super::atomic::{Backup, Writing, write_atomically};
use super::format;

/// How much of an existing file is read to tell whether it is a register.
const HEAD: u64 = 64 * 1024;

/// Writes `bytes` to `output` safely, as the module says; `from` names the
/// registers the content came from and whether it is for its owner only.
pub fn write_output(
    output: &Path,
    bytes: &[u8],
    from: &WrittenFrom<'_>,
) -> Result<(), StorageError> {
    write_output_with_hook(output, bytes, from, || Ok(()))
}

/// [`write_output`], calling `before_rename` once the new content is
/// written and synced but before it replaces `output`. Tests use it to
/// simulate a crash or a full disk at that point.
#[doc(hidden)]
pub fn write_output_with_hook(
    output: &Path,
    bytes: &[u8],
    from: &WrittenFrom<'_>,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<(), StorageError> {
    check_output(output, from)?;
    let how = Writing {
        backup: Backup::Skip,
        through_link: false,
        from: from.clone(),
    };
    match write_atomically(output, bytes, &how, before_rename) {
        Ok(_) => Ok(()),
        Err(StorageError::Write { path, source }) => {
            Err(StorageError::OutputWrite { path, source })
        }
        Err(error) => Err(error),
    }
}

/// Why `output` must not be replaced, if it must not: a link, a register
/// file (one it was made from, however named, or any other by its
/// content), or a read-only file. No file is fine.
fn check_output(output: &Path, from: &WrittenFrom<'_>) -> Result<(), StorageError> {
    let refused = |error: fn(std::path::PathBuf) -> StorageError| Err(error(output.to_path_buf()));
    let meta = match fs::symlink_metadata(output) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StorageError::OutputWrite {
                path: output.to_path_buf(),
                source,
            });
        }
    };
    if meta.file_type().is_symlink() {
        return refused(|path| StorageError::Link { path });
    }
    let is_source = from
        .registers
        .iter()
        .any(|register| access::same_file(output, register));
    if is_source || (meta.is_file() && holds_a_register(output)) {
        return refused(|path| StorageError::RegisterInTheWay { path });
    }
    if access::read_only(output) {
        return refused(|path| StorageError::ReadOnly { path });
    }
    Ok(())
}

/// Whether the file at `path` is a Coalition Desk register (or its backup
/// or recovery copy): the envelope's name near the start, or a header
/// that names the format. A file that cannot be read is not taken for one;
/// replacing it fails on its own.
fn holds_a_register(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if file.take(HEAD).read_to_end(&mut head).is_err() {
        return false;
    }
    memchr::memmem::find(&head, format::ENVELOPE_NAME.as_bytes()).is_some_and(|at| {
        head.get(at + format::ENVELOPE_NAME.len()..)
            .and_then(|rest| rest.iter().find(|b| !b.is_ascii_whitespace()))
            == Some(&b'(')
    }) || format::probe_version(&head).is_some()
}
