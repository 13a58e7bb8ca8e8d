//! Opening, saving and recovering the register file from the window. The
//! storage module does the careful work; this file decides what to ask.

use std::path::Path;
use std::time::{Duration, Instant};

use super::Command;
use super::dialogs::Dialog;
use super::file_dialog::{FileChoice, PathPurpose, TypedPath};
use super::on_top::OnTop;
use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::document::Origin;
use crate::model::Register;
use crate::storage::{
    self, Backup, LockHolder, Overwrite, RegisterLock, StorageError, WrittenFrom,
};

/// Who holds the lock, as other instances will see it.
pub(super) fn this_process() -> LockHolder {
    LockHolder::this_process(chrono::Local::now().fixed_offset())
}

/// How often unsaved work is written to the recovery file.
const RECOVERY_INTERVAL: Duration = Duration::from_secs(60);

/// A register made here and now, with an identity no other register has.
pub(super) fn untitled_register() -> Register {
    Register {
        identity: storage::random_hex(2),
        ..Register::new("Untitled coalition")
    }
}

impl Workspace {
    /// Offers back autosaved work newer than the register (`None`: the
    /// autosave of a register that was never saved).
    pub(super) fn offer_recovery(&mut self, path: Option<&Path>) {
        let Some(recovery) = storage::recovery_offer(path) else {
            return;
        };
        match storage::load(&recovery) {
            Ok(loaded) => {
                self.ask(Dialog::OfferRecovery {
                    recovery,
                    register: Box::new(loaded.register),
                });
            }
            Err(error) => self.fail(Failure::InBackground(format!(
                "A recovery file was found but cannot be read. {error}"
            ))),
        }
    }

    /// Takes the recovered register as unsaved changes on top of the file.
    pub(super) fn recover(&mut self, register: Register, recovery: &Path) {
        let current = self.document.register().clone();
        if register != current {
            let applied = self.document.apply_labelled(
                crate::edit::replace_register(&current, register),
                "recovery of unsaved work",
            );
            if let Err(refused) = applied {
                self.fail(refused);
                return;
            }
        }
        self.tell(format!(
            "Recovered unsaved work from {} — Save to keep it",
            recovery.display()
        ));
    }

    /// Saves to the register's file, or asks where. True when saved.
    pub(super) fn save(&mut self) -> bool {
        self.save_then(None)
    }

    /// Saves; when a path must be typed first, `then` runs after that save.
    pub(super) fn save_then(&mut self, then: Option<Command>) -> bool {
        let path = match (&self.document.origin, &self.document.read_only) {
            (Origin::File(path), None) => path.clone(),
            (Origin::File(_), Some(reason)) => {
                self.fail(Failure::Refused(format!(
                    "Not saved: this register is {reason}. Save As keeps your changes in another \
                     file"
                )));
                return self.save_as(then);
            }
            (Origin::Untitled | Origin::Sample, _) => return self.save_as(then),
        };
        self.write(&path, false)
    }

    /// Saves over a file that changed on disk, after the officer agreed.
    pub(super) fn save_overwriting(&mut self) -> bool {
        match self.document.path().map(Path::to_path_buf) {
            Some(path) => self.write(&path, true),
            None => self.save_as(None),
        }
    }

    /// Asks for a file and saves there. `then` runs after a successful save.
    pub(super) fn save_as(&mut self, then: Option<Command>) -> bool {
        let suggested = match &self.document.origin {
            Origin::File(path) => path.file_name().map(|n| n.to_string_lossy().into_owned()),
            _ => None,
        }
        .unwrap_or_else(|| "coalition-register.ron".into());
        let purpose = PathPurpose::SaveAs {
            then: then.map(Box::new),
        };
        match purpose.choose(Some((None, &suggested))) {
            FileChoice::Picked(path) => self.save_to(&path),
            FileChoice::TypePath => {
                self.type_path(purpose);
                false
            }
            FileChoice::Cancelled => false,
        }
    }

    /// Saves the register to a new file and makes it the register's file.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let same_file = self.document.path() == Some(path) && self.document.read_only.is_none();
        if same_file {
            return self.write(path, false);
        }
        let lock = match RegisterLock::acquire(path, &this_process()) {
            Ok(lock) => lock,
            Err(error) => {
                self.fail(Failure::not_done("The register was not saved", error));
                return false;
            }
        };
        // The new file is never more open than the one the register came
        // from (nor than a file it replaces); a register never saved
        // becomes its owner's alone.
        self.mark_next_save();
        let from = WrittenFrom::register(self.document.path(), false);
        let saved = storage::save_from(
            path,
            self.document.register(),
            Overwrite::IfCurrentFormat,
            Backup::Keep,
            from,
        );
        match saved {
            Ok(stamp) => {
                if let Some(taken_over) = lock.taken_over() {
                    tracing::info!("{taken_over}");
                }
                self.discard_recovery();
                self.document.mark_saved(Origin::File(path.to_path_buf()));
                self.document.read_only = None;
                self.lock = Some(lock);
                self.stamp = Some(stamp);
                self.saved_as = Some(path.to_path_buf());
                self.tell(format!("Saved {}", path.display()));
                self.keep_merged_copy(path);
                true
            }
            Err(error) => {
                self.fail(Failure::not_done("The register was not saved", error));
                false
            }
        }
    }

    fn write(&mut self, path: &Path, overwrite_changes: bool) -> bool {
        self.mark_next_save();
        let expected = if overwrite_changes {
            None
        } else {
            self.stamp.as_ref()
        };
        match storage::save(path, self.document.register(), expected) {
            Ok(stamp) => {
                self.discard_recovery();
                self.stamp = Some(stamp);
                self.document.mark_saved(Origin::File(path.to_path_buf()));
                self.tell(format!("Saved {}", path.display()));
                self.keep_merged_copy(path);
                true
            }
            Err(StorageError::ChangedOnDisk { .. }) => {
                self.ask(Dialog::ChangedOnDisk {
                    path: path.to_path_buf(),
                });
                false
            }
            Err(error) => {
                self.fail(Failure::not_done("The register was not saved", error));
                false
            }
        }
    }

    /// Marks the register's saves before it is written (see
    /// `Document::mark_next_save`), on this machine's clock to the second.
    fn mark_next_save(&mut self) {
        let now = chrono::Local::now().naive_local();
        let now = chrono::SubsecRound::trunc_subsecs(now, 0);
        self.document
            .mark_next_save(storage::new_saving_session, now);
    }

    /// Asks for the file by its typed path, no file dialog being available.
    pub(super) fn type_path(&mut self, purpose: PathPurpose) {
        self.on_top = Some(OnTop::TypedPath(TypedPath::new(purpose, "")));
    }

    /// Removes a recovery file the officer chose not to recover.
    pub(super) fn remove_recovery(&mut self, recovery: &Path) {
        if let Err(error) = std::fs::remove_file(recovery) {
            self.fail(Failure::InBackground(format!(
                "Could not remove the recovery file ({error}): {}",
                recovery.display()
            )));
        }
    }

    pub(super) fn autosave_recovery(&mut self) {
        if !self.document.is_dirty() || self.last_recovery_write.elapsed() < RECOVERY_INTERVAL {
            return;
        }
        self.last_recovery_write = Instant::now();
        if let Err(error) = storage::write_recovery(self.document.path(), self.document.register())
        {
            self.fail(Failure::InBackground(format!("Autosave failed. {error}")));
        }
    }

    pub(super) fn discard_recovery(&mut self) {
        if let Err(error) = storage::discard_recovery(self.document.path()) {
            tracing::warn!("{error}");
        }
    }
}
