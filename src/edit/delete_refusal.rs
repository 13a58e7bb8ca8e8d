//! Whether deleting a record would be refused, asked before the officer
//! is: a panel greys its Delete… with the reason rather than asking and
//! then refusing (issue 21).

use crate::model::{Meeting, MeetingId, Record, Register};

use super::{Edit, EditRefused, delete_with_references, minutes_lock};

/// Why the register would refuse deleting `target` (and mending what
/// refers to it), or `None` when the delete would go through. It applies
/// nothing: it reads the delete's edit for the meetings it would change
/// and holds each to the rule `Document::apply` holds the applied edit to.
pub fn delete_refusal(register: &Register, target: Record) -> Option<EditRefused> {
    // Nothing to refuse in a register without an approved record, the
    // usual case: no need to build the delete at all.
    if !register.meetings.values().any(|m| m.minutes.is_locked()) {
        return None;
    }
    let delete = delete_with_references(register, target);
    let mut after: Vec<(MeetingId, Option<&Meeting>)> = Vec::new();
    meetings_after(&delete, &mut after);
    after.into_iter().find_map(|(id, new)| {
        let old = register.meeting(id)?;
        minutes_lock::refusal(register, id, old, new)
    })
}

/// Each meeting `edit` puts or removes, in the order first named, with
/// what it leaves: a later edit of the same meeting replaces an earlier.
fn meetings_after<'a>(edit: &'a Edit, found: &mut Vec<(MeetingId, Option<&'a Meeting>)>) {
    match edit {
        Edit::Meeting(id, value) => match found.iter_mut().find(|(seen, _)| seen == id) {
            Some((_, kept)) => *kept = value.as_ref(),
            None => found.push((*id, value.as_ref())),
        },
        Edit::Batch(edits) => {
            for edit in edits {
                meetings_after(edit, found);
            }
        }
        _ => {}
    }
}
