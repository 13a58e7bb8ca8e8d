//! `merge` with copies that name their offices: each side is named by its
//! file's office code unless told otherwise, the result keeps ours' code,
//! and two copies under one code are merged with a warning.

use std::path::Path;
use std::process::{Command, Output};

use coalition_desk::model::{CommitmentId, Register};
use coalition_desk::storage;

fn merge(dir: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args([
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ])
        .args(extra)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// Base, and ours and theirs kept by `offices`, each with the title of
/// commitment 20 changed to its own.
fn copies(dir: &Path, offices: [&str; 2]) {
    let base = crate::common::register();
    storage::save(&dir.join("base.ron"), &base, None).unwrap();
    for (name, office) in ["ours", "theirs"].into_iter().zip(offices) {
        let mut copy: Register = base.clone();
        copy.office = office.into();
        copy.commitments.get_mut(&CommitmentId(20)).unwrap().title = format!("Missiles ({name})");
        storage::save(&dir.join(format!("{name}.ron")), &copy, None).unwrap();
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn each_side_is_named_by_its_office_code_and_the_result_keeps_ours() {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), ["LON", "PAR"]);
    let output = merge(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "", "no warning for two offices");
    let merged = storage::load(&dir.path().join("out.ron")).unwrap().register;
    assert_eq!(merged.office, "LON");
    let conflict = &merged.conflicts[0];
    assert_eq!(
        (
            conflict.ours_office.as_str(),
            conflict.theirs_office.as_str()
        ),
        ("LON", "PAR")
    );

    // What the officer says on the command line still wins.
    let output = merge(dir.path(), &["--theirs-office", "Paris"]);
    assert_eq!(output.status.code(), Some(1));
    let merged = storage::load(&dir.path().join("out.ron")).unwrap().register;
    assert_eq!(merged.conflicts[0].theirs_office, "Paris");
}

#[test]
fn two_copies_under_one_office_code_merge_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), ["LON", "LON"]);
    let output = merge(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stderr),
        "warning: both copies are kept under the office code LON, so both hand out the same \
         ids and records added in each are renumbered at every merge; give each office its own \
         code on the Register tab\n"
    );
    assert!(dir.path().join("out.ron").exists());
}
