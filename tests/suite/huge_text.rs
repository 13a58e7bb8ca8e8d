//! Text of any allowed length prints and exports: a word with no place to
//! break still prints as PDF/A, and the calendar takes time in proportion
//! to the text, not its square.

use coalition_desk::calendar::calendar_ics;
use coalition_desk::model::MeetingId;
use coalition_desk::report::{self, PrintEngine, SummaryOptions};
use coalition_desk::sample::{self, SAMPLE_RON};

use crate::report_pdf::{pages, squash};

const SAMPLE_MEETING: MeetingId = MeetingId(11);

#[test]
fn a_title_of_one_unbroken_word_prints() {
    let mut register = sample::register().unwrap();
    // 16,384 characters is where typst gave "PDF/A-2a error" before words
    // were given places to break.
    let word: String = ('a'..='z').cycle().take(16_384).collect();
    register
        .meetings
        .get_mut(&SAMPLE_MEETING)
        .unwrap()
        .title
        .clone_from(&word);
    let summary = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    let printed: String = pages(&pdf).concat().replace('\u{200B}', "");
    // The word runs over several pages, between their headers and footers:
    // its first and last lines are whole, so it was broken, not cut.
    let (first, last) = (&word[..300], &word[word.len() - 300..]);
    assert!(printed.contains(&squash(first)), "the word's start");
    assert!(printed.contains(&squash(last)), "the word's end");
}

#[test]
fn a_calendar_with_a_title_of_1_6_million_characters_exports_quickly() {
    let mut register = sample::register().unwrap();
    let title = "Ramstein, ".repeat(160_000);
    register
        .meetings
        .get_mut(&SAMPLE_MEETING)
        .unwrap()
        .title
        .clone_from(&title);
    let stamp = chrono::DateTime::from_timestamp(1_750_000_000, 0).unwrap();
    let start = std::time::Instant::now();
    let text = calendar_ics(&register, stamp).unwrap();
    let took = start.elapsed();
    // Folding used to count from the line's start at every fold: this
    // took seconds even in a release build. Linear, it takes milliseconds
    // in a debug one; the bound leaves room for a busy machine.
    assert!(took.as_secs_f64() < 3.0, "took {took:?}");
    let unfolded = text.replace("\r\n ", "");
    let escaped = title.replace(',', "\\,");
    assert!(unfolded.contains(&format!("SUMMARY:{escaped}\r\n")));
    assert!(text.split("\r\n").all(|line| line.len() <= 75));
}

/// The sample register with the first meeting's title replaced by `title`.
fn sample_with_title(title: &str) -> String {
    let old = "title: \"Coalition of the Willing — Defence ministers\"";
    assert!(SAMPLE_RON.contains(old));
    SAMPLE_RON.replacen(old, &format!("title: \"{title}\""), 1)
}

fn check(text: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.ron");
    std::fs::write(&file, text).unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&file)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// What `check` wrote, on either stream.
fn what_check_said(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn check_refuses_a_title_past_500_characters_with_its_place() {
    let fits = check(&sample_with_title(&"é".repeat(500)));
    let said = what_check_said(&fits);
    assert!(!said.contains("holds more than"), "{said}");

    let refused = check(&sample_with_title(&"é".repeat(501)));
    assert!(!refused.status.success());
    let said = what_check_said(&refused);
    let line = SAMPLE_RON
        .lines()
        .position(|l| l.contains("Coalition of the Willing — Defence ministers"))
        .unwrap()
        + 1;
    assert!(
        said.contains(&format!("register.ron:{line}:")),
        "names the line: {said}"
    );
    assert!(
        said.contains(
            "\"title\" holds more than 500 characters, the most a name or title may have"
        ),
        "{said}"
    );
}
