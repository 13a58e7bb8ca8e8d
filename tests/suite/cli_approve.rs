//! `approve`: a script approves a meeting's record with the window's
//! rules, saved the safe way; a meeting with problems is refused and the
//! file is left exactly as it was; an approval that could not have
//! happened (after today, at a meeting not held that day, by written
//! procedure before comments were due) is refused in one sentence; and
//! `check` judges an approval edited by hand afterwards by the same rules.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::model::{MeetingId, MeetingState, MinutesMove, MinutesState, Register};
use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::{edit, storage};

const SAMPLE_MEETING: &str = "11";
/// The next session, held on 2025-05-08, added to the sample.
const NEXT_SESSION: MeetingId = MeetingId(40);
/// A session still planned, for 2025-06-05.
const PLANNED_SESSION: MeetingId = MeetingId(41);

/// The sample with its next session held on 2025-05-08 and one planned
/// for 2025-06-05, saved in `dir`; `prepare` may move the record first.
fn with_later_sessions(dir: &Path, prepare: impl FnOnce(&mut Register)) -> PathBuf {
    let mut register = coalition_desk::sample::register().unwrap();
    let first = register.meeting(MeetingId(11)).unwrap().clone();
    for (id, (month, day), state) in [
        (NEXT_SESSION, (5, 8), MeetingState::Held),
        (PLANNED_SESSION, (6, 5), MeetingState::Planned),
    ] {
        let mut session = first.clone();
        session.date = chrono::NaiveDate::from_ymd_opt(2025, month, day).unwrap();
        session.state = state;
        session.number = None;
        // Its own actions, not copies of the first session's.
        session.actions.clear();
        if state == MeetingState::Planned {
            session.attendance.clear();
        }
        register.meetings.insert(id, session);
    }
    register.next_id = register.next_id.max(42);
    prepare(&mut register);
    let path = dir.join("coalition.ron");
    storage::save(&path, &register, None).unwrap();
    path
}

