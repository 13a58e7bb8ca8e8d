//! The merge command reads OURS whole and BASE and THEIRS apart from it
//! (issue 19); on copies large enough to be read so, it writes what the
//! merge of the three whole copies makes: clean, with conflicts, with an
//! approved record the other copy changed, and with a rule the merged
//! copies break, which takes the whole copies.

use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDateTime;
use coalition_desk::cli::merge::{MergeRequest, merge as merge_command};
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::merge::merge;
use coalition_desk::model::{CommitmentId, Register};
use coalition_desk::storage::{self, LockHolder};

fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 7)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn nth(register: &Register, n: usize) -> CommitmentId {
    *register.commitments.keys().nth(n).unwrap()
}

/// Saves the three copies, runs the command into `out.ron`, and checks
/// that it wrote the whole merge's register; gives the exit code.
fn merged_as_whole(dir: &Path, base: &Register, ours: &Register, theirs: &Register) -> ExitCode {
    for (name, copy) in [("base", base), ("ours", ours), ("theirs", theirs)] {
        storage::save(&dir.join(format!("{name}.ron")), copy, None).unwrap();
    }
    assert!(std::fs::metadata(dir.join("ours.ron")).unwrap().len() > 1 << 20);
    let (base_path, ours_path, theirs_path, out) = (
        dir.join("base.ron"),
        dir.join("ours.ron"),
        dir.join("theirs.ron"),
        dir.join("out.ron"),
    );
    let request = MergeRequest {
        base: &base_path,
        ours: &ours_path,
        theirs: &theirs_path,
        output: &out,
        ours_office: Some("LON"),
        theirs_office: Some("PAR"),
        force_base: false,
        shown_as: None,
    };
    let code = merge_command(
        &request,
        &LockHolder::this_process(Default::default()),
        now(),
    );
    let mut written = storage::load(&out).unwrap().register;
    let whole = merge(base, ours, theirs, "LON", "PAR", now());
    // The command's own save of its result is marked: one session more,
    // its first save.
    let own: Vec<_> = written
        .saves
        .iter()
        .filter(|save| !whole.register.saves.contains(save))
        .cloned()
        .collect();
    assert_eq!(own.len(), 1, "{own:?}");
    assert_eq!(own[0].saves, 1);
    written
        .saves
        .retain(|save| whole.register.saves.contains(save));
    assert!(
        written == whole.register,
        "the command wrote another register"
    );
    code
}

fn large() -> Register {
    register(GenerateOptions {
        meetings: 60,
        commitments: 1500,
        seed: 5,
    })
}

#[test]
fn a_clean_merge_of_large_copies_writes_the_whole_merges_register() {
    let dir = tempfile::tempdir().unwrap();
    let base = large();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for n in (0..1500).step_by(100) {
        ours.commitments.get_mut(&nth(&base, n)).unwrap().title += " (London's wording)";
        let other = nth(&base, n + 50);
        theirs.commitments.get_mut(&other).unwrap().title += " (Paris's wording)";
    }
    theirs
        .commitments
        .get_mut(&nth(&base, 0))
        .unwrap()
        .conditions = "On delivery of the first tranche".into();
    theirs.commitments.remove(&nth(&base, 7));
    let code = merged_as_whole(dir.path(), &base, &ours, &theirs);
    assert_eq!(code, ExitCode::SUCCESS);
}

#[test]
fn a_merge_of_large_copies_with_conflicts_writes_both_sides() {
    let dir = tempfile::tempdir().unwrap();
    let base = large();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let both = nth(&base, 300);
    ours.commitments.get_mut(&both).unwrap().title = "London's title".into();
    theirs.commitments.get_mut(&both).unwrap().title = "Paris's title".into();
    // Deleted by ours, changed by theirs.
    let gone = nth(&base, 301);
    ours.commitments.remove(&gone);
    theirs.commitments.get_mut(&gone).unwrap().title += " (kept)";
    let code = merged_as_whole(dir.path(), &base, &ours, &theirs);
    assert_eq!(code, ExitCode::FAILURE);
}

#[test]
fn a_merge_of_large_copies_that_breaks_a_rule_takes_the_whole_copies() {
    let dir = tempfile::tempdir().unwrap();
    let base = large();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    // Theirs deletes a participant that ours gives a new commitment to.
    let participant = *base.participants.keys().next_back().unwrap();
    theirs.participants.remove(&participant);
    theirs
        .commitments
        .retain(|_, commitment| commitment.participant != participant);
    let mut added = base.commitments.values().next().unwrap().clone();
    added.participant = participant;
    added.title = "Added for a participant the other copy deleted".into();
    ours.commitments.insert(CommitmentId(9_000_001), added);
    merged_as_whole(dir.path(), &base, &ours, &theirs);
}
