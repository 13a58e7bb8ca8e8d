//! Deletes that mend references: nothing is left pointing at a deleted
//! record, and one undo puts everything back.

use coalition_desk::{document::*, edit::*, model::*};
use std::collections::BTreeSet;

use super::fixture::*;

fn holder_of(edit: &Edit) -> Record {
    match edit {
        Edit::Participant(id, _) => Record::Participant(*id),
        Edit::Person(id, _) => Record::Person(*id),
        Edit::Series(id, _) => Record::Series(*id),
        Edit::Meeting(id, _) => Record::Meeting(*id),
        Edit::Commitment(id, _) => Record::Commitment(*id),
        other => panic!("delete_with_references made {other:?}"),
    }
}

fn holders(edit: &Edit, target: Record) -> BTreeSet<Record> {
    let Edit::Batch(edits) = edit else {
        panic!("not a batch: {edit:?}");
    };
    edits
        .iter()
        .map(holder_of)
        .filter(|holder| *holder != target)
        .collect()
}

#[test]
fn deleting_a_participant_mends_every_reference() {
    let original = fixture();
    let target = Record::Participant(FRA);
    let delete = delete_with_references(&original, target);
    let mut document = Document::new(original.clone(), Origin::Sample);
    document.apply(delete.clone()).unwrap();
    let register = document.register();

    assert!(register.participant(FRA).is_none());
    // Lecornu's only role was for France: he goes, and so do his places in
    // meetings France did not attend.
    assert!(register.person(LECORNU).is_none());
    // The liaison officer keeps the role for the UK.
    let liaison = register.person(LIAISON).unwrap();
    assert_eq!(liaison.roles, vec![role("Liaison officer", GBR, None)]);
    assert!(register.person(HEALEY).is_some());

    let april = register.meeting(APRIL).unwrap();
    assert_eq!(april.convenors, vec![GBR]);
    assert_eq!(april.chairs, vec![HEALEY]);
    assert_eq!(
        april.attendance.keys().copied().collect::<Vec<_>>(),
        vec![GBR, NATO]
    );
    assert_eq!(april.attendance[&GBR].delegates, vec![HEALEY, LIAISON]);
    assert_eq!(april.actions[0].owner, None, "France's action is unowned");
    assert_eq!(april.actions[1].owner, Some(GBR.into()));
    assert_eq!(april.agenda[0].lead, None);
    let may = register.meeting(MAY).unwrap();
    assert_eq!(may.chairs, vec![HEALEY]);
    assert_eq!(may.agenda[0].lead, None);
    assert_eq!(may.convenors, vec![GBR]);

    assert_eq!(
        register.session_series(MINISTERS).unwrap().convenors,
        vec![GBR]
    );
    assert!(register.commitment(FRA_MARITIME).is_none());
    assert_eq!(
        register.commitment(GBR_TRAINING),
        original.commitment(GBR_TRAINING)
    );
    assert_eq!(register.validate(today()), vec![], "nothing left dangling");

    // The confirmation names every record the delete touches.
    let references = original.references_to(target);
    let named: BTreeSet<Record> = references.iter().map(|r| r.holder).collect();
    assert_eq!(named, holders(&delete, target), "{references:#?}");
    assert!(
        references.iter().any(|r| r.holder == Record::Meeting(MAY)
            && r.description.contains("chairs")
            && r.description.contains("Sébastien Lecornu")),
        "{references:#?}"
    );
    let mut sorted = references.clone();
    sorted.sort_by(|a, b| (a.holder, &a.description).cmp(&(b.holder, &b.description)));
    assert_eq!(references, sorted);

    // One undo restores everything exactly.
    assert!(document.undo());
    assert_eq!(document.register(), &original);
    assert!(!document.is_dirty());
    assert!(!document.can_undo());
}

#[test]
fn deletes_of_every_kind_leave_nothing_dangling_and_undo_exactly() {
    let original = fixture();
    for target in [
        Record::Participant(GBR),
        Record::Participant(FRA),
        Record::Participant(NATO),
        Record::Person(HEALEY),
        Record::Person(LECORNU),
        Record::Person(LIAISON),
        Record::Series(MINISTERS),
        Record::Meeting(APRIL),
        Record::Meeting(MAY),
        Record::Commitment(GBR_TRAINING),
    ] {
        let delete = delete_with_references(&original, target);
        let named: BTreeSet<Record> = original
            .references_to(target)
            .iter()
            .map(|r| r.holder)
            .collect();
        assert_eq!(named, holders(&delete, target), "{target:?}");

        let mut document = Document::new(original.clone(), Origin::Untitled);
        document.apply(delete).unwrap();
        assert_eq!(document.register().validate(today()), vec![], "{target:?}");
        assert!(document.register().references_to(target).is_empty());
        document.undo();
        assert_eq!(document.register(), &original, "{target:?}");
    }
}

#[test]
fn deleting_a_series_unnumbers_its_meetings() {
    let mut register = fixture();
    apply(
        &mut register,
        delete_with_references(&fixture(), Record::Series(MINISTERS)),
    );
    let april = register.meeting(APRIL).unwrap();
    assert_eq!((april.series, april.number), (None, None));
}

#[test]
fn deleting_a_meeting_keeps_commitments_announced_there() {
    let mut register = fixture();
    apply(
        &mut register,
        delete_with_references(&fixture(), Record::Meeting(APRIL)),
    );
    let training = register.commitment(GBR_TRAINING).unwrap();
    assert_eq!(training.announced_at, None);
    assert_eq!(training.history[0].meeting, None);
    assert_eq!(training.status, CommitmentStatus::Pledged);
}
