//! Edits and their reverses: every edit undoes exactly, and adding a
//! record moves the id counter on.

use coalition_desk::{edit::*, model::*};

use super::fixture::*;

/// Applies `edit`, then its reverse, and checks the register is back
/// where it started. Returns the register as it was after `edit`.
fn assert_reverses(original: &Register, edit: Edit) -> Register {
    let mut register = original.clone();
    let reverse = apply(&mut register, edit.clone());
    let changed = register.clone();
    let again = apply(&mut register, reverse.clone());
    // The id counter only moves on, so an undone addition does not hand
    // its id out again; everything else is exactly as before.
    assert!(register.next_id >= original.next_id);
    register.next_id = original.next_id;
    assert_eq!(&register, original, "reverse of {edit:?}");
    // Reversing the reverse redoes the edit.
    let mut redone = register.clone();
    apply(&mut redone, again);
    redone.next_id = changed.next_id;
    assert_eq!(redone, changed, "redo of {edit:?}");
    changed
}

#[test]
fn every_edit_has_an_exact_reverse() {
    let original = fixture();
    let mut participant = original.participant(GBR).unwrap().clone();
    participant.notes = "Convenor".into();
    let mut person = original.person(LECORNU).unwrap().clone();
    person.roles[0].to = Some(date(2025, 10, 5));
    let mut series = original.session_series(MINISTERS).unwrap().clone();
    series.cadence = "FREQ=MONTHLY".into();
    let mut meeting = original.meeting(APRIL).unwrap().clone();
    meeting.title = "Renamed".into();
    meeting.attendance.remove(&NATO);
    let mut commitment = original.commitment(GBR_TRAINING).unwrap().clone();
    commitment.change_status(CommitmentStatus::Committed, date(2025, 5, 1), "", None);

    let edits = vec![
        Edit::RenameRegister("Another name".into()),
        Edit::SetMarkings(vec!["NATO UNCLASSIFIED".into(), "NATO RESTRICTED".into()]),
        Edit::SetCapabilityAreas(vec!["Air".into()]),
        Edit::Participant(GBR, Some(participant.clone())),
        Edit::Participant(ParticipantId(12), Some(participant)),
        Edit::Participant(NATO, None),
        Edit::Person(LECORNU, Some(person.clone())),
        Edit::Person(PersonId(13), Some(person)),
        Edit::Person(LIAISON, None),
        Edit::Series(MINISTERS, Some(series.clone())),
        Edit::Series(SeriesId(14), Some(series)),
        Edit::Series(MINISTERS, None),
        Edit::Meeting(APRIL, Some(meeting.clone())),
        Edit::Meeting(MeetingId(15), Some(meeting)),
        Edit::Meeting(MAY, None),
        Edit::Commitment(GBR_TRAINING, Some(commitment.clone())),
        Edit::Commitment(CommitmentId(16), Some(commitment)),
        Edit::Commitment(FRA_MARITIME, None),
        // Deleting what is not there changes nothing, and neither does its reverse.
        Edit::Commitment(CommitmentId(77), None),
    ];
    for edit in edits.clone() {
        let changed = assert_reverses(&original, edit.clone());
        if edit != Edit::Commitment(CommitmentId(77), None) {
            assert_ne!(changed, original, "{edit:?} changed nothing");
        }
    }

    // A batch that touches the same record twice, and nests a batch.
    let batch = Edit::Batch(vec![
        Edit::Batch(edits),
        Edit::RenameRegister("Twice".into()),
        Edit::Participant(GBR, None),
    ]);
    let changed = assert_reverses(&original, batch);
    assert_eq!(changed.name, "Twice");
    assert!(changed.participant(GBR).is_none());
    assert_eq!(changed.next_id, 17);
}

#[test]
fn adding_a_record_moves_the_id_counter_on() {
    let mut register = fixture();
    apply(
        &mut register,
        Edit::Meeting(MeetingId(40), Some(Meeting::default())),
    );
    assert_eq!(register.next_id, 41);
    // Re-putting an existing record never moves it back.
    apply(
        &mut register,
        Edit::Meeting(APRIL, Some(Meeting::default())),
    );
    assert_eq!(register.next_id, 41);
}

#[test]
fn replacing_the_register_carries_every_register_wide_field() {
    // Recovered work arrives as a whole register: nothing of it may be
    // left behind, and one undo takes it all back.
    let original = coalition_desk::sample::register().unwrap();
    let mut wanted = original.clone();
    wanted.short_name = "CoW-2".into();
    wanted.reference_pattern = "{coalition}/{year}".into();
    wanted.conflicts = vec![Conflict {
        field: "title".into(),
        ours_office: "LON".into(),
        theirs_office: "PAR".into(),
        ..Conflict::default()
    }];
    let replaced = assert_reverses(&original, replace_register(&original, wanted.clone()));
    assert_eq!(replaced.short_name, wanted.short_name);
    assert_eq!(replaced.reference_pattern, wanted.reference_pattern);
    assert_eq!(replaced.conflicts, wanted.conflicts);
}
