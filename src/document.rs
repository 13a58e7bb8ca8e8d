//! The open register: its records, where it lives, and its undo history.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::{self, Edit};
use crate::model::Register;

/// State numbers are unique across every document of the process, so a
/// cache keyed on `Document::revision` is never fooled by opening another
/// file.
static NEXT_STATE: AtomicU64 = AtomicU64::new(1);

fn next_state() -> u64 {
    NEXT_STATE.fetch_add(1, Ordering::Relaxed)
}

/// One undoable step: the edit that reverses it, and the states it joins.
#[derive(Clone, Debug)]
struct Step {
    reverse: Edit,
    before: u64,
    after: u64,
    /// Typing in one field arrives as many edits with the same key; they
    /// merge into one step until the group is sealed.
    group: Option<String>,
}

/// Where the register came from, which decides what Save does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A new register never saved: Save asks where.
    Untitled,
    /// The bundled sample: Save asks where, the asset is never written.
    Sample,
    /// A file on disk.
    File(PathBuf),
}

/// The register being edited, with undo/redo and the dirty flag.
///
/// Undo keeps reverse edits rather than snapshots, so one step costs the
/// size of the records it touched, not of the whole register. Each state
/// gets a number; the document is dirty when the current number differs
/// from the saved one, so undoing back to the saved state is clean again.
#[derive(Debug)]
pub struct Document {
    register: Register,
    pub origin: Origin,
    /// Why the register may not be saved in place (held by another
    /// instance, written by a newer version), if so.
    pub read_only: Option<String>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    state: u64,
    saved_state: u64,
    group_sealed: bool,
}

impl Document {
    /// A document whose register matches what is on disk, the sample, or a
    /// brand-new register. Each starts clean: there is nothing to lose
    /// until the officer edits it (Save still asks where when untitled).
    pub fn new(register: Register, origin: Origin) -> Self {
        let state = next_state();
        Document {
            register,
            origin,
            read_only: None,
            undo: Vec::new(),
            redo: Vec::new(),
            state,
            saved_state: state,
            group_sealed: true,
        }
    }

    pub fn register(&self) -> &Register {
        &self.register
    }

    /// The file the register is saved to, if it has one.
    pub fn path(&self) -> Option<&std::path::Path> {
        match &self.origin {
            Origin::File(path) => Some(path),
            Origin::Untitled | Origin::Sample => None,
        }
    }

    /// A number that changes whenever the register does and identifies its
    /// content: caches of derived figures key on it.
    pub fn revision(&self) -> u64 {
        self.state
    }

    /// Differs from what was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != self.state
    }

    /// Applies one edit as its own undo step.
    pub fn apply(&mut self, edit: Edit) {
        self.apply_grouped(edit, None);
    }

    /// Applies an edit that belongs to a typing group: consecutive edits
    /// with the same `group` undo as one step until `seal_group` is called.
    pub fn apply_grouped(&mut self, edit: Edit, group: Option<String>) {
        let reverse = edit::apply(&mut self.register, edit);
        let after = next_state();
        self.redo.clear();
        let merge = !self.group_sealed
            && group.is_some()
            && self.undo.last().is_some_and(|step| step.group == group);
        match self.undo.last_mut() {
            // The first edit's reverse already restores the state before
            // typing began, so the newer reverse is not needed.
            Some(step) if merge => step.after = after,
            _ => self.undo.push(Step {
                reverse,
                before: self.state,
                after,
                group: group.clone(),
            }),
        }
        self.group_sealed = group.is_none();
        self.state = after;
    }

    /// Ends the current typing group: the next edit starts a new step.
    pub fn seal_group(&mut self) {
        self.group_sealed = true;
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Reverses the last step. Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let forward = edit::apply(&mut self.register, step.reverse);
        self.state = step.before;
        self.redo.push(Step {
            reverse: forward,
            before: step.after,
            after: step.before,
            group: None,
        });
        self.group_sealed = true;
        true
    }

    /// Re-applies the last undone step. Returns false when there was none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let reverse = edit::apply(&mut self.register, step.reverse);
        self.state = step.before;
        self.undo.push(Step {
            reverse,
            before: step.after,
            after: step.before,
            group: None,
        });
        self.group_sealed = true;
        true
    }

    /// Records that the current state is what the file now holds.
    pub fn mark_saved(&mut self, origin: Origin) {
        self.origin = origin;
        self.saved_state = self.state;
        self.group_sealed = true;
    }
}
