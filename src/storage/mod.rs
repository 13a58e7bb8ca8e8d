//! The register file on disk: the versioned RON envelope, load and atomic
//! save with a backup, the side lock file, and recovery copies.
//!
//! No UI here: the window and the command line call these functions and
//! show the errors (`StorageError::describe` for the window, `Display` for
//! the command line).
//!
//! Files next to a register `register.ron`:
//! - `register.ron.bak` — the previous version, kept by every save (but
//!   not by a merge into the file, whose result holds it);
//! - `register.ron.lock` — exists while an instance has it open for editing;
//! - `register.ron.recovery` — unsaved changes written aside, offered on
//!   open when newer than the register;
//! - `register.exchanged/PAR.ron` — the copy last exchanged with the
//!   partner office PAR, the base of the next merge with it;
//! - `.register.ron.1f2e3d4c.Ab3dE9.tmp` — the temporary file of a write
//!   under way, or left by one that was killed (removed by the next write,
//!   or when the register is next opened for editing).
//!
//! A side file's name is shortened with a hash when the register's name is
//! too long to take the suffix (`side_files`). Every file is written by one
//! function (`atomic::write_atomically`); outputs go through
//! [`write_output`], which refuses to replace a register, a link or a
//! read-only file.

mod access;
mod atomic;
mod context;
mod control;
mod copies;
mod disk_stamp;
mod error;
mod exchanged;
mod file;
mod format;
mod lock;
mod messages;
mod names;
mod output;
#[doc(hidden)]
pub mod parallel;
mod place;
mod recovery;
mod side_files;
mod text_lengths;

pub(crate) use crate::model::file_values::read_options;
pub use access::WrittenFrom;
pub use atomic::Backup;
pub use copies::{LoadedApart, load_apart};
pub use disk_stamp::DiskStamp;
pub use error::StorageError;
pub use exchanged::{keep_base, kept_base_path, partner_offices, read_kept_base};
pub use file::{
    Loaded, Overwrite, disk_stamp, load, save, save_from, save_with, save_with_hook,
    save_without_backup,
};
pub use format::{
    EnvelopeIn, FORMAT_TAG, FORMAT_VERSION, Parsed, from_bytes, from_str, from_str_on_threads,
    to_ron, to_ron_on_threads, written_version,
};
pub use lock::{LockError, LockHolder, RegisterLock, lock_path};
pub use names::{new_saving_session, random_hex};
pub use output::{write_output, write_output_with_hook};
pub use parallel::SameAsKnown;
pub use recovery::{discard_recovery, recovery_offer, recovery_path, write_recovery};
pub use side_files::backup_path;
