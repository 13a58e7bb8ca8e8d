//! Merging one record's fields: a field changed on one side is taken, the
//! same field changed differently on both is a conflict (ours kept, theirs
//! written beside it), and the lists that only grow are united.
//!
//! A comparison without a common copy (`template.compared`) passes ours
//! as the base: nothing is then taken from theirs, and every field that
//! differs is a conflict.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Conflict, Record, Register};

/// Where the conflicts of one record go as its fields are merged.
pub(super) struct FieldMerge<'a> {
    pub record: Option<Record>,
    pub conflicts: &'a mut Vec<Conflict>,
    pub template: &'a Conflict,
}

impl<'a> FieldMerge<'a> {
    /// Where the conflicts found in `record` (none: the register's own
    /// settings) go: onto `conflicts`, each made from `template`.
    pub fn new(
        record: Option<Record>,
        conflicts: &'a mut Vec<Conflict>,
        template: &'a Conflict,
    ) -> Self {
        FieldMerge {
            record,
            conflicts,
            template,
        }
    }

    /// The register's own settings merged field by field: its name, short
    /// name and reference pattern, and its lists of markings and
    /// capability areas (a two-way comparison passes ours as `base`).
    pub fn register_settings(
        &mut self,
        base: &Register,
        ours: &Register,
        theirs: &Register,
        out: &mut Register,
    ) {
        self.field("name", &base.name, &ours.name, &theirs.name, &mut out.name);
        self.field(
            "short_name",
            &base.short_name,
            &ours.short_name,
            &theirs.short_name,
            &mut out.short_name,
        );
        self.field(
            "reference_pattern",
            &base.reference_pattern,
            &ours.reference_pattern,
            &theirs.reference_pattern,
            &mut out.reference_pattern,
        );
        self.list(
            "markings",
            &base.markings,
            &ours.markings,
            &theirs.markings,
            &mut out.markings,
        );
        self.list(
            "capability_areas",
            &base.capability_areas,
            &ours.capability_areas,
            &theirs.capability_areas,
            &mut out.capability_areas,
        );
    }
}

/// A value as RON text, for a conflict. Every record's value serialises;
/// should one ever not, the conflict still says that it differed.
pub(super) fn ron_text<T: Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_else(|error| format!("(could not be written: {error})"))
}

