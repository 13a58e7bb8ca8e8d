//! The ways round the review: no kept copy (the two-way comparison), a
//! copy that cannot be read, sending a copy, and settling the conflicts a
//! merge left in the file.

use coalition_desk::merge;
use coalition_desk::model::Record;
use coalition_desk::storage;
use coalition_desk::ui::command::Command;
use coalition_desk::ui::copies::Exchange;
use coalition_desk::ui::on_top::OnTop;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use super::{
    DEMINING, FRIGATE, MISSILES, RADARS, choose, conflict_of, copies, merge_typed, notice, open,
    ours, review, run, type_into,
};
use crate::app_harness::{click, harness_for};
use crate::common::date;

#[test]
fn with_no_kept_copy_the_officer_is_told_and_offered_the_comparison() {
    let copies = copies(false);
    let mut harness = open(&copies);
    let before = ours(&harness);
    merge_typed(&mut harness, &copies.theirs);

    harness.get_by_label(
        "No copy exchanged with PAR is kept beside this register, so changes cannot be told \
         from deletions; every difference will be shown as a decision",
    );
    assert_eq!(ours(&harness), before);
    click(&mut harness, "Compare the two copies…");

    harness.get_by_label("Merge PAR's copy");
    let compared = &review(&harness).merged;
    let differences = compared.register.conflicts.len();
    // The two due dates and the title, and the two commitments only
    // Paris has: nothing is taken without a decision.
    assert_eq!(differences, 5, "{:?}", compared.register.conflicts);
    assert!(compared.register.conflicts.iter().all(|c| c.compared));
    // Ours as it was, beside the differences (the next number moves past
    // Paris's, so neither office hands out one the other has used).
    // It is marked as a merge of the two copies, as every merge that
    // makes a copy neither had is (merge_base.rs).
    assert_eq!(compared.register.merges.len(), 1);
    assert_eq!(compared.register, {
        let mut unchanged = before.clone();
        unchanged.conflicts = compared.register.conflicts.clone();
        unchanged.merges = compared.register.merges.clone();
        unchanged.next_id = 42;
        unchanged
    });
    // Neither copy is said to have deleted what the other has.
    assert_eq!(harness.get_all_by_label("Not in LON's copy").count(), 2);
    assert!(harness.query_by_label("Deleted in LON's copy").is_none());

    let frigate = conflict_of(&harness, FRIGATE);
    choose(&mut harness, "Take PAR's", frigate);
    click(&mut harness, "Apply merge");
    let merged = ours(&harness);
    assert_eq!(merged.commitments[&FRIGATE].title, "Frigate escort");
    assert!(!merged.commitments.contains_key(&RADARS));
    // Left undecided, every other difference stays a conflict.
    assert_eq!(merged.conflicts.len(), differences - 1);
    let said = notice(&harness);
    assert!(said.contains("; 4 conflicts left to resolve."), "{said}");
}

#[test]
fn with_no_kept_copy_cancel_changes_nothing() {
    let copies = copies(false);
    let mut harness = open(&copies);
    let before = ours(&harness);
    merge_typed(&mut harness, &copies.theirs);
    harness.get_by_label(
        "No copy exchanged with PAR is kept beside this register, so changes cannot be told \
         from deletions; every difference will be shown as a decision",
    );
    click(&mut harness, "Cancel");
    assert!(harness.state().on_top().is_none());
    assert_eq!(ours(&harness), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_copy_that_cannot_be_read_says_why_and_changes_nothing() {
    let copies = copies(true);
    std::fs::write(&copies.theirs, "(format: \"coalition-desk\", broken").unwrap();
    let mut harness = open(&copies);
    let before = ours(&harness);
    harness.state_mut().command(Command::MergeCopy);
    harness.run();
    type_into(
        &mut harness,
        "No file dialog is available on this system. Type the full path of the other office's \
         copy of the register (.ron):",
        &copies.theirs.display().to_string(),
    );
    click(&mut harness, "Read the copy");

    harness.get_by_label("The copy was not merged");
    let said = notice(&harness);
    assert!(
        said.ends_with(&copies.theirs.display().to_string()),
        "the path comes last: {said}"
    );
    assert_eq!(ours(&harness), before);
}

/// Issue 19, item 10: another coalition's register is not merged in.
#[test]
fn a_copy_of_another_register_is_refused_and_changes_nothing() {
    let copies = copies(true);
    let mut london = storage::load(&copies.ours).unwrap().register;
    london.identity = "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73".into();
    storage::save(&copies.ours, &london, None).unwrap();
    let foreign = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 2,
        commitments: 3,
        seed: 3,
    });
    storage::save(&copies.theirs, &foreign, None).unwrap();
    let mut harness = open(&copies);
    let before = ours(&harness);
    harness.state_mut().command(Command::MergeCopy);
    harness.run();
    type_into(
        &mut harness,
        "No file dialog is available on this system. Type the full path of the other office's \
         copy of the register (.ron):",
        &copies.theirs.display().to_string(),
    );
    click(&mut harness, "Read the copy");

    harness.get_by_label("The copy was not merged");
    let said = notice(&harness);
    assert!(said.contains("is a copy of another register"), "{said}");
    assert!(said.contains(&foreign.name), "{said}");
    assert!(
        !matches!(harness.state().on_top(), Some(OnTop::Exchange(_))),
        "no merge offered"
    );
    assert_eq!(ours(&harness), before);
}

