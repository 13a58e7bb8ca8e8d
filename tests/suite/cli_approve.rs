//! `approve`: a script approves a meeting's record with the window's
//! rules, saved the safe way; a meeting with problems is refused and the
//! file is left exactly as it was; and `check` judges an approval edited
//! by hand afterwards by the same rules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::model::{MeetingId, RecordState};
use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage;

const SAMPLE_MEETING: &str = "11";

fn approve(file: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("approve")
        .arg(file)
        .args(["--meeting", SAMPLE_MEETING])
        .args(extra)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn register_file(dir: &Path, content: &str) -> PathBuf {
    let path = dir.join("coalition.ron");
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn approve_records_the_approval_and_saves_with_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_file(dir.path(), SAMPLE_RON);
    let output = approve(
        &path,
        &["--on", "2025-05-08", "--at", "11", "--by", "The ministers"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout).trim_end(),
        format!(
            "Approved the record of Coalition of the Willing — Defence ministers (2025-04-10) \
             on 2025-05-08 at Coalition of the Willing — Defence ministers (2025-04-10): {}",
            path.display()
        )
    );
    let register = storage::load(&path).unwrap().register;
    let record = &register.meeting(MeetingId(11)).unwrap().record;
    assert_eq!(record.state(), RecordState::Approved);
    let approval = record.approval().unwrap();
    assert_eq!(approval.approved_at, Some(MeetingId(11)));
    assert_eq!(approval.approved_by, "The ministers");
    // The same safe save as the window: the previous file is kept.
    assert_eq!(
        std::fs::read_to_string(storage::backup_path(&path)).unwrap(),
        SAMPLE_RON
    );

    // Approving again is refused by the rules, and nothing is written.
    let before = std::fs::read(&path).unwrap();
    let again = approve(&path, &["--on", "2025-05-09"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        text(&again.stderr).trim_end(),
        "The record of Coalition of the Willing — Defence ministers (2025-04-10) was not \
         approved: The record is already approved"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn approve_refuses_a_meeting_with_problems_and_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // The meeting loses its marking: a problem `check` reports too.
    let broken = SAMPLE_RON.replacen(
        "\t\t\t\tmarking: \"OFFICIAL\",\n\t\t\t),\n\t\t},",
        "\t\t\t),\n\t\t},",
        1,
    );
    assert_ne!(broken, SAMPLE_RON);
    let path = register_file(dir.path(), &broken);
    let output = approve(&path, &["--on", "2025-05-08"]);
    assert_eq!(output.status.code(), Some(1));
    let said = text(&output.stderr);
    assert!(
        said.starts_with(
            "The record of Coalition of the Willing — Defence ministers (2025-04-10) was not \
             approved: the meeting has problems to fix first\n  "
        ),
        "{said}"
    );
    assert!(said.contains("marking"), "{said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(!storage::backup_path(&path).exists());
}

#[test]
fn approve_refuses_a_date_before_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_file(dir.path(), SAMPLE_RON);
    let output = approve(&path, &["--on", "2025-04-01"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains(
            "The record cannot be approved on 2025-04-01, before the meeting on 2025-04-10"
        ),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), SAMPLE_RON);
}

#[test]
fn check_reports_an_approval_dated_by_hand_before_the_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_file(dir.path(), SAMPLE_RON);
    let output = approve(&path, &["--on", "2025-05-08", "--at", "11"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    // The officer re-dates the approval in the file, to before the meeting.
    let written = std::fs::read_to_string(&path).unwrap();
    let redated = written.replacen("date: \"2025-05-08\"", "date: \"2025-04-09\"", 1);
    assert_ne!(written, redated);
    std::fs::write(&path, redated).unwrap();
    let checked = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        text(&checked.stdout).contains(&format!(
            "{}: The record of the meeting \u{201c}Coalition of the Willing — Defence \
             ministers\u{201d} (2025-04-10) was approved on 2025-04-09, before the meeting \
             was held\n",
            path.display()
        )),
        "{}",
        text(&checked.stdout)
    );
}
