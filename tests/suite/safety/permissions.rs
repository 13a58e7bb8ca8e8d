//! Every file written is never more open than the register it comes
//! from, and only its owner's when it holds anything marked above the
//! register's lowest level.

#![cfg(unix)]

use std::fs;

use coalition_desk::model::Register;
use coalition_desk::storage::{self, WrittenFrom};

use super::*;

#[test]
fn outputs_of_a_private_register_are_private() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o600);
    // Files that were open to all before are no excuse.
    for name in ["s.pdf", "c.csv", "m.ics"] {
        fs::write(dir.path().join(name), "old").unwrap();
        set_mode(&dir.path().join(name), 0o644);
    }
    for args in [
        &["summary", "reg.ron", "--meeting", MEETING, "-o", "s.pdf"][..],
        &["export", "csv", "reg.ron", "-o", "c.csv"],
        &["export", "ics", "reg.ron", "-o", "m.ics"],
    ] {
        let output = run(dir.path(), args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", said(&output));
        let written = dir.path().join(args.last().unwrap());
        assert_eq!(mode(&written), 0o600, "{args:?}");
    }
}

#[test]
fn an_output_marked_above_the_lowest_level_is_its_owners_alone() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o644);
    // The sample's commitments include an OFFICIAL-SENSITIVE one; its
    // meetings are all OFFICIAL.
    let csv = run(dir.path(), &["export", "csv", "reg.ron", "-o", "c.csv"]);
    assert_eq!(csv.status.code(), Some(0), "{}", said(&csv));
    assert_eq!(mode(&dir.path().join("c.csv")), 0o600);
    let ics = run(dir.path(), &["export", "ics", "reg.ron", "-o", "m.ics"]);
    assert_eq!(ics.status.code(), Some(0), "{}", said(&ics));
    assert_eq!(
        mode(&dir.path().join("m.ics")),
        0o644,
        "no more closed than it must be"
    );
}

#[test]
fn the_sample_is_written_for_its_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let output = run(dir.path(), &["sample", "-o", "s.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    assert_eq!(mode(&dir.path().join("s.ron")), 0o600);
}

#[test]
fn a_generated_register_is_its_owners_alone_whatever_it_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("big.ron");
    fs::write(&output, "an old file open to all").unwrap();
    set_mode(&output, 0o644);
    let args = ["generate", "--meetings", "3", "--commitments", "20"];
    let generated = run(
        dir.path(),
        &[&args[..], &["-o", "big.ron", "--force"]].concat(),
    );
    assert_eq!(generated.status.code(), Some(0), "{}", said(&generated));
    assert_eq!(mode(&output), 0o600);
}

fn marked(mut register: Register, marking: &str) -> Register {
    for commitment in register.commitments.values_mut() {
        commitment.marking = marking.into();
    }
    for meeting in register.meetings.values_mut() {
        meeting.marking = "OFFICIAL".into();
    }
    register
}

#[test]
fn a_merge_is_never_more_open_than_the_copies_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let official = marked(crate::common::register(), "OFFICIAL");
    for name in ["base", "ours", "theirs"] {
        storage::save(&dir.path().join(format!("{name}.ron")), &official, None).unwrap();
        set_mode(&dir.path().join(format!("{name}.ron")), 0o644);
    }
    set_mode(&dir.path().join("theirs.ron"), 0o600);
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
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    assert_eq!(mode(&dir.path().join("ours.ron")), 0o600);
}

#[test]
fn merging_in_a_higher_marking_makes_the_file_its_owners_alone() {
    let dir = tempfile::tempdir().unwrap();
    let official = marked(crate::common::register(), "OFFICIAL");
    let mut secret = official.clone();
    let id = *secret.commitments.keys().next().unwrap();
    secret.commitments.get_mut(&id).unwrap().marking = "SECRET".into();
    for (name, register) in [
        ("base", &official),
        ("ours", &official),
        ("theirs", &secret),
    ] {
        let path = dir.path().join(format!("{name}.ron"));
        storage::save(&path, register, None).unwrap();
        set_mode(&path, 0o644);
    }
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
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let merged = storage::load(&dir.path().join("ours.ron"))
        .unwrap()
        .register;
    assert_eq!(merged.commitments[&id].marking, "SECRET");
    assert_eq!(mode(&dir.path().join("ours.ron")), 0o600);
}

#[test]
fn recovery_copies_and_kept_copies_follow_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o600);
    let recovery = storage::recovery_path(Some(&register)).unwrap();
    fs::write(&recovery, "old").unwrap();
    set_mode(&recovery, 0o644);
    let sample = coalition_desk::sample::register().unwrap();
    storage::write_recovery(Some(&register), &sample).unwrap();
    assert_eq!(mode(&recovery), 0o600);
    storage::keep_base(&register, "PAR", &sample).unwrap();
    assert_eq!(mode(&storage::kept_base_path(&register, "PAR")), 0o600);
}

#[test]
fn save_as_in_the_window_is_never_more_open_than_the_register() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    set_mode(&register, 0o600);
    let other = dir.path().join("copy.ron");
    fs::write(&other, "an old file open to all").unwrap();
    set_mode(&other, 0o644);
    let mut harness = crate::app_harness::harness_for(&register);
    assert!(crate::app_harness::save_to(&mut harness, &other));
    assert_eq!(mode(&other), 0o600);
}

#[test]
fn an_output_with_no_register_file_is_its_owners_alone() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("x.pdf");
    storage::write_output(&output, b"%PDF", &WrittenFrom::default()).unwrap();
    assert_eq!(mode(&output), 0o600);
}
