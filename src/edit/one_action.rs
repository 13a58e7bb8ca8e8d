//! Making copies of one action one again: the copies a file written
//! before actions carried over holds (see `Register::copy_group`) become
//! the one action where it was raised, carried over to the sessions that
//! held a copy, in one undo step.

use crate::model::{ActionAt, CarriedAction, Register, as_carried};

use super::Edit;

/// The edit that makes the copies of the action at `at` one action, or
/// `None` when it has no copies. The action raised first stays, done if
/// any copy was done and carried over to every later session that held a
/// copy; the copies go. An approved record keeps its copy as the carried
/// action it approved, so what it says does not change.
pub fn make_actions_one(register: &Register, at: ActionAt) -> Option<Edit> {
    let group = register.copy_group(at)?;
    let (first, rest) = group.copies.split_first()?;
    let mut origin = register.meeting(first.meeting)?.clone();
    let done = group
        .copies
        .iter()
        .any(|copy| register.action(*copy).is_some_and(|a| a.done));
    let mut carried_to: Vec<_> = rest.iter().map(|copy| copy.meeting).collect();
    let mut edits = Vec::new();
    for copy in rest {
        let mut meeting = register.meeting(copy.meeting)?.clone();
        if copy.index >= meeting.actions.len() {
            return None;
        }
        let removed = meeting.actions.remove(copy.index);
        // Where a copy was carried further, the one action goes there too.
        carried_to.extend(removed.carried_to.iter().copied());
        if meeting.minutes.is_locked() {
            let action = as_carried(&meeting, &removed);
            meeting.carried_as_approved.push(CarriedAction {
                from: first.meeting,
                action,
            });
        }
        edits.push(super::Edit::Meeting(copy.meeting, Some(meeting)));
    }
    let action = origin.actions.get_mut(first.index)?;
    action.done |= done;
    for to in carried_to {
        if !action.carried_to.contains(&to) && to != first.meeting {
            action.carried_to.push(to);
        }
    }
    edits.insert(0, Edit::Meeting(first.meeting, Some(origin)));
    Some(Edit::Batch(edits))
}
