//! What a file looked like when it was read or written, to tell before
//! saving whether someone else changed it in between.

use std::time::SystemTime;

/// What the file looked like when it was read or written: enough to tell,
/// before saving, whether someone else changed it in between.
#[derive(Clone, Debug)]
pub struct DiskStamp {
    /// Length in bytes.
    pub len: u64,
    /// Last modification time, when the file system reports one.
    pub modified: Option<SystemTime>,
    /// XXH3 64-bit hash of the bytes. Not cryptographic: it only has to
    /// notice an accidental change, not resist a forger; and it must be
    /// quick, because a large register is hashed on every open and save
    /// (FNV-1a, a byte at a time, took 0.15 s on 155 MB).
    pub hash: u64,
}

impl DiskStamp {
    /// The stamp of `bytes` read from (or written to) a file.
    pub fn of_bytes(bytes: &[u8], modified: Option<SystemTime>) -> Self {
        DiskStamp {
            len: bytes.len() as u64,
            modified,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
        }
    }

    /// Whether both stamps describe the same bytes. The modification time
    /// is left out: touching a file without changing it is not a conflict.
    pub fn same_content(&self, other: &DiskStamp) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}
