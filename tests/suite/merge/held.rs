//! What a merge refuses or holds back (issue 19, items 10 and 13): a copy
//! of another coalition's register, and two changes each fine alone that
//! together break a rule `check` holds the register to.

use coalition_desk::generate::{self, GenerateOptions};
use coalition_desk::merge::same_register;
use coalition_desk::model::*;
use rust_decimal::Decimal;

use super::*;
use crate::common::*;

const NEW_PARTICIPANT: ParticipantId = ParticipantId(40);
const NEW_COMMITMENT: CommitmentId = CommitmentId(41);

fn with_identity(identity: &str) -> Register {
    Register {
        identity: identity.into(),
        ..register()
    }
}

#[test]
fn a_copy_of_another_coalitions_register_is_not_the_same_register() {
    let ours = with_identity("5a3f0c9e1b7d4e28a6c2f90d8b1e4a73");
    let foreign = generate::register(GenerateOptions {
        meetings: 3,
        commitments: 5,
        seed: 7,
    });
    assert!(!foreign.identity.is_empty(), "a generated register has one");
    assert!(!same_register(&ours, &foreign));
    assert!(!same_register(&foreign, &ours));
    // Two seeds make two registers; one seed the same one again.
    let other_seed = generate::register(GenerateOptions {
        meetings: 3,
        commitments: 5,
        seed: 8,
    });
    assert_ne!(foreign.identity, other_seed.identity);
    let again = generate::register(GenerateOptions {
        meetings: 3,
        commitments: 5,
        seed: 7,
    });
    assert!(same_register(&foreign, &again));
}

#[test]
fn copies_of_one_register_and_files_from_before_identities_still_merge() {
    let ours = with_identity("5a3f0c9e1b7d4e28a6c2f90d8b1e4a73");
    let mut theirs = ours.clone();
    theirs.name = "Renamed in Paris".into();
    assert!(same_register(&ours, &theirs));
    // A file from before identities cannot tell: merged as before.
    assert!(same_register(&ours, &register()));
    assert!(same_register(&register(), &ours));
    // The merged copy keeps the identity, whichever copy carried it.
    let merged = merged(&register(), &register(), &ours);
    assert_eq!(merged.register.identity, ours.identity);
}

fn instructors(register: &mut Register) {
    commitment(register, DEMINING).quantity = Some(Quantity {
        amount: Decimal::from(200),
        unit: "instructors".into(),
    });
}

fn delivered(register: &mut Register, day: u32, amount: i64, note: &str) {
    commitment(register, DEMINING).deliveries.push(Delivery {
        date: date(2025, 4, day),
        amount: Decimal::from(amount),
        note: note.into(),
        ..Delivery::default()
    });
}

#[test]
fn deliveries_past_the_quantity_from_both_copies_are_a_conflict() {
    let mut base = register();
    instructors(&mut base);
    let mut ours = base.clone();
    delivered(&mut ours, 20, 150, "First course (London)");
    let mut theirs = base.clone();
    delivered(&mut theirs, 25, 150, "First course (Paris)");
    let today = now().date();
    assert_eq!(ours.validate(today), vec![], "each copy is fine alone");
    assert_eq!(theirs.validate(today), vec![]);

    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.conflicts.len(), 1, "{:?}", result.conflicts);
    let conflict = &result.conflicts[0];
    assert_eq!(conflict.record, Some(Record::Commitment(DEMINING)));
    assert_eq!(conflict.field, "");
    assert!(
        conflict.broken_rule.contains("300"),
        "names what broke: {}",
        conflict.broken_rule
    );
    // Ours is applied; theirs is kept beside it, nothing lost.
    assert_eq!(
        result.register.commitments[&DEMINING],
        ours.commitments[&DEMINING]
    );
    assert!(
        conflict
            .theirs
            .as_deref()
            .unwrap()
            .contains("First course (Paris)")
    );
    assert_eq!(
        result.summary.to_string().rsplit("; ").next(),
        Some("1 conflict to resolve")
    );
    // The only problem `check` has is the conflict itself, which says why.
    let problems = result.register.validate(today);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("together they break a rule"),
        "{}",
        problems[0].message
    );
    // Settled by keeping ours, the register is clean.
    let settled = coalition_desk::merge::resolve(
        &result.register,
        &[(0, coalition_desk::merge::Choice::Ours)],
    )
    .unwrap();
    assert_eq!(settled.validate(today), vec![]);
}

