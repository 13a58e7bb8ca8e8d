//! Any merge of three generated copies either passes `check` or says it
//! did not: a base register, two copies each edited apart from it by a
//! random run of edits through `Document::apply` (participants,
//! commitments, deliveries, meetings, attendance, actions, markings; each
//! copy kept sound, as an officer's copy is), then the merge. A clean
//! merge (no conflicts, nothing unsettled; `merge` exits 0) must leave a
//! register the checks accept; otherwise (exit 1) its conflicts are in the
//! register, each named by `check`. Never a panic, never a clean result
//! that `check` rejects. A few cases run through the real binary too.

use std::process::Command;

use chrono::{Days, NaiveDate, NaiveDateTime};
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::Edit;
use coalition_desk::generate::{GenerateOptions, fixed_now, register};
use coalition_desk::merge::merge;
use coalition_desk::model::*;
use coalition_desk::new_records;
use coalition_desk::storage;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// One edit an officer makes to a copy; the numbers pick records in
/// turn, whatever the copy holds.
#[derive(Clone, Debug)]
enum Step {
    AddParticipant(String),
    RenameParticipant(usize, String),
    DeleteParticipant(usize),
    AddCommitment(usize, String),
    RetitleCommitment(usize, String),
    MoveCommitment(usize, u8, u32),
    DeleteCommitment(usize),
    Deliver(usize, u32, u32),
    AddMeeting(String, u32),
    RetitleMeeting(usize, String),
    DeleteMeeting(usize),
    Attend(usize, usize, u8),
    AddAction(usize, String),
    CompleteAction(usize, usize),
    MarkCommitment(usize, usize),
    MarkMeeting(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    let name = "[A-Z][a-z]{1,6}";
    let n = 0usize..64;
    prop_oneof![
        name.prop_map(Step::AddParticipant),
        (n.clone(), name).prop_map(|(n, t)| Step::RenameParticipant(n, t)),
        n.clone().prop_map(Step::DeleteParticipant),
        (n.clone(), name).prop_map(|(n, t)| Step::AddCommitment(n, t)),
        (n.clone(), name).prop_map(|(n, t)| Step::RetitleCommitment(n, t)),
        (n.clone(), 0u8..5, 0u32..150).prop_map(|(n, s, d)| Step::MoveCommitment(n, s, d)),
        n.clone().prop_map(Step::DeleteCommitment),
        (n.clone(), 1u32..400, 0u32..150).prop_map(|(n, a, d)| Step::Deliver(n, a, d)),
        (name, 0u32..150).prop_map(|(t, d)| Step::AddMeeting(t, d)),
        (n.clone(), name).prop_map(|(n, t)| Step::RetitleMeeting(n, t)),
        n.clone().prop_map(Step::DeleteMeeting),
        (n.clone(), n.clone(), 0u8..6).prop_map(|(m, p, s)| Step::Attend(m, p, s)),
        (n.clone(), name).prop_map(|(m, t)| Step::AddAction(m, t)),
        (n.clone(), n.clone()).prop_map(|(m, a)| Step::CompleteAction(m, a)),
        (n.clone(), 0usize..3).prop_map(|(n, l)| Step::MarkCommitment(n, l)),
        (n, 0usize..3).prop_map(|(n, l)| Step::MarkMeeting(n, l)),
    ]
}

fn nth<K: Copy, V>(map: &std::collections::BTreeMap<K, V>, n: usize) -> Option<K> {
    map.keys().nth(n % map.len().max(1)).copied()
}

/// A day no later than the day the register stands on, so `check` on
/// that day finds nothing in the future.
fn day(back: u32) -> NaiveDate {
    fixed_now() - Days::new(u64::from(back))
}

fn level(register: &Register, n: usize) -> String {
    register.markings[n % register.markings.len()].clone()
}

/// The edit `step` makes to `register`, when there is something to make it on.
fn edit_for(register: &Register, step: &Step) -> Option<Edit> {
    let commitment = |n: usize| {
        let id = nth(&register.commitments, n)?;
        Some((id, register.commitments[&id].clone()))
    };
    let meeting = |n: usize| {
        let id = nth(&register.meetings, n)?;
        Some((id, register.meetings[&id].clone()))
    };
    Some(match step {
        Step::AddParticipant(name) => {
            let (id, _) = new_records::participant(register);
            let participant = Participant {
                name: name.clone(),
                code: format!("X{}", id.0 % 1000),
                ..Participant::default()
            };
            Edit::Participant(id, Some(participant))
        }
        Step::RenameParticipant(n, name) => {
            let id = nth(&register.participants, *n)?;
            let mut participant = register.participants[&id].clone();
            participant.name = name.clone();
            Edit::Participant(id, Some(participant))
        }
        Step::DeleteParticipant(n) => Edit::Participant(nth(&register.participants, *n)?, None),
        Step::AddCommitment(n, title) => {
            let participant = nth(&register.participants, *n);
            let (id, edit) = new_records::commitment(register, participant, day(0))?;
            let Edit::Commitment(_, Some(mut made)) = edit else {
                return None;
            };
            made.title = title.clone();
            Edit::Commitment(id, Some(made))
        }
        Step::RetitleCommitment(n, title) => {
            let (id, mut made) = commitment(*n)?;
            made.title = title.clone();
            Edit::Commitment(id, Some(made))
        }
        Step::MoveCommitment(n, status, back) => {
            let (id, mut made) = commitment(*n)?;
            let status = [
                CommitmentStatus::Pledged,
                CommitmentStatus::Committed,
                CommitmentStatus::InDelivery,
                CommitmentStatus::Delivered,
                CommitmentStatus::Withdrawn,
            ][usize::from(*status)];
            made.change_status(status, day(*back), "Moved", None);
            Edit::Commitment(id, Some(made))
        }
        Step::DeleteCommitment(n) => Edit::Commitment(nth(&register.commitments, *n)?, None),
        Step::Deliver(n, amount, back) => {
            let (id, mut made) = commitment(*n)?;
            made.deliveries.push(Delivery {
                date: day(*back),
                amount: Decimal::from(*amount),
                note: "Delivered".into(),
                ..Delivery::default()
            });
            Edit::Commitment(id, Some(made))
        }
        Step::AddMeeting(title, back) => {
            let (id, edit) = new_records::meeting(register, day(*back));
            let Edit::Meeting(_, Some(mut made)) = edit else {
                return None;
            };
            made.title = title.clone();
            Edit::Meeting(id, Some(made))
        }
        Step::RetitleMeeting(n, title) => {
            let (id, mut made) = meeting(*n)?;
            made.title = title.clone();
            Edit::Meeting(id, Some(made))
        }
        Step::DeleteMeeting(n) => Edit::Meeting(nth(&register.meetings, *n)?, None),
        Step::Attend(m, p, status) => {
            let (id, mut made) = meeting(*m)?;
            let participant = nth(&register.participants, *p)?;
            let status = [
                AttendanceStatus::Present,
                AttendanceStatus::Represented,
                AttendanceStatus::Apologies,
                AttendanceStatus::Observer,
                AttendanceStatus::Invited,
                AttendanceStatus::Confirmed,
            ][usize::from(*status)];
            made.attendance.insert(
                participant,
                Attendance {
                    status,
                    ..Attendance::default()
                },
            );
            Edit::Meeting(id, Some(made))
        }
        Step::AddAction(m, text) => {
            let (id, mut made) = meeting(*m)?;
            made.actions.push(ActionItem {
                text: text.clone(),
                ..ActionItem::default()
            });
            Edit::Meeting(id, Some(made))
        }
        Step::CompleteAction(m, a) => {
            let (id, mut made) = meeting(*m)?;
            let count = made.actions.len();
            let action = made.actions.get_mut(a % count.max(1))?;
            action.done = !action.done;
            Edit::Meeting(id, Some(made))
        }
        Step::MarkCommitment(n, l) => {
            let (id, mut made) = commitment(*n)?;
            made.marking = level(register, *l);
            Edit::Commitment(id, Some(made))
        }
        Step::MarkMeeting(n, l) => {
            let (id, mut made) = meeting(*n)?;
            made.marking = level(register, *l);
            Edit::Meeting(id, Some(made))
        }
    })
}

/// `base` edited by `steps` as an office's copy: each edit through
/// `Document::apply`, and one that leaves the copy failing its checks
/// undone, as the officer would put it right before sending the copy.
fn edited(base: &Register, office: &str, steps: &[Step]) -> Register {
    let mut start = base.clone();
    start.office = office.to_string();
    let mut doc = Document::new(start, Origin::Untitled);
    for step in steps {
        let Some(edit) = edit_for(doc.register(), step) else {
            continue;
        };
        if doc.apply(edit).is_ok() && !doc.register().validate(fixed_now()).is_empty() {
            doc.undo();
        }
    }
    doc.register().clone()
}

fn now() -> NaiveDateTime {
    fixed_now().and_hms_opt(18, 0, 0).unwrap()
}

fn copies() -> impl Strategy<Value = (Register, Register, Register)> {
    (
        1u64..6,
        prop::collection::vec(step(), 0..12),
        prop::collection::vec(step(), 0..12),
    )
        .prop_map(|(seed, ours, theirs)| {
            let base = register(GenerateOptions {
                meetings: 3,
                commitments: 8,
                seed,
            });
            let london = edited(&base, "LON", &ours);
            let paris = edited(&base, "PAR", &theirs);
            (base, london, paris)
        })
}

/// Whether the merge is clean as `merge` judges it (exit 0).
fn clean(merged: &coalition_desk::merge::Merged) -> bool {
    merged.register.conflicts.is_empty() && merged.unsettled.is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_merge_passes_check_or_lists_its_conflicts((base, ours, theirs) in copies()) {
        prop_assert!(base.validate(fixed_now()).is_empty());
        prop_assert!(ours.validate(fixed_now()).is_empty());
        prop_assert!(theirs.validate(fixed_now()).is_empty());
        let merged = merge(&base, &ours, &theirs, "LON", "PAR", now());
        let problems = merged.register.validate(fixed_now());
        if clean(&merged) {
            prop_assert!(problems.is_empty(), "a clean merge that check rejects: {:#?}", problems);
        } else {
            // Every conflict found is in the register, and `check` names
            // each one (and whatever is left unsettled).
            for conflict in &merged.conflicts {
                prop_assert!(merged.register.conflicts.contains(conflict));
            }
            let named = merged.register.conflict_problems();
            prop_assert_eq!(named.len(), merged.register.conflicts.len());
            for problem in named.iter().chain(&merged.unsettled) {
                prop_assert!(
                    problems.iter().any(|p| p.message == problem.message),
                    "check does not name {}", problem.message
                );
            }
        }
    }
}

proptest! {
    // Each case starts the program three times: a few are enough to hold
    // the binary to what the core says.
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    #[test]
    fn the_binary_exits_as_the_merge_judges_and_check_agrees((base, ours, theirs) in copies()) {
        let dir = tempfile::tempdir().unwrap();
        for (name, register) in [("base.ron", &base), ("ours.ron", &ours), ("theirs.ron", &theirs)] {
            storage::save(&dir.path().join(name), register, None).unwrap();
        }
        let desk = |args: &[&str]| {
            Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
                .args(args)
                .current_dir(dir.path())
                .env_remove("RUST_LOG")
                .output()
                .unwrap()
        };
        let merged = desk(&["merge", "base.ron", "ours.ron", "theirs.ron", "-o", "out.ron"]);
        let said = String::from_utf8_lossy(&merged.stderr).into_owned();
        let expected = merge(&base, &ours, &theirs, "LON", "PAR", now());
        // 0 when clean, 1 with conflicts to settle.
        let code = i32::from(!clean(&expected));
        prop_assert_eq!(merged.status.code(), Some(code), "{}", said);
        // `check` runs on the real day, after every date generated.
        let checked = desk(&["check", "out.ron"]);
        let listed = String::from_utf8_lossy(&checked.stdout).into_owned();
        prop_assert_eq!(checked.status.code(), Some(code), "{}", listed);
        let written = storage::load(&dir.path().join("out.ron")).unwrap().register;
        prop_assert_eq!(written.conflicts.len(), expected.register.conflicts.len());
        for problem in written.conflict_problems() {
            prop_assert!(listed.contains(&problem.message), "{}", listed);
        }
    }
}

#[test]
fn the_generated_merges_are_both_clean_and_in_conflict() {
    // The property says something only if both of its branches are
    // reached: count them over a fixed run of generated copies.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let strategy = copies();
    let (mut clean_ones, mut in_conflict) = (0, 0);
    for _ in 0..32 {
        let (base, ours, theirs) = strategy.new_tree(&mut runner).unwrap().current();
        let merged = merge(&base, &ours, &theirs, "LON", "PAR", now());
        if clean(&merged) {
            clean_ones += 1;
        } else {
            in_conflict += 1;
        }
    }
    println!("{clean_ones} clean, {in_conflict} in conflict");
    assert!(
        clean_ones >= 5 && in_conflict >= 5,
        "{clean_ones} clean, {in_conflict} in conflict"
    );
}
