//! Who may read a file written from a register: never more than may read
//! the register it came from, and only its owner when what it holds is
//! marked above the register's lowest level. Also whether a file may be
//! changed at all (a read-only file is respected, never replaced).

use std::fs;
use std::io;
use std::path::Path;

/// Where the content of a file about to be written came from, which
/// decides who may read it and what it may never replace.
#[derive(Clone, Debug, Default)]
pub struct WrittenFrom<'a> {
    /// The register files its content comes from. The file is never more
    /// open than any of them, and an output never replaces one of them.
    pub registers: Vec<&'a Path>,
    /// Only the file's owner may read it (0600 on Unix): what it holds is
    /// marked above the register's lowest level (an output), or above what
    /// the file held before (a merge).
    pub owner_only: bool,
}

impl<'a> WrittenFrom<'a> {
    /// Written from the register at `register`, when it has a file.
    pub fn register(register: Option<&'a Path>, owner_only: bool) -> Self {
        WrittenFrom {
            registers: register.into_iter().collect(),
            owner_only,
        }
    }
}

/// Whether the file at `path` must not be changed: its permissions allow
/// no writing (0444, or the read-only attribute), or this account may not
/// open it for writing. Opening for writing changes nothing: no creating,
/// no truncating. `false` when there is no file.
pub(super) fn read_only(path: &Path) -> bool {
    match fs::metadata(path) {
        Ok(meta) if meta.permissions().readonly() => true,
        Ok(meta) if meta.is_file() => matches!(
            fs::OpenOptions::new().write(true).open(path),
            Err(e) if e.kind() == io::ErrorKind::PermissionDenied
        ),
        _ => false,
    }
}

/// The permissions for a file written over `existing` (its metadata, if
/// there was a file) from `from`: what others may do is only what they
/// may do with every one of those files (and nothing, when `owner_only`
/// or when there is neither), while the owner may always read and write
/// what they wrote. `None` where permissions are not Unix modes.
#[cfg(unix)]
#[expect(
    clippy::unnecessary_wraps,
    reason = "the same signature as elsewhere, where there are no modes to give"
)]
pub(super) fn permissions(
    existing: Option<&fs::Metadata>,
    from: &WrittenFrom<'_>,
) -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    const OTHERS: u32 = 0o066;
    const OWNER: u32 = 0o600;
    let modes: Vec<u32> = existing
        .map(|meta| meta.permissions().mode())
        .into_iter()
        .chain(from.registers.iter().map(|register| {
            // A register that cannot be looked at now counts as private.
            fs::metadata(register).map_or(OWNER, |meta| meta.permissions().mode())
        }))
        .collect();
    let others = if from.owner_only || modes.is_empty() {
        0
    } else {
        modes.iter().fold(OTHERS, |others, mode| others & mode)
    };
    Some(fs::Permissions::from_mode(OWNER | others))
}

/// Permissions on other systems are not modes; the file keeps what its
/// folder gives it.
#[cfg(not(unix))]
pub(super) fn permissions(
    _existing: Option<&fs::Metadata>,
    _from: &WrittenFrom<'_>,
) -> Option<fs::Permissions> {
    None
}

/// Whether the two paths name one file, however each is spelled: the same
/// device and inode on Unix (so a hard link counts), the same canonical
/// path elsewhere.
pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(a), fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
