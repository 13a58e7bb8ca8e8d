//! One error, one line: every sub-command that reads a register shows a
//! storage error the same way, `FILE:LINE:COL: sentence` where the error
//! has a place in the file and the sentence with the path last where not.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage;

fn desk(args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(args)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs")
}

/// What each sub-command that reads `file` says about it, by name.
fn said_by_each(file: &Path, dir: &Path) -> Vec<(&'static str, Output)> {
    let out = |name: &str| dir.join(name).into_os_string();
    let file = file.as_os_str();
    let o = OsStr::new("-o");
    vec![
        ("check", desk(&["check".as_ref(), file])),
        (
            "summary",
            desk(&[
                "summary".as_ref(),
                file,
                "--meeting".as_ref(),
                "11".as_ref(),
                o,
                &out("summary.pdf"),
            ]),
        ),
        (
            "attendance",
            desk(&[
                "attendance".as_ref(),
                file,
                "--series".as_ref(),
                "9".as_ref(),
                o,
                &out("attendance.pdf"),
            ]),
        ),
        (
            "export ics",
            desk(&["export".as_ref(), "ics".as_ref(), file, o, &out("a.ics")]),
        ),
        (
            "export csv",
            desk(&["export".as_ref(), "csv".as_ref(), file, o, &out("a.csv")]),
        ),
    ]
}

/// Every sub-command fails, writes nothing and says exactly `expected`,
/// once, on one stream.
fn assert_each_says(file: &Path, expected: &str) {
    let dir = tempfile::tempdir().unwrap();
    for (name, output) in said_by_each(file, dir.path()) {
        assert_eq!(output.status.code(), Some(1), "{name}");
        let said = format!(
            "{}{}",
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap()
        );
        assert_eq!(said, format!("{expected}\n"), "{name} says it once");
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing was written"
    );
}

#[test]
fn a_garbled_file_gives_the_same_positioned_line_from_every_sub_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbled.ron");
    let text = SAMPLE_RON.replacen("kind: Organisation,", "kind: Organisation,,", 1);
    std::fs::write(&path, &text).unwrap();
    let error = storage::load(&path).expect_err("the file is garbled");
    let (line, col) = error.position().expect("a place in the file");

    let expected = format!("{}:{line}:{col}: {}", path.display(), error.message());
    assert_eq!(coalition_desk::cli::error_line(&error), expected);
    assert!(
        !error.message().contains(&path.display().to_string()),
        "the path is not said twice: {expected}"
    );
    assert_each_says(&path, &expected);
}

#[test]
fn a_missing_file_gives_the_same_sentence_with_the_path_last_from_every_sub_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    let error = storage::load(&path).expect_err("there is no file");
    assert_eq!(error.position(), None);

    let expected = error.to_string();
    assert!(
        expected.starts_with("The register file could not be opened"),
        "{expected}"
    );
    assert!(
        expected.ends_with(&format!(": {}", path.display())),
        "{expected}"
    );
    assert_eq!(coalition_desk::cli::error_line(&error), expected);
    assert_each_says(&path, &expected);
}

#[test]
fn an_error_without_a_file_is_its_sentence() {
    let error = coalition_desk::report::ReportError::Typesetting("no font".into());
    assert_eq!(
        coalition_desk::cli::error_line(&error),
        "The report could not be typeset (no font)"
    );
}
