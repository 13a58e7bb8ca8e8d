//! The common copy a merge starts from must be the last one the two
//! copies had in common. Each merge marks its result, every copy made
//! from it keeps the mark, and `merge` refuses (exit 2, nothing written) a
//! common copy that lacks a mark both copies hold, naming that merge;
//! `--force-base` merges anyway. The reproduction: London and Paris merge
//! once, both go on from the result, and the next merge is given the
//! common copy from before the first.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::document::{Document, Origin};
use coalition_desk::merge::{self, check_base};
use coalition_desk::model::{CommitmentId, MergeMark, Register};
use coalition_desk::new_records;
use coalition_desk::storage;

use crate::common::today;

const TITLE: &str = "Counter-battery radars (London)";

/// Runs the program with `args` in `dir` (merge_saves.rs too).
pub(crate) fn desk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn save(dir: &Path, name: &str, register: &Register) -> PathBuf {
    let path = dir.join(name);
    storage::save(&path, register, None).unwrap();
    path
}

fn load(dir: &Path, name: &str) -> Register {
    storage::load(&dir.join(name)).unwrap().register
}

/// Adds a commitment the way the app's New button does, then names it.
fn add_commitment(register: &mut Register, title: &str) -> CommitmentId {
    let mut doc = Document::new(register.clone(), Origin::Untitled);
    let (id, edit) = new_records::commitment(doc.register(), None, today()).unwrap();
    doc.apply(edit).unwrap();
    *register = doc.register().clone();
    register.commitments.get_mut(&id).unwrap().title = title.into();
    id
}

fn titled(register: &Register, title: &str) -> usize {
    register
        .commitments
        .values()
        .filter(|c| c.title.starts_with(title))
        .count()
}

