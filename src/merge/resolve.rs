//! Settling the conflicts a merge left: per conflict, the officer keeps
//! what is applied (ours), takes the other copy's value (theirs), or types
//! the value. Nothing settled may break the register: a choice that would
//! change an approved record, or leave a problem `check` did not have
//! before (a reference to a record the choice deleted), is refused with
//! the reason, and the register is left as it was.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

use crate::edit::{self, Edit};
use crate::model::{Conflict, Field, Record, Register};

use super::settle::{NotSettled, Settable, read};

/// How the officer settles one conflict.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Keep the value applied in this copy.
    Ours,
    /// Take the other copy's value.
    Theirs,
    /// RON text of the field's value as the officer typed it.
    Edited(String),
}

/// Why a choice could not be applied, for the officer: which conflict
/// (index into `register.conflicts`) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResolveError {
    pub conflict: usize,
    pub message: String,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ResolveError {}

/// The register with each chosen conflict settled and removed from
/// `conflicts`; conflicts not chosen stay, in order.
pub fn resolve(register: &Register, choices: &[(usize, Choice)]) -> Result<Register, ResolveError> {
    let out = settle_all(register, choices)?;
    guard_approved(register, &out, choices)?;
    guard_problems(register, &out, choices)?;
    Ok(out)
}

/// The choices applied one after the other, without the checks.
fn settle_all(register: &Register, choices: &[(usize, Choice)]) -> Result<Register, ResolveError> {
    let mut out = register.clone();
    let mut settled = BTreeSet::new();
    for (index, choice) in choices {
        let fail = |message: String| ResolveError {
            conflict: *index,
            message,
        };
        let Some(conflict) = register.conflicts.get(*index) else {
            return Err(fail(format!(
                "There is no conflict number {} to settle: the register has {}",
                index + 1,
                register.conflicts.len()
            )));
        };
        if !settled.insert(*index) {
            return Err(fail(format!(
                "{} {} chosen twice; choose once",
                sentence_start(&register.field_words(conflict)),
                conflict.field_verb()
            )));
        }
        settle(&mut out, conflict, choice)
            .map_err(|why| fail(describe(register, conflict, &why)))?;
    }
    out.conflicts = register
        .conflicts
        .iter()
        .enumerate()
        .filter(|(n, _)| !settled.contains(n))
        .map(|(_, conflict)| conflict.clone())
        .collect();
    Ok(out)
}

/// Puts the chosen value of one conflict into `register`.
fn settle(register: &mut Register, conflict: &Conflict, choice: &Choice) -> Result<(), NotSettled> {
    let text = match choice {
        Choice::Ours => return Ok(()),
        Choice::Theirs => conflict.theirs.as_deref(),
        Choice::Edited(text) => Some(text.as_str()),
    };
    let Some(record) = conflict.record else {
        let text = text.ok_or(NotSettled::NoValue)?;
        return register.put(&conflict.field, text);
    };
    if conflict.field.is_empty() {
        return whole(register, record, text);
    }
    let text = text.ok_or(NotSettled::NoValue)?;
    let field = conflict.field.as_str();
    match record {
        Record::Participant(id) => put_in(&mut register.participants, id, field, text),
        Record::Person(id) => put_in(&mut register.people, id, field, text),
        Record::Series(id) => put_in(&mut register.series, id, field, text),
        Record::Meeting(id) => put_in(&mut register.meetings, id, field, text),
        Record::Commitment(id) => put_in(&mut register.commitments, id, field, text),
    }
}

/// Puts `text` into one field of the record `id` of one kind; the record
/// may have gone since the conflict was found.
fn put_in<K: Ord, V: Settable>(
    records: &mut std::collections::BTreeMap<K, V>,
    id: K,
    field: &str,
    text: &str,
) -> Result<(), NotSettled> {
    let record = records.get_mut(&id).ok_or(NotSettled::RecordGone)?;
    record.put(field, text)
}

