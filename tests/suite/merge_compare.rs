//! Two copies compared without a common copy: ours stays applied, every
//! difference is a conflict marked `compared`, worded without saying which
//! copy changed what, and settled like a merge's.

use chrono::NaiveDateTime;
use coalition_desk::generate::{GenerateOptions, register as generated};
use coalition_desk::merge::{Choice, compare, resolve};
use coalition_desk::model::*;
use proptest::prelude::*;

use crate::common::{FRA, date, register, today};
use crate::merge::{DEMINING, MISSILES, commitment};

fn now() -> NaiveDateTime {
    date(2025, 5, 2).and_hms_opt(10, 15, 0).unwrap()
}

/// Every conflict settled with `choice`.
fn all(register: &Register, choice: Choice) -> Register {
    let choices: Vec<(usize, Choice)> = (0..register.conflicts.len())
        .map(|n| (n, choice.clone()))
        .collect();
    resolve(register, &choices)
        .unwrap_or_else(|error| panic!("{error}: {:?}", register.conflicts.get(error.conflict)))
}

/// `register` without what a comparison leaves aside: the conflicts, the
/// next number, which is the higher of the two copies' so that no number
/// either handed out is handed out again, and the merges it came from,
/// to which the comparison adds its own (merge_base.rs).
fn content(register: &Register) -> Register {
    Register {
        conflicts: Vec::new(),
        next_id: 0,
        merges: Vec::new(),
        ..register.clone()
    }
}

#[test]
fn a_copy_compared_with_itself_has_no_conflicts() {
    let copy = generated(GenerateOptions {
        meetings: 4,
        commitments: 12,
        seed: 3,
    });
    let result = compare(&copy, &copy, "LON", "PAR", now());
    assert_eq!(result.conflicts, Vec::new());
    assert_eq!(result.register, copy);
    assert_eq!(
        result.summary.to_string(),
        "Merged: nothing to take from the other copy; no conflicts"
    );
}

#[test]
fn each_difference_is_a_decision_worded_without_a_common_copy() {
    let ours = register();
    let mut theirs = ours.clone();
    commitment(&mut theirs, MISSILES).title = "Missiles for air defence".into();
    theirs.commitments.remove(&DEMINING);
    theirs.participants.insert(
        ParticipantId(30),
        Participant {
            name: "Poland".into(),
            code: "POL".into(),
            ..Participant::default()
        },
    );
    theirs.next_id = 31;

    let result = compare(&ours, &theirs, "LON", "PAR", now());
    assert!(result.conflicts.iter().all(|c| c.compared));
    assert_eq!(result.register.next_id, 31);
    assert_eq!(content(&result.register), content(&ours));
    let problems: Vec<String> = result
        .register
        .validate(today())
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert_eq!(
        problems,
        vec![
            "Poland is only in PAR's copy (compared 2025-05-02 10:15); it is not in this \
             register until you choose to add it",
            "The commitment “Air defence missiles” of United Kingdom differs between the two \
             copies (compared 2025-05-02 10:15): the title is \"Air defence missiles\" in \
             LON's copy, which is applied, and \"Missiles for air defence\" in PAR's; choose one",
            "The commitment “Demining teams” of France is only in LON's copy (compared \
             2025-05-02 10:15); it is kept until you choose whether to delete it",
        ]
    );

    let taken = all(&result.register, Choice::Theirs);
    assert_eq!(content(&taken), content(&theirs));
    assert_eq!(taken.validate(today()), Vec::new());
    let kept = all(&result.register, Choice::Ours);
    assert_eq!(content(&kept), content(&ours));
}

#[test]
fn an_attendance_row_differs_participant_by_participant_and_a_list_as_a_whole() {
    let ours = register();
    let mut theirs = ours.clone();
    let meeting = theirs.meetings.get_mut(&crate::common::MINISTERS).unwrap();
    meeting.attendance.get_mut(&FRA).unwrap().status = AttendanceStatus::Apologies;
    meeting.agenda.push(AgendaItem {
        title: "Air defence".into(),
        ..AgendaItem::default()
    });
    let result = compare(&ours, &theirs, "LON", "PAR", now());
    let fields: Vec<&str> = result.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![format!("attendance[{}]", FRA.0).as_str(), "agenda"]
    );
    assert_eq!(
        content(&all(&result.register, Choice::Theirs)),
        content(&theirs)
    );
}

fn options(seed: u64, meetings: usize, commitments: usize) -> GenerateOptions {
    GenerateOptions {
        meetings,
        commitments,
        seed,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn every_difference_between_two_registers_is_one_conflict(
        (a, b) in ((1u64..5, 2usize..5, 4usize..12), (1u64..5, 2usize..5, 4usize..12))
    ) {
        let ours = generated(options(a.0, a.1, a.2));
        let mut theirs = generated(options(b.0, b.1, b.2));
        // Compared as copies of one register, which is all the window
        // compares.
        theirs.identity.clone_from(&ours.identity);
        let result = compare(&ours, &theirs, "LON", "PAR", now());

        let mut places: Vec<(Option<Record>, &str)> =
            result.conflicts.iter().map(|c| (c.record, c.field.as_str())).collect();
        let found = places.len();
        places.sort();
        places.dedup();
        prop_assert_eq!(places.len(), found, "a difference shown twice");
        for conflict in &result.conflicts {
            prop_assert!(conflict.compared);
            prop_assert_ne!(&conflict.ours, &conflict.theirs);
        }
        let only_one = |o: Vec<u64>, t: Vec<u64>| {
            o.iter().filter(|id| !t.contains(id)).count() + t.iter().filter(|id| !o.contains(id)).count()
        };
        let whole = result.conflicts.iter().filter(|c| c.field.is_empty()).count();
        prop_assert_eq!(
            whole,
            only_one(ours.participants.keys().map(|id| id.0).collect(), theirs.participants.keys().map(|id| id.0).collect())
                + only_one(ours.people.keys().map(|id| id.0).collect(), theirs.people.keys().map(|id| id.0).collect())
                + only_one(ours.series.keys().map(|id| id.0).collect(), theirs.series.keys().map(|id| id.0).collect())
                + only_one(ours.meetings.keys().map(|id| id.0).collect(), theirs.meetings.keys().map(|id| id.0).collect())
                + only_one(ours.commitments.keys().map(|id| id.0).collect(), theirs.commitments.keys().map(|id| id.0).collect())
        );
        prop_assert_eq!(content(&result.register), content(&ours));
        prop_assert_eq!(result.register.next_id, ours.next_id.max(theirs.next_id));

        // A difference left out would survive settling every one as theirs.
        prop_assert_eq!(content(&all(&result.register, Choice::Theirs)), content(&theirs));
        prop_assert_eq!(content(&all(&result.register, Choice::Ours)), content(&ours));
    }
}
