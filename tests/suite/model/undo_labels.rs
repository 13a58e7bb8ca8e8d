//! Every undo step says what it does, in the officer's words, and the
//! words move with the step between Undo and Redo.

use coalition_desk::{document::*, edit::*, model::*};

use super::fixture::*;

fn retitle(document: &Document, title: &str) -> Edit {
    let mut meeting = document.register().meeting(APRIL).unwrap().clone();
    meeting.title = title.into();
    Edit::Meeting(APRIL, Some(meeting))
}

#[test]
fn each_kind_of_edit_is_named_by_what_it_did() {
    let mut document = Document::new(fixture(), Origin::Sample);
    assert_eq!(document.undo_label(), None);
    assert_eq!(document.redo_label(), None);

    let delete = delete_with_references(document.register(), Record::Commitment(FRA_MARITIME));
    document.apply(delete).unwrap();
    assert_eq!(document.undo_label(), Some("delete commitment Maritime"));

    document
        .apply(retitle(&document, "Chiefs of defence"))
        .unwrap();
    assert_eq!(
        document.undo_label(),
        Some("change meeting Chiefs of defence (2025-04-10)")
    );

    let mut added = document.register().participant(FRA).unwrap().clone();
    added.name = "Norway".into();
    document
        .apply(Edit::Participant(ParticipantId(99), Some(added)))
        .unwrap();
    assert_eq!(document.undo_label(), Some("add participant Norway"));

    document
        .apply(Edit::RenameRegister("Coalition".into()))
        .unwrap();
    assert_eq!(
        document.undo_label(),
        Some("rename the register “Coalition”")
    );

    let participant = delete_with_references(document.register(), Record::Participant(FRA));
    document
        .apply_labelled(participant, "delete participant France")
        .unwrap();
    assert_eq!(document.undo_label(), Some("delete participant France"));
}

#[test]
fn typing_merged_into_one_step_keeps_one_label() {
    let mut document = Document::new(fixture(), Origin::Sample);
    for typed in ["D", "De", "Def"] {
        document
            .apply_grouped(retitle(&document, typed), Some("title".into()))
            .unwrap();
    }
    assert_eq!(
        document.undo_label(),
        Some("typing in meeting Defence ministers (2025-04-10)"),
        "named as it was when typing began"
    );
    assert!(document.undo());
    assert_eq!(document.undo_label(), None, "one step only");
    assert_eq!(
        document.redo_label(),
        Some("typing in meeting Defence ministers (2025-04-10)")
    );
}

#[test]
fn undo_and_redo_move_the_label_between_the_stacks() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document
        .apply(Edit::SetCapabilityAreas(vec!["Air".into()]))
        .unwrap();
    document
        .apply_labelled(
            Edit::RenameRegister("Imported".into()),
            "import of 12 commitments",
        )
        .unwrap();
    assert!(document.undo());
    assert_eq!(document.undo_label(), Some("change the capability areas"));
    assert_eq!(document.redo_label(), Some("import of 12 commitments"));
    assert!(document.undo());
    assert_eq!(document.undo_label(), None);
    assert_eq!(document.redo_label(), Some("change the capability areas"));
    assert!(document.redo());
    assert_eq!(document.undo_label(), Some("change the capability areas"));
    assert_eq!(document.redo_label(), Some("import of 12 commitments"));
    assert!(document.redo());
    assert_eq!(document.undo_label(), Some("import of 12 commitments"));
    assert_eq!(document.redo_label(), None);

    document.undo();
    document
        .apply(Edit::RenameRegister("Other".into()))
        .unwrap();
    assert_eq!(document.redo_label(), None, "a new edit clears redo");
}
