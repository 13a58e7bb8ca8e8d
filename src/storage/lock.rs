//! The side lock file `FILE.lock` that stops two instances (two officers on
//! a shared folder, or two windows) from editing the same register.
//!
//! The lock is the operating system's (`File::try_lock`, `flock` on Unix),
//! so it disappears with the process even after a crash; the file's text
//! only says who holds it.

use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Seek, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::file::with_suffix;

/// Why the register could not be locked for editing.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another instance holds the lock; `holder` is what it wrote, e.g.
    /// `alice@ws12 (pid 4242) since 2026-11-25 09:12`.
    #[error("The register is in use, held by {holder}: {}", path.display())]
    HeldBy { holder: String, path: PathBuf },
    /// The lock file could not be created or locked (read-only folder,
    /// file system without locks, ...).
    #[error("The register could not be locked for editing ({source}): {}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl LockError {
    /// The text for `Document::read_only`, e.g.
    /// `opened read-only: held by alice@ws12 (pid 4242) since 2026-11-25 09:12`.
    pub fn read_only_reason(&self) -> String {
        match self {
            LockError::HeldBy { holder, .. } => format!("opened read-only: held by {holder}"),
            LockError::Io { source, .. } => {
                format!("opened read-only: the file could not be locked ({source})")
            }
        }
    }

    /// A sentence for the officer, lock file path last.
    pub fn describe(&self) -> String {
        match self {
            LockError::HeldBy { holder, path } => format!(
                "The register is open elsewhere, held by {holder}; it opens read-only: {}",
                path.display()
            ),
            LockError::Io { source, path } => format!(
                "The register could not be locked for editing ({source}); it opens read-only: {}",
                path.display()
            ),
        }
    }
}

/// Who holds a lock: written into the lock file as one line,
/// `alice@ws12 pid 4242 since 2026-11-25T09:12:00+01:00`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    pub since: DateTime<FixedOffset>,
}

impl LockHolder {
    /// This process, by the current user on this machine, from `since`
    /// (the caller passes the clock's time: core code does not read it).
    pub fn this_process(since: DateTime<FixedOffset>) -> Self {
        LockHolder {
            user: current_user(),
            host: current_host(),
            pid: std::process::id(),
            since,
        }
    }

    /// The line written into the lock file.
    pub fn to_line(&self) -> String {
        format!(
            "{}@{} pid {} since {}",
            self.user,
            self.host,
            self.pid,
            self.since.to_rfc3339()
        )
    }

    /// Reads a line written by [`LockHolder::to_line`]. Parsed from the
    /// right, so a user name with spaces or `@` still reads.
    pub fn parse(line: &str) -> Option<Self> {
        let (rest, since) = line.trim().rsplit_once(" since ")?;
        let (who, pid) = rest.rsplit_once(" pid ")?;
        let (user, host) = who.rsplit_once('@')?;
        Some(LockHolder {
            user: user.to_string(),
            host: host.to_string(),
            pid: pid.trim().parse().ok()?,
            since: DateTime::parse_from_rfc3339(since.trim()).ok()?,
        })
    }
}

impl fmt::Display for LockHolder {
    /// `alice@ws12 (pid 4242) since 2026-11-25 09:12`, for messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}@{} (pid {}) since {}",
            self.user,
            self.host,
            self.pid,
            self.since.format("%Y-%m-%d %H:%M")
        )
    }
}

/// `FILE.lock` next to the register.
pub fn lock_path(register_path: &Path) -> PathBuf {
    with_suffix(register_path, ".lock")
}

/// An exclusive hold on a register for editing. Dropping it releases the
/// lock and removes the lock file.
#[derive(Debug)]
pub struct RegisterLock {
    file: File,
    path: PathBuf,
}

impl RegisterLock {
    /// Takes the lock on the register at `register_path` without waiting,
    /// and writes `holder` into the lock file. When another instance holds
    /// it, returns [`LockError::HeldBy`] with what that instance wrote.
    pub fn acquire(register_path: &Path, holder: &LockHolder) -> Result<RegisterLock, LockError> {
        let path = lock_path(register_path);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        // A holder that is letting go removes the file while still holding
        // it; if we opened that file just before, our lock is on a file no
        // longer at the path, so open again. A few rounds settle any race.
        for _ in 0..3 {
            // Not truncated on open: until we hold the lock the text is the
            // holder's, and it is what we report.
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io_error)?;
            match file.try_lock() {
                Ok(()) => {
                    if !still_at_path(&file, &path) {
                        continue;
                    }
                    file.set_len(0).map_err(io_error)?;
                    file.rewind().map_err(io_error)?;
                    writeln!(file, "{}", holder.to_line()).map_err(io_error)?;
                    return Ok(RegisterLock { file, path });
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(LockError::HeldBy {
                        holder: holder_text(&path),
                        path,
                    });
                }
                Err(fs::TryLockError::Error(source)) => return Err(io_error(source)),
            }
        }
        Err(io_error(io::Error::other(
            "the lock file kept changing while trying to lock it",
        )))
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for RegisterLock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, and only if it is
        // still ours, so we never delete a file another instance now holds.
        // The lock itself goes when `file` closes, right after.
        if still_at_path(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// What the holder wrote, for the message: its friendly form when it reads,
/// else the raw first line, else a neutral phrase (the holder may not have
/// written yet, or the platform hides a locked file's content).
fn holder_text(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    if let Some(holder) = LockHolder::parse(&text) {
        return holder.to_string();
    }
    let line: String = text
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .chars()
        .take(200)
        .collect();
    if line.is_empty() {
        "another program".to_string()
    } else {
        line
    }
}

#[cfg(unix)]
fn still_at_path(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Windows does not delete a file others have open, so the race the Unix
/// check guards against cannot happen there.
#[cfg(not(unix))]
fn still_at_path(_file: &File, _path: &Path) -> bool {
    true
}

fn current_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "unknown".to_string())
}

fn current_host() -> String {
    fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| {
            ["HOSTNAME", "COMPUTERNAME"]
                .iter()
                .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        })
        .unwrap_or_else(|| "unknown-host".to_string())
}
