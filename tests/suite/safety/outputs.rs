//! An output never replaces a register file, and is written like the
//! register: an interrupted export leaves the old file or the new one.

use std::fs;
use std::io;

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, StorageError, WrittenFrom};
use coalition_desk::ui::{Command, CsvPurpose};

use super::*;

/// Runs `args` and checks it was refused with the register named as such,
/// every register file in `dir` untouched and nothing new written.
fn refused_over_a_register(args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    fs::write(storage::backup_path(&register), SAMPLE_RON).unwrap();
    fs::write(dir.path().join("other.ron"), SAMPLE_RON).unwrap();
    let before = names_in(dir.path());

    let output = run(dir.path(), args);
    assert_eq!(output.status.code(), Some(1), "{args:?}: {}", said(&output));
    assert!(
        said(&output).contains("That file is a register"),
        "{args:?}: {}",
        said(&output)
    );
    for name in ["reg.ron", "reg.ron.bak", "other.ron"] {
        assert_eq!(
            fs::read_to_string(dir.path().join(name)).unwrap(),
            SAMPLE_RON,
            "{args:?} left {name} alone"
        );
    }
    assert_eq!(names_in(dir.path()), before, "{args:?} wrote nothing");
}

#[test]
fn an_export_over_its_own_register_is_refused() {
    refused_over_a_register(&["export", "csv", "reg.ron", "-o", "reg.ron"]);
    refused_over_a_register(&["export", "ics", "reg.ron", "-o", "./reg.ron"]);
}

#[test]
fn a_summary_over_its_own_register_is_refused() {
    refused_over_a_register(&["summary", "reg.ron", "--meeting", MEETING, "-o", "reg.ron"]);
}

#[test]
fn an_output_over_any_register_file_is_refused() {
    refused_over_a_register(&["export", "csv", "reg.ron", "-o", "reg.ron.bak"]);
    refused_over_a_register(&["export", "ics", "reg.ron", "-o", "other.ron"]);
    refused_over_a_register(&["attendance", "reg.ron", "--series", "9", "-o", "other.ron"]);
    refused_over_a_register(&["sample", "-o", "other.ron", "--force"]);
}

#[cfg(unix)]
#[test]
fn an_output_over_a_hard_link_to_the_register_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    fs::hard_link(&register, dir.path().join("alias.csv")).unwrap();
    let output = run(dir.path(), &["export", "csv", "reg.ron", "-o", "alias.csv"]);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert_eq!(fs::read_to_string(&register).unwrap(), SAMPLE_RON);
}

#[test]
fn an_export_over_an_ordinary_file_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    fs::write(dir.path().join("out.csv"), "last week's export\n").unwrap();
    let output = run(dir.path(), &["export", "csv", "reg.ron", "-o", "out.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let csv = fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert!(csv.contains("marking"), "{csv}");
    assert_eq!(names_in(dir.path()), ["out.csv", "reg.ron"]);
}

#[test]
fn an_interrupted_output_leaves_the_old_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("x.csv");
    fs::write(&output, "the old export\n").unwrap();
    let error = storage::write_output_with_hook(
        &output,
        b"the new export\n",
        &WrittenFrom::default(),
        || Err(io::Error::other("killed")),
    )
    .unwrap_err();
    assert!(
        matches!(error, StorageError::OutputWrite { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("unchanged"), "{error}");
    assert_eq!(fs::read_to_string(&output).unwrap(), "the old export\n");
    assert_eq!(names_in(dir.path()), ["x.csv"], "no temporary file is left");
}

#[test]
fn a_failed_output_leaves_no_empty_file() {
    // A full disk fails the write before the rename: no 0-byte x.pdf.
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("x.pdf");
    let error =
        storage::write_output_with_hook(&output, b"%PDF-1.7", &WrittenFrom::default(), || {
            Err(io::Error::from(io::ErrorKind::StorageFull))
        })
        .unwrap_err();
    assert!(
        matches!(error, StorageError::OutputWrite { .. }),
        "{error:?}"
    );
    assert!(
        names_in(dir.path()).is_empty(),
        "{:?}",
        names_in(dir.path())
    );
}

#[test]
fn the_windows_exports_refuse_the_register_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    let mut harness = crate::app_harness::harness_for(&register);
    crate::app_harness::command(
        &mut harness,
        Command::CsvFile(CsvPurpose::ExportCommitments, register.clone()),
    );
    let said = harness.state().notice().unwrap().text.clone();
    assert!(
        said.starts_with("Export failed: That file is a register"),
        "{said}"
    );
    fs::write(dir.path().join("other.ron"), SAMPLE_RON).unwrap();
    crate::app_harness::click(&mut harness, "OK");
    crate::app_harness::command(
        &mut harness,
        Command::ExportCalendarTo(dir.path().join("other.ron")),
    );
    let said = harness.state().notice().unwrap().text.clone();
    assert!(
        said.starts_with("The calendar was not exported: That file is a register"),
        "{said}"
    );
    drop(harness);
    assert_eq!(fs::read_to_string(&register).unwrap(), SAMPLE_RON);
    assert_eq!(
        fs::read_to_string(dir.path().join("other.ron")).unwrap(),
        SAMPLE_RON
    );
}