fn with_new_participant() -> Register {
    let mut base = register();
    base.participants.insert(
        NEW_PARTICIPANT,
        Participant {
            name: "Estonia".into(),
            code: "EST".into(),
            ..Participant::default()
        },
    );
    base.next_id = 42;
    base
}

fn commitment_for_new_participant(register: &mut Register) {
    let mut added = register.commitments[&DEMINING].clone();
    added.participant = NEW_PARTICIPANT;
    added.title = "Mine clearance vehicles".into();
    register.commitments.insert(NEW_COMMITMENT, added);
}

#[test]
fn a_commitment_for_a_participant_the_other_copy_deleted_keeps_the_participant() {
    let base = with_new_participant();
    let today = now().date();
    assert_eq!(base.validate(today), vec![]);
    let mut ours = base.clone();
    commitment_for_new_participant(&mut ours);
    let mut theirs = base.clone();
    theirs.participants.remove(&NEW_PARTICIPANT);
    assert_eq!(ours.validate(today), vec![]);
    assert_eq!(theirs.validate(today), vec![]);

    let result = merged(&base, &ours, &theirs);
    // The participant stays until the officer chooses, as a conflict.
    assert!(result.register.participants.contains_key(&NEW_PARTICIPANT));
    assert!(result.register.commitments.contains_key(&NEW_COMMITMENT));
    assert_eq!(result.conflicts.len(), 1, "{:?}", result.conflicts);
    let conflict = &result.conflicts[0];
    assert_eq!(conflict.record, Some(Record::Participant(NEW_PARTICIPANT)));
    assert_eq!(conflict.theirs, None, "deleted in theirs");
    assert!(!conflict.broken_rule.is_empty());
    assert!(result.unsettled.is_empty());
    // Deleting it as the other copy did is refused while the commitment
    // is for it: nothing settled may break the register.
    let taking_theirs = coalition_desk::merge::resolve(
        &result.register,
        &[(0, coalition_desk::merge::Choice::Theirs)],
    );
    assert!(taking_theirs.is_err());
}

#[test]
fn a_commitment_the_other_copy_added_for_a_participant_ours_deleted_waits() {
    let base = with_new_participant();
    let mut ours = base.clone();
    ours.participants.remove(&NEW_PARTICIPANT);
    let mut theirs = base.clone();
    commitment_for_new_participant(&mut theirs);

    let result = merged(&base, &ours, &theirs);
    // Ours's deletion is applied, so theirs's commitment waits beside it.
    assert!(!result.register.participants.contains_key(&NEW_PARTICIPANT));
    assert!(!result.register.commitments.contains_key(&NEW_COMMITMENT));
    assert_eq!(result.conflicts.len(), 1, "{:?}", result.conflicts);
    let conflict = &result.conflicts[0];
    assert_eq!(conflict.record, Some(Record::Commitment(NEW_COMMITMENT)));
    assert_eq!(conflict.ours, None);
    assert!(
        conflict
            .theirs
            .as_deref()
            .unwrap()
            .contains("Mine clearance vehicles")
    );
    assert_eq!(
        conflict.name,
        theirs.known_as(Record::Commitment(NEW_COMMITMENT))
    );
    assert_eq!(result.register.validate(now().date()).len(), 1);
}

#[test]
fn a_clean_merge_that_breaks_no_rule_has_no_conflict() {
    let mut base = register();
    instructors(&mut base);
    let mut ours = base.clone();
    delivered(&mut ours, 20, 100, "First course (London)");
    let mut theirs = base.clone();
    delivered(&mut theirs, 25, 100, "First course (Paris)");
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.conflicts, vec![]);
    assert_eq!(result.register.commitments[&DEMINING].deliveries.len(), 2);
}

