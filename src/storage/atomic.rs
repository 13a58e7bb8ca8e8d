//! The one way a file is written: a temporary file in the same folder,
//! synced, given its permissions, renamed over the target, the folder
//! synced. A reader, a crash or a full disk sees the old file or the new
//! one, never a mix and never an empty file. The register, its recovery
//! copy, the copies kept for partner offices and every output go through
//! [`write_atomically`].

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::StorageError;
use super::access::{self, WrittenFrom};
use super::disk_stamp::DiskStamp;
use super::side_files::{self, TEMP_RANDOM, TEMP_SUFFIX, backup_path};

/// Whether an atomic write keeps the replaced file as `FILE.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backup {
    /// The replaced file becomes `FILE.bak`.
    Keep,
    /// The replaced file goes: the new content holds all it had.
    Skip,
}

/// How a file is written.
#[derive(Clone, Debug)]
pub(crate) struct Writing<'a> {
    pub(crate) backup: Backup,
    /// Whether a symbolic link at the path is written through (the
    /// register the officer opened behind a link stays where it is) or
    /// refused (everything else: a link planted where a recovery copy or
    /// an export goes must not redirect it onto another file).
    pub(crate) through_link: bool,
    pub(crate) from: WrittenFrom<'a>,
}

/// Writes `bytes` to `path` atomically, as the module says. Before the
/// rename it calls `before_rename` (tests simulate a crash there). Any
/// temporary file an earlier, killed write of the same file left behind
/// is removed first.
pub(crate) fn write_atomically(
    path: &Path,
    bytes: &[u8],
    how: &Writing<'_>,
    before_rename: impl FnOnce() -> io::Result<()>,
) -> Result<DiskStamp, StorageError> {
    write_atomically_from(path, how, before_rename, |out| out.put(bytes))
}

/// The temporary file being written, taking what `fill` puts in it and
/// noting its length and hash for the stamp as it goes.
pub(crate) struct Filling<'a> {
    file: &'a mut File,
    path: &'a Path,
    len: u64,
    hasher: xxhash_rust::xxh3::Xxh3,
    /// Where the last request to send what is written to the disk was.
    asked_at: u64,
    early: Option<EarlySync>,
}

impl Filling<'_> {
    /// Appends `bytes` to the file.
    pub(crate) fn put(&mut self, bytes: &[u8]) -> Result<(), StorageError> {
        self.file
            .write_all(bytes)
            .map_err(|source| StorageError::Write {
                path: self.path.to_path_buf(),
                source,
            })?;
        self.hasher.update(bytes);
        self.len += bytes.len() as u64;
        if self.len - self.asked_at >= SYNC_EARLY_EVERY {
            self.asked_at = self.len;
            self.sync_early();
        }
        Ok(())
    }

    /// Asks that what is written so far go to the disk, on a thread of
    /// its own (started at the first request): a large file then reaches
    /// the disk while the rest of it is made, and the fsync before the
    /// rename has only its tail left (it took 60 ms of a 100 MB merge,
    /// issue 19). A request made while one is under way is dropped.
    fn sync_early(&mut self) {
        if self.early.is_none() {
            self.early = EarlySync::start(self.file);
        }
        if let Some(early) = &self.early {
            let _ = early.ask.try_send(());
        }
    }

    /// Ends the early syncs, with the first error one of them met: on
    /// Linux a failed fsync reports its error once for all the handles
    /// of a file, so the fsync before the rename may no longer see it.
    fn end_early_syncs(&mut self) -> io::Result<()> {
        let Some(early) = self.early.take() else {
            return Ok(());
        };
        drop(early.ask);
        match early.done.join() {
            Ok(Some(error)) => Err(error),
            Ok(None) => Ok(()),
            Err(_) => Err(io::Error::other("the thread syncing the file failed")),
        }
    }
}

/// How much is written between two requests that it go to the disk.
const SYNC_EARLY_EVERY: u64 = 16 << 20;

/// The thread sending a file being written to the disk as asked.
struct EarlySync {
    ask: std::sync::mpsc::SyncSender<()>,
    /// The first error a sync met, if any.
    done: std::thread::JoinHandle<Option<io::Error>>,
}

impl EarlySync {
    /// `None` when the file cannot be shared with a thread: the fsync
    /// before the rename then does all of it, as it always does the rest.
    fn start(file: &File) -> Option<EarlySync> {
        let file = file.try_clone().ok()?;
        let (ask, asked) = std::sync::mpsc::sync_channel::<()>(1);
        let done = std::thread::Builder::new()
            .name("early sync".into())
            .spawn(move || {
                for () in asked {
                    if let Err(error) = file.sync_data() {
                        return Some(error);
                    }
                }
                None
            })
            .ok()?;
        Some(EarlySync { ask, done })
    }
}

