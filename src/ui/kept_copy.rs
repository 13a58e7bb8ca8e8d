//! When a partner's copy becomes the common copy of the next merge. It
//! must be kept only once the merged register is on disk: kept at once,
//! an Undo of the merge, or closing without saving, would leave a common
//! copy holding records this register never got, and the next merge would
//! read them as deleted here and delete them from the partner's side too.

use std::path::Path;

use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::model::Register;
use crate::storage;

/// A partner's copy merged into the register, waiting for a save.
pub struct MergedCopy {
    partner: String,
    theirs: Box<Register>,
    /// The document's state right after the merge: the copy is kept when
    /// a save writes a register that came through it.
    state: u64,
}

impl Workspace {
    /// Holds `theirs` until the merged register is saved, or keeps it now
    /// when the register on disk already is the merged one. Returns what
    /// to tell the officer.
    pub(super) fn keep_copy_once_saved(
        &mut self,
        partner: String,
        theirs: Box<Register>,
    ) -> String {
        let document = &self.document;
        if let (Some(path), false) = (document.path(), document.is_dirty()) {
            let path = path.to_path_buf();
            return match storage::keep_base(&path, &partner, &theirs) {
                Ok(()) => format!("{partner}'s copy is kept for the next merge"),
                Err(error) => {
                    format!("{partner}'s copy could not be kept for the next merge: {error}")
                }
            };
        }
        let words = format!("Saving the register keeps {partner}'s copy for the next merge");
        self.merged_copy = Some(MergedCopy {
            partner,
            theirs,
            state: document.revision(),
        });
        words
    }

    /// After a save to `path`: keeps the partner's copy a merge is holding
    /// if the register saved still has that merge in it. A merge undone
    /// stays held, in case it is redone before the next save.
    pub(super) fn keep_merged_copy(&mut self, path: &Path) {
        let Some(held) = self.merged_copy.take() else {
            return;
        };
        if !self.document.came_through(held.state) {
            self.merged_copy = Some(held);
            return;
        }
        let partner = &held.partner;
        match storage::keep_base(path, partner, &held.theirs) {
            Ok(()) => self.tell(format!(
                "Saved {}; {partner}'s copy is kept for the next merge",
                path.display()
            )),
            Err(error) => self.fail(Failure::InBackground(format!(
                "Saved {}, but {partner}'s copy could not be kept for the next merge: {error}",
                path.display()
            ))),
        }
    }
}
