//! The three-way merge of two copies of the register kept by two offices
//! from a common copy (the base): record by record, then field by field.
//!
//! A record added in one copy is added; deleted in one and unchanged in
//! the other, deleted; changed in one, taken. Changed in both, its fields
//! merge one by one, and the lists that only grow (status history,
//! deliveries, the record's life, attendance, agenda items, decisions and
//! actions added) are united. What cannot be settled alone is a
//! [`Conflict`]: ours is applied and theirs kept beside it in the
//! register's conflicts, so nothing is lost. So is a record whose merge
//! would break a rule of the register's checks that neither copy broke,
//! or change an approved record without a revision: ours is applied and
//! theirs kept beside it. Two different records added
//! under the same number are both kept, theirs renumbered first.
//!
//! Records are matched by id. Ids that carry their office (`LON-17`)
//! never clash between two offices' copies; only plain numbers added in
//! both copies, or two copies kept under one office code, are renumbered.
//!
//! Without a common copy, [`compare`] makes every difference a conflict;
//! [`resolve`] settles the conflicts of either, as the officer chooses.

/// Calls `$each!(field, Record variant, merge function)` for every kind
/// of record, in the order their conflicts are listed.
macro_rules! record_kinds {
    ($each:ident) => {
        $each!(participants, Participant, participant);
        $each!(people, Person, person);
        $each!(series, Series, series);
        $each!(meetings, Meeting, meeting);
        $each!(commitments, Commitment, commitment);
    };
}

mod apart;
mod approved;
mod checked;
mod compare;
mod fields;
mod lineage;
mod records;
mod renumber;
mod resolve;
mod settle;
mod summary;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::model::{Conflict, Problem, Record, Register};

pub use apart::{ReadApart, merge_apart};
pub use compare::compare;
use fields::{FieldMerge, ron_text};
pub use lineage::{NotLastCommon, OlderBase, Side, check_base, check_saves};
pub use resolve::{Choice, ResolveError, resolve};
pub use summary::{Counts, MergeSummary};

/// The outcome of a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged register; its `conflicts` hold those found now as well
    /// as any either copy already had.
    pub register: Register,
    /// The conflicts this merge found.
    pub conflicts: Vec<Conflict>,
    /// What the merge changed in ours, per kind of record.
    pub summary: MergeSummary,
    /// What the register's checks still reject in the merged register
    /// that neither copy had, once each record the merge broke was taken
    /// back as a conflict: rare, but the merge is then not clean either.
    pub unsettled: Vec<Problem>,
}

/// Whether two copies are of one register: both carry the identity made
/// when it was created, or one was written before identities (which
/// cannot tell, and is merged as before).
pub fn same_register(one: &Register, other: &Register) -> bool {
    one.identity.is_empty() || other.identity.is_empty() || one.identity == other.identity
}

/// Whether `copy` may have been made from `base`: a common copy that
/// carries an identity passes it to every copy made from it, so a copy
/// with none (its identity line removed by hand) or another one is of
/// another register. A common copy from before identities cannot tell.
pub fn made_from(base: &Register, copy: &Register) -> bool {
    base.identity.is_empty() || copy.identity == base.identity
}

/// Merges `theirs` into `ours`, both edited from `base`. The offices name
/// each side in the conflicts; `now` is when the merge happens. Check
/// first with [`same_register`] that the copies are of one register, and
/// with [`check_base`] that `base` is not older than their last common
/// copy. The result keeps the merges both copies came from, and marks
/// this one when it made a copy neither had.
pub fn merge(
    base: &Register,
    ours: &Register,
    theirs: &Register,
    ours_office: &str,
    theirs_office: &str,
    now: NaiveDateTime,
) -> Merged {
    let renumbered_copy = renumber::renumber_clashes(base, ours, theirs);
    let (theirs, renumbered) = match &renumbered_copy {
        Some((copy, moved)) => (copy, *moved),
        None => (theirs, 0),
    };
    let template = template(ours_office, theirs_office, now);
    let Draft {
        mut out,
        mut found,
        summary,
    } = draft(base, ours, theirs, &template, renumbered);
    approved::hold_approved(ours, theirs, &mut out, &mut found, &template);
    let unsettled = checked::hold_to_checks(ours, theirs, &mut out, &mut found, &template);
    let ids = [lineage::ids_digest(ours), lineage::ids_digest(theirs)];
    let like_theirs = |out: &Register| lineage::plausibly_equal(out, theirs);
    finish(
        out,
        found,
        summary,
        unsettled,
        (base, ours, theirs),
        (&like_theirs, ids),
        [ours_office, theirs_office],
        now,
    )
}

/// What every conflict of a merge shares: the offices and when.
fn template(ours_office: &str, theirs_office: &str, now: NaiveDateTime) -> Conflict {
    Conflict {
        record: None,
        field: String::new(),
        ours: None,
        theirs: None,
        ours_office: ours_office.to_string(),
        theirs_office: theirs_office.to_string(),
        merged: now,
        name: String::new(),
        compared: false,
        broken_rule: String::new(),
    }
}