/// The same with the identity line removed from the other register's
/// file: the copy kept from the last exchange carries this register's
/// identity, which every copy of it keeps, so one without is refused.
#[test]
fn a_copy_whose_identity_was_removed_is_refused_when_the_kept_copy_has_one() {
    let copies = copies(true);
    let identity = "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73";
    let mut london = storage::load(&copies.ours).unwrap().register;
    london.identity = identity.into();
    storage::save(&copies.ours, &london, None).unwrap();
    let mut base = copies.base.clone();
    base.identity = identity.into();
    storage::keep_base(&copies.ours, "PAR", &base).unwrap();
    let mut foreign =
        coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
            meetings: 2,
            commitments: 3,
            seed: 3,
        });
    foreign.identity.clear();
    storage::save(&copies.theirs, &foreign, None).unwrap();
    let mut harness = open(&copies);
    let before = ours(&harness);
    merge_typed(&mut harness, &copies.theirs);

    harness.get_by_label("The copy was not merged");
    let said = notice(&harness);
    assert!(
        said.contains("carries no identity, while the copy last exchanged with PAR carries"),
        "{said}"
    );
    assert!(
        !matches!(harness.state().on_top(), Some(OnTop::Exchange(_))),
        "no merge offered"
    );
    assert_eq!(ours(&harness), before);
}

#[test]
fn office_codes_are_letters_or_digits() {
    let copies = copies(true);
    let mut harness = open(&copies);
    harness.state_mut().command(Command::MergeCopy);
    harness.run();
    type_into(
        &mut harness,
        "No file dialog is available on this system. Type the full path of the other office's \
         copy of the register (.ron):",
        &copies.theirs.display().to_string(),
    );
    click(&mut harness, "Read the copy");
    // Paris is offered: a copy was exchanged with it.
    let partner = harness.get_by_role_and_label(Role::TextInput, "The copy read is from");
    assert_eq!(partner.value().as_deref(), Some("PAR"));
    type_into(&mut harness, "This copy is kept by", "L");
    click(&mut harness, "Review the merge…");
    harness.get_by_label(
        "“L” cannot be this copy's office code: a code is 2 to 5 letters or digits, starting \
         with a letter, such as LON or PAR",
    );
    type_into(&mut harness, "This copy is kept by", "par");
    click(&mut harness, "Review the merge…");
    harness.get_by_label(
        "This copy and the copy read cannot both be PAR's: give the partner office's own code",
    );
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::Exchange(Exchange::Offices { .. }))
    ));
}

#[test]
fn sending_a_copy_writes_it_and_keeps_it_for_the_next_merge() {
    let copies = copies(false);
    let mut harness = open(&copies);
    run(&mut harness, Command::SendCopy);
    harness.get_by_label("Send a copy to a partner office");
    type_into(&mut harness, "Partner office", "x");
    click(&mut harness, "Choose where to write…");
    harness.get_by_label(
        "“x” cannot be the partner's office code: a code is 2 to 5 letters or digits, starting \
         with a letter, such as LON or PAR",
    );
    click(&mut harness, "Cancel");

    // Unsaved changes are saved first: the copy kept is the file's.
    run(&mut harness, Command::NewParticipant);
    assert!(harness.state().document().is_dirty());
    let to = copies.folder.join("for-paris.ron");
    run(
        &mut harness,
        Command::SendCopyTo {
            partner: "PAR".into(),
            path: to.clone(),
        },
    );
    assert!(!harness.state().document().is_dirty());
    let register = ours(&harness);
    assert_eq!(storage::load(&copies.ours).unwrap().register, register);
    assert_eq!(storage::load(&to).unwrap().register, register);
    assert_eq!(
        storage::read_kept_base(&copies.ours, "PAR").unwrap(),
        Some(register)
    );
    assert_eq!(
        storage::partner_offices(&copies.ours),
        vec!["PAR".to_string()]
    );
    let said = notice(&harness);
    assert!(
        said.starts_with("Saved the register. Wrote a copy for PAR"),
        "{said}"
    );
    assert!(said.ends_with(&to.display().to_string()), "{said}");
}

