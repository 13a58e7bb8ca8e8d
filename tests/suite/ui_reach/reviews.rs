//! The reviews that come on top of the window before anything changes:
//! the commitments CSV import and the merge of another office's copy,
//! each opened with real files through the app's own commands, at
//! 1024×700 and at 150 % on 1280×800.

use std::io::Write;

use coalition_desk::storage;
use coalition_desk::ui::app::Startup;
use coalition_desk::ui::on_top::OnTop;
use coalition_desk::ui::{Command, CsvPurpose};

use super::{AppHarness, LARGE_TEXT, SMALL, Size, assert_nothing_cut, window, window_on};
use crate::ui_merge::{TRAINING, choose, commitment, conflict_of, copies_in, merge_typed};

/// The 121 commitments of the long-names register written to a CSV by
/// Export commitments, with two rows a spreadsheet broke, read back by
/// Import commitments: the review lists rows to update and rows rejected
/// with their reasons.
/// A folder of the test's own, the same every run: the reviews show the
/// files' paths, and the snapshots must not change with them.
struct Folder(std::path::PathBuf);

impl Folder {
    fn new(review: &str, size: Size) -> Self {
        let path =
            std::env::temp_dir().join(format!("coalition-desk-reach-{review}-{}", size.name));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Folder(path)
    }

    fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn import_review(size: Size) {
    let dir = Folder::new("import", size);
    let (register, _) = crate::ui_layout::long_names();
    let commitments = register.commitments.len();
    let mut harness: AppHarness = window(size, register);
    let csv = dir.path().join("commitments.csv");
    let run = |harness: &mut AppHarness, command| {
        harness.state_mut().command(command);
        harness.run();
    };
    run(
        &mut harness,
        Command::CsvFile(CsvPurpose::ExportCommitments, csv.clone()),
    );
    let mut file = std::fs::OpenOptions::new().append(true).open(&csv).unwrap();
    writeln!(file, "a row cut short by the spreadsheet").unwrap();
    writeln!(file, "another, cut short").unwrap();
    drop(file);
    run(
        &mut harness,
        Command::CsvFile(CsvPurpose::ImportCommitments, csv),
    );
    match harness.state().on_top() {
        Some(OnTop::ImportReview(review)) => {
            assert_eq!(review.preview.accepted.len(), commitments);
            assert_eq!(review.preview.rejected.len(), 2);
        }
        _ => panic!("the import review is not on top"),
    }
    harness.run();
    assert_nothing_cut(&mut harness, size, "import_review");
}

#[test]
fn import_review_at_1024() {
    import_review(SMALL);
}

#[test]
fn import_review_at_150_percent() {
    import_review(LARGE_TEXT);
}

/// London's register open from its file, Paris's copy merged into it
/// with the copy last exchanged kept beside it: two conflicts, two added
/// commitments, and a whole record in conflict (Paris deleted the
/// training mission London noted) being edited as its long value.
fn merge_review(size: Size) {
    let dir = Folder::new("merge", size);
    let copies = copies_in(dir.path(), true);
    let mut london = storage::load(&copies.ours).unwrap().register;
    commitment(&mut london, TRAINING).conditions =
        "Resumes once the partner's instructors are cleared to deploy".into();
    storage::save(&copies.ours, &london, None).unwrap();
    let mut theirs = copies.theirs_register.clone();
    theirs.commitments.remove(&TRAINING);
    storage::save(&copies.theirs, &theirs, None).unwrap();

    let mut harness = window_on(size, Startup::File(copies.ours.clone()));
    merge_typed(&mut harness, &copies.theirs);
    let training = conflict_of(&harness, TRAINING);
    choose(&mut harness, "Edit the value", training);
    assert_nothing_cut(&mut harness, size, "merge_review");
}

#[test]
fn merge_review_at_1024() {
    merge_review(SMALL);
}

#[test]
fn merge_review_at_150_percent() {
    merge_review(LARGE_TEXT);
}
