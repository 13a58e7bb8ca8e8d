//! The window shows a failure as an error, in the same sentence the
//! command line prints, with the file path last.

use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};

#[test]
fn an_unreadable_recovery_file_is_an_error_naming_it_last() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    std::fs::write(&path, SAMPLE_RON).unwrap();
    // Autosaved work newer than the file, but cut short by a crash.
    let recovery = storage::recovery_path(Some(&path)).unwrap();
    std::fs::write(&recovery, &SAMPLE_RON[..SAMPLE_RON.len() / 2]).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&recovery)
        .unwrap()
        .set_modified(SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    let unreadable = storage::load(&recovery).expect_err("the recovery is cut short");

    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::File(path), today);
    let notice = app.notice().expect("the officer is told");
    assert!(notice.is_error, "shown as an error: {}", notice.text);
    assert_eq!(
        notice.text,
        format!("A recovery file was found but cannot be read. {unreadable}")
    );
    assert!(
        notice.text.ends_with(&recovery.display().to_string()),
        "{}",
        notice.text
    );
    assert!(app.dialog().is_none(), "nothing to recover, nothing to ask");
}

/// A refusal is an error in the status line, never plain information:
/// a commitment needs a participant to make it, and a question on top
/// holds the register until it is answered.
#[test]
fn a_refusal_is_shown_as_an_error() {
    use crate::app_harness::{self, command};
    use coalition_desk::model::Record;
    use coalition_desk::ui::Command;

    let error = |harness: &app_harness::AppHarness| {
        let notice = harness
            .state()
            .notice()
            .cloned()
            .expect("the officer is told");
        assert!(notice.is_error, "shown as an error: {}", notice.text);
        notice.text
    };

    let mut harness = app_harness::harness(Startup::Empty);
    assert!(
        harness
            .state()
            .document()
            .register()
            .participants
            .is_empty()
    );
    command(&mut harness, Command::NewCommitment);
    assert_eq!(
        error(&harness),
        "Add a participant first: every commitment is made by one"
    );

    let mut harness = app_harness::harness(Startup::Sample);
    let register = app_harness::register(&harness);
    let participant = *register.participants.keys().next().expect("a participant");
    command(
        &mut harness,
        Command::Delete(Record::Participant(participant)),
    );
    assert!(harness.state().dialog().is_some(), "Delete asks first");
    command(&mut harness, Command::NewMeeting);
    assert!(error(&harness).starts_with("Finish with "));
    assert_eq!(
        app_harness::register(&harness).meetings.len(),
        register.meetings.len(),
        "nothing was made"
    );
}

/// Issue 20: what a command about the open register refuses is an error
/// too: sending a copy of a register kept in no file, marking present at a
/// meeting no delegation is invited to, copying attendance from a previous
/// session there is none of.
#[test]
fn a_refused_command_on_the_register_is_shown_as_an_error() {
    use crate::app_harness::{self, command};
    use coalition_desk::ui::Command;

    let error = |harness: &app_harness::AppHarness| {
        let notice = harness
            .state()
            .notice()
            .cloned()
            .expect("the officer is told");
        assert!(notice.is_error, "shown as an error: {}", notice.text);
        notice.text
    };

    let mut harness = app_harness::harness(Startup::Sample);
    command(&mut harness, Command::SendCopy);
    assert!(
        error(&harness).starts_with("Save the register to a file first: sending a copy"),
        "{}",
        error(&harness)
    );
    assert!(harness.state().on_top().is_none(), "nothing asked");

    command(&mut harness, Command::NewMeeting);
    let meeting = harness
        .state()
        .workspace()
        .meetings
        .selected
        .expect("the new meeting is open");
    let before = app_harness::register(&harness);
    command(&mut harness, Command::MarkExpectedPresent(meeting));
    assert!(
        error(&harness).starts_with("Nothing to mark at "),
        "{}",
        error(&harness)
    );
    command(&mut harness, Command::CopyPreviousAttendance(meeting));
    assert!(
        error(&harness).ends_with("has no previous session in its series with attendance to copy"),
        "{}",
        error(&harness)
    );
    assert_eq!(app_harness::register(&harness), before, "nothing changed");
}