/// A whole record put back as `text` says, or deleted when there is none.
fn whole(register: &mut Register, record: Record, text: Option<&str>) -> Result<(), NotSettled> {
    let edit = match (record, text) {
        (Record::Participant(id), text) => Edit::Participant(id, text.map(read).transpose()?),
        (Record::Person(id), text) => Edit::Person(id, text.map(read).transpose()?),
        (Record::Series(id), text) => Edit::Series(id, text.map(read).transpose()?),
        (Record::Meeting(id), text) => Edit::Meeting(id, text.map(read).transpose()?),
        (Record::Commitment(id), text) => Edit::Commitment(id, text.map(read).transpose()?),
    };
    edit::apply(register, edit);
    Ok(())
}

/// What did not read, as a sentence naming the record and the field.
fn describe(register: &Register, conflict: &Conflict, why: &NotSettled) -> String {
    format!(
        "{} of {} could not be settled: {why}",
        sentence_start(&register.field_words(conflict)),
        holder(register, conflict)
    )
}

/// The record the conflict is about, as the officer knows it.
fn holder(register: &Register, conflict: &Conflict) -> String {
    match conflict.record {
        Some(_) if conflict.field.is_empty() && !conflict.name.trim().is_empty() => {
            conflict.name.clone()
        }
        Some(record) => register.mentioned(record).to_string(),
        None => "the register".to_string(),
    }
}

fn sentence_start(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The meetings a choice changed, with the choice: an approved record is
/// changed only through a revision, as in the window.
fn guard_approved(
    register: &Register,
    out: &Register,
    choices: &[(usize, Choice)],
) -> Result<(), ResolveError> {
    let mut scratch: Option<Register> = None;
    for (index, choice) in choices {
        let Some(Record::Meeting(id)) = register.conflicts.get(*index).and_then(|c| c.record)
        else {
            continue;
        };
        if *choice == Choice::Ours || register.meeting(id) == out.meeting(id) {
            continue;
        }
        let change = Edit::Meeting(id, out.meeting(id).cloned());
        let before = edit::meetings_before(register, &change);
        let scratch = scratch.get_or_insert_with(|| out.clone());
        edit::check_and_note(scratch, &before).map_err(|refused| ResolveError {
            conflict: *index,
            message: refused.to_string(),
        })?;
    }
    Ok(())
}

/// `check` on the settled register finds nothing the choices brought in.
/// Dates are judged from far ahead: whether a date is after today is for
/// `check` on the day, not for which copy's value is kept.
fn guard_problems(
    register: &Register,
    out: &Register,
    choices: &[(usize, Choice)],
) -> Result<(), ResolveError> {
    let before = places(register);
    if new_problem(&before, out).is_none() {
        return Ok(());
    }
    // Only now find which choice brought it in, one choice at a time.
    for n in 1..=choices.len() {
        let prefix = choices.get(..n).unwrap_or_default();
        let Ok(partial) = settle_all(register, prefix) else {
            continue;
        };
        if let (Some(message), Some((index, _))) = (new_problem(&before, &partial), prefix.last()) {
            let conflict = register.conflicts.get(*index);
            let what = conflict.map(|c| holder(register, c)).unwrap_or_default();
            return Err(ResolveError {
                conflict: *index,
                message: format!(
                    "Settling this conflict about {what} would leave the register with a \
                     problem: {message}"
                ),
            });
        }
    }
    Ok(())
}

type Place = (Option<Record>, Option<Field>);

fn far_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Where `check` finds problems, other than the conflicts themselves.
fn places(register: &Register) -> Vec<Place> {
    let conflicts: Vec<String> = register
        .conflict_problems()
        .into_iter()
        .map(|problem| problem.message)
        .collect();
    let mut found: Vec<Place> = register
        .validate(far_day())
        .into_iter()
        .filter(|problem| !conflicts.contains(&problem.message))
        .map(|problem| (problem.record, problem.field))
        .collect();
    found.sort();
    found
}

/// A problem of `register` in a place that had fewer problems `before`
/// (counted per place, so a problem reworded by a renamed record is not new).
fn new_problem(before: &[Place], register: &Register) -> Option<String> {
    let conflicts: Vec<String> = register
        .conflict_problems()
        .into_iter()
        .map(|problem| problem.message)
        .collect();
    let mut left = before.to_vec();
    for problem in register.validate(far_day()) {
        if conflicts.contains(&problem.message) {
            continue;
        }
        let place = (problem.record, problem.field);
        match left.binary_search(&place) {
            Ok(at) => {
                left.remove(at);
            }
            Err(_) => return Some(problem.message),
        }
    }
    None
}
