//! An approved record is changed only through a revision, in a merge as
//! in the window: a merge that would print "Approved on …" over a decision
//! the other copy changed, with no revision saying so, is not clean.

use crate::edit::content_changes;
use crate::model::{Conflict, Record, Register};

use super::fields::ron_text;

/// Takes back, as `ours` had it, each meeting whose merged record is
/// approved with no revision open but says otherwise than a copy that
/// holds it approved; the other copy's version is kept beside it as a
/// conflict, which `resolve` settles only as the window would (keeping
/// ours, or through a revision).
pub(super) fn hold_approved(
    ours: &Register,
    theirs: &Register,
    out: &mut Register,
    found: &mut Vec<Conflict>,
    template: &Conflict,
) {
    let changed: Vec<_> = out
        .meetings
        .iter()
        .filter(|(id, merged)| {
            merged.minutes.is_locked()
                && [ours.meetings.get(id), theirs.meetings.get(id)]
                    .into_iter()
                    .flatten()
                    // A side equal to the merged meeting has no change to
                    // show, and comparing is far cheaper than describing.
                    .any(|side| {
                        side.minutes.is_locked()
                            && side != *merged
                            && !content_changes(out, side, merged).is_empty()
                    })
        })
        .map(|(id, _)| *id)
        .collect();
    for id in changed {
        let rule = format!(
            "the record of {} is approved, and only a revision changes an approved record: \
             open a revision to make the other copy's change",
            ours.meeting_title(id)
        );
        match ours.meetings.get(&id) {
            Some(meeting) => out.meetings.insert(id, meeting.clone()),
            None => out.meetings.remove(&id),
        };
        found.push(Conflict {
            record: Some(Record::Meeting(id)),
            field: String::new(),
            ours: ours.meetings.get(&id).map(ron_text),
            theirs: theirs.meetings.get(&id).map(ron_text),
            broken_rule: rule,
            ..template.clone()
        });
    }
}