#[test]
fn a_problem_both_copies_had_reworded_by_a_rename_is_not_a_conflict() {
    // A problem the register already had is `check`'s to report, not the
    // merge's, even when the other copy's rename changes its words.
    let mut base = register();
    commitment(&mut base, DEMINING).quantity = Some(Quantity {
        amount: Decimal::ZERO,
        unit: "teams".into(),
    });
    let mut ours = base.clone();
    ours.commitments.get_mut(&MISSILES).unwrap().title = "Missiles (London)".into();
    let mut theirs = base.clone();
    theirs.participants.get_mut(&FRA).unwrap().name = "French Republic".into();
    let today = now().date();
    assert_eq!(base.validate(today).len(), 1, "the zero quantity");

    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.conflicts, vec![]);
    assert!(result.unsettled.is_empty());
    assert_eq!(result.register.participants[&FRA].name, "French Republic");
}

/// Approves the record of the ministers' meeting by written procedure.
fn approve_ministers(register: &mut Register) {
    let today = now().date();
    let circulate = MinutesMove::Circulate {
        to: vec![FRA, GBR],
        comments_due: date(2025, 4, 20),
    };
    let approve = MinutesMove::Approve {
        at: None,
        by: "The defence ministers".into(),
    };
    for (step, on) in [(circulate, date(2025, 4, 11)), (approve, date(2025, 4, 25))] {
        let edit =
            coalition_desk::edit::move_minutes(register, MINISTERS, step, on, today).unwrap();
        coalition_desk::edit::apply(register, edit);
    }
    assert!(register.meetings[&MINISTERS].minutes.is_locked());
}

fn decided(register: &mut Register, text: &str) {
    let meeting = register.meetings.get_mut(&MINISTERS).unwrap();
    meeting.decisions = vec![Decision {
        text: text.into(),
        ..Decision::default()
    }];
}

/// Issue 19, item 12: the other copy edits a decision of a record this
/// copy approved; the merge once printed "Approved on …" over it.
#[test]
fn a_decision_changed_in_a_record_the_other_copy_approved_is_a_conflict() {
    let mut base = register();
    decided(&mut base, "Support continues");
    for (approving_ours, why) in [(true, "ours approved"), (false, "theirs approved")] {
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        let (approver, editor) = if approving_ours {
            (&mut ours, &mut theirs)
        } else {
            (&mut theirs, &mut ours)
        };
        approve_ministers(approver);
        decided(editor, "Support ends");

        let result = merged(&base, &ours, &theirs);
        assert_eq!(result.conflicts.len(), 1, "{why}: {:?}", result.conflicts);
        let conflict = &result.conflicts[0];
        assert_eq!(conflict.record, Some(Record::Meeting(MINISTERS)), "{why}");
        assert!(conflict.broken_rule.contains("approved"), "{why}");
        // Ours is applied as it was: never approved over a changed decision.
        assert_eq!(
            result.register.meetings[&MINISTERS], ours.meetings[&MINISTERS],
            "{why}"
        );
    }
}

#[test]
fn taking_the_other_copys_change_to_an_approved_record_is_refused() {
    let mut base = register();
    decided(&mut base, "Support continues");
    let mut ours = base.clone();
    approve_ministers(&mut ours);
    let mut theirs = base.clone();
    decided(&mut theirs, "Support ends");
    let result = merged(&base, &ours, &theirs);
    let taking = coalition_desk::merge::resolve(
        &result.register,
        &[(0, coalition_desk::merge::Choice::Theirs)],
    );
    assert!(taking.is_err(), "settled only through a revision");
    let keeping = coalition_desk::merge::resolve(
        &result.register,
        &[(0, coalition_desk::merge::Choice::Ours)],
    )
    .unwrap();
    assert_eq!(
        keeping.meetings[&MINISTERS].decisions[0].text,
        "Support continues"
    );
}

#[test]
fn an_approved_record_both_copies_left_alone_merges_clean() {
    let mut base = register();
    approve_ministers(&mut base);
    let mut ours = base.clone();
    ours.commitments.get_mut(&MISSILES).unwrap().title = "Missiles (London)".into();
    let mut theirs = base.clone();
    theirs.commitments.get_mut(&DEMINING).unwrap().title = "Demining (Paris)".into();
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.conflicts, vec![]);
    assert!(result.register.meetings[&MINISTERS].minutes.is_locked());
}
