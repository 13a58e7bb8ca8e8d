//! Names no other copy or program has: a new register's identity and a
//! saving session's name. The core makes none itself (it has no source
//! of chance); storage, which already stands between the program and the
//! machine, does.

use std::hash::{BuildHasher, Hasher};

use crate::model::SavingSession;

/// `groups` × 16 hex digits that no other call, here or on another
/// machine, gives: std's hasher is keyed for each thread from the
/// operating system's randomness and its key moves on for each use; this
/// process's id is mixed in too. No clock: storage never reads it.
pub fn random_hex(groups: u8) -> String {
    let mut name = String::new();
    for group in 0..groups {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u8(group);
        hasher.write_u32(std::process::id());
        name.push_str(&format!("{:016x}", hasher.finish()));
    }
    name
}

/// A saving session with a name of its own, for a program about to save
/// a changed register (see `model::save_marks`).
pub fn new_saving_session() -> SavingSession {
    SavingSession::new(random_hex(1))
}
