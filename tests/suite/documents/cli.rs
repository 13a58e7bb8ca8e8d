//! `pack`, `since` and `sheet` run as the real binary: they write their
//! PDFs (and the CSV), and an unknown meeting or participant names the
//! close matches, exits 1 and writes nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::storage;

use super::fixture::register;
use crate::report_pdf::{pages, squash};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs")
}

fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn saved(dir: &Path) -> PathBuf {
    let path = dir.join("register.ron");
    storage::save(&path, &register(), None).unwrap();
    path
}

fn text(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn pack_writes_the_pack_of_the_meeting_named_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path());
    let out = dir.path().join("pack.pdf");
    let output = run(&[
        "pack",
        text(&file),
        "--meeting",
        "2026-06-04",
        "-o",
        text(&out),
    ]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(
        said(&output).contains("CoW/DM/2026/05/PACK"),
        "{}",
        said(&output)
    );
    let pages = pages(&std::fs::read(&out).unwrap());
    assert!(pages.concat().contains(&squash("Annotated agenda")));
    // The edition, as typed in any case.
    let out = dir.path().join("pack-official.pdf");
    let output = run(&[
        "pack",
        text(&file),
        "--meeting",
        "11",
        "--edition",
        "official",
        "-o",
        text(&out),
    ]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(
        said(&output).contains("OFFICIAL edition"),
        "{}",
        said(&output)
    );
}

#[test]
fn since_writes_the_report_and_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path());
    let pdf = dir.path().join("since.pdf");
    let csv = dir.path().join("since.csv");
    let output = run(&[
        "since",
        text(&file),
        "--meeting",
        "11",
        "-o",
        text(&pdf),
        "--csv",
        text(&csv),
    ]);
    assert!(output.status.success(), "{}", said(&output));
    let pages = pages(&std::fs::read(&pdf).unwrap());
    assert!(pages.concat().contains(&squash("Deliveries and payments")));
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert!(
        rows.contains("Delivery,2026-05-28,GBR,Air defence missiles"),
        "{rows}"
    );
    // Neither asked for: refused by clap, nothing written.
    let output = run(&["since", text(&file), "--meeting", "11"]);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
}

#[test]
fn sheet_writes_one_all_in_one_or_one_file_per_participant() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path());
    let one = dir.path().join("gbr.pdf");
    let output = run(&[
        "sheet",
        text(&file),
        "--participant",
        "gbr",
        "-o",
        text(&one),
    ]);
    assert!(output.status.success(), "{}", said(&output));
    assert!(
        said(&output).contains("CoW/NS/2026/GBR"),
        "{}",
        said(&output)
    );

    let all = dir.path().join("all.pdf");
    let output = run(&["sheet", text(&file), "--all", "-o", text(&all)]);
    assert!(output.status.success(), "{}", said(&output));
    let pages = pages(&std::fs::read(&all).unwrap());
    assert!(pages.len() >= 3, "one page at least per participant");

    let folder = dir.path().join("sheets");
    let output = run(&["sheet", text(&file), "--all", "-o", text(&folder)]);
    assert!(output.status.success(), "{}", said(&output));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["FRA.pdf", "GBR.pdf", "NATO.pdf"]);
}

#[test]
fn an_unknown_participant_or_meeting_names_close_matches_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path());
    let out = dir.path().join("out.pdf");
    let output = run(&[
        "sheet",
        text(&file),
        "--participant",
        "GBX",
        "-o",
        text(&out),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let message = said(&output);
    assert!(
        message.contains("There is no participant with the code \"GBX\""),
        "{message}"
    );
    assert!(message.contains("close matches"), "{message}");
    assert!(message.contains("GBR — United Kingdom"), "{message}");
    assert!(!out.exists());

    for command in ["pack", "since"] {
        let output = run(&[
            command,
            text(&file),
            "--meeting",
            "2026-06-05",
            "-o",
            text(&out),
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", said(&output));
        let message = said(&output);
        assert!(
            message.contains("There is no meeting on 2026-06-05"),
            "{message}"
        );
        assert!(message.contains("close matches"), "{message}");
        assert!(!out.exists());
    }
}

#[test]
fn a_paper_size_that_is_not_one_is_refused_in_a_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let file = saved(dir.path());
    let out = dir.path().join("out.pdf");
    let output = run(&[
        "sheet",
        text(&file),
        "--participant",
        "GBR",
        "--paper",
        "a5",
        "-o",
        text(&out),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let message = said(&output);
    assert!(
        message.contains("\"a5\" is not a paper size: write a4 or letter"),
        "{message}"
    );
    assert!(!out.exists());
}