/// [`write_atomically`] of what `fill` puts in the file, piece by piece:
/// a large register's text is written as it is made, never held whole
/// (issue 19). A failure of `fill` leaves the file as it was.
pub(crate) fn write_atomically_from(
    path: &Path,
    how: &Writing<'_>,
    before_rename: impl FnOnce() -> io::Result<()>,
    fill: impl FnOnce(&mut Filling<'_>) -> Result<(), StorageError>,
) -> Result<DiskStamp, StorageError> {
    let target = target_of(path, how.through_link)?;
    let write_error = |source| StorageError::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old = fs::metadata(&target).ok();
    side_files::remove_leftovers(&target);

    // Same folder as the target, so the rename stays on one file system
    // and is atomic. The temporary file deletes itself on any early return;
    // its name is short and says whose it is, so a kill that leaves it is
    // cleaned up by the next write (see `side_files`).
    let mut temp = tempfile::Builder::new()
        .prefix(&side_files::temp_prefix(&target))
        .rand_bytes(TEMP_RANDOM)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(&folder)
        .map_err(write_error)?;
    // Held until the rename: another write cleaning up leftovers leaves a
    // temporary file alone while its lock is held. A file system without
    // locks only loses that cleanup.
    let _ = temp.as_file().try_lock();
    if let Some(permissions) = access::permissions(old.as_ref(), &how.from) {
        // Set before the content goes in, so no reader can open it wider.
        temp.as_file()
            .set_permissions(permissions)
            .map_err(write_error)?;
    }
    // Through the file itself: tempfile would add its own name to the error.
    let mut filling = Filling {
        file: temp.as_file_mut(),
        path,
        len: 0,
        hasher: xxhash_rust::xxh3::Xxh3::new(),
        asked_at: 0,
        early: None,
    };
    fill(&mut filling)?;
    filling.end_early_syncs().map_err(write_error)?;
    // The stamp of what was written: the same as `DiskStamp::of_bytes`
    // of the whole, since XXH3 streamed is XXH3 at once.
    let (len, hash) = (filling.len, filling.hasher.digest());
    temp.as_file().sync_all().map_err(write_error)?;
    if old.is_some() && how.backup == Backup::Keep {
        keep_backup(&target)?;
    }
    before_rename().map_err(write_error)?;
    let file = temp.persist(&target).map_err(|e| write_error(e.error))?;
    drop(file);
    // `persist` is a rename, which is only durable once the folder entry is
    // synced. Some platforms refuse to open or sync a folder; the file is
    // written either way, so that is not an error.
    if let Ok(dir) = File::open(&folder) {
        let _ = dir.sync_all();
    }
    let modified = fs::metadata(&target).and_then(|m| m.modified()).ok();
    Ok(DiskStamp {
        len,
        modified,
        hash,
    })
}

/// The file a write of `path` replaces: `path` itself, or where the link
/// at `path` points when links are written through; a link is refused
/// otherwise.
fn target_of(path: &Path, through_link: bool) -> Result<PathBuf, StorageError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            if !through_link {
                return Err(StorageError::Link {
                    path: path.to_path_buf(),
                });
            }
            // Renaming over a link would replace the link with a file;
            // write where it points instead.
            Ok(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// Keeps the current file as `FILE.bak`. A hard link costs nothing and
/// leaves the original in place until the rename replaces it; file systems
/// without hard links get a copy, written only to a new file so that a
/// link planted at the backup's name is never followed.
fn keep_backup(target: &Path) -> Result<(), StorageError> {
    let backup = backup_path(target);
    let backup_error = |source| StorageError::Write {
        path: backup.clone(),
        source,
    };
    // Removing a link removes the link, not what it points to.
    match fs::remove_file(&backup) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(backup_error(e)),
        _ => {}
    }
    if fs::hard_link(target, &backup).is_ok() {
        return Ok(());
    }
    let mut from = File::open(target).map_err(backup_error)?;
    let mut to = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&backup)
        .map_err(backup_error)?;
    if let Ok(meta) = from.metadata() {
        // No wider than the register it copies; a failure here only
        // leaves the copy as private as a new file.
        let _ = to.set_permissions(meta.permissions());
    }
    io::copy(&mut from, &mut to).map_err(backup_error)?;
    to.sync_all().map_err(backup_error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_synced_early_as_it_is_written_holds_every_byte_and_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.ron");
        // 40 MB in pieces of 1 MB: two early syncs on their thread.
        let piece: Vec<u8> = (0..1 << 20).map(|n: u32| b'a' + (n % 26) as u8).collect();
        let how = Writing {
            backup: Backup::Keep,
            through_link: true,
            from: WrittenFrom::default(),
        };
        let mut early_syncs = false;
        let stamp = write_atomically_from(
            &path,
            &how,
            || Ok(()),
            |out| {
                for _ in 0..40 {
                    out.put(&piece)?;
                }
                early_syncs = out.early.is_some();
                Ok(())
            },
        )
        .unwrap();
        assert!(early_syncs, "a 40 MB file is synced early");
        let written = fs::read(&path).unwrap();
        assert_eq!(written, piece.repeat(40));
        let expected = DiskStamp::of_bytes(&written, None);
        assert!(stamp.same_content(&expected));
        assert_eq!(stamp.len, 40 << 20);
    }
}
