//! The printing sub-commands run as the officer would run them: a real
//! binary, a real register file, a real PDF.

use std::path::Path;
use std::process::{Command, Output};

fn desk(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn sample_in(dir: &Path) {
    assert!(
        desk(&["sample", "-o", "register.ron"], dir)
            .status
            .success()
    );
}

fn is_pdf(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| bytes.starts_with(b"%PDF-") && bytes.len() > 1000)
}

#[test]
fn summary_by_date_writes_a_pdf() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let output = desk(
        &[
            "summary",
            "register.ron",
            "--meeting",
            "2025-04-10",
            "-o",
            "summary.pdf",
            "--paper",
            "letter",
        ],
        dir.path(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(is_pdf(&dir.path().join("summary.pdf")));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("OFFICIAL-SENSITIVE"),
        "the marking is named: {said}"
    );
}

#[test]
fn an_unknown_meeting_is_refused_with_close_matches_and_no_file() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let output = desk(
        &[
            "summary",
            "register.ron",
            "--meeting",
            "2025-04-11",
            "-o",
            "summary.pdf",
        ],
        dir.path(),
    );
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("2025-04-10"),
        "the close match is listed: {said}"
    );
    assert!(!dir.path().join("summary.pdf").exists());
}

#[test]
fn attendance_by_series_name_writes_a_pdf_and_an_unknown_series_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let output = desk(
        &[
            "attendance",
            "register.ron",
            "--series",
            "Defence ministers",
            "-o",
            "attendance.pdf",
        ],
        dir.path(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(is_pdf(&dir.path().join("attendance.pdf")));

    let output = desk(
        &[
            "attendance",
            "register.ron",
            "--series",
            "Defence minsters",
            "-o",
            "other.pdf",
        ],
        dir.path(),
    );
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("Defence ministers"),
        "the close match is listed: {said}"
    );
    assert!(!dir.path().join("other.pdf").exists());
}

#[test]
fn a_summary_whose_marking_cannot_be_worked_out_is_refused_with_no_file() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    // The officer's typo: a level the register does not have.
    let path = dir.path().join("register.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let typo = text.replacen(
        "marking: \"OFFICIAL-SENSITIVE\"",
        "marking: \"OFFICIAL-SENSITVE\"",
        1,
    );
    assert_ne!(text, typo, "the sample has an OFFICIAL-SENSITIVE record");
    std::fs::write(&path, typo).unwrap();
    let output = desk(
        &[
            "summary",
            "register.ron",
            "--meeting",
            "2025-04-10",
            "-o",
            "summary.pdf",
        ],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("cannot be printed"), "{said}");
    assert!(said.contains("\u{201c}OFFICIAL-SENSITVE\u{201d}"), "{said}");
    assert!(!dir.path().join("summary.pdf").exists());
}

#[test]
fn summary_edition_leaves_out_what_is_marked_higher_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let output = desk(
        &[
            "summary",
            "register.ron",
            "--meeting",
            "2025-04-10",
            "-o",
            "official.pdf",
            "--edition",
            "official",
        ],
        dir.path(),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("(OFFICIAL) to"), "the page marking: {said}");
    assert!(
        said.contains("It is the OFFICIAL edition. 1 item is omitted from this edition."),
        "{said}"
    );
    let pages = crate::report_pdf::pages(&std::fs::read(dir.path().join("official.pdf")).unwrap());
    assert!(
        pages
            .iter()
            .all(|page| !page.contains("OFFICIAL-SENSITIVE"))
    );
}

#[test]
fn summary_edition_at_an_unknown_level_is_refused_naming_the_levels() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    let output = desk(
        &[
            "summary",
            "register.ron",
            "--meeting",
            "2025-04-10",
            "-o",
            "public.pdf",
            "--edition",
            "PUBLIC",
        ],
        dir.path(),
    );
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(
            "\u{201c}PUBLIC\u{201d} is not one of the register's marking levels (OFFICIAL, \
             OFFICIAL-SENSITIVE, SECRET), so there is no edition releasable at it"
        ),
        "{said}"
    );
    assert!(!dir.path().join("public.pdf").exists());
}

