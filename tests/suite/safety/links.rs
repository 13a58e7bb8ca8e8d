//! A symbolic link planted where a lock, a recovery copy, a backup or an
//! output goes is never followed: the file it points to stays as it was.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, StorageError};

use super::*;

const VICTIM: &str = "the officer's unrelated file\n";

#[test]
fn a_link_at_the_lock_is_refused_and_the_file_it_points_to_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    fs::write(dir.path().join("victim.txt"), VICTIM).unwrap();
    symlink("victim.txt", dir.path().join("reg.ron.lock")).unwrap();

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
    assert!(said(&output).contains("symbolic link"), "{}", said(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.txt")).unwrap(),
        VICTIM
    );
    assert_eq!(fs::read_to_string(&register).unwrap(), SAMPLE_RON);
    let link = fs::symlink_metadata(dir.path().join("reg.ron.lock")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link is left for the officer"
    );
}

#[test]
fn a_link_at_the_lock_of_a_merge_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["base.ron", "ours.ron", "theirs.ron"] {
        fs::write(dir.path().join(name), SAMPLE_RON).unwrap();
    }
    fs::write(dir.path().join("victim.txt"), VICTIM).unwrap();
    symlink("victim.txt", dir.path().join("ours.ron.lock")).unwrap();

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
    assert!(said(&output).contains("symbolic link"), "{}", said(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.txt")).unwrap(),
        VICTIM
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("ours.ron")).unwrap(),
        SAMPLE_RON
    );
}

#[test]
fn a_link_to_nowhere_at_the_lock_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    symlink("planted.txt", dir.path().join("reg.ron.lock")).unwrap();
    let holder = storage::LockHolder::this_process(chrono::DateTime::default());
    let error = storage::RegisterLock::acquire(&register, &holder).unwrap_err();
    assert!(
        matches!(error, storage::LockError::Link { .. }),
        "{error:?}"
    );
    assert!(error.read_only_reason().contains("symbolic link"));
    assert!(!dir.path().join("planted.txt").exists());
}

#[test]
fn a_link_at_the_recovery_copy_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    fs::write(dir.path().join("victim.txt"), VICTIM).unwrap();
    symlink(
        "victim.txt",
        storage::recovery_path(Some(&register)).unwrap(),
    )
    .unwrap();
    let sample = coalition_desk::sample::register().unwrap();

    let error = storage::write_recovery(Some(&register), &sample).unwrap_err();
    assert!(matches!(error, StorageError::Link { .. }), "{error:?}");
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.txt")).unwrap(),
        VICTIM
    );
}

#[test]
fn a_link_at_the_backup_is_replaced_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    fs::write(dir.path().join("victim.txt"), VICTIM).unwrap();
    symlink("victim.txt", storage::backup_path(&register)).unwrap();
    let mut changed = coalition_desk::sample::register().unwrap();
    changed.name = "Changed".into();

    storage::save(&register, &changed, None).unwrap();
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.txt")).unwrap(),
        VICTIM
    );
    assert_eq!(
        fs::read_to_string(storage::backup_path(&register)).unwrap(),
        SAMPLE_RON
    );
}

#[test]
fn a_link_at_an_output_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    fs::write(dir.path().join("victim.txt"), VICTIM).unwrap();
    symlink("victim.txt", dir.path().join("out.csv")).unwrap();

    let output = run(dir.path(), &["export", "csv", "reg.ron", "-o", "out.csv"]);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert!(said(&output).contains("symbolic link"), "{}", said(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("victim.txt")).unwrap(),
        VICTIM
    );
}
