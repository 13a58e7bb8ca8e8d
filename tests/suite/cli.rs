//! The command line, run as the real binary in temporary folders: `sample`
//! writes the bundled register, `check` validates a file and reports every
//! problem with the file's path, and neither ever touches a file it reads.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::sample::SAMPLE_RON;

fn desk(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs")
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    desk(&args)
}

fn check(path: &Path) -> Output {
    desk(&["check".as_ref(), path.as_os_str()])
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Everything the program said, for messages that may go to either stream.
fn said(output: &Output) -> String {
    format!("{}{}", stdout(output), stderr(output))
}

fn write_sample(dir: &Path) -> PathBuf {
    let path = dir.join("register.ron");
    let output = desk(&["sample".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert!(output.status.success(), "{}", said(&output));
    path
}

#[test]
fn sample_writes_a_file_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_sample(dir.path());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_RON);

    let output = check(&path);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one line of counts: {out}");
    assert_eq!(
        lines[0],
        format!(
            "{}: 6 participants, 2 people, 2 series, 1 meeting, 3 commitments",
            path.display()
        )
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        SAMPLE_RON,
        "check never writes"
    );
}

#[test]
fn sample_refuses_to_replace_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.ron");
    std::fs::write(&path, "the officer's own work").unwrap();

    let output = desk(&["sample".as_ref(), "-o".as_ref(), path.as_os_str()]);
    assert!(!output.status.success());
    assert!(said(&output).contains("--force"), "{}", said(&output));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "the officer's own work",
        "the file is left alone"
    );

    let output = desk(&[
        "sample".as_ref(),
        "--output".as_ref(),
        path.as_os_str(),
        "--force".as_ref(),
    ]);
    assert!(output.status.success(), "{}", said(&output));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_RON);
}

#[test]
fn check_lists_every_problem_with_the_path_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("problems.ron");
    // France takes the United Kingdom's code, and John Healey speaks for a
    // participant that does not exist.
    let text = SAMPLE_RON
        .replacen("code: \"FRA\"", "code: \"GBR\"", 1)
        .replacen(
            "participant: 1,\n\t\t\t\t\t\tfrom: Some(\"2024-07-05\")",
            "participant: 99,\n\t\t\t\t\t\tfrom: Some(\"2024-07-05\")",
            1,
        );
    assert_ne!(text, SAMPLE_RON);
    assert!(text.contains("participant: 99"), "the edit took");
    std::fs::write(&path, &text).unwrap();

    let output = check(&path);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let out = stdout(&output);
    let prefix = format!("{}: ", path.display());
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() >= 3, "two problems and a total: {out}");
    for line in &lines {
        assert!(line.starts_with(&prefix), "{line:?} starts with the path");
    }
    assert!(
        lines
            .iter()
            .any(|l| l.contains("GBR") && l.contains("more than one participant")),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("John Healey MP") && l.contains("not in the register")),
        "{out}"
    );
    let problems = lines.len() - 1;
    assert_eq!(
        lines.last().unwrap(),
        &format!("{prefix}{problems} problems"),
        "the last line counts them"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "unchanged");
}

#[test]
fn check_names_a_broken_rule_in_the_officers_words_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.ron");
    let text = crate::check_rules::VALID.replacen("currency: \"GBP\"", "currency: \"XYZ\"", 1);
    assert_ne!(text, crate::check_rules::VALID);
    std::fs::write(&path, &text).unwrap();

    let output = check(&path);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let prefix = path.display();
    assert_eq!(
        stdout(&output),
        format!(
            "{prefix}: The commitment “Training instructors” of United Kingdom has currency \"XYZ\", \
             which is not an ISO 4217 code: use a three-letter ISO 4217 code such as EUR, GBP or USD\n\
             {prefix}: 1 problem\n"
        )
    );
}

#[test]
fn check_judges_what_cannot_have_happened_yet_by_the_real_date() {
    let dir = tempfile::tempdir().unwrap();
    let valid = dir.path().join("valid.ron");
    std::fs::write(&valid, crate::check_rules::VALID).unwrap();
    let output = check(&valid);
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));

    // Held in 2099 is after today whatever day the test runs on.
    let held_later = dir.path().join("held-later.ron");
    let text = crate::check_rules::VALID
        .replacen("date: \"2025-06-12\"", "date: \"2099-06-12\"", 1)
        .replacen("state: Planned,", "state: Held,", 1);
    std::fs::write(&held_later, &text).unwrap();
    let output = check(&held_later);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert!(
        stdout(&output).contains(
            "The meeting “Defence ministers (June)” (2099-06-12) is marked Held but its date 2099-06-12 is after today"
        ),
        "{}",
        said(&output)
    );
}

