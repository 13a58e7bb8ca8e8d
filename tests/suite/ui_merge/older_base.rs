//! File > Merge another copy… when the copy kept beside the register as
//! the common copy with Paris is older than the last copy both offices
//! hold: the window says so in the sentence `merge` refuses it with,
//! merges nothing, and offers only the comparison (every difference a
//! decision) or Cancel.

use std::path::{Path, PathBuf};

use coalition_desk::merge;
use coalition_desk::model::{CommitmentId, Register};
use coalition_desk::storage;
use coalition_desk::ui::copies::Exchange;
use coalition_desk::ui::on_top::OnTop;
use egui_kittest::kittest::Queryable;

use super::{MISSILES, merge_typed, ours};
use crate::app_harness::{click, harness_for};

/// London's copy and Paris's copy beside it, both gone on from one
/// merge. Returns London's path, Paris's path, the common copy from
/// before that merge and the merge's result.
fn history(dir: &Path) -> (PathBuf, PathBuf, Register, Register) {
    let base = crate::common::register();
    let mut london = base.clone();
    london.commitments.get_mut(&MISSILES).unwrap().title = "Missiles (London)".into();
    let mut paris = base.clone();
    paris.commitments.get_mut(&CommitmentId(21)).unwrap().title = "Demining (Paris)".into();
    let first = merge::merge(&base, &london, &paris, "LON", "PAR", crate::merge::now()).register;
    assert_eq!(first.merges.len(), 1);
    let mut london2 = first.clone();
    london2.short_name = "CoW".into();
    let mut paris2 = first.clone();
    paris2.commitments.get_mut(&CommitmentId(22)).unwrap().title = "Drones (Paris)".into();
    let ours_path = dir.join("coalition.ron");
    storage::save(&ours_path, &london2, None).unwrap();
    let theirs_path = dir.join("coalition-from-PAR.ron");
    storage::save(&theirs_path, &paris2, None).unwrap();
    (ours_path, theirs_path, base, first)
}

#[test]
fn an_older_kept_copy_is_refused_with_the_same_sentence_and_merges_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (ours_path, theirs_path, base, _) = history(dir.path());
    storage::keep_base(&ours_path, "PAR", &base).unwrap();
    let mut harness = harness_for(&ours_path);
    let before = ours(&harness);
    merge_typed(&mut harness, &theirs_path);

    let theirs = storage::load(&theirs_path).unwrap().register;
    let refusal = merge::check_base(&base, &before, &theirs).unwrap_err();
    harness.get_by_label("The copy kept with PAR is not the last common one");
    // The sentence `merge` refuses it with (merge_base.rs), then what the
    // window offers instead.
    harness.get_by_label(&format!(
        "{refusal}. Nothing was merged: the copies can only be compared, every difference \
         shown as a decision"
    ));
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::Exchange(Exchange::NoBase { older: Some(_), .. }))
    ));
    // Nothing merged, and no way on but the comparison or Cancel.
    assert_eq!(ours(&harness), before);
    assert!(harness.query_by_label("Review the merge…").is_none());
    assert!(harness.query_by_label("Apply merge").is_none());
    harness.get_by_label("Compare the two copies…");
    click(&mut harness, "Cancel");
    assert!(harness.state().on_top().is_none());
    assert_eq!(ours(&harness), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn the_kept_result_of_the_last_merge_merges_as_usual() {
    let dir = tempfile::tempdir().unwrap();
    let (ours_path, theirs_path, _, first) = history(dir.path());
    storage::keep_base(&ours_path, "PAR", &first).unwrap();
    let mut harness = harness_for(&ours_path);
    merge_typed(&mut harness, &theirs_path);
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::Exchange(Exchange::Review(_)))
    ));
    click(&mut harness, "Apply merge");
    let merged = ours(&harness);
    assert_eq!(
        merged.commitments[&CommitmentId(22)].title,
        "Drones (Paris)"
    );
    assert_eq!(merged.short_name, "CoW");
    // The window's merge is marked like the command line's, in one step.
    assert_eq!(merged.merges.len(), 2);
    assert_eq!(merged.merges[0], first.merges[0]);
}

#[test]
fn a_kept_copy_later_than_the_last_common_one_is_refused_and_merges_nothing() {
    // Issue 19, item 11: the copy kept with Paris is Paris's new copy
    // itself (as when the file received was kept in place of the one
    // sent): merged from it, Paris's edit would look like no change.
    use coalition_desk::document::{Document, Origin};
    use coalition_desk::model::SavingSession;
    let dir = tempfile::tempdir().unwrap();
    let when = crate::merge::now();
    let saved = |from: &Register, session: &str, change: &dyn Fn(&mut Register)| {
        let mut document = Document::new(from.clone(), Origin::Untitled);
        let mut wanted = from.clone();
        change(&mut wanted);
        let edit = coalition_desk::edit::replace_register(document.register(), wanted);
        document.apply(edit).unwrap();
        document.mark_next_save(|| SavingSession::new(session.to_string()), when);
        document.register().clone()
    };
    let sent = saved(&crate::common::register(), "1111aaaa2222bbbb", &|r| {
        r.short_name = "CoW".into()
    });
    let london = saved(&sent, "5555eeee6666ffff", &|r| {
        r.commitments.get_mut(&MISSILES).unwrap().title = "Missiles (London)".into()
    });
    let paris = saved(&sent, "3333cccc4444dddd", &|r| {
        r.commitments.get_mut(&CommitmentId(21)).unwrap().title = "Demining (Paris)".into()
    });
    let ours_path = dir.path().join("coalition.ron");
    storage::save(&ours_path, &london, None).unwrap();
    let theirs_path = dir.path().join("coalition-from-PAR.ron");
    storage::save(&theirs_path, &paris, None).unwrap();
    storage::keep_base(&ours_path, "PAR", &paris).unwrap();

    let mut harness = harness_for(&ours_path);
    let before = ours(&harness);
    merge_typed(&mut harness, &theirs_path);
    let refusal = merge::check_saves(&paris, &before, &paris).unwrap_err();
    harness.get_by_label("The copy kept with PAR is not the last common one");
    harness.get_by_label(&format!(
        "{}. Nothing was merged: the copies can only be compared, every difference shown as a \
         decision",
        refusal.sentence("this copy", "PAR's copy")
    ));
    assert!(refusal.sentence("this copy", "PAR's copy").contains(
        "which this copy does not come from, so it was made after the two copies parted"
    ));
    assert!(harness.query_by_label("Apply merge").is_none());
    click(&mut harness, "Cancel");
    assert_eq!(ours(&harness), before);

    // Kept as sent, the same two copies merge as usual.
    storage::keep_base(&ours_path, "PAR", &sent).unwrap();
    merge_typed(&mut harness, &theirs_path);
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::Exchange(Exchange::Review(_)))
    ));
}