/// The records and settings merged, before the checks: ours with what
/// theirs changed, and the conflicts found so far.
struct Draft {
    out: Register,
    found: Vec<Conflict>,
    summary: MergeSummary,
}

/// The settings, then each kind record by record (`theirs` already
/// renumbered, `renumbered` records moved).
fn draft(
    base: &Register,
    ours: &Register,
    theirs: &Register,
    template: &Conflict,
    renumbered: usize,
) -> Draft {
    let mut found = Vec::new();
    let mut out = ours.clone();
    let mut summary = MergeSummary {
        renumbered,
        ..MergeSummary::default()
    };

    let mut settings = FieldMerge::new(None, &mut found, template);
    settings.register_settings(base, ours, theirs, &mut out);
    // Kept by every copy; a copy from before identities takes the other's.
    out.identity = [&ours.identity, &theirs.identity, &base.identity]
        .into_iter()
        .find(|identity| !identity.is_empty())
        .cloned()
        .unwrap_or_default();
    out.next_id = if ours.next_id == base.next_id {
        theirs.next_id
    } else if theirs.next_id == base.next_id {
        ours.next_id
    } else {
        ours.next_id.max(theirs.next_id)
    };

    let mut each = ThreeWayPass {
        found: &mut found,
        template,
        theirs,
    };
    macro_rules! three_way {
        ($list:ident, $variant:ident, $fields:ident) => {
            each.kind(
                (&base.$list, &ours.$list, &theirs.$list),
                &mut out.$list,
                &mut summary.$list,
                |id| Record::$variant(*id),
                records::$fields,
            );
        };
    }
    record_kinds!(three_way);
    Draft {
        out,
        found,
        summary,
    }
}

/// Whether a merged register (its merges set to theirs') is theirs, and
/// the ids each copy holds as one number: how [`lineage`] tells a new
/// copy and names it.
pub(super) type Likeness<'a> = (&'a dyn Fn(&Register) -> bool, [u128; 2]);

/// The conflicts either copy still had and those found, the summary and
/// the merge's mark.
#[expect(
    clippy::too_many_arguments,
    reason = "the merge's own parts, handed on once from its two callers"
)]
fn finish(
    mut out: Register,
    found: Vec<Conflict>,
    mut summary: MergeSummary,
    unsettled: Vec<Problem>,
    (base, ours, theirs): (&Register, &Register, &Register),
    likeness: Likeness<'_>,
    offices: [&str; 2],
    now: NaiveDateTime,
) -> Merged {
    // Conflicts either copy still had stay until settled, each once.
    out.conflicts = fields::united(&base.conflicts, &ours.conflicts, &theirs.conflicts, |c| {
        c.merged.date()
    });
    out.conflicts.extend(found.iter().cloned());
    summary.conflicts = found.len();
    // Records change only as the summary counts them; the rest is compared.
    let took = summary != MergeSummary::default() || lineage::settings_differ(&out, ours);
    lineage::mark(
        &mut out,
        (ours, theirs),
        took,
        likeness,
        &base.merges,
        offices,
        now,
    );
    Merged {
        register: out,
        conflicts: found,
        summary,
        unsettled,
    }
}

/// The record-by-record pass over one kind's map, against the common copy.
struct ThreeWayPass<'a> {
    found: &'a mut Vec<Conflict>,
    template: &'a Conflict,
    /// Names a record ours deleted, which ours can no longer name.
    theirs: &'a Register,
}

type Sides<'a, K, V> = (&'a BTreeMap<K, V>, &'a BTreeMap<K, V>, &'a BTreeMap<K, V>);

impl ThreeWayPass<'_> {
    fn kind<K: Ord + Copy, V: Clone + PartialEq + Serialize>(
        &mut self,
        (base, ours, theirs): Sides<'_, K, V>,
        out: &mut BTreeMap<K, V>,
        counts: &mut Counts,
        record: impl Fn(&K) -> Record,
        fields: impl Fn(&mut FieldMerge<'_>, &V, &V, &V) -> V,
    ) {
        if ours == theirs || theirs == base {
            return;
        }
        // A record only ours holds is never taken or changed: ours has it.
        let keys: BTreeSet<&K> = theirs.keys().chain(base.keys()).collect();
        for key in keys {
            let mut merge = FieldMerge::new(Some(record(key)), self.found, self.template);
            match (base.get(key), ours.get(key), theirs.get(key)) {
                // Added in theirs; a clash with ours was renumbered before.
                (None, None, Some(added)) => {
                    out.insert(*key, added.clone());
                    counts.added += 1;
                }
                (Some(b), Some(o), Some(t)) if t != b && o != t => {
                    let merged = if o == b {
                        t.clone()
                    } else {
                        fields(&mut merge, b, o, t)
                    };
                    if &merged != o {
                        counts.changed += 1;
                    }
                    out.insert(*key, merged);
                }
                (Some(b), Some(o), None) => {
                    if o == b {
                        out.remove(key);
                        counts.deleted += 1;
                    } else {
                        merge.conflict(String::new(), Some(ron_text(o)), None);
                    }
                }
                (Some(b), None, Some(t)) if t != b => {
                    merge.conflict_only_theirs(ron_text(t), self.theirs);
                }
                _ => {}
            }
        }
    }
}