#[test]
fn resolve_conflicts_settles_the_conflicts_a_merge_wrote_in_one_undo_step() {
    let copies = copies(true);
    let written = merge::merge(
        &copies.base,
        &storage::load(&copies.ours).unwrap().register,
        &copies.theirs_register,
        "LON",
        "PAR",
        date(2026, 11, 20).and_hms_opt(9, 30, 0).unwrap(),
    );
    assert_eq!(written.register.conflicts.len(), 2);
    let path = copies.folder.join("merged.ron");
    storage::save(&path, &written.register, None).unwrap();
    let mut harness = harness_for(&path);
    let before = ours(&harness);

    // Applied with every conflict left for later, nothing changes.
    run(&mut harness, Command::ResolveConflicts);
    click(&mut harness, "Apply decisions");
    assert_eq!(ours(&harness), before);
    assert!(!harness.state().document().is_dirty());
    assert_eq!(
        notice(&harness),
        "No conflict settled; 2 conflicts left to resolve"
    );

    // From the problems list, as the officer would find them.
    click(&mut harness, "2 problems");
    click(&mut harness, "Resolve conflicts…");
    harness.get_by_label("Resolve conflicts");
    assert!(harness.query_by_label("Added").is_none(), "no summary");
    harness
        .get_all_by_label("merged 2026-11-20 09:30")
        .next()
        .unwrap();
    let demining = conflict_of(&harness, DEMINING);
    choose(&mut harness, "Take PAR's", demining);
    click(&mut harness, "Apply decisions");

    let settled = ours(&harness);
    assert_eq!(
        settled.commitments[&DEMINING].title,
        "Demining teams for Kharkiv"
    );
    assert_eq!(settled.conflicts.len(), 1);
    assert_eq!(
        settled.conflicts[0].record,
        Some(Record::Commitment(MISSILES))
    );
    assert_eq!(
        notice(&harness),
        "Settled 1 conflict; 1 conflict left to resolve"
    );

    run(&mut harness, Command::Undo);
    assert_eq!(ours(&harness), before);
}

#[test]
fn resolve_conflicts_is_offered_only_when_there_are_some() {
    let copies = copies(true);
    let mut harness = open(&copies);
    click(&mut harness, "File");
    assert!(
        harness
            .get_by_label("Resolve conflicts…")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label("Send a copy…");
    harness.get_by_label("Merge another copy…");
    run(&mut harness, Command::ResolveConflicts);
    assert_eq!(notice(&harness), "The register has no conflicts to resolve");
}

#[test]
fn many_conflicts_are_shown_forty_at_a_time_and_decided_on_any_page() {
    let copies = copies(true);
    let mut base = copies.base.clone();
    let template = base.commitments[&MISSILES].clone();
    for n in 100..145 {
        base.commitments
            .insert(coalition_desk::model::CommitmentId(n), template.clone());
    }
    base.next_id = 200;
    let mut london = base.clone();
    let mut paris = base.clone();
    for n in 100..145 {
        let id = coalition_desk::model::CommitmentId(n);
        london.commitments.get_mut(&id).unwrap().title = format!("London {n}");
        paris.commitments.get_mut(&id).unwrap().title = format!("Paris {n}");
    }
    let now = date(2026, 11, 20).and_hms_opt(9, 30, 0).unwrap();
    let written = merge::merge(&base, &london, &paris, "LON", "PAR", now);
    assert_eq!(written.register.conflicts.len(), 45);
    let path = copies.folder.join("merged.ron");
    storage::save(&path, &written.register, None).unwrap();
    let mut harness = harness_for(&path);

    run(&mut harness, Command::ResolveConflicts);
    harness.get_by_label("Conflicts 1–40 of 45");
    assert_eq!(harness.get_all_by_label("Take PAR's").count(), 40);
    click(&mut harness, "Next");
    harness.get_by_label("Conflicts 41–45 of 45");
    assert_eq!(harness.get_all_by_label("Take PAR's").count(), 5);
    // The first on this page is the 41st conflict.
    let forty_first = written.register.conflicts[40].record;
    choose(&mut harness, "Take PAR's", 0);
    click(&mut harness, "Apply decisions");

    let settled = ours(&harness);
    assert_eq!(settled.conflicts.len(), 44);
    let Some(Record::Commitment(id)) = forty_first else {
        panic!("{forty_first:?}")
    };
    assert_eq!(settled.commitments[&id].title, format!("Paris {}", id.0));
}
