//! `merge BASE OURS THEIRS -o OUT`: exit 0 when clean, 1 with conflicts
//! (OUT still written and readable), 2 when an input cannot be read
//! (nothing written); OUT may be OURS itself.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::model::{CommitmentId, Register};
use coalition_desk::storage;

fn merge(dir: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("merge")
        .args(["base.ron", "ours.ron", "theirs.ron", "-o"])
        .arg(out)
        .args(extra)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// Writes base, ours and theirs into `dir`, each edited from the small
/// register by `edit`.
fn copies(dir: &Path, edit: impl Fn(&str, &mut Register)) -> PathBuf {
    for name in ["base", "ours", "theirs"] {
        let mut register = crate::common::register();
        edit(name, &mut register);
        storage::save(&dir.join(format!("{name}.ron")), &register, None).unwrap();
    }
    dir.join("ours.ron")
}

fn retitle(register: &mut Register, id: u64, title: &str) {
    register
        .commitments
        .get_mut(&CommitmentId(id))
        .unwrap()
        .title = title.into();
}

#[test]
fn a_clean_merge_exits_0_and_writes_both_changes_over_ours() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| match name {
        "ours" => retitle(register, 20, "Missiles (ours)"),
        "theirs" => retitle(register, 21, "Demining (theirs)"),
        _ => {}
    });
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!(
            "{}: Merged: 1 commitment changed; no conflicts\n",
            ours.display()
        )
    );
    let merged = storage::load(&ours).unwrap().register;
    assert_eq!(
        merged.commitment(CommitmentId(20)).unwrap().title,
        "Missiles (ours)"
    );
    assert_eq!(
        merged.commitment(CommitmentId(21)).unwrap().title,
        "Demining (theirs)"
    );
    // Merged into ours, nothing is left beside it: no OURS.bak (the
    // result holds ours), no lock, no temporary file.
    assert_eq!(files_in(dir.path()), ["base.ron", "ours.ron", "theirs.ron"]);
}

#[test]
fn merging_over_another_file_keeps_that_file_as_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), |name, register| match name {
        "ours" => retitle(register, 20, "Missiles (ours)"),
        "theirs" => retitle(register, 21, "Demining (theirs)"),
        _ => {}
    });
    let out = dir.path().join("merged.ron");
    std::fs::copy(dir.path().join("base.ron"), &out).unwrap();
    let output = merge(dir.path(), &out, &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let before = storage::load(&storage::backup_path(&out)).unwrap().register;
    assert_eq!(
        before.commitment(CommitmentId(20)).unwrap().title,
        "Air defence missiles"
    );
    assert!(!storage::backup_path(&dir.path().join("ours.ron")).exists());
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_merge_with_conflicts_exits_1_and_still_writes_a_register_that_holds_both() {
    let dir = tempfile::tempdir().unwrap();
    copies(dir.path(), |name, register| match name {
        "ours" => retitle(register, 20, "Missiles (London)"),
        "theirs" => retitle(register, 20, "Missiles (Paris)"),
        _ => {}
    });
    let out = dir.path().join("merged.ron");
    let output = merge(
        dir.path(),
        &out,
        &["--ours-office", "LON", "--theirs-office", "PAR"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout)
            .ends_with(": Merged: nothing to take from the other copy; 1 conflict to resolve\n"),
        "{}",
        text(&output.stdout)
    );
    let merged = storage::load(&out).unwrap().register;
    assert_eq!(
        merged.commitment(CommitmentId(20)).unwrap().title,
        "Missiles (London)"
    );
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.theirs.as_deref(), Some("\"Missiles (Paris)\""));
    assert_eq!(
        (
            conflict.ours_office.as_str(),
            conflict.theirs_office.as_str()
        ),
        ("LON", "PAR")
    );
    // The file says when to the second, not the clock's fraction.
    assert_eq!(conflict.merged.and_utc().timestamp_subsec_nanos(), 0);

    // check names the conflict in the officer's words, and fails.
    let check = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains(
            "The commitment “Missiles (London)” of United Kingdom was changed in both copies"
        ),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn the_offices_default_to_the_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| match name {
        "ours" => retitle(register, 20, "A"),
        "theirs" => retitle(register, 20, "B"),
        _ => {}
    });
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(1));
    let conflict = &storage::load(&ours).unwrap().register.conflicts[0];
    assert_eq!(conflict.ours_office, "ours.ron");
    assert_eq!(conflict.theirs_office, "theirs.ron");
}

#[test]
fn an_unreadable_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |_, _| {});
    let before = std::fs::read(&ours).unwrap();
    std::fs::write(
        dir.path().join("theirs.ron"),
        "CoalitionRegister(format: \"coalition-desk\", version: 1, register: (nmae: \"x\"))",
    )
    .unwrap();
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).starts_with("theirs.ron:1:"),
        "{}",
        text(&output.stderr)
    );
    assert!(text(&output.stdout).is_empty());
    assert_eq!(std::fs::read(&ours).unwrap(), before);

    std::fs::remove_file(dir.path().join("base.ron")).unwrap();
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).ends_with("base.ron\n"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read(&ours).unwrap(), before);
}

