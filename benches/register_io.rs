//! Loading and saving a large register, each against serde_json doing the
//! same work on the same data in the same run (the machine is noisy, so
//! only the ratio is meaningful).
#![expect(
    clippy::expect_used,
    reason = "a benchmark that cannot set up should stop loudly"
)]

use std::io::Write;
use std::path::Path;

use coalition_desk::model::Register;
use coalition_desk::storage;
use criterion::{Criterion, criterion_group, criterion_main};

mod common;

fn io(c: &mut Criterion) {
    let register = common::large_register();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ron_path = dir.path().join("large.ron");
    storage::save(&ron_path, &register, None).expect("save");
    let ron_text = std::fs::read_to_string(&ron_path).expect("read back");
    let json_text = serde_json::to_string_pretty(&register).expect("json");
    eprintln!(
        "file sizes: RON {:.1} MB, JSON {:.1} MB",
        ron_text.len() as f64 / 1e6,
        json_text.len() as f64 / 1e6
    );

    let mut group = c.benchmark_group("load 2000 meetings, 100000 commitments");
    group.sample_size(10);
    group.bench_function("coalition-desk (RON, from text)", |b| {
        b.iter(|| storage::from_str(&ron_text, Path::new("large.ron")).expect("parses"))
    });
    group.bench_function("coalition-desk (RON, from text, one thread)", |b| {
        b.iter(|| {
            storage::from_str_on_threads(&ron_text, Path::new("large.ron"), None).expect("parses")
        })
    });
    group.bench_function("reference: serde_json from text", |b| {
        b.iter(|| serde_json::from_str::<Register>(&json_text).expect("parses"))
    });
    group.finish();

    let mut group = c.benchmark_group("save 2000 meetings, 100000 commitments");
    group.sample_size(10);
    group.bench_function("coalition-desk (atomic RON save with fsync)", |b| {
        b.iter(|| storage::save(&ron_path, &register, None).expect("saves"))
    });
    let json_path = dir.path().join("large.json");
    group.bench_function("reference: serde_json write + one fsync", |b| {
        b.iter(|| {
            let mut file = std::fs::File::create(&json_path).expect("create");
            let text = serde_json::to_string_pretty(&register).expect("json");
            file.write_all(text.as_bytes()).expect("write");
            file.sync_all().expect("fsync");
        })
    });
    group.finish();
}

criterion_group!(benches, io);
criterion_main!(benches);