impl FieldMerge<'_> {
    pub fn conflict(&mut self, field: String, ours: Option<String>, theirs: Option<String>) {
        self.conflicts.push(Conflict {
            record: self.record,
            field,
            ours,
            theirs,
            ..self.template.clone()
        });
    }

    /// A conflict over the whole record, which ours no longer holds and
    /// theirs does (`theirs_text`): named as theirs names it, since ours
    /// cannot.
    pub fn conflict_only_theirs(&mut self, theirs_text: String, theirs: &Register) {
        self.conflict(String::new(), None, Some(theirs_text));
        if let (Some(conflict), Some(record)) = (self.conflicts.last_mut(), self.record) {
            conflict.name = conflict_name(theirs, record);
        }
    }

    /// One side changed a marking while the other changed what the marking
    /// covers: taking both would print the other side's content under a
    /// marking its author never chose (lowered on one side, text added on
    /// the other). The marking is then a conflict on `field`, ours kept,
    /// for a person to decide; a record in conflict prints nowhere
    /// meanwhile. `content` is what the marking covers: the whole record
    /// with its marking left out, or the one text a part's own marking
    /// covers (a meeting's restricted notes, a participant's points to
    /// raise). Returns whether it was such a conflict.
    pub fn marking_apart<M: PartialEq + Serialize, C: PartialEq>(
        &mut self,
        field: &str,
        markings: [&M; 3],
        content: [C; 3],
    ) -> bool {
        let [base, ours, theirs] = markings;
        let [base_content, ours_content, theirs_content] = content;
        if ours == theirs || self.template.compared {
            return false;
        }
        let apart = (ours != base && theirs == base && theirs_content != base_content)
            || (theirs != base && ours == base && ours_content != base_content);
        if apart {
            self.conflict(
                field.to_string(),
                Some(ron_text(ours)),
                Some(ron_text(theirs)),
            );
        }
        apart
    }

    /// A plain field: `out` holds ours and becomes theirs when only theirs
    /// changed it.
    pub fn field<T: PartialEq + Clone + Serialize>(
        &mut self,
        name: &str,
        base: &T,
        ours: &T,
        theirs: &T,
        out: &mut T,
    ) {
        if ours == theirs || theirs == base {
            return;
        }
        if ours == base && !self.template.compared {
            *out = theirs.clone();
        } else {
            self.conflict(
                name.to_string(),
                Some(ron_text(ours)),
                Some(ron_text(theirs)),
            );
        }
    }

    /// A list whose entries are kept in place (agenda items, decisions,
    /// actions, roles): the entries base had merge one by one, and the
    /// entries each side added after them are all kept, ours first. When a
    /// side removed entries the list merges as a whole.
    pub fn list<T: PartialEq + Clone + Serialize>(
        &mut self,
        name: &str,
        base: &[T],
        ours: &[T],
        theirs: &[T],
        out: &mut Vec<T>,
    ) {
        if ours == theirs || theirs == base {
            return;
        }
        if ours == base && !self.template.compared {
            *out = theirs.to_vec();
            return;
        }
        // Without a common copy no entry is known to be the same one in
        // both, so a list that differs is one decision.
        if ours.len() < base.len() || theirs.len() < base.len() || self.template.compared {
            let (ours_text, theirs_text) = (ron_text(&ours), ron_text(&theirs));
            self.conflict(name.to_string(), Some(ours_text), Some(theirs_text));
            return;
        }
        let mut merged = Vec::with_capacity(ours.len() + theirs.len() - base.len());
        for (n, ((b, o), t)) in base.iter().zip(ours).zip(theirs).enumerate() {
            let mut entry = o.clone();
            self.field(&format!("{name}[{}]", n + 1), b, o, t, &mut entry);
            merged.push(entry);
        }
        let ours_added = ours.get(base.len()..).unwrap_or_default();
        let theirs_added = theirs.get(base.len()..).unwrap_or_default();
        merged.extend(ours_added.iter().cloned());
        merged.extend(
            theirs_added
                .iter()
                .filter(|entry| !ours_added.contains(entry))
                .cloned(),
        );
        *out = merged;
    }

    /// A map of entries by key (a meeting's attendance): each key merges
    /// as a field of its own.
    pub fn map<K: Ord + Copy, V: PartialEq + Clone + Serialize>(
        &mut self,
        name: &str,
        key_text: impl Fn(K) -> String,
        base: &BTreeMap<K, V>,
        ours: &BTreeMap<K, V>,
        theirs: &BTreeMap<K, V>,
        out: &mut BTreeMap<K, V>,
    ) {
        if ours == theirs || theirs == base {
            return;
        }
        let keys: std::collections::BTreeSet<K> = base
            .keys()
            .chain(ours.keys())
            .chain(theirs.keys())
            .copied()
            .collect();
        for key in keys {
            let (b, o, t) = (base.get(&key), ours.get(&key), theirs.get(&key));
            let mut entry = o;
            self.field(
                &format!("{name}[{}]", key_text(key)),
                &b,
                &o,
                &t,
                &mut entry,
            );
            match entry.cloned() {
                Some(value) => out.insert(key, value),
                None => out.remove(&key),
            };
        }
    }
}

impl FieldMerge<'_> {
    /// [`united`], or in a comparison a decision like any other field:
    /// without a common copy an entry only one side has may be one the
    /// other removed.
    pub fn united<T: PartialEq + Clone + Serialize>(
        &mut self,
        name: &str,
        base: &[T],
        ours: &[T],
        theirs: &[T],
        date: impl Fn(&T) -> chrono::NaiveDate,
    ) -> Vec<T> {
        if self.template.compared {
            let mut out = ours.to_vec();
            self.list(name, ours, ours, theirs, &mut out);
            return out;
        }
        united(base, ours, theirs, date)
    }
}

/// A dated list that only grows (a commitment's status history and
/// deliveries, a record's life): the entries of both sides, each once, in
/// date order (ours first on the same day). An entry base had and ours
/// no longer has stays out: ours removed it on purpose.
pub(super) fn united<T: PartialEq + Clone>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    date: impl Fn(&T) -> chrono::NaiveDate,
) -> Vec<T> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    // Counted, not just looked up: an entry one side has twice (the same
    // step recorded twice on one day) is kept twice whichever side it is,
    // so merging either way round gives the same list.
    let mut all = ours.to_vec();
    for (n, entry) in theirs.iter().enumerate() {
        let theirs_so_far = theirs.iter().take(n + 1).filter(|e| *e == entry).count();
        let in_ours = ours.iter().filter(|e| *e == entry).count();
        if theirs_so_far > in_ours && !base.contains(entry) {
            all.push(entry.clone());
        }
    }
    all.sort_by_key(|entry| date(entry));
    all
}

/// The record as the other copy names it, for a conflict's `name`: held
/// to the length a name may have in the file (a long title inside the
/// sentence would make the merged file one that cannot be read back), cut
/// at a character with "…".
pub(super) fn conflict_name(
    theirs: &crate::model::Register,
    record: crate::model::Record,
) -> String {
    let name = theirs.known_as(record);
    let most = crate::model::text_limits::MOST_NAME_CHARACTERS;
    if name.chars().count() <= most {
        return name;
    }
    let mut cut: String = name.chars().take(most - 1).collect();
    cut.push('…');
    cut
}
