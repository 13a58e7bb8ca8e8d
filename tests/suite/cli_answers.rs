//! The command line answers in one form: an argument it cannot read is
//! one sentence naming the value and how to write it, exit 1 (never
//! clap's usage block and exit 2); `--help` and `--version` still print
//! and exit 0; output that cannot be written ends quietly (a closed pipe)
//! or in one line (a full disk), never a panic; and `export csv` names the
//! marking of what it wrote, as `summary` does.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use coalition_desk::sample::SAMPLE_RON;

fn desk() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coalition-desk"));
    command.env_remove("RUST_LOG").env_remove("RUST_BACKTRACE");
    command
}

fn run(args: &[&str]) -> Output {
    desk().args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn sample_file(dir: &Path) -> PathBuf {
    let path = dir.join("coalition.ron");
    std::fs::write(&path, SAMPLE_RON).unwrap();
    path
}

/// `args` is refused with exactly `sentence` on stderr, nothing on
/// stdout, exit 1.
fn refused_with(args: &[&str], sentence: &str) {
    let output = run(args);
    assert_eq!(
        text(&output.stderr),
        format!("{sentence}\n"),
        "{args:?} says one sentence"
    );
    assert!(output.stdout.is_empty(), "{args:?}");
    assert_eq!(output.status.code(), Some(1), "{args:?}");
}

#[test]
fn a_date_that_is_not_one_is_refused_in_the_window_s_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let file = path.to_str().unwrap();
    refused_with(
        &["approve", file, "--meeting", "11", "--on", "2026-02-30"],
        "2026-02-30 is not a date: February 2026 has 28 days.",
    );
    refused_with(
        &["approve", file, "--meeting", "11", "--on", "yesterday"],
        "yesterday is not a date: type it as 2025-04-10, 10/04/2025 or 10 Apr 2025.",
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_RON);
    // Typed as the window takes it, the date reads: the refusal is then
    // the rules' (the record was never circulated), not the argument's.
    let output = run(&["approve", file, "--meeting", "11", "--on", "8 May 2025"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("by written procedure a record is approved only once"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn an_argument_clap_refuses_is_one_sentence_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let file = path.to_str().unwrap();
    refused_with(
        &[
            "summary",
            file,
            "--meeting",
            "11",
            "-o",
            "x.pdf",
            "--paper",
            "a3",
        ],
        "a3 is not a value of --paper: write a4 or letter.",
    );
    refused_with(
        &["approve", file],
        "coalition-desk approve needs --meeting <MEETING> and --on <ON>: write \
         coalition-desk approve --meeting <MEETING> --on <ON> <FILE>.",
    );
    refused_with(
        &["export"],
        "coalition-desk export needs a command: write one of ics, csv.",
    );
    refused_with(
        &["generate", "--meetings", "many", "-o", "x.ron"],
        "many is not a whole number: type a whole number from 0 to 9223372036854775807.",
    );
    refused_with(
        &["check", file, "--verbose"],
        "--verbose is not an option of coalition-desk check: see coalition-desk check --help.",
    );
    let output = run(&["sample", "--forse", "-o", "x.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr).lines().count(),
        1,
        "{}",
        text(&output.stderr)
    );
    assert!(
        text(&output.stderr).contains("--force"),
        "the likely option is named"
    );
}

#[test]
fn help_and_version_still_print_and_exit_0() {
    let help = run(&["approve", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("Usage: coalition-desk approve"));
    assert!(text(&help.stdout).contains("written procedure"));
    let version = run(&["--version"]);
    assert_eq!(version.status.code(), Some(0));
    assert_eq!(
        text(&version.stdout).trim_end(),
        format!("coalition-desk {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_full_output_ends_in_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("Linux has /dev/full");
    let output = desk()
        .arg("check")
        .arg(&path)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(
        text(&output.stderr),
        "The output could not be written (No space left on device): nothing more was printed.\n"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_closed_output_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    // The reading end is closed before the program starts, so its first
    // line meets a broken pipe, as `check r.ron | head -0` would.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = desk()
        .arg("check")
        .arg(&path)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(text(&output.stderr), "", "nothing said, no panic");
    // The check itself passed: the reader chose to stop reading.
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn export_csv_names_the_highest_marking_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample_file(dir.path());
    let csv = dir.path().join("commitments.csv");
    let output = run(&[
        "export",
        "csv",
        path.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!(
            "Wrote 3 commitments (OFFICIAL-SENSITIVE) to {}\n",
            csv.display()
        )
    );
}
