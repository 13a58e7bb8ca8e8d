//! The three-way merge of two copies of the large register that differ in
//! about 1,000 records, against loading one copy from disk the way the app
//! opens a register, in the same run (issue 11: at most twice the load).
#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

use std::collections::BTreeMap;
use std::hint::black_box;

use chrono::{NaiveDate, NaiveDateTime};
use coalition_desk::merge::merge;
use coalition_desk::model::{Commitment, CommitmentStatus, Register};
use coalition_desk::storage;
use criterion::{Criterion, criterion_group, criterion_main};

mod common;

/// The `n`th key of a map, in id order.
fn nth<K: Copy + Ord, V>(map: &BTreeMap<K, V>, n: usize) -> K {
    *map.keys().nth(n).expect("the register is large enough")
}

/// Base, ours and theirs. The records each side adds are taken out of the
/// generated register to make the base, so the adds are real records with
/// ids of the generator's own kind. Each side then touches about 500
/// records of its own: 250 retitled commitments, 100 deleted, 100 added,
/// 40 meetings moved; ours also steps 10 of the commitments theirs
/// retitles (a field-by-field merge of one record) and theirs retitles 10
/// that ours retitles too (10 conflicts).
fn copies() -> (Register, Register, Register) {
    let full = common::large_register();
    let count = full.commitments.len();
    let ours_adds: Vec<_> = (count - 200..count - 100)
        .map(|n| nth(&full.commitments, n))
        .collect();
    let theirs_adds: Vec<_> = (count - 100..count)
        .map(|n| nth(&full.commitments, n))
        .collect();
    let mut base = full.clone();
    for id in ours_adds.iter().chain(&theirs_adds) {
        base.commitments.remove(id);
    }
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for (side, adds) in [(&mut ours, &ours_adds), (&mut theirs, &theirs_adds)] {
        for id in adds {
            let added = full.commitments.get(id).expect("held back").clone();
            side.commitments.insert(*id, added);
        }
    }
    let on = NaiveDate::from_ymd_opt(2026, 6, 1).expect("a date");
    for j in 0..250 {
        let mine = nth(&base.commitments, 200 * j);
        let other = nth(&base.commitments, 200 * j + 100);
        retitle(ours.commitments.get_mut(&mine), "London's wording");
        retitle(theirs.commitments.get_mut(&other), "Paris's wording");
        if j < 10 {
            retitle(theirs.commitments.get_mut(&mine), "Paris's wording");
            if let Some(commitment) = ours.commitments.get_mut(&other) {
                commitment.change_status(CommitmentStatus::Committed, on, "Signed", None);
            }
        }
    }
    for j in 0..100 {
        ours.commitments
            .remove(&nth(&base.commitments, 60_000 + 2 * j));
        theirs
            .commitments
            .remove(&nth(&base.commitments, 60_001 + 2 * j));
    }
    for j in 0..40 {
        for (side, n, place) in [
            (&mut ours, 2 * j, "London"),
            (&mut theirs, 2 * j + 1, "Paris"),
        ] {
            let id = nth(&base.meetings, n);
            if let Some(meeting) = side.meetings.get_mut(&id) {
                meeting.location = place.to_string();
            }
        }
    }
    (base, ours, theirs)
}

/// Adds the office's wording to a commitment's title.
fn retitle(commitment: Option<&mut Commitment>, wording: &str) {
    if let Some(commitment) = commitment {
        commitment.title = format!("{} ({wording})", commitment.title);
    }
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 6, 2)
        .and_then(|day| day.and_hms_opt(9, 0, 0))
        .expect("a time")
}

fn merging(c: &mut Criterion) {
    let (base, ours, theirs) = copies();
    let check = merge(&base, &ours, &theirs, "LON", "PAR", now());
    eprintln!(
        "merge of the benchmark's copies: {} ({} conflicts)",
        check.summary,
        check.conflicts.len()
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let paths = [("base", &base), ("ours", &ours), ("theirs", &theirs)].map(|(name, register)| {
        let path = dir.path().join(format!("{name}.ron"));
        storage::save(&path, register, None).expect("save");
        path
    });
    let [base_path, ours_path, theirs_path] = &paths;

    let mut group =
        c.benchmark_group("merge 2000 meetings, 100000 commitments, ~1000 records apart");
    group.sample_size(10);
    group.bench_function("reference: load one copy (storage::load)", |b| {
        b.iter(|| storage::load(black_box(ours_path)).expect("loads"))
    });
    group.bench_function("three-way merge in memory", |b| {
        b.iter(|| merge(black_box(&base), &ours, &theirs, "LON", "PAR", now()))
    });
    group.bench_function("load the three copies, then merge", |b| {
        b.iter(|| {
            let [b, o, t] = [base_path, ours_path, theirs_path]
                .map(|path| storage::load(path).expect("loads").register);
            merge(&b, &o, &t, "LON", "PAR", now())
        })
    });
    group.finish();
}

criterion_group!(benches, merging);
criterion_main!(benches);
