//! The open register: its records, where it lives, and its undo history.

mod label;
mod problems;

pub use problems::ProblemCache;

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::edit::{self, Edit, EditRefused};
use crate::model::{CommitmentId, MeetingId, Register, SavingSession};

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
    /// What the step did, in the officer's words ("delete participant
    /// France"); it moves with the step between the undo and redo stacks.
    label: String,
}

/// What one change of the register touched, as far as figures derived
/// from it need to know to bring themselves up to date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Touched {
    /// One commitment added, changed or removed.
    Commitment(CommitmentId),
    /// One meeting changed; it existed before and after.
    Meeting(MeetingId),
    /// Anything else: settings, participants, people, series, a meeting
    /// added or removed, several records at once.
    Other,
}

/// One change between two states, kept for [`Document::changes_since`].
#[derive(Clone, Copy, Debug)]
struct Change {
    before: u64,
    after: u64,
    touched: Touched,
}

/// How many changes the document remembers for `changes_since`; a cache
/// further behind than this recomputes from scratch.
const CHANGES_KEPT: usize = 256;

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
    /// The latest changes, oldest first.
    changes: VecDeque<Change>,
    /// This document's saves, once it has made one (see
    /// [`Document::mark_next_save`]).
    saving: Option<SavingSession>,
    /// The state the register's `saves` last named: opened, or marked.
    marked_state: u64,
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
            changes: VecDeque::new(),
            saving: None,
            marked_state: state,
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

    /// Whether the register as it is now came through `state`: it is that
    /// state, or that state is on the way back through the undo steps. A
    /// state undone (or undone and then built over) was not come through.
    pub fn came_through(&self, state: u64) -> bool {
        self.state == state || self.undo.iter().any(|step| step.after == state)
    }

    /// Differs from what was last saved or opened.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != self.state
    }

    /// Applies one edit as its own undo step, described from what it did.
    /// An edit that would change an approved record is refused and the
    /// register is left as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditRefused> {
        self.apply_grouped(edit, None)
    }

    /// Applies one edit as its own undo step, with the caller's words for
    /// it where they say more than the records do ("import of 12
    /// commitments").
    pub fn apply_labelled(
        &mut self,
        edit: Edit,
        label: impl Into<String>,
    ) -> Result<(), EditRefused> {
        self.push_step(edit, None, Some(label.into()))
    }

    /// Applies an edit that belongs to a typing group: consecutive edits
    /// with the same `group` undo as one step until `seal_group` is called.
    pub fn apply_grouped(&mut self, edit: Edit, group: Option<String>) -> Result<(), EditRefused> {
        self.push_step(edit, group, None)
    }

    fn push_step(
        &mut self,
        edit: Edit,
        group: Option<String>,
        label: Option<String>,
    ) -> Result<(), EditRefused> {
        let before = edit::meetings_before(&self.register, &edit);
        let (reverse, touched) = self.apply_touching(edit);
        if let Err(refused) = edit::check_and_note(&mut self.register, &before) {
            // The reverse puts back exactly what the edit replaced.
            edit::apply(&mut self.register, reverse);
            return Err(refused);
        }
        let after = next_state();
        self.note_change(after, touched);
        self.redo.clear();
        let merge = !self.group_sealed
            && group.is_some()
            && self.undo.last().is_some_and(|step| step.group == group);
        match self.undo.last_mut() {
            // The first edit's reverse already restores the state before
            // typing began, so the newer reverse is not needed; the first
            // edit's label already names the field's record.
            Some(step) if merge => step.after = after,
            _ => {
                let label = label.unwrap_or_else(|| match group {
                    Some(_) => label::typing(&self.register, &reverse),
                    None => label::describe(&self.register, &reverse),
                });
                self.undo.push(Step {
                    reverse,
                    before: self.state,
                    after,
                    group: group.clone(),
                    label,
                });
            }
        }
        self.group_sealed = group.is_none();
        self.state = after;
        Ok(())
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

    /// What Undo would take back ("delete participant France"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// What Redo would do again, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Reverses the last step. Returns false when there was nothing to undo.
    pub fn undo(&mut self) -> bool {
        self.replay(Direction::Back)
    }

    /// Re-applies the last undone step. Returns false when there was none.
    pub fn redo(&mut self) -> bool {
        self.replay(Direction::Forward)
    }

    /// Undo and redo are one move between the two stacks: apply the
    /// step's reverse, and keep what reverses that on the other stack.
    fn replay(&mut self, direction: Direction) -> bool {
        let popped = match direction {
            Direction::Back => self.undo.pop(),
            Direction::Forward => self.redo.pop(),
        };
        let Some(step) = popped else {
            return false;
        };
        let (reverse, touched) = self.apply_touching(step.reverse);
        self.note_change(step.before, touched);
        self.state = step.before;
        let replayed = Step {
            reverse,
            before: step.after,
            after: step.before,
            group: None,
            label: step.label,
        };
        match direction {
            Direction::Back => self.redo.push(replayed),
            Direction::Forward => self.undo.push(replayed),
        }
        self.group_sealed = true;
        true
    }

    /// Takes back the last step as though it had never been made, when
    /// the register is still in the state `after` that step left it in:
    /// nothing is left to redo and no undo step remains. For a new record
    /// the officer made by mistake and never touched. Returns whether it
    /// was taken back.
    pub fn take_back(&mut self, after: u64) -> bool {
        if self.state != after || self.undo.last().is_none_or(|step| step.after != after) {
            return false;
        }
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let (_, touched) = self.apply_touching(step.reverse);
        self.note_change(step.before, touched);
        self.state = step.before;
        self.group_sealed = true;
        // What was undone after it was done to it: gone with it.
        self.redo.clear();
        true
    }

    /// What the changes from state `revision` to the current one touched,
    /// newest first; `None` when the document does not remember that far
    /// back (or `revision` is another document's).
    pub fn changes_since(&self, revision: u64) -> Option<Vec<Touched>> {
        let mut state = self.state;
        let mut touched = Vec::new();
        for change in self.changes.iter().rev() {
            if state == revision {
                break;
            }
            if change.after != state {
                return None;
            }
            touched.push(change.touched);
            state = change.before;
        }
        (state == revision).then_some(touched)
    }

    /// Applies `edit`; returns its reverse and what it touched.
    fn apply_touching(&mut self, edit: Edit) -> (Edit, Touched) {
        let aims_at = match &edit {
            Edit::Commitment(id, _) => Touched::Commitment(*id),
            Edit::Meeting(id, Some(_)) => Touched::Meeting(*id),
            _ => Touched::Other,
        };
        let reverse = edit::apply(&mut self.register, edit);
        let touched = match (aims_at, &reverse) {
            (Touched::Commitment(_), _) => aims_at,
            // A meeting that existed before: its reverse puts it back.
            (Touched::Meeting(_), Edit::Meeting(_, Some(_))) => aims_at,
            _ => Touched::Other,
        };
        (reverse, touched)
    }

    /// Remembers that the register went from the current state to `after`.
    fn note_change(&mut self, after: u64, touched: Touched) {
        if self.changes.len() == CHANGES_KEPT {
            self.changes.pop_front();
        }
        self.changes.push_back(Change {
            before: self.state,
            after,
            touched,
        });
    }

    /// Before the register is written: when it changed since it was
    /// opened or last marked, marks it as holding the next save of this
    /// document's saving session (made by `new_session` at its first
    /// save), made `now`, so that every copy written of a state holds the
    /// same saves and no two states hold the same (see
    /// `model::save_marks`). Not an edit: it records that the register
    /// was written, not a change the officer made, so it is not undone
    /// and leaves the document's state, and whether it is saved, alone.
    pub fn mark_next_save(
        &mut self,
        new_session: impl FnOnce() -> SavingSession,
        now: chrono::NaiveDateTime,
    ) {
        if self.marked_state == self.state {
            return;
        }
        let session = self.saving.get_or_insert_with(new_session);
        session.mark_next(&mut self.register.saves, &self.register.office, now);
        self.marked_state = self.state;
    }

    /// Records that the current state is what the file now holds.
    pub fn mark_saved(&mut self, origin: Origin) {
        self.origin = origin;
        self.saved_state = self.state;
        self.group_sealed = true;
    }
}

/// Which way `replay` moves a step: undo or redo.
#[derive(Clone, Copy)]
enum Direction {
    Back,
    Forward,
}