/// The lines `summary` prints after the PDF: what it wrote, then the
/// record's standing, one `Label: value` line each.
fn summary_said(dir: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec![
        "summary",
        "register.ron",
        "--meeting",
        "2025-04-10",
        "-o",
        "summary.pdf",
    ];
    args.extend_from_slice(extra);
    let output = desk(&args, dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(is_pdf(&dir.join("summary.pdf")));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .skip(1)
        .map(str::to_string)
        .collect()
}

#[test]
fn summary_of_a_draft_says_it_is_a_draft_with_its_reference_and_no_revision() {
    let dir = tempfile::tempdir().unwrap();
    sample_in(dir.path());
    assert_eq!(
        summary_said(dir.path(), &["--change-log"]),
        [
            "Record: Draft",
            "Reference: CoW/DM/2025/04-10",
            "Revision: none, the record's first issue",
            "No change log annex: the record has not been revised.",
        ]
    );
}

/// The sample's record approved, revised to correct its location, and
/// approved again, saved where `summary` reads it.
fn approved_revised_register(dir: &Path) {
    use coalition_desk::document::{Document, Origin};
    use coalition_desk::edit::{self, Edit};
    use coalition_desk::model::{MeetingId, MinutesMove};

    let meeting = MeetingId(11);
    let mut document = Document::new(
        coalition_desk::sample::register().unwrap(),
        Origin::Untitled,
    );
    let make = |document: &mut Document, step, on| {
        let today = crate::common::date(2025, 7, 1);
        let edit = edit::move_minutes(document.register(), meeting, step, on, today).unwrap();
        document.apply(edit).unwrap();
    };
    // No later session in the sample: circulated, then approved by
    // written procedure when comments were due.
    let circulate = |comments_due| MinutesMove::Circulate {
        to: vec![coalition_desk::model::ParticipantId(1)],
        comments_due,
    };
    let approve = || MinutesMove::Approve {
        at: None,
        by: "The defence ministers".into(),
    };
    let day = |m, d| crate::common::date(2025, m, d);
    make(&mut document, circulate(day(5, 8)), day(5, 1));
    make(&mut document, approve(), day(5, 8));
    let revise = MinutesMove::Revise {
        reason: "The location was wrong".into(),
    };
    make(&mut document, revise, crate::common::date(2025, 6, 2));
    let mut corrected = document.register().meeting(meeting).unwrap().clone();
    corrected.location = "Lancaster House, London".into();
    document
        .apply(Edit::Meeting(meeting, Some(corrected)))
        .unwrap();
    make(&mut document, circulate(day(6, 12)), day(6, 5));
    make(&mut document, approve(), day(6, 12));
    coalition_desk::storage::save(&dir.join("register.ron"), document.register(), None).unwrap();
}

#[test]
fn summary_of_an_approved_revised_record_says_when_it_was_approved_and_which_revision() {
    let dir = tempfile::tempdir().unwrap();
    approved_revised_register(dir.path());
    assert_eq!(
        summary_said(dir.path(), &["--change-log", "--edition", "OFFICIAL"]),
        [
            "Record: Approved on 12 June 2025 by The defence ministers, by written procedure \
             · REV 1",
            "Reference: CoW/DM/2025/04-10 REV 1",
            "Revision: REV 1, opened 2025-06-02: The location was wrong",
            "It is the OFFICIAL edition. 1 item is omitted from this edition.",
            "With the change log annex: 1 changed field.",
        ]
    );
    let pages = crate::report_pdf::pages(&std::fs::read(dir.path().join("summary.pdf")).unwrap());
    let all = pages.concat();
    assert!(all.contains(&crate::report_pdf::squash("Annex: change log")));
    assert!(!all.contains("DRAFT"));

    // Without --change-log the same record prints no annex and says nothing of one.
    let said = summary_said(dir.path(), &[]);
    assert_eq!(said.len(), 3, "{said:?}");
    let pages = crate::report_pdf::pages(&std::fs::read(dir.path().join("summary.pdf")).unwrap());
    assert!(
        !pages
            .concat()
            .contains(&crate::report_pdf::squash("Annex: change log"))
    );
}
