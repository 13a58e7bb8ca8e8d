//! merge(base, x, y) and merge(base, y, x) give the same register up to
//! which side a conflict shows first: each merge applies its own copy's
//! value in a conflict and keeps the other's beside it, so the two are
//! compared with every conflicted value set aside, and their conflicts
//! as unordered pairs of (office, value).
//!
//! The two copies add records in number ranges of their own, as offices
//! with their own ids do. Records added under the same number in both are
//! both kept, but it is always theirs that is renumbered, so swapping the
//! sides moves the other record to the new number (and every reference to
//! it): the two results are then the same only up to renaming those
//! numbers, which this comparison does not attempt. That renumbering is
//! covered by the rules and by merging_never_loses_a_record_or_a_history_entry.

use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::merge::merge;
use coalition_desk::model::*;
use proptest::prelude::*;
use serde_json::Value;

use super::properties::{Change, apply, change, now};

/// Base and two copies edited apart, their added records numbered apart.
fn copies_apart() -> impl Strategy<Value = (Register, Register, Register)> {
    (
        1u64..4,
        prop::collection::vec(change(), 0..8),
        prop::collection::vec(change(), 0..8),
    )
        .prop_map(|(seed, x_changes, y_changes)| {
            let base = register(GenerateOptions {
                meetings: 4,
                commitments: 12,
                seed,
            });
            (base.clone(), edited(&base, &x_changes, 0), {
                let apart = base.fresh_id() + 1_000;
                edited(&base, &y_changes, apart)
            })
        })
}

fn edited(base: &Register, changes: &[Change], first_id: u64) -> Register {
    let mut copy = base.clone();
    for change in changes {
        apply(&mut copy, change, first_id);
    }
    copy
}

/// Where a conflict's value is in the register written as JSON: the
/// record's entry in its kind's map, then the field's steps
/// (`attendance[3]` is participant 3's row, `agenda[2]` the second item).
fn place(conflict: &Conflict) -> Vec<String> {
    let record = match conflict.record {
        None => vec![],
        Some(Record::Participant(id)) => vec!["participants".into(), id.0.to_string()],
        Some(Record::Person(id)) => vec!["people".into(), id.0.to_string()],
        Some(Record::Series(id)) => vec!["series".into(), id.0.to_string()],
        Some(Record::Meeting(id)) => vec!["meetings".into(), id.0.to_string()],
        Some(Record::Commitment(id)) => vec!["commitments".into(), id.0.to_string()],
    };
    let field = conflict
        .field
        .split(['.', '[', ']'])
        .filter(|step| !step.is_empty())
        .map(String::from);
    record.into_iter().chain(field).collect()
}

fn step_into<'a>(value: &'a Value, step: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map.get(step),
        Value::Array(list) => list.get(step.parse::<usize>().ok()?.checked_sub(1)?),
        _ => None,
    }
}

fn at<'a>(value: &'a Value, steps: &[String]) -> Option<&'a Value> {
    steps
        .iter()
        .try_fold(value, |value, step| step_into(value, step))
}

/// Sets the conflicted value aside (to null), in a record one copy
/// deleted too: both results then hold null there.
fn set_aside(value: &mut Value, steps: &[String]) {
    let Some((last, parents)) = steps.split_last() else {
        return;
    };
    let mut parent = Some(value);
    for step in parents {
        parent = match parent {
            Some(Value::Object(map)) => map.get_mut(step),
            Some(Value::Array(list)) => step
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|n| list.get_mut(n)),
            _ => None,
        };
    }
    match parent {
        Some(Value::Object(map)) => {
            map.insert(last.clone(), Value::Null);
        }
        Some(Value::Array(list)) => {
            let n = last.parse::<usize>().unwrap_or(0);
            if let Some(entry) = n.checked_sub(1).and_then(|n| list.get_mut(n)) {
                *entry = Value::Null;
            }
        }
        _ => {}
    }
}

/// A conflict whichever copy it was merged into: the record and field,
/// when, and the two (office, value) sides in a fixed order. The name of
/// a record ours deleted is left out: only the copy that deleted it
/// needs it.
type Unordered = (
    Option<Record>,
    String,
    chrono::NaiveDateTime,
    [(String, Option<String>); 2],
);

fn unordered(conflicts: &[Conflict]) -> Vec<Unordered> {
    let mut all: Vec<Unordered> = conflicts
        .iter()
        .map(|c| {
            let mut sides = [
                (c.ours_office.clone(), c.ours.clone()),
                (c.theirs_office.clone(), c.theirs.clone()),
            ];
            sides.sort();
            (c.record, c.field.clone(), c.merged, sides)
        })
        .collect();
    all.sort();
    all
}

