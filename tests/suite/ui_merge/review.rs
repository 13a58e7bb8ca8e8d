//! The merge of Paris's copy from the copy kept: the review before
//! anything changes, one choice per conflict, Apply, and Undo of it all.

use coalition_desk::storage;
use egui_kittest::kittest::Queryable;

use super::{
    DEMINING, DRONES, FRIGATE, MISSILES, RADARS, TRAINING, choose, commitment, conflict_of, copies,
    copies_in, field, merge_typed, notice, open, ours, review, seen_harness, type_into,
};
use crate::app_harness::click;
use crate::common::date;

#[test]
fn merging_a_copy_shows_the_review_then_applies_the_choices_in_one_undo_step() {
    let copies = copies(true);
    let mut harness = open(&copies);
    let before = ours(&harness);

    merge_typed(&mut harness, &copies.theirs);

    // The review is on top and nothing has changed yet.
    assert_eq!(ours(&harness), before);
    harness.get_by_label("Merge PAR's copy");
    let summary = review(&harness).merged.summary;
    assert_eq!(summary.commitments.added, 2);
    harness.get_by_label("2 conflicts to decide");
    // Both values of the missiles' due date, each under its office.
    harness.get_by_label("Some(\"2026-03-31\")");
    harness.get_by_label("Some(\"2026-06-30\")");
    assert!(harness.get_all_by_label("LON's copy (applied now)").count() == 2);
    assert!(harness.get_all_by_label("PAR's copy").count() == 2);

    let missiles = conflict_of(&harness, MISSILES);
    let demining = conflict_of(&harness, DEMINING);
    choose(&mut harness, "Keep LON's", missiles);
    choose(&mut harness, "Take PAR's", demining);
    click(&mut harness, "Apply merge");

    assert!(harness.state().on_top().is_none(), "the review closed");
    let merged = ours(&harness);
    assert_eq!(merged.commitments[&MISSILES].due, Some(date(2026, 3, 31)));
    assert_eq!(
        merged.commitments[&DEMINING].title,
        "Demining teams for Kharkiv"
    );
    assert_eq!(merged.commitments[&DRONES].due, Some(date(2026, 9, 30)));
    assert_eq!(merged.commitments[&FRIGATE].title, "Frigate escort");
    assert_eq!(merged.commitments[&RADARS].title, "Coastal radars");
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert!(harness.state().document().is_dirty());
    let said = notice(&harness);
    assert!(
        said.starts_with("Merged PAR's copy: 2 commitments added"),
        "{said}"
    );
    assert!(
        said.ends_with(
            "; 2 conflicts settled; no conflicts left. Saving the register keeps PAR's copy for \
             the next merge"
        ),
        "{said}"
    );
    // Nothing is kept yet: the merge is not on disk.
    let kept = || storage::read_kept_base(&copies.ours, "PAR").unwrap();
    assert_eq!(kept(), Some(copies.base.clone()));

    // One Undo takes the whole merge back. The next number alone stays
    // where the merge took it: a number once handed out is never handed
    // out again (see edit.rs).
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    let undone = ours(&harness);
    assert_eq!(undone.next_id, 42);
    assert_eq!(
        coalition_desk::model::Register {
            next_id: before.next_id,
            ..undone
        },
        before
    );
    assert!(!harness.state().document().is_dirty());
    assert_eq!(notice(&harness), "Undid merge of PAR's copy");

    // Saved with the merge undone, the common copy stays the old one: the
    // register on disk never got what Paris added.
    assert!(crate::app_harness::save_to(&mut harness, &copies.ours));
    assert_eq!(kept(), Some(copies.base.clone()));
    // Redone and saved, what was received becomes the common copy.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run();
    assert_eq!(ours(&harness), merged);
    assert!(crate::app_harness::save_to(&mut harness, &copies.ours));
    assert_eq!(kept(), Some(copies.theirs_register.clone()));
    assert!(notice(&harness).ends_with("PAR's copy is kept for the next merge"));
}

#[test]
fn a_conflict_decided_later_stays_in_the_register_for_check_to_name() {
    let copies = copies(true);
    let mut harness = open(&copies);
    merge_typed(&mut harness, &copies.theirs);
    let demining = conflict_of(&harness, DEMINING);
    choose(&mut harness, "Take PAR's", demining);
    click(&mut harness, "Apply merge");

    let merged = ours(&harness);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        merged.conflicts[0].record,
        Some(coalition_desk::model::Record::Commitment(MISSILES))
    );
    // Ours stays applied until the officer chooses.
    assert_eq!(merged.commitments[&MISSILES].due, Some(date(2026, 3, 31)));
    assert!(
        notice(&harness).contains("; 1 conflict left to resolve."),
        "{}",
        notice(&harness)
    );
    let problems = merged.validate(crate::app_harness::today());
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("was changed in both copies")),
        "{problems:?}"
    );
}

