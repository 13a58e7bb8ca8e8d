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
