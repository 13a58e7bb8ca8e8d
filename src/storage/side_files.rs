//! The names of the files written beside a register or an output (its
//! lock, backup and recovery copy, and the temporary file of an atomic
//! write), and the removal of temporary files a killed write left behind.
//!
//! Most file systems allow names of 255 bytes. A side file's name is the
//! register's name with a suffix while that fits; a longer one keeps the
//! start of the name and adds a hash of the whole, so a register named
//! with 250 characters still gets a lock, a backup and a recovery copy.
//! Temporary names are always short for the same reason.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

/// The longest file name most file systems accept, in bytes.
const NAME_MAX: usize = 255;

/// How much of the file's name a temporary name keeps, in bytes.
const TEMP_NAME_KEEPS: usize = 24;

/// Random characters tempfile puts in a temporary name.
pub(super) const TEMP_RANDOM: usize = 6;

/// `path` with `suffix` added to its file name (`register.ron` →
/// `register.ron.lock`), shortened with a hash of the whole name when
/// the result would be longer than a file name may be.
pub(super) fn side_path(path: &Path, suffix: &str) -> PathBuf {
    let Some(name) = path.file_name() else {
        let mut whole = path.as_os_str().to_owned();
        whole.push(suffix);
        return PathBuf::from(whole);
    };
    let bytes = name.as_encoded_bytes();
    if bytes.len() + suffix.len() <= NAME_MAX {
        let mut side = name.to_owned();
        side.push(suffix);
        return path.with_file_name(side);
    }
    // `~` and eight hex digits of the hash.
    let keep = NAME_MAX.saturating_sub(suffix.len() + 9);
    path.with_file_name(format!(
        "{}~{:08x}{suffix}",
        start_of(name, keep),
        name_hash(name)
    ))
}

/// The start of a temporary file's name for an atomic write of `target`:
/// `.register.ron.1f2e3d4c.`, then tempfile's random characters and
/// `.tmp`. Short whatever the target's name, and recognisable as that
/// target's by the hash of its whole name.
pub(super) fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().unwrap_or_default();
    format!(
        ".{}.{:08x}.",
        start_of(name, TEMP_NAME_KEEPS),
        name_hash(name)
    )
}

/// The suffix of every temporary file of an atomic write.
pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// Whether `entry` (a file name in the target's folder) is a temporary
/// file an atomic write of the target made: named as [`temp_prefix`]
/// makes it, or as versions before it did (`.register.ron.Ab3dE9.tmp`).
fn is_temp_of(entry: &str, target: &Path) -> bool {
    let Some(middle) = entry.strip_suffix(TEMP_SUFFIX) else {
        return false;
    };
    if let Some(random) = middle.strip_prefix(&temp_prefix(target)) {
        return random.len() == TEMP_RANDOM;
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    middle
        .strip_prefix(&format!(".{name}."))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Removes the temporary files earlier writes of `target` left when they
/// were killed or ran out of space. A write in progress holds a lock on
/// its temporary file, so only those of writes that are gone are removed.
/// Returns how many went. Nothing here is worth failing a save over: a
/// file that cannot be removed is left.
pub(crate) fn remove_leftovers(target: &Path) -> usize {
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        if !is_temp_of(&name.to_string_lossy(), target) {
            continue;
        }
        let path = entry.path();
        // A link with a temporary's name is removed, never followed; a
        // pipe or a folder is never opened (opening a pipe would wait).
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        let abandoned = meta.file_type().is_symlink() || (meta.is_file() && abandoned(&path));
        if abandoned && fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether no write holds the temporary file at `path` any more: its lock
/// can be taken, and it is still the file at that name.
fn abandoned(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    match file.try_lock() {
        Ok(()) => same_file_at(&file, path),
        Err(_) => false,
    }
}

/// Whether the open `file` is the file named `path` (not a link to it,
/// not one that has replaced it since).
#[cfg(unix)]
pub(super) fn same_file_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
        _ => false,
    }
}

/// Elsewhere a file that is open cannot be removed or replaced, so the
/// file at the path is the one open, unless the path is now a link.
#[cfg(not(unix))]
pub(super) fn same_file_at(_file: &File, path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| !meta.file_type().is_symlink())
}

/// Opens the regular file at `path` for reading and writing, creating it
/// if there is none, without ever following a link: `None` when a link
/// (even one to nowhere) stands at `path`, so the file it points to is
/// neither created nor changed.
pub(super) fn open_without_following(path: &Path) -> io::Result<Option<File>> {
    // A few rounds settle a race with another program creating or
    // removing the file between the look and the open.
    for _ in 0..3 {
        match fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => return Ok(None),
            Ok(meta) if !meta.is_file() => {
                return Err(io::Error::other("it is not a regular file"));
            }
            Ok(_) => {
                let file = fs::OpenOptions::new().read(true).write(true).open(path)?;
                // Swapped for a link between the look and the open: the
                // file was opened but nothing has been written to it.
                return Ok(same_file_at(&file, path).then_some(file));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                // `create_new` refuses any name that exists, a link too.
                match fs::OpenOptions::new()
                    .read(true)
                    .write(true)
                    .create_new(true)
                    .open(path)
                {
                    Ok(file) => return Ok(Some(file)),
                    // Made by someone else just now: look again.
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(e),
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(
        "the file kept changing while trying to open it",
    ))
}

/// The first `max` bytes of `name` or fewer, cut at a character.
fn start_of(name: &OsStr, max: usize) -> String {
    let name = name.to_string_lossy();
    let mut end = name.len().min(max);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    name.get(..end).unwrap_or_default().to_string()
}

/// A short hash of the whole name, the same on every run and machine.
fn name_hash(name: &OsStr) -> u32 {
    // The low half of a 64-bit hash is as good as any 32 bits of it.
    (xxhash_rust::xxh3::xxh3_64(name.as_encoded_bytes()) & 0xFFFF_FFFF) as u32
}

/// `FILE.bak` next to the register.
pub fn backup_path(path: &Path) -> PathBuf {
    side_path(path, ".bak")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_keep_their_suffix_and_long_ones_fit() {
        let short = Path::new("/d/register.ron");
        assert_eq!(side_path(short, ".lock"), Path::new("/d/register.ron.lock"));
        let long_name = "é".repeat(125);
        let long = Path::new("/d").join(&long_name);
        let lock = side_path(&long, ".lock");
        let name = lock.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.len() <= NAME_MAX, "{}", name.len());
        assert!(name.ends_with(".lock"));
        assert_ne!(side_path(&long, ".bak"), lock);
        let other = Path::new("/d").join(format!("{long_name}x"));
        assert_ne!(
            side_path(&other, ".lock"),
            lock,
            "the hash tells them apart"
        );
    }

    #[test]
    fn temporary_names_are_recognised_as_their_targets_only() {
        let target = Path::new("/d/register.ron");
        let prefix = temp_prefix(target);
        assert!(prefix.len() < 40, "{prefix}");
        assert!(is_temp_of(&format!("{prefix}Ab3dE9.tmp"), target));
        assert!(is_temp_of(".register.ron.Ab3dE9.tmp", target));
        assert!(!is_temp_of(
            ".register.ron.Ab3dE9.tmp",
            Path::new("/d/other.ron")
        ));
        assert!(!is_temp_of("register.ron", target));
        assert!(!is_temp_of(".register.ron.bak.tmp", target));
        let long = Path::new("/d").join("n".repeat(250));
        assert!(temp_prefix(&long).len() < 40);
    }
}
