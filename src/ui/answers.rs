//! What happens after the officer answers a dialog.

use super::app::CoalitionDeskApp;
use super::dialogs::{Answer, Dialog};
use crate::edit;

impl CoalitionDeskApp {
    /// Carries out the officer's answer to the open dialog.
    pub(super) fn answer(&mut self, ctx: &egui::Context, dialog: Dialog, answer: Answer) {
        match (dialog, answer) {
            (Dialog::UnsavedChanges { then }, Answer::Save) => {
                // When Save has to ask for a path, the command waits in
                // that dialog and runs once the register is saved.
                let saved = self.save_then(Some(then.clone()));
                if saved {
                    self.run_now(ctx, then);
                }
            }
            (Dialog::UnsavedChanges { then }, Answer::Discard) => {
                self.discard_recovery();
                self.run_now(ctx, then);
            }
            (
                Dialog::ConfirmDelete {
                    target,
                    description,
                    ..
                },
                Answer::Delete,
            ) => {
                let edit = edit::delete_with_references(self.workspace.document.register(), target);
                self.workspace.document.apply(edit);
                self.notify(format!("Deleted {description} (Undo brings it back)"));
            }
            (Dialog::OfferRecovery { register, recovery }, Answer::Recover) => {
                self.recover(*register, &recovery);
            }
            (Dialog::OfferRecovery { recovery, .. }, Answer::Discard) => {
                if let Err(error) = std::fs::remove_file(&recovery) {
                    self.notify_failure(format!(
                        "Could not remove the recovery file ({error}): {}",
                        recovery.display()
                    ));
                }
            }
            (Dialog::ChangedOnDisk { .. }, Answer::Overwrite) => {
                self.save_overwriting();
            }
            (Dialog::ChangedOnDisk { .. }, Answer::SaveAs) => {
                self.save_as(None);
            }
            (Dialog::TypePath { purpose, then, .. }, Answer::Path(path)) => {
                self.typed_path(ctx, purpose, path, then);
            }
            _ => {}
        }
    }
}
