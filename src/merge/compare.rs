//! Two copies compared without the copy they were last exchanged as: with
//! no common copy nothing tells which office changed a field, added a
//! record or deleted one, so every difference is a decision for the
//! officer. Ours stays applied and each difference becomes a conflict
//! marked `compared`, settled like a merge's.
//!
//! Plain fields are compared one by one, a meeting's attendance one
//! participant's row at a time, and every list (agenda, decisions,
//! actions, roles, exceptions, status history, deliveries, the record's
//! life, levels, areas) as a whole: without a common copy no entry is
//! known to be the same one in both.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::model::{Conflict, Record, Register};

use super::fields::{FieldMerge, ron_text};
use super::{MergeSummary, Merged, records};

/// Compares `theirs` with `ours`: the result is ours, with every
/// difference a conflict to decide. The offices name each side in the
/// conflicts; `now` is when the comparison is made.
pub fn compare(
    ours: &Register,
    theirs: &Register,
    ours_office: &str,
    theirs_office: &str,
    now: NaiveDateTime,
) -> Merged {
    let template = Conflict {
        compared: true,
        ..super::template(ours_office, theirs_office, now)
    };
    let mut found = Vec::new();
    let mut out = ours.clone();
    // Ours is the base of every field: a field compared is never taken
    // from theirs, only written beside ours when it differs.
    let mut settings = FieldMerge::new(None, &mut found, &template);
    settings.register_settings(ours, ours, theirs, &mut out);
    // A number either copy handed out is never handed out again.
    out.next_id = ours.next_id.max(theirs.next_id);

    let mut each = TwoWayPass {
        found: &mut found,
        template: &template,
        theirs,
    };
    macro_rules! two_way {
        ($list:ident, $variant:ident, $fields:ident) => {
            each.kind(
                (&ours.$list, &theirs.$list),
                |id| Record::$variant(*id),
                records::$fields,
            );
        };
    }
    record_kinds!(two_way);

    // Conflicts either copy still had stay until settled, each once.
    out.conflicts.extend(
        theirs
            .conflicts
            .iter()
            .filter(|conflict| !ours.conflicts.contains(conflict))
            .cloned(),
    );
    out.conflicts.extend(found.iter().cloned());
    let summary = MergeSummary {
        conflicts: found.len(),
        ..MergeSummary::default()
    };
    // Settled, the result holds what both copies held: a common copy of
    // both, as a merge's is.
    let took = !found.is_empty() || super::lineage::settings_differ(&out, ours);
    let like_theirs = |out: &Register| super::lineage::plausibly_equal(out, theirs);
    let ids = [
        super::lineage::ids_digest(ours),
        super::lineage::ids_digest(theirs),
    ];
    super::lineage::mark(
        &mut out,
        (ours, theirs),
        took,
        (&like_theirs, ids),
        &[],
        [ours_office, theirs_office],
        now,
    );
    Merged {
        register: out,
        conflicts: found,
        summary,
        unsettled: Vec::new(),
    }
}

/// The record-by-record pass over one kind's map, with no common copy.
struct TwoWayPass<'a> {
    found: &'a mut Vec<Conflict>,
    template: &'a Conflict,
    /// Names a record only theirs has.
    theirs: &'a Register,
}

impl TwoWayPass<'_> {
    fn kind<K: Ord + Copy, V: Clone + PartialEq + Serialize>(
        &mut self,
        (ours, theirs): (&BTreeMap<K, V>, &BTreeMap<K, V>),
        record: impl Fn(&K) -> Record,
        fields: impl Fn(&mut FieldMerge<'_>, &V, &V, &V) -> V,
    ) {
        if ours == theirs {
            return;
        }
        let keys: BTreeSet<&K> = ours.keys().chain(theirs.keys()).collect();
        for key in keys {
            let mut compare = FieldMerge::new(Some(record(key)), self.found, self.template);
            match (ours.get(key), theirs.get(key)) {
                (Some(o), Some(t)) if o != t => {
                    fields(&mut compare, o, o, t);
                }
                (Some(o), None) => compare.conflict(String::new(), Some(ron_text(o)), None),
                (None, Some(t)) => {
                    compare.conflict_only_theirs(ron_text(t), self.theirs);
                }
                _ => {}
            }
        }
    }
}
