//! A read-only register is respected by every command and by the window:
//! it opens read-only, says why, and nothing replaces it.

#![cfg(unix)]

use std::fs;

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, Overwrite, StorageError};
use egui_kittest::kittest::Queryable;

use super::*;

#[test]
fn approve_refuses_a_read_only_register_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o444);
    let output = run(
        dir.path(),
        &[
            "approve",
            "reg.ron",
            "--meeting",
            MEETING,
            "--on",
            "2025-05-08",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert!(said(&output).contains("read-only"), "{}", said(&output));
    assert_eq!(fs::read_to_string(&register).unwrap(), SAMPLE_RON);
    assert_eq!(mode(&register), 0o444);
    assert_eq!(names_in(dir.path()), ["reg.ron"], "no backup, no lock left");
}

#[test]
fn a_merge_into_a_read_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["base.ron", "ours.ron", "theirs.ron"] {
        fs::write(dir.path().join(name), SAMPLE_RON).unwrap();
    }
    set_mode(&dir.path().join("ours.ron"), 0o444);
    let output = run(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "ours.ron",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", said(&output));
    assert!(said(&output).contains("read-only"), "{}", said(&output));
    assert_eq!(mode(&dir.path().join("ours.ron")), 0o444);
}

#[test]
fn no_save_replaces_a_read_only_register() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o444);
    let loaded = storage::load(&register).unwrap();
    assert!(loaded.read_only_file);
    assert!(
        loaded
            .read_only_reason()
            .unwrap()
            .contains("read-only on disk")
    );
    let error = storage::save_with(&register, &loaded.register, Overwrite::Anything).unwrap_err();
    assert!(matches!(error, StorageError::ReadOnly { .. }), "{error:?}");
    assert_eq!(fs::read_to_string(&register).unwrap(), SAMPLE_RON);
}

#[test]
fn an_export_over_a_read_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    fs::write(dir.path().join("kept.csv"), "kept\n").unwrap();
    set_mode(&dir.path().join("kept.csv"), 0o444);
    let output = run(dir.path(), &["export", "csv", "reg.ron", "-o", "kept.csv"]);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert!(said(&output).contains("read-only"), "{}", said(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("kept.csv")).unwrap(),
        "kept\n"
    );
}

#[test]
fn the_window_opens_a_read_only_register_read_only_and_save_offers_save_as() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o444);
    let mut harness = crate::app_harness::harness_for(&register);
    let reason = harness.state().workspace().document.read_only.clone();
    let reason = reason.expect("opened read-only");
    assert!(reason.contains("permissions"), "{reason}");
    let opened = harness.state().notice().unwrap().text.clone();
    assert!(opened.contains("read-only on disk"), "{opened}");
    harness.get_by_label_contains("Read-only");

    assert!(!crate::app_harness::save(&mut harness));
    let said = harness.state().notice().unwrap().text.clone();
    assert!(said.starts_with("Not saved"), "{said}");
    assert!(said.contains("Save As"), "{said}");
    drop(harness);
    assert_eq!(fs::read_to_string(&register).unwrap(), SAMPLE_RON);
    assert_eq!(mode(&register), 0o444);
}