/// Circulates the sample meeting's record on 2025-04-14, comments due
/// 2025-05-01.
fn circulated(register: &mut Register) {
    let step = MinutesMove::Circulate {
        to: register.participants.keys().copied().collect(),
        comments_due: chrono::NaiveDate::from_ymd_opt(2025, 5, 1).unwrap(),
    };
    let on = chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let edit::Edit::Meeting(id, Some(meeting)) =
        edit::move_minutes(register, MeetingId(11), step, on, today).unwrap()
    else {
        panic!("a move edits its meeting");
    };
    register.meetings.insert(id, meeting);
}

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
    let path = with_later_sessions(dir.path(), |_| ());
    let written = std::fs::read_to_string(&path).unwrap();
    let output = approve(
        &path,
        &["--on", "2025-05-08", "--at", "40", "--by", "The ministers"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout).trim_end(),
        format!(
            "Approved the record of Coalition of the Willing — Defence ministers (2025-04-10) \
             on 2025-05-08 at Coalition of the Willing — Defence ministers (2025-05-08): {}",
            path.display()
        )
    );
    let register = storage::load(&path).unwrap().register;
    let record = &register.meeting(MeetingId(11)).unwrap().minutes;
    assert_eq!(record.state(), MinutesState::Approved);
    let approval = record.approval().unwrap();
    assert_eq!(approval.approved_at, Some(NEXT_SESSION));
    assert_eq!(approval.approved_by, "The ministers");
    // The same safe save as the window: the previous file is kept.
    assert_eq!(
        std::fs::read_to_string(storage::backup_path(&path)).unwrap(),
        written
    );

    // Approving again is refused by the rules, and nothing is written.
    let before = std::fs::read(&path).unwrap();
    let again = approve(&path, &["--on", "2025-05-08", "--at", "40"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        text(&again.stderr).trim_end(),
        "The record of Coalition of the Willing — Defence ministers (2025-04-10) was not \
         approved: The record is already approved"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Each approval that could not have happened is refused in one sentence,
/// exit 1, the file untouched and no backup made.
#[test]
fn approve_refuses_an_approval_that_could_not_have_happened() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_later_sessions(dir.path(), |_| ());
    let before = std::fs::read(&path).unwrap();
    let refused = |extra: &[&str]| -> String {
        let output = approve(&path, extra);
        assert_eq!(output.status.code(), Some(1), "{extra:?}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{extra:?}");
        assert!(!storage::backup_path(&path).exists());
        let said = text(&output.stderr);
        assert_eq!(said.lines().count(), 1, "one sentence: {said}");
        assert!(text(&output.stdout).is_empty());
        said.trim_end()
            .trim_start_matches(
                "The record of Coalition of the Willing — Defence ministers (2025-04-10) was \
                 not approved: ",
            )
            .to_string()
    };
    // A day that has not come: the real today is some day before 2999.
    let later = refused(&["--on", "2999-01-07", "--at", "40"]);
    assert!(
        later.starts_with("The record cannot be approved on 2999-01-07: that is after today ("),
        "{later}"
    );
    assert_eq!(
        refused(&["--on", "2025-05-09", "--at", "40"]),
        "The record cannot be approved at Coalition of the Willing — Defence ministers \
         (2025-05-08) on 2025-05-09: that meeting was held on 2025-05-08, so date the approval \
         2025-05-08, or approve it by written procedure"
    );
    assert_eq!(
        refused(&["--on", "2025-06-05", "--at", "41"]),
        "The record cannot be approved at Coalition of the Willing — Defence ministers \
         (2025-06-05): that meeting is Planned, and only a held meeting approves a record"
    );
    assert_eq!(
        refused(&["--on", "2025-04-10", "--at", "11"]),
        "The record cannot be approved at the meeting it records: choose a later meeting, or \
         approve it by written procedure"
    );
    assert_eq!(
        refused(&["--on", "2025-05-08"]),
        "The record is Draft: by written procedure a record is approved only once it has been \
         circulated for comment, so circulate it first or approve it at a later meeting"
    );
}

/// Without `--at`, the approval is by written procedure: refused before
/// the comment period ends, recorded with no meeting once it has, and
/// `check` accepts it.
#[test]
fn approve_without_a_meeting_records_a_written_procedure() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_later_sessions(dir.path(), circulated);
    let early = approve(&path, &["--on", "2025-04-30"]);
    assert_eq!(early.status.code(), Some(1));
    assert_eq!(
        text(&early.stderr),
        "The record of Coalition of the Willing — Defence ministers (2025-04-10) was not \
         approved: By written procedure the record is approved when its comment period ends \
         on 2025-05-01, not on 2025-04-30: date the approval 2025-05-01 or later\n"
    );
    let output = approve(&path, &["--on", "2025-05-01", "--by", "The ministers"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let register = storage::load(&path).unwrap().register;
    let approval = register
        .meeting(MeetingId(11))
        .unwrap()
        .minutes
        .approval()
        .unwrap()
        .clone();
    assert_eq!(approval.approved_at, None);
    assert_eq!(approval.date.to_string(), "2025-05-01");
    let checked = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let said = text(&checked.stdout);
    assert!(!said.contains("The record of"), "{said}");
}

/// An approval a file already holds at a session only planned, as the
/// form and the command line once let through: `check` reports it.
#[test]
fn check_reports_an_approval_at_a_session_not_held() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_later_sessions(dir.path(), |register| {
        let meeting = register.meetings.get_mut(&MeetingId(11)).unwrap();
        meeting
            .minutes
            .history
            .push(coalition_desk::model::MinutesStep {
                date: chrono::NaiveDate::from_ymd_opt(2025, 5, 20).unwrap(),
                state: MinutesState::Approved,
                approved_at: Some(PLANNED_SESSION),
                ..Default::default()
            });
    });
    let checked = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        text(&checked.stdout).contains(&format!(
            "{}: The record of the meeting \u{201c}Coalition of the Willing — Defence \
             ministers\u{201d} (2025-04-10) was approved on 2025-05-20 at the meeting \
             \u{201c}Coalition of the Willing — Defence ministers\u{201d} (2025-06-05), which \
             is Planned: only a held meeting approves a record\n",
            path.display()
        )),
        "{}",
        text(&checked.stdout)
    );
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
    let path = with_later_sessions(dir.path(), |_| ());
    let output = approve(&path, &["--on", "2025-05-08", "--at", "40"]);
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

/// The file reader refuses a right-to-left override (it makes text read
/// differently from how it is stored); `--by` must not write one in.
#[test]
fn approve_refuses_who_approved_it_when_it_hides_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_later_sessions(dir.path(), |_| ());
    let written = std::fs::read_to_string(&path).unwrap();
    let output = approve(
        &path,
        &[
            "--on",
            "2025-05-08",
            "--at",
            "40",
            "--by",
            "The \u{202e}sretsinim",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains("--by holds a right-to-left override (U+202E)"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

/// A name holds at most 500 characters, or the file is refused on
/// reading: `--by` longer than that once saved a register that no longer
/// opened. Refused like any other step the rules refuse, file untouched.
#[test]
fn approve_refuses_who_approved_it_when_longer_than_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_later_sessions(dir.path(), |_| ());
    let written = std::fs::read_to_string(&path).unwrap();
    let long = "M".repeat(501);
    let output = approve(&path, &["--on", "2025-05-08", "--at", "40", "--by", &long]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).contains(
            "was not approved: Who approved it holds more than 500 characters, the most it may \
             have: shorten it"
        ),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);

    let output = approve(
        &path,
        &["--on", "2025-05-08", "--at", "40", "--by", &long[1..]],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(storage::load(&path).is_ok(), "the approved register opens");
}