fn json(register: &Register) -> Value {
    serde_json::to_value(register).unwrap()
}

/// Merges both ways round (x kept by London, y by Paris) and says how the
/// results differ beyond which side each conflict shows first; the
/// conflicts found.
fn either_way_round(base: &Register, x: &Register, y: &Register) -> Result<Vec<Conflict>, String> {
    let xy = merge(base, x, y, "LON", "PAR", now()).register;
    let yx = merge(base, y, x, "PAR", "LON", now()).register;
    // In a conflict, each result holds its own copy's value.
    for (merged, own) in [(&xy, x), (&yx, y)] {
        let (merged_json, own_json) = (json(merged), json(own));
        for conflict in &merged.conflicts {
            let steps = place(conflict);
            if at(&merged_json, &steps) != at(&own_json, &steps) {
                return Err(format!(
                    "not {}'s value applied: {conflict:?}",
                    conflict.ours_office
                ));
            }
        }
    }
    if unordered(&xy.conflicts) != unordered(&yx.conflicts) {
        return Err(format!(
            "conflicts differ:\n{:#?}\n{:#?}",
            xy.conflicts, yx.conflicts
        ));
    }
    let (mut xy_json, mut yx_json) = (json(&xy), json(&yx));
    for conflict in &xy.conflicts {
        set_aside(&mut xy_json, &place(conflict));
        set_aside(&mut yx_json, &place(conflict));
    }
    for merged in [&mut xy_json, &mut yx_json] {
        if let Value::Object(map) = merged {
            map.remove("conflicts");
        }
    }
    match first_difference(&xy_json, &yx_json) {
        Some(difference) => Err(format!("the registers differ at {difference}")),
        None => Ok(xy.conflicts),
    }
}

/// Where two values first differ, with both there.
fn first_difference(a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.keys()
                .chain(y.keys())
                .find_map(|key| match (x.get(key), y.get(key)) {
                    (Some(x), Some(y)) => first_difference(x, y).map(|at| format!("{key}.{at}")),
                    (x, y) => Some(format!("{key}: {x:?} / {y:?}")),
                })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(n, (x, y))| first_difference(x, y).map(|at| format!("{}.{at}", n + 1))),
        _ => (a != b).then(|| format!("= {a} / {b}")),
    }
}

#[test]
fn conflicts_of_every_shape_show_each_side_first_and_nothing_else_differs() {
    let base = register(GenerateOptions {
        meetings: 4,
        commitments: 12,
        seed: 1,
    });
    let x = edited(
        &base,
        &[
            Change::Retitle(0, "London".into()),
            Change::Delete(1),
            Change::Rename("London's register".into()),
            Change::Step(2, 10),
            Change::AddCommitment("Radars".into()),
        ],
        0,
    );
    let y = edited(
        &base,
        &[
            Change::Retitle(0, "Paris".into()),
            Change::Step(1, 20),
            Change::Rename("Paris's register".into()),
            Change::Step(2, 30),
            Change::AddCommitment("Bridges".into()),
        ],
        base.fresh_id() + 1_000,
    );
    let conflicts = either_way_round(&base, &x, &y).unwrap();
    let fields: Vec<&str> = conflicts.iter().map(|c| c.field.as_str()).collect();
    // The title, the deleted-and-changed commitment, the register's name.
    assert_eq!(fields, ["name", "title", ""], "{conflicts:#?}");
}

#[test]
fn a_step_recorded_twice_on_one_side_is_kept_twice_either_way_round() {
    let base = register(GenerateOptions {
        meetings: 4,
        commitments: 12,
        seed: 1,
    });
    let x = edited(&base, &[Change::Step(3, 5), Change::Step(3, 5)], 0);
    let y = edited(&base, &[Change::Step(3, 5), Change::Step(3, 9)], 0);
    either_way_round(&base, &x, &y).unwrap();
    let id = *base.commitments.keys().nth(3).unwrap();
    let merged = merge(&base, &x, &y, "LON", "PAR", now()).register;
    let history = &merged.commitment(id).unwrap().history;
    assert_eq!(
        history.len(),
        base.commitment(id).unwrap().history.len() + 3
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn merging_either_way_round_gives_the_same_register((base, x, y) in copies_apart()) {
        if let Err(difference) = either_way_round(&base, &x, &y) {
            prop_assert!(false, "{}", difference);
        }
    }
}
