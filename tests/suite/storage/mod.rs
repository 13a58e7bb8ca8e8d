//! Storage: round trips, broken files, newer versions, atomic save, backups,
//! conflicts, locks and recovery copies, all on real files in temp folders.

mod action_owners;
mod apart;
mod broken_files;
mod exchanged;
mod fixture;
mod format;
mod lock;
mod plain_form;
mod recovery;
mod round_trip;
mod saving;