#[test]
fn a_summary_that_prints_a_record_in_conflict_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| match name {
        "ours" => retitle(register, 20, "Missiles (London)"),
        "theirs" => retitle(register, 20, "Missiles (Paris)"),
        _ => {}
    });
    assert_eq!(merge(dir.path(), &ours, &[]).status.code(), Some(1));
    let pdf = dir.path().join("summary.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("summary")
        .arg(&ours)
        .args(["--meeting", "10", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains(
            "The commitment “Missiles (London)” of United Kingdom is in conflict between two \
             copies of the register (the title)"
        ),
        "{}",
        text(&output.stderr)
    );
    assert!(!pdf.exists());
}

/// Issue 19, item 10: `merge base ours other` where other is another
/// coalition's register (from `generate`) once turned "United Kingdom"
/// into "Australia" and renamed the register, exit 0.
#[test]
fn a_copy_of_another_register_is_refused_with_exit_2_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| {
        register.identity = "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73".into();
        if name == "ours" {
            retitle(register, 20, "Missiles (ours)");
        }
    });
    let foreign = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 4,
        commitments: 60,
        seed: 1,
    });
    storage::save(&dir.path().join("theirs.ron"), &foreign, None).unwrap();
    let before = std::fs::read(&ours).unwrap();
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    let said = text(&output.stderr);
    assert!(
        said.contains("theirs.ron is a copy of another register"),
        "{said}"
    );
    assert!(said.contains(&foreign.name), "{said}");
    assert!(said.contains("ours.ron"), "{said}");
    assert_eq!(std::fs::read(&ours).unwrap(), before, "ours untouched");
    assert_eq!(text(&output.stdout), "");
}

/// The same, with the identity line removed from the other register's
/// file: the common copy carries this register's identity, which every
/// copy made from it keeps, so a copy without one is refused too.
#[test]
fn a_copy_whose_identity_was_removed_is_refused_when_the_common_copy_has_one() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| {
        if name != "theirs" {
            register.identity = "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73".into();
        }
        if name == "ours" {
            retitle(register, 20, "Missiles (ours)");
        }
    });
    let mut foreign =
        coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
            meetings: 4,
            commitments: 60,
            seed: 1,
        });
    foreign.identity.clear();
    storage::save(&dir.path().join("theirs.ron"), &foreign, None).unwrap();
    let before = std::fs::read(&ours).unwrap();
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    let said = text(&output.stderr);
    assert!(
        said.contains(
            "theirs.ron carries no identity, while the common copy base.ron carries that of"
        ),
        "{said}"
    );
    assert!(said.contains("5a3f0c9e1b7d4e28a6c2f90d8b1e4a73"), "{said}");
    assert_eq!(std::fs::read(&ours).unwrap(), before, "ours untouched");
    assert_eq!(text(&output.stdout), "");
}

/// The offices are written into the merged register's conflicts and
/// merges; one holding a right-to-left override (typed, or from a file's
/// name) once gave a merged register the file reader then refused.
#[test]
fn an_office_name_that_hides_text_is_refused_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| match name {
        "ours" => retitle(register, 20, "Missiles (ours)"),
        "theirs" => retitle(register, 20, "Missiles (theirs)"),
        _ => {}
    });
    let before = std::fs::read(&ours).unwrap();
    let output = merge(dir.path(), &ours, &["--ours-office", "LON\u{202e}NOL"]);
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    let said = text(&output.stderr);
    assert!(
        said.contains("holds a right-to-left override (U+202E), which no register may hold"),
        "{said}"
    );
    assert!(
        said.contains("name the office with --ours-office"),
        "{said}"
    );
    assert_eq!(std::fs::read(&ours).unwrap(), before, "ours untouched");

    // From a copy's file name: named with the option instead.
    let odd = dir.path().join("their\u{202e}s.ron");
    std::fs::copy(dir.path().join("theirs.ron"), &odd).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("merge")
        .args(["base.ron", "ours.ron"])
        .arg(&odd)
        .arg("-o")
        .arg(&ours)
        .current_dir(dir.path())
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    assert!(
        text(&output.stderr).contains("name the office with --theirs-office"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read(&ours).unwrap(), before, "ours untouched");

    let output = merge(dir.path(), &ours, &["--theirs-office", "PAR"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(storage::load(&ours).is_ok(), "the merged register opens");
}

/// Issue 19, item 13: deliveries of 150 and 150 against 200 merged clean,
/// exit 0, and git committed a register `check` rejects.
#[test]
fn a_merge_that_check_would_reject_exits_1_with_the_rule_as_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let ours = copies(dir.path(), |name, register| {
        let demining = register.commitments.get_mut(&CommitmentId(21)).unwrap();
        demining.quantity = Some(coalition_desk::model::Quantity {
            amount: 200.into(),
            unit: "instructors".into(),
        });
        let day = match name {
            "ours" => 20,
            "theirs" => 25,
            _ => return,
        };
        demining.deliveries.push(coalition_desk::model::Delivery {
            date: chrono::NaiveDate::from_ymd_opt(2025, 4, day).unwrap(),
            amount: 150.into(),
            note: format!("Course of {name}"),
            ..Default::default()
        });
    });
    let output = merge(dir.path(), &ours, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).ends_with("1 conflict to resolve\n"),
        "{}",
        text(&output.stdout)
    );
    let merged = storage::load(&ours).unwrap().register;
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.conflicts[0]
            .theirs
            .as_deref()
            .unwrap()
            .contains("Course of theirs"),
        "theirs kept beside ours"
    );
    // `check` names the conflict and why, in one sentence.
    let check = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&ours)
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains("together they break a rule"),
        "{}",
        text(&check.stdout)
    );
}
