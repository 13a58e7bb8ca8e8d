//! Reading and writing the register file: atomic save with a backup, and a
//! stamp of what is on disk so Save can notice someone else's changes.

use std::fs;
use std::io::{self, Read};
use std::path::Path;
use std::time::SystemTime;

use super::StorageError;
use super::access::{self, WrittenFrom};
use super::atomic::{Backup, Writing, write_atomically_from};
use super::disk_stamp::DiskStamp;
use super::format::{self, FORMAT_VERSION};
use crate::model::Register;

/// The stamp of the file as it is now; `None` when there is no file.
pub fn disk_stamp(path: &Path) -> Result<Option<DiskStamp>, StorageError> {
    Ok(read_existing(path)?.map(|file| DiskStamp::of_bytes(&file.bytes, file.modified)))
}

/// A register read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub register: Register,
    /// `Some(version)` when a newer Coalition Desk wrote the file. It still
    /// parsed, but saving would drop what the newer version added: open it
    /// read-only (see [`Loaded::read_only_reason`]).
    pub newer_version: Option<u32>,
    /// The file as read, to pass to [`save`] later.
    pub stamp: DiskStamp,
    /// The file's permissions allow no changes (0444, the read-only
    /// attribute, or not this account's to write): it is respected, so
    /// the register opens read-only and every save refuses it.
    pub read_only_file: bool,
}

impl Loaded {
    /// Why the document must open read-only, in the officer's words, if so.
    /// Goes into `Document::read_only`.
    pub fn read_only_reason(&self) -> Option<String> {
        match (self.newer_version, self.read_only_file) {
            (Some(v), _) => Some(format!(
                "written by a newer version (format {v}); opened read-only"
            )),
            (None, true) => Some(READ_ONLY_FILE.to_string()),
            (None, false) => None,
        }
    }
}

/// Why a register whose file may not be changed opened read-only.
const READ_ONLY_FILE: &str = "read-only on disk (its permissions allow no changes)";

/// Reads the register at `path`. Never writes to the file.
///
/// Empty, binary, truncated or garbled files give an error with the line
/// and column; a file of a newer format gives `Loaded::newer_version` when
/// it still parses and [`StorageError::NewerVersion`] when it does not.
pub fn load(path: &Path) -> Result<Loaded, StorageError> {
    load_reading(path, |bytes| format::from_bytes(bytes, path)).map(|(loaded, _)| loaded)
}

/// [`load`] with `read` in place of [`format::from_bytes`]; gives back the
/// file's bytes beside what was read.
pub(super) fn load_reading(
    path: &Path,
    read: impl FnOnce(&[u8]) -> Result<format::Parsed, StorageError>,
) -> Result<(Loaded, Vec<u8>), StorageError> {
    let mut bytes = Vec::new();
    let loaded = load_reading_into(path, &mut bytes, read)?;
    Ok((loaded, bytes))
}

/// [`load_reading`] into `bytes`, which is emptied first and keeps the
/// file's bytes after: the merge reads three copies of one size in turn
/// into one buffer, whose pages are then mapped once, not three times
/// (issue 19: a fresh 100 MB for each copy took the system a tenth of a
/// second in page faults and in giving the last one back).
#[expect(
    clippy::verbose_file_reads,
    reason = "read into a buffer kept from one copy to the next, which fs::read cannot"
)]
pub(super) fn load_reading_into(
    path: &Path,
    bytes: &mut Vec<u8>,
    read: impl FnOnce(&[u8]) -> Result<format::Parsed, StorageError>,
) -> Result<Loaded, StorageError> {
    let read_error = |source| StorageError::Read {
        path: path.to_path_buf(),
        source,
    };
    bytes.clear();
    let mut file = fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map(|m| m.len()).ok();
    if let Some(size) = size.and_then(|size| usize::try_from(size).ok()) {
        bytes.reserve(size);
    }
    file.read_to_end(bytes).map_err(read_error)?;
    drop(file);
    let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
    // A large file's stamp is hashed beside its reading (its UTF-8 check
    // runs on this thread alone): each is a pass over the whole file.
    let bytes: &[u8] = bytes;
    let (stamp, parsed) = if bytes.len() >= super::parallel::WORTH_IT_FROM_BYTES {
        std::thread::scope(|scope| {
            let stamp = scope.spawn(|| DiskStamp::of_bytes(bytes, modified));
            let parsed = read(bytes);
            match stamp.join() {
                Ok(stamp) => (stamp, parsed),
                Err(panicked) => std::panic::resume_unwind(panicked),
            }
        })
    } else {
        (DiskStamp::of_bytes(bytes, modified), read(bytes))
    };
    let parsed = parsed?;
    Ok(Loaded {
        register: parsed.register,
        newer_version: parsed.newer_version,
        stamp,
        read_only_file: access::read_only(path),
    })
}

/// What a save may replace.
#[derive(Clone, Copy, Debug)]
pub enum Overwrite<'a> {
    /// Only the file exactly as stamped (when opened or last saved). Any
    /// other content, or a missing file, gives
    /// [`StorageError::ChangedOnDisk`]. The normal Save.
    IfUnchanged(&'a DiskStamp),
    /// Whatever is there (or nothing), except a file written by a newer
    /// version. Save As, or Save after the officer chose to overwrite
    /// someone else's changes.
    IfCurrentFormat,
    /// Anything, even a newer version's file. Only after the officer
    /// confirmed that what the newer version added will be lost.
    Anything,
}