#[test]
fn an_edited_value_that_does_not_read_is_refused_beside_its_conflict_and_nothing_applies() {
    let copies = copies(true);
    let mut harness = open(&copies);
    let before = ours(&harness);
    merge_typed(&mut harness, &copies.theirs);
    let missiles = conflict_of(&harness, MISSILES);
    let demining = conflict_of(&harness, DEMINING);
    choose(&mut harness, "Take PAR's", demining);
    choose(&mut harness, "Edit the value", missiles);
    // The box starts from the value applied now.
    assert_eq!(
        review(&harness).decisions[missiles].edited,
        "Some(\"2026-03-31\")"
    );
    let label = "The value to keep, as written in the file:";
    type_into(&mut harness, label, "the end of May");
    click(&mut harness, "Apply merge");

    let refused = review(&harness).decisions[missiles].refused.clone();
    let refused = refused.expect("the edited value is refused");
    harness.get_by_label(&refused);
    assert!(
        review(&harness).decisions[demining].refused.is_none(),
        "only the conflict at fault says so"
    );
    assert_eq!(ours(&harness), before, "nothing was applied");
    assert!(!harness.state().document().is_dirty());

    // Corrected, it applies.
    type_into(&mut harness, label, "Some(\"2026-05-31\")");
    click(&mut harness, "Apply merge");
    assert!(harness.state().on_top().is_none());
    let merged = ours(&harness);
    assert_eq!(merged.commitments[&MISSILES].due, Some(date(2026, 5, 31)));
    assert!(merged.conflicts.is_empty());
}

#[test]
fn cancel_leaves_the_register_and_the_kept_copy_as_they_were() {
    let copies = copies(true);
    let mut harness = open(&copies);
    let before = ours(&harness);
    merge_typed(&mut harness, &copies.theirs);
    click(&mut harness, "Cancel");
    assert!(harness.state().on_top().is_none());
    assert_eq!(ours(&harness), before);
    assert_eq!(
        storage::read_kept_base(&copies.ours, "PAR").unwrap(),
        Some(copies.base.clone())
    );
}

#[test]
fn the_review_window_with_conflicts_at_1024_by_700() {
    // A fixed folder: the paths are on screen.
    let dir = std::env::temp_dir().join("coalition-desk-merge-review-snapshot");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let copies = copies_in(&dir, true);
    // London noted the training mission that Paris deleted: the whole
    // record is in conflict, its long value scrolls.
    let mut london = storage::load(&copies.ours).unwrap().register;
    commitment(&mut london, TRAINING).conditions =
        "Resumes once the partner's instructors are cleared to deploy".into();
    storage::save(&copies.ours, &london, None).unwrap();
    let ours_training = london.commitments[&TRAINING].clone();
    let mut theirs = copies.theirs_register.clone();
    theirs.commitments.remove(&TRAINING);
    storage::save(&copies.theirs, &theirs, None).unwrap();

    let mut harness = seen_harness(&copies.ours, 1024.0, 700.0);
    merge_typed(&mut harness, &copies.theirs);
    let training = conflict_of(&harness, TRAINING);
    choose(&mut harness, "Edit the value", training);
    let label = "The value to keep, as written in the file:";
    field(&harness, label).scroll_to_me();
    harness.run();
    harness.snapshot("merge_review_1024");

    // The value edited is the record laid out a field a line, and it
    // still reads back as the record.
    let edited = review(&harness).decisions[training].edited.clone();
    assert!(edited.lines().count() > 5, "{edited}");
    click(&mut harness, "Apply merge");
    assert!(harness.state().on_top().is_none(), "applied");
    assert_eq!(ours(&harness).commitments[&TRAINING], ours_training);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_title_is_edited_as_words_without_the_quotes_the_file_needs() {
    let copies = copies(true);
    let mut harness = open(&copies);
    merge_typed(&mut harness, &copies.theirs);
    let demining = conflict_of(&harness, DEMINING);
    let missiles = conflict_of(&harness, MISSILES);
    choose(&mut harness, "Keep LON's", missiles);
    choose(&mut harness, "Edit the value", demining);
    let applied = ours(&harness).commitments[&DEMINING].title.clone();
    assert_eq!(review(&harness).decisions[demining].edited, applied);
    type_into(
        &mut harness,
        "The text to keep:",
        "Demining teams for \"Kharkiv and Kherson\"",
    );
    click(&mut harness, "Apply merge");
    assert!(harness.state().on_top().is_none(), "applied");
    assert_eq!(
        ours(&harness).commitments[&DEMINING].title,
        "Demining teams for \"Kharkiv and Kherson\""
    );
}

#[test]
fn the_review_names_the_records_the_merge_adds_and_changes() {
    let copies = copies(true);
    let mut harness = open(&copies);
    merge_typed(&mut harness, &copies.theirs);
    let records = &review(&harness).records;
    let named: Vec<String> = records
        .lines
        .iter()
        .map(|(what, name)| format!("{what}: {name}"))
        .collect();
    assert_eq!(records.more, 0);
    // Paris's two new commitments and the drones' new due date; the two
    // conflicts are decided below, not listed here.
    assert_eq!(named.len(), 3, "{named:?}");
    assert!(
        named
            .iter()
            .any(|n| n.starts_with("Added: ") && n.contains("Frigate escort")),
        "{named:?}"
    );
    assert!(
        named
            .iter()
            .any(|n| n.starts_with("Added: ") && n.contains("Coastal radars")),
        "{named:?}"
    );
    assert!(
        named.iter().any(|n| n.starts_with("Changed: ")),
        "{named:?}"
    );

    // Folded at first, opened by its heading.
    let frigate = named
        .iter()
        .find(|n| n.contains("Frigate"))
        .and_then(|n| n.strip_prefix("Added: "))
        .unwrap()
        .to_string();
    assert!(harness.query_by_label(&frigate).is_none());
    click(&mut harness, "Which records");
    harness.get_by_label(&frigate);
}
