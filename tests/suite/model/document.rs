//! The open document: the dirty flag through undo and redo, and typing
//! that undoes as one step.

use coalition_desk::{document::*, edit::*, model::*};

use super::fixture::*;

fn retitle(document: &Document, title: &str) -> Edit {
    let mut meeting = document.register().meeting(APRIL).unwrap().clone();
    meeting.title = title.into();
    Edit::Meeting(APRIL, Some(meeting))
}

fn title(document: &Document) -> &str {
    &document.register().meeting(APRIL).unwrap().title
}

const TITLE: &str = "meeting#8.title";

#[test]
fn dirty_follows_the_saved_state_through_undo_and_redo() {
    let mut document = Document::new(fixture(), Origin::File("coalition.ron".into()));
    assert!(!document.is_dirty());
    assert!(!document.can_undo() && !document.can_redo());
    assert!(!document.undo() && !document.redo());

    document
        .apply(Edit::RenameRegister("Renamed".into()))
        .unwrap();
    assert!(document.is_dirty());
    assert!(document.undo());
    assert!(!document.is_dirty(), "undone back to the saved state");
    assert_eq!(document.register(), &fixture());
    assert!(document.redo());
    assert!(document.is_dirty());
    assert_eq!(document.register().name, "Renamed");

    document.mark_saved(Origin::File("renamed.ron".into()));
    assert!(!document.is_dirty());
    assert_eq!(document.path(), Some(std::path::Path::new("renamed.ron")));
    document.apply(retitle(&document, "One")).unwrap();
    document.apply(retitle(&document, "Two")).unwrap();
    assert!(document.is_dirty());
    document.undo();
    document.undo();
    assert!(!document.is_dirty(), "back at what the file holds");
    document.undo();
    assert!(document.is_dirty(), "before the save");
    document.redo();
    assert!(!document.is_dirty());
}

#[test]
fn a_new_register_is_clean_until_edited() {
    let mut document = Document::new(Register::new("New"), Origin::Untitled);
    assert!(!document.is_dirty(), "nothing to lose yet");
    assert_eq!(document.path(), None);
    document
        .apply(Edit::RenameRegister("Coalition".into()))
        .unwrap();
    assert!(document.is_dirty());
    document.undo();
    assert!(!document.is_dirty());

    let sample = Document::new(fixture(), Origin::Sample);
    assert!(!sample.is_dirty());
    assert_eq!(sample.path(), None);
}

#[test]
fn typing_in_one_field_undoes_as_one_step() {
    let mut document = Document::new(fixture(), Origin::Sample);
    for typed in ["D", "De", "Def"] {
        document
            .apply_grouped(retitle(&document, typed), Some(TITLE.into()))
            .unwrap();
    }
    assert_eq!(title(&document), "Def");
    assert!(document.undo());
    assert_eq!(title(&document), "Defence ministers", "text before typing");
    assert!(!document.can_undo());
    assert!(!document.is_dirty());
    assert!(document.redo());
    assert_eq!(title(&document), "Def");
    assert!(!document.can_redo());
}

#[test]
fn another_field_or_a_seal_starts_a_new_step() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document
        .apply_grouped(retitle(&document, "A"), Some(TITLE.into()))
        .unwrap();
    document
        .apply_grouped(retitle(&document, "AB"), Some(TITLE.into()))
        .unwrap();
    document.seal_group();
    document
        .apply_grouped(retitle(&document, "ABC"), Some(TITLE.into()))
        .unwrap();
    document
        .apply_grouped(
            Edit::RenameRegister("R".into()),
            Some("register.name".into()),
        )
        .unwrap();
    document
        .apply_grouped(
            Edit::RenameRegister("Re".into()),
            Some("register.name".into()),
        )
        .unwrap();
    // An ungrouped edit between two typing runs also separates them.
    document
        .apply(Edit::SetCapabilityAreas(vec!["Air".into()]))
        .unwrap();
    document
        .apply_grouped(retitle(&document, "ABCD"), Some(TITLE.into()))
        .unwrap();

    document.undo();
    assert_eq!(title(&document), "ABC");
    assert_eq!(document.register().capability_areas, vec!["Air"]);
    document.undo();
    assert_eq!(
        document.register().capability_areas,
        fixture().capability_areas
    );
    assert_eq!(document.register().name, "Re");
    document.undo();
    assert_eq!(document.register().name, fixture().name);
    assert_eq!(title(&document), "ABC");
    document.undo();
    assert_eq!(title(&document), "AB");
    document.undo();
    assert_eq!(title(&document), "Defence ministers");
    assert!(!document.can_undo());
    assert_eq!(document.register(), &fixture());
}

#[test]
fn typing_after_an_undo_does_not_merge_into_the_redone_step() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document
        .apply_grouped(retitle(&document, "A"), Some(TITLE.into()))
        .unwrap();
    document
        .apply_grouped(retitle(&document, "AB"), Some(TITLE.into()))
        .unwrap();
    document.undo();
    document.redo();
    document
        .apply_grouped(retitle(&document, "ABC"), Some(TITLE.into()))
        .unwrap();
    document.undo();
    assert_eq!(title(&document), "AB");
}

#[test]
fn saving_seals_the_typing_group() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document
        .apply_grouped(retitle(&document, "A"), Some(TITLE.into()))
        .unwrap();
    document.mark_saved(Origin::File("saved.ron".into()));
    document
        .apply_grouped(retitle(&document, "AB"), Some(TITLE.into()))
        .unwrap();
    document.undo();
    assert_eq!(title(&document), "A");
    assert!(!document.is_dirty(), "the saved text is one undo away");
}

#[test]
fn a_new_edit_clears_redo() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document.apply(Edit::RenameRegister("One".into())).unwrap();
    document.apply(Edit::RenameRegister("Two".into())).unwrap();
    document.undo();
    assert!(document.can_redo());
    document
        .apply(Edit::RenameRegister("Three".into()))
        .unwrap();
    assert!(!document.can_redo());
    assert!(!document.redo());
    assert_eq!(document.register().name, "Three");
    document.undo();
    assert_eq!(document.register().name, "One");
    document.undo();
    assert_eq!(document.register(), &fixture());
}

#[test]
fn a_step_taken_back_leaves_nothing_to_undo_or_redo() {
    let mut document = Document::new(fixture(), Origin::File("coalition.ron".into()));
    document.apply(retitle(&document, "One")).unwrap();
    let made = document.revision();
    document.apply(retitle(&document, "Two")).unwrap();
    assert!(!document.take_back(made), "not while a later step stands");
    assert_eq!(title(&document), "Two");
    document.undo();
    assert!(document.take_back(made));
    assert_eq!(document.register(), &fixture());
    assert!(!document.is_dirty());
    assert!(!document.can_undo() && !document.can_redo());
    assert!(!document.take_back(made), "once only");
}
