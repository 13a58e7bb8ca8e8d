//! A merge held to the register's own checks. Two changes each fine alone
//! can together break a rule: deliveries of 150 and 150 against 200
//! promised, a commitment added in one copy for a participant the other
//! deleted. Such a merge is not clean: the record at fault is taken back
//! as this copy had it and the other copy's version kept beside it as a
//! conflict naming the broken rule, so `check` passes on nothing new and
//! git's merge stops for the officer.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::fields::ron_text;
use crate::model::{Conflict, Field, Problem, Record, Register};

/// How many records, at most, are each tried back as this copy had them
/// to find which of the other copy's changes broke a rule on a record
/// this copy holds as it was. Each try runs every check once; past this,
/// what is still broken is left as a problem for `check`.
const MOST_TRIES: usize = 64;

/// Takes back, as `ours` had them, the records of `out` that make a
/// problem neither copy had, each kept as a conflict in `found`. Returns
/// what the checks still reject that neither copy had.
pub(super) fn hold_to_checks(
    ours: &Register,
    theirs: &Register,
    out: &mut Register,
    found: &mut Vec<Conflict>,
    template: &Conflict,
) -> Vec<Problem> {
    // The merged register is checked first: when it passes, as nearly
    // every merge does, nothing it has can be new, and neither copy needs
    // checking (each check of a large register is a pass over every record).
    let merged_problems = problems(out);
    if merged_problems.is_empty() {
        return merged_problems;
    }
    let known = Known::of(ours, theirs);
    let fresh = |register: &Register| known.fresh(problems(register));
    let mut left = known.fresh(merged_problems);
    if left.is_empty() {
        return left;
    }
    let conflict = |record: Record, rule: &str| Conflict {
        record: Some(record),
        field: String::new(),
        ours: text_of(ours, record),
        theirs: text_of(theirs, record),
        name: if text_of(ours, record).is_none() {
            super::fields::conflict_name(theirs, record)
        } else {
            String::new()
        },
        broken_rule: rule.to_string(),
        ..template.clone()
    };
    let mut taken_back = BTreeSet::new();
    // The record the rule is broken in, when the merge changed it.
    for problem in &left {
        let Some(record) = problem.record else {
            continue;
        };
        if !taken_back.contains(&record) && text_of(out, record) != text_of(ours, record) {
            take_back(out, ours, record);
            taken_back.insert(record);
            found.push(conflict(record, &problem.message));
        }
    }
    left = fresh(out);
    // Else another record the other copy changed, added or deleted
    // (the participant a new commitment is for): found by trying each.
    for record in differing(ours, out).into_iter().take(MOST_TRIES) {
        let Some(first) = left.first() else {
            break;
        };
        let mut tried = out.clone();
        take_back(&mut tried, ours, record);
        let still = fresh(&tried);
        if still.len() < left.len() {
            let rule = first.message.clone();
            *out = tried;
            found.push(conflict(record, &rule));
            left = still;
        }
    }
    left
}

fn far_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

type Place = (Option<Record>, Option<Field>);

/// The problems either copy already had, counted per place (record and
/// field) as `resolve` counts them, so that a problem merely reworded by
/// the merge (a participant renamed in the other copy) is not new.
struct Known {
    most: BTreeMap<Place, usize>,
    messages: BTreeSet<String>,
}

impl Known {
    fn of(ours: &Register, theirs: &Register) -> Known {
        let mut most = BTreeMap::new();
        let mut messages = BTreeSet::new();
        for copy in [ours, theirs] {
            let mut here: BTreeMap<Place, usize> = BTreeMap::new();
            for problem in problems(copy) {
                *here.entry((problem.record, problem.field)).or_default() += 1;
                messages.insert(problem.message);
            }
            for (place, count) in here {
                let seen: &mut usize = most.entry(place).or_default();
                *seen = (*seen).max(count);
            }
        }
        Known { most, messages }
    }

    /// The problems past what either copy had in their place, those
    /// neither copy said in so many words first.
    fn fresh(&self, found: Vec<Problem>) -> Vec<Problem> {
        let mut by_place: BTreeMap<Place, Vec<Problem>> = BTreeMap::new();
        for problem in found {
            by_place
                .entry((problem.record, problem.field))
                .or_default()
                .push(problem);
        }
        let mut fresh = Vec::new();
        for (place, mut here) in by_place {
            let allowed = self.most.get(&place).copied().unwrap_or(0);
            let Some(excess) = here.len().checked_sub(allowed).filter(|n| *n > 0) else {
                continue;
            };
            // Stable: the problems said before go last, so are the ones allowed.
            here.sort_by_key(|problem| self.messages.contains(&problem.message));
            fresh.extend(here.into_iter().take(excess));
        }
        fresh
    }
}

/// What the checks reject, besides the conflicts the register already
/// holds (those are settled on their own). Dates are judged from far
/// ahead, as `resolve` judges them: every date comes from one copy or the
/// other, and whether one is after today is for `check` on the day.
pub(super) fn problems(register: &Register) -> Vec<Problem> {
    let conflicts: BTreeSet<String> = register
        .conflict_problems()
        .into_iter()
        .map(|problem| problem.message)
        .collect();
    register
        .validate(far_day())
        .into_iter()
        .filter(|problem| !conflicts.contains(&problem.message))
        .collect()
}

/// A record as RON text, `None` when the register does not hold it.
fn text_of(register: &Register, record: Record) -> Option<String> {
    match record {
        Record::Participant(id) => register.participants.get(&id).map(ron_text),
        Record::Person(id) => register.people.get(&id).map(ron_text),
        Record::Series(id) => register.series.get(&id).map(ron_text),
        Record::Meeting(id) => register.meetings.get(&id).map(ron_text),
        Record::Commitment(id) => register.commitments.get(&id).map(ron_text),
    }
}

/// Puts `record` into `out` as `ours` has it, or takes it out.
fn take_back(out: &mut Register, ours: &Register, record: Record) {
    fn put<K: Ord + Copy, V: Clone>(out: &mut BTreeMap<K, V>, ours: &BTreeMap<K, V>, key: K) {
        match ours.get(&key) {
            Some(value) => out.insert(key, value.clone()),
            None => out.remove(&key),
        };
    }
    match record {
        Record::Participant(id) => put(&mut out.participants, &ours.participants, id),
        Record::Person(id) => put(&mut out.people, &ours.people, id),
        Record::Series(id) => put(&mut out.series, &ours.series, id),
        Record::Meeting(id) => put(&mut out.meetings, &ours.meetings, id),
        Record::Commitment(id) => put(&mut out.commitments, &ours.commitments, id),
    }
}

/// Every record `out` holds otherwise than `ours` does: what the merge
/// took from the other copy.
fn differing(ours: &Register, out: &Register) -> Vec<Record> {
    fn kind<K: Ord + Copy, V: PartialEq + Serialize>(
        ours: &BTreeMap<K, V>,
        out: &BTreeMap<K, V>,
        record: impl Fn(K) -> Record,
        into: &mut Vec<Record>,
    ) {
        if ours == out {
            return;
        }
        let keys: BTreeSet<&K> = ours.keys().chain(out.keys()).collect();
        into.extend(
            keys.into_iter()
                .filter(|key| ours.get(key) != out.get(key))
                .map(|key| record(*key)),
        );
    }
    let mut into = Vec::new();
    macro_rules! changed {
        ($list:ident, $variant:ident, $_fields:ident) => {
            kind(&ours.$list, &out.$list, Record::$variant, &mut into);
        };
    }
    record_kinds!(changed);
    into
}
