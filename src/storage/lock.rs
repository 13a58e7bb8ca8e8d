//! The side lock file `FILE.lock` that stops two instances (two officers on
//! a shared folder, or two windows) from editing the same register.
//!
//! The lock is the operating system's (`File::try_lock`, `flock` on Unix),
//! so it disappears with the process even after a crash; the file's text
//! only says who holds it.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::side_files::{open_without_following, remove_leftovers, same_file_at, side_path};

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
    /// A symbolic link stands where the lock file goes. Following it would
    /// write the lock's text into whatever file it points to, so it is
    /// refused and that file is left alone.
    #[error(
        "The register could not be locked for editing: its lock file is a symbolic link, \
         which is never followed; remove the link and try again: {}",
        path.display()
    )]
    Link { path: PathBuf },
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
            LockError::Link { .. } => {
                "opened read-only: its lock file is a symbolic link, which is never followed \
                 (remove the link to edit)"
                    .to_string()
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
            LockError::Link { path } => format!(
                "The register's lock file is a symbolic link, which is never followed; it opens \
                 read-only until the link is removed: {}",
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

/// `FILE.lock` next to the register (shortened with a hash when the
/// register's own name is too long to take the suffix).
pub fn lock_path(register_path: &Path) -> PathBuf {
    side_path(register_path, ".lock")
}

/// An exclusive hold on a register for editing. Dropping it releases the
/// lock and removes the lock file.
#[derive(Debug)]
pub struct RegisterLock {
    file: File,
    path: PathBuf,
    /// Who had left the lock file behind, when this lock took it over.
    taken_over: Option<String>,
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
            // Never through a link: the text would land in its target.
            // Not truncated on open: until we hold the lock the text is
            // the holder's, and it is what we report.
            let mut file = match open_without_following(&path) {
                Ok(Some(file)) => file,
                Ok(None) => return Err(LockError::Link { path }),
                Err(e) => return Err(io_error(e)),
            };
            match file.try_lock() {
                Ok(()) => {
                    if !same_file_at(&file, &path) {
                        continue;
                    }
                    let left = left_behind(&file_text(&mut file));
                    let mut lock = RegisterLock {
                        file,
                        path: path.clone(),
                        taken_over: None,
                    };
                    // On failure (a full disk) the lock is dropped, which
                    // removes the file: no empty lock file is left behind.
                    lock.write_holder(holder).map_err(io_error)?;
                    lock.taken_over = left;
                    // Opening for editing clears what killed writes of the
                    // register left (next to the file a link points to); a
                    // write under way holds its temporary file and is left.
                    let register = fs::canonicalize(register_path)
                        .unwrap_or_else(|_| register_path.to_path_buf());
                    remove_leftovers(&register);
                    return Ok(lock);
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(LockError::HeldBy {
                        holder: holder_text(&file_text(&mut file)),
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

    fn write_holder(&mut self, holder: &LockHolder) -> io::Result<()> {
        self.file.set_len(0)?;
        self.file.rewind()?;
        writeln!(self.file, "{}", holder.to_line())?;
        self.file.flush()
    }

    /// A sentence for the officer when the lock was taken over from an
    /// instance that left its lock file behind (a crash, a full disk):
    /// who it was and, when it was on this machine, that its program has
    /// ended. `None` when there was no one's lock file.
    pub fn taken_over(&self) -> Option<String> {
        self.taken_over.as_ref().map(|left| {
            format!(
                "The register's lock was left behind by {left}; it was taken over: {}",
                self.path.display()
            )
        })
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
        if same_file_at(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// The lock file's text as it is now (empty when it cannot be read).
fn file_text(file: &mut File) -> String {
    let mut text = String::new();
    if file.rewind().is_ok() {
        // At most a few lines; a huge file is not a holder's.
        let _ = Read::take(&mut *file, 4096).read_to_string(&mut text);
    }
    text
}

/// What the holder wrote, for the message: its friendly form when it reads,
/// else the raw first line, else a neutral phrase (the holder may not have
/// written yet, or the platform hides a locked file's content).
fn holder_text(text: &str) -> String {
    if let Some(holder) = LockHolder::parse(text) {
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

/// Who left a lock file that nobody holds, in words: the holder it names,
/// and whether its program is known to have ended. `None` for an empty
/// file (one being created just now, or never written).
fn left_behind(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    let holder = holder_text(text);
    let ended = LockHolder::parse(text)
        .filter(|left| left.host == current_host())
        .and_then(|left| process_running(left.pid))
        .is_some_and(|running| !running);
    Some(if ended {
        format!("{holder}, whose program is no longer running on this machine")
    } else {
        format!("{holder}, which no longer holds it")
    })
}

/// Whether process `pid` is running on this machine, where the system
/// says so (`/proc` on Linux); `None` where it cannot be told.
fn process_running(pid: u32) -> Option<bool> {
    let processes = Path::new("/proc");
    if cfg!(target_os = "linux") && processes.join("self").exists() {
        Some(processes.join(pid.to_string()).exists())
    } else {
        None
    }
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