/// The first exchange, through the binary: from `base.ron` London adds a
/// commitment and Paris retitles another; `first.ron` is their merge,
/// from which both offices go on. Returns the commitment London added.
fn first_exchange(dir: &Path) -> CommitmentId {
    let base = crate::common::register();
    save(dir, "base.ron", &base);
    let mut london = base.clone();
    let added = add_commitment(&mut london, TITLE);
    save(dir, "london.ron", &london);
    let mut paris = base.clone();
    paris.commitments.get_mut(&CommitmentId(21)).unwrap().title = "Demining teams (Paris)".into();
    save(dir, "paris.ron", &paris);
    let output = desk(
        dir,
        &[
            "merge",
            "base.ron",
            "london.ron",
            "paris.ron",
            "-o",
            "first.ron",
            "--ours-office",
            "LON",
            "--theirs-office",
            "PAR",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    added
}

/// Both offices go on from the first merge: London retitles a commitment
/// of its own, Paris does `paris_edit`.
fn second_copies(dir: &Path, paris_edit: impl FnOnce(&mut Register)) {
    let first = load(dir, "first.ron");
    let mut london = first.clone();
    london.commitments.get_mut(&CommitmentId(20)).unwrap().title =
        "Air defence missiles (London)".into();
    save(dir, "london2.ron", &london);
    let mut paris = first;
    paris_edit(&mut paris);
    save(dir, "paris2.ron", &paris);
}

fn second_merge(dir: &Path, base: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "merge",
        base,
        "london2.ron",
        "paris2.ron",
        "-o",
        "second.ron",
        "--ours-office",
        "LON",
        "--theirs-office",
        "PAR",
    ];
    args.extend_from_slice(extra);
    desk(dir, &args)
}

/// The one merge both copies come from, as the first merge marked it.
fn first_mark(dir: &Path) -> MergeMark {
    let marks = load(dir, "first.ron").merges;
    assert_eq!(marks.len(), 1, "{marks:?}");
    marks.into_iter().next().unwrap()
}

fn assert_refused(dir: &Path, output: &Output) {
    let said = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(text(&output.stdout).is_empty());
    let expected = first_mark(dir);
    assert!(
        said.starts_with(
            "The common copy is older than the last copy the two copies had in common: both come \
             from the merge of LON's and PAR's copies on "
        ),
        "{said}"
    );
    // Named as an officer recognises it: the offices, when, and the mark.
    assert!(said.contains(&expected.described()), "{said}");
    assert!(
        said.contains(&format!("(merge {})", &expected.mark[..8])),
        "{said}"
    );
    assert!(said.contains("add --force-base"), "{said}");
    assert!(said.trim_end().ends_with("base.ron"), "{said}");
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(!dir.join("second.ron").exists());
}

#[test]
fn an_older_common_copy_that_would_duplicate_a_record_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let added = first_exchange(dir.path());
    // Paris edits the commitment London added before the first merge.
    second_copies(dir.path(), |paris| {
        paris.commitments.get_mut(&added).unwrap().title = format!("{TITLE}, from Paris");
    });
    let output = second_merge(dir.path(), "base.ron", &[]);
    assert_refused(dir.path(), &output);

    // Forced, it does what was feared: from the older copy the record
    // looks added by both offices apart, and is kept twice.
    let forced = second_merge(dir.path(), "base.ron", &["--force-base"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    assert!(text(&forced.stdout).contains("1 record renumbered"));
    assert_eq!(titled(&load(dir.path(), "second.ron"), TITLE), 2);

    // From the first merge's result, Paris's edit is simply taken.
    let right = second_merge(dir.path(), "first.ron", &[]);
    assert_eq!(right.status.code(), Some(0), "{}", text(&right.stderr));
    let merged = load(dir.path(), "second.ron");
    assert_eq!(titled(&merged, TITLE), 1);
    assert_eq!(
        merged.commitments[&added].title,
        format!("{TITLE}, from Paris")
    );
    let check = desk(dir.path(), &["check", "second.ron"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
}

#[test]
fn an_older_common_copy_that_would_drop_a_deletion_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let added = first_exchange(dir.path());
    // Paris deletes the commitment London added before the first merge.
    second_copies(dir.path(), |paris| {
        paris.commitments.remove(&added);
    });
    let output = second_merge(dir.path(), "base.ron", &[]);
    assert_refused(dir.path(), &output);

    // Forced, Paris's deletion is lost: from the older copy the record
    // looks added by London, and nothing is taken from Paris's copy.
    let forced = second_merge(dir.path(), "base.ron", &["--force-base"]);
    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    assert!(
        text(&forced.stdout).contains("nothing to take from the other copy"),
        "{}",
        text(&forced.stdout)
    );
    assert!(
        load(dir.path(), "second.ron")
            .commitments
            .contains_key(&added)
    );

    let right = second_merge(dir.path(), "first.ron", &[]);
    assert_eq!(right.status.code(), Some(0), "{}", text(&right.stderr));
    assert!(text(&right.stdout).contains("1 commitment deleted"));
    let merged = load(dir.path(), "second.ron");
    assert!(!merged.commitments.contains_key(&added));
    assert_eq!(
        merged.commitments[&CommitmentId(20)].title,
        "Air defence missiles (London)"
    );
}

#[test]
fn copies_from_before_merges_were_marked_merge_as_before() {
    let dir = tempfile::tempdir().unwrap();
    let added = first_exchange(dir.path());
    // The same history with the marks taken out, as copies written before
    // this version hold none: nothing can tell, so the merge goes ahead.
    let mut first = load(dir.path(), "first.ron");
    first.merges.clear();
    first.saves.clear();
    save(dir.path(), "first.ron", &first);
    second_copies(dir.path(), |paris| {
        paris.commitments.remove(&added);
        paris.commitments.get_mut(&CommitmentId(22)).unwrap().title = "Drones (Paris)".into();
    });
    for name in ["base.ron", "first.ron", "london2.ron", "paris2.ron"] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(!text.contains("merges:"), "{name}");
        assert!(!text.contains("saves:"), "{name}");
        assert!(!text.contains("version: 6"), "{name}");
    }
    let output = second_merge(dir.path(), "base.ron", &[]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    // Its result is marked from now on (the merge and the save that wrote
    // it), and so written as version 8.
    let written = std::fs::read_to_string(dir.path().join("second.ron")).unwrap();
    assert!(written.contains("version: 8,"), "{written}");
    assert_eq!(load(dir.path(), "second.ron").merges.len(), 1);
}

#[test]
fn a_copy_never_merged_is_written_byte_for_byte_as_before() {
    // A version 5 file as the previous version wrote it: read and written
    // again, it keeps its version and every byte (no `merges: []`).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    let mut sample = coalition_desk::sample::register().unwrap();
    // The sample as it was before it named heads of delegation.
    for person in sample.people.values_mut() {
        for role in &mut person.roles {
            role.head_of_delegation = false;
        }
    }
    let written = storage::to_ron(&sample, &path).unwrap();
    assert!(written.contains("version: 5,"));
    assert!(!written.contains("merges"));
    std::fs::write(&path, &written).unwrap();
    let loaded = storage::load(&path).unwrap().register;
    assert!(loaded.merges.is_empty());
    assert_eq!(storage::to_ron(&loaded, &path).unwrap(), written);
}

/// London's and Paris's copies after one merge, both gone on from it,
/// and the common copy from before it, made with the core alone.
fn history() -> (Register, Register, Register, Register) {
    let base = crate::common::register();
    let mut london = base.clone();
    add_commitment(&mut london, TITLE);
    let mut paris = base.clone();
    paris.name = "Coalition (Paris)".into();
    let now = crate::merge::now();
    let first = merge::merge(&base, &london, &paris, "LON", "PAR", now).register;
    let mut london2 = first.clone();
    london2.short_name = "CoW".into();
    let mut paris2 = first.clone();
    paris2.commitments.get_mut(&CommitmentId(21)).unwrap().title = "Demining teams (Paris)".into();
    (base, first, london2, paris2)
}

#[test]
fn the_core_names_the_merge_the_common_copy_lacks() {
    let (base, first, london, paris) = history();
    let refused = check_base(&base, &london, &paris).unwrap_err();
    assert_eq!(refused.expected, first.merges[0]);
    assert_eq!(check_base(&base, &paris, &london).unwrap_err(), refused);
    assert_eq!(
        refused.expected.described(),
        format!(
            "the merge of LON's and PAR's copies on 2025-05-02 10:15 (merge {})",
            &first.merges[0].mark[..8]
        )
    );
    assert_eq!(check_base(&first, &london, &paris), Ok(()));
    // The result keeps the one mark both copies had, and adds its own.
    let second = merge::merge(&first, &london, &paris, "LON", "PAR", crate::merge::now());
    let marks = &second.register.merges;
    assert_eq!(marks.len(), 2);
    assert!(marks.contains(&first.merges[0]));
    assert!(marks.iter().all(|m| m.merged == crate::merge::now()));
}

#[test]
fn a_common_copy_one_copy_does_not_come_from_is_not_refused() {
    // As git gives it when it cherry-picks a commit made after the merge
    // onto a branch from before it, or merges two common ancestors into
    // one first: only a copy lacking what both hold is older.
    let (base, first, london, _) = history();
    assert_eq!(check_base(&first, &base, &london), Ok(()));
    assert_eq!(check_base(&first, &london, &base), Ok(()));
    let mut virtual_base = first.clone();
    virtual_base.merges.push(MergeMark {
        mark: "0123456789abcdef0123456789abcdef".into(),
        ..first.merges[0].clone()
    });
    assert_eq!(check_base(&virtual_base, &london, &first), Ok(()));
}

#[test]
fn a_merge_that_makes_no_new_copy_leaves_no_mark() {
    let (base, _, london, _) = history();
    let now = crate::merge::now();
    // Nothing taken from an untouched copy: the result is London's own.
    let untouched = merge::merge(&base, &london, &base, "LON", "PAR", now);
    assert_eq!(untouched.register, london);
    // Everything taken from the other copy: the result is that copy.
    let taken = merge::merge(&base, &base, &london, "PAR", "LON", now);
    assert_eq!(taken.register, london);
}

#[test]
fn a_conflict_naming_a_long_title_still_writes_a_file_that_reads_back() {
    // Found while writing the merge fuzz target: the other copy's name
    // for a record this copy deleted went into the conflict whole, and a
    // title near 500 characters made it longer than a name may be, so
    // `check` refused the file `merge` had just written.
    let dir = tempfile::tempdir().unwrap();
    let mut base = crate::common::register();
    base.commitments.get_mut(&CommitmentId(20)).unwrap().title = "T".repeat(490);
    save(dir.path(), "base.ron", &base);
    let mut ours = base.clone();
    ours.commitments.remove(&CommitmentId(20));
    save(dir.path(), "ours.ron", &ours);
    let mut theirs = base.clone();
    theirs
        .commitments
        .get_mut(&CommitmentId(20))
        .unwrap()
        .conditions = "Changed".into();
    save(dir.path(), "theirs.ron", &theirs);
    let merged = desk(
        dir.path(),
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_eq!(merged.status.code(), Some(1), "{}", text(&merged.stderr));
    let written = storage::load(&dir.path().join("out.ron")).unwrap().register;
    let name = &written.conflicts[0].name;
    assert_eq!(name.chars().count(), 500);
    assert!(name.ends_with('…'), "{name}");
    let check = desk(dir.path(), &["check", "out.ron"]);
    assert!(text(&check.stdout).contains("was deleted") || check.status.code() == Some(1));
    assert!(
        !text(&check.stdout).contains("could not be read"),
        "{}",
        text(&check.stdout)
    );
}