/// `FILE:LINE:COL: message`, with line and column from 1.
fn position(line: &str, path: &Path) -> (usize, usize, String) {
    let rest = line
        .strip_prefix(&format!("{}:", path.display()))
        .unwrap_or_else(|| panic!("{line:?} starts with the path"));
    let mut parts = rest.splitn(3, ':');
    let row: usize = parts.next().unwrap().parse().expect("a line number");
    let col: usize = parts.next().unwrap().parse().expect("a column number");
    let message = parts.next().expect("a message").trim().to_string();
    assert!(row > 0 && col > 0, "{line}");
    assert!(!message.is_empty(), "{line}");
    (row, col, message)
}

#[test]
fn check_on_a_truncated_file_points_at_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("truncated.ron");
    let cut = SAMPLE_RON.find("people: {").unwrap();
    let text = &SAMPLE_RON[..cut];
    std::fs::write(&path, text).unwrap();

    let output = check(&path);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let out = stdout(&output);
    let first = out.lines().next().expect("a message");
    let (row, _col, message) = position(first, &path);
    assert!(
        row >= text.lines().count() - 1,
        "the cut is at the end ({row}): {first}"
    );
    assert!(message.contains("cut short"), "{first}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "unchanged");
}

#[test]
fn check_on_a_garbled_file_points_at_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbled.ron");
    let text = SAMPLE_RON.replacen("kind: Organisation,", "kind: Organisation,,", 1);
    let garbled_line = 1 + text[..text.find(",,").unwrap()].matches('\n').count();
    std::fs::write(&path, &text).unwrap();

    let output = check(&path);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let out = stdout(&output);
    let first = out.lines().next().expect("a message");
    let (row, _col, _message) = position(first, &path);
    assert_eq!(row, garbled_line, "{first}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "unchanged");
}

#[test]
fn check_on_a_missing_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    let output = check(&path);
    assert_eq!(output.status.code(), Some(1));
    let said = said(&output);
    assert!(said.contains(&path.display().to_string()), "{said}");
    assert!(said.contains("could not be opened"), "{said}");
    assert!(!path.exists(), "check does not create the file");
}

#[test]
fn check_on_a_newer_version_says_so() {
    let dir = tempfile::tempdir().unwrap();

    // A newer file in a shape this version cannot read.
    let unreadable = dir.path().join("unreadable.ron");
    let text = "CoalitionRegister(format: \"coalition-desk\", version: 99, register: Future(()))\n";
    std::fs::write(&unreadable, text).unwrap();
    let output = check(&unreadable);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    assert!(said(&output).contains("newer version"), "{}", said(&output));
    assert_eq!(std::fs::read_to_string(&unreadable).unwrap(), text);

    // A newer file this version can still read must not pass silently.
    let readable = dir.path().join("readable.ron");
    let text = SAMPLE_RON.replacen("version: 7,", "version: 99,", 1);
    std::fs::write(&readable, &text).unwrap();
    let output = check(&readable);
    assert_eq!(output.status.code(), Some(1), "{}", said(&output));
    let out = stdout(&output);
    assert!(
        out.contains("6 participants"),
        "the counts still show: {out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with(&format!("{}: ", readable.display()))
                && l.contains("newer version")
                && l.contains("format 99")),
        "{out}"
    );
    assert_eq!(std::fs::read_to_string(&readable).unwrap(), text);
}

#[test]
fn help_lists_the_sub_commands() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("check")),
        "{out}"
    );
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("sample")),
        "{out}"
    );
    let output = run(&["sample", "--help"]);
    assert!(stdout(&output).contains("--force"));
}

#[test]
fn export_csv_writes_every_commitment_with_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let register = dir.path().join("register.ron");
    let csv = dir.path().join("commitments.csv");
    let sample = run(&["sample", "-o", register.to_str().unwrap()]);
    assert!(sample.status.success(), "{}", said(&sample));
    let export = run(&[
        "export",
        "csv",
        register.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(export.status.success(), "{}", said(&export));
    assert!(stdout(&export).contains("Wrote 3 commitments"));
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes).unwrap();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(text.contains("EU-COM,European Commission"));
}