/// Saves `register` to `path` atomically, keeping the previous file as
/// `FILE.bak`. Returns the stamp of the new file.
///
/// With `expected` (the stamp from [`load`] or the last save), refuses
/// with [`StorageError::ChangedOnDisk`] if the file changed since; with
/// `None`, overwrites. Never replaces a newer version's file
/// ([`StorageError::NewerVersion`]); see [`save_with`] for that.
pub fn save(
    path: &Path,
    register: &Register,
    expected: Option<&DiskStamp>,
) -> Result<DiskStamp, StorageError> {
    let overwrite = match expected {
        Some(stamp) => Overwrite::IfUnchanged(stamp),
        None => Overwrite::IfCurrentFormat,
    };
    save_with(path, register, overwrite)
}

/// [`save`] with an explicit choice of what may be replaced.
pub fn save_with(
    path: &Path,
    register: &Register,
    overwrite: Overwrite<'_>,
) -> Result<DiskStamp, StorageError> {
    save_with_hook(path, register, overwrite, || Ok(()))
}

/// [`save_with`], calling `before_rename` after the new content is written
/// and synced to the temporary file (and the backup made) but before it
/// replaces the register. Tests use it to simulate a crash at that point.
#[doc(hidden)]
pub fn save_with_hook(
    path: &Path,
    register: &Register,
    overwrite: Overwrite<'_>,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<DiskStamp, StorageError> {
    check_overwrite(path, overwrite)?;
    write_register(
        path,
        register,
        Backup::Keep,
        WrittenFrom::default(),
        before_rename,
    )
}

/// [`save_with`] without keeping the replaced file as `FILE.bak`: for a
/// caller whose new content already holds everything the old file had.
/// Still atomic, and still refuses what `overwrite` does not allow.
pub fn save_without_backup(
    path: &Path,
    register: &Register,
    overwrite: Overwrite<'_>,
) -> Result<DiskStamp, StorageError> {
    save_from(
        path,
        register,
        overwrite,
        Backup::Skip,
        WrittenFrom::default(),
    )
}

/// [`save_with`] for a register made from other register files (Save As,
/// a merge, a copy for a partner office): the file is never more open
/// than any of `from.registers`, nor than the file it replaces, and only
/// its owner's when `from.owner_only`. `backup` says whether the replaced
/// file is kept as `FILE.bak`.
pub fn save_from(
    path: &Path,
    register: &Register,
    overwrite: Overwrite<'_>,
    backup: Backup,
    from: WrittenFrom<'_>,
) -> Result<DiskStamp, StorageError> {
    check_overwrite(path, overwrite)?;
    write_register(path, register, backup, from, || Ok(()))
}

/// The register written atomically, through a link at `path` (the
/// officer's register may live behind one). Its text goes into the
/// temporary file as it is made: a register that cannot be written fails
/// before the rename, and costs the officer nothing of the file they have.
fn write_register(
    path: &Path,
    register: &Register,
    backup: Backup,
    from: WrittenFrom<'_>,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<DiskStamp, StorageError> {
    let how = Writing {
        backup,
        through_link: true,
        from,
    };
    write_atomically_from(path, &how, before_rename, |out| {
        format::write_ron(register, path, &mut |text| out.put(text.as_bytes()))
    })
}

fn check_overwrite(path: &Path, overwrite: Overwrite<'_>) -> Result<(), StorageError> {
    // Whatever the officer chose to overwrite, a file whose permissions
    // say it must not change is not changed (a rename would replace it).
    if access::read_only(path) {
        return Err(StorageError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    if matches!(overwrite, Overwrite::Anything) {
        return Ok(());
    }
    let version = match overwrite {
        Overwrite::IfUnchanged(expected) => {
            let current = read_existing(path)?;
            let unchanged = current
                .as_ref()
                .is_some_and(|file| DiskStamp::of_bytes(&file.bytes, None).same_content(expected));
            if !unchanged {
                return Err(StorageError::ChangedOnDisk {
                    path: path.to_path_buf(),
                });
            }
            current.and_then(|file| format::probe_version(&file.bytes))
        }
        _ => version_on_disk(path)?,
    };
    if let Some(found) = version.filter(|&v| v > FORMAT_VERSION) {
        return Err(StorageError::NewerVersion {
            found,
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// The format version of the file at `path`, as [`format::probe_version`]
/// reads it, from the file's head when the header is there: a merge or a
/// Save As over a large register read all of it only to learn its
/// version (issue 19). `None` when there is no file or no version.
fn version_on_disk(path: &Path) -> Result<Option<u32>, StorageError> {
    let read_error = |source| StorageError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut head = Vec::new();
    match fs::File::open(path) {
        Ok(file) => {
            file.take(format::HEADER_BYTES as u64)
                .read_to_end(&mut head)
                .map_err(read_error)?;
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_error(source)),
    }
    if let Some((tag, version)) = format::header_in(&head) {
        return Ok((tag == format::FORMAT_TAG).then_some(version));
    }
    Ok(read_existing(path)?.and_then(|file| format::probe_version(&file.bytes)))
}

/// A file's content as read just now.
struct OnDisk {
    bytes: Vec<u8>,
    modified: Option<SystemTime>,
}

/// The file as it is now, or `None` if it does not exist.
fn read_existing(path: &Path) -> Result<Option<OnDisk>, StorageError> {
    match fs::read(path) {
        Ok(bytes) => {
            let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
            Ok(Some(OnDisk { bytes, modified }))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StorageError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}
