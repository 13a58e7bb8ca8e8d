//! What `check` says about a series' cadence and exceptions, and the
//! calendar export refusing a cadence no reader could use: in the core,
//! on the command line (exit 1, no file) and in the window (the same
//! sentence, no file).

use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use coalition_desk::calendar::{CalendarError, calendar_ics};
use coalition_desk::model::{
    OccurrenceChange, Record, Register, SeriesException, SeriesId, SessionSeries,
};
use coalition_desk::storage;
use coalition_desk::ui::app::Startup;
use coalition_desk::ui::dialogs::Dialog;

const FORTNIGHTLY: &str = "The series “Defence ministers” has cadence \"FREQ=FORTNIGHTLY\", \
    which is not a valid iCalendar RRULE: FREQ \"FORTNIGHTLY\" is not a frequency; it is one \
    of DAILY, WEEKLY, MONTHLY, YEARLY, HOURLY, MINUTELY or SECONDLY (every other week is \
    FREQ=WEEKLY;INTERVAL=2)";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ministers(cadence: &str, exceptions: Vec<SeriesException>) -> SessionSeries {
    SessionSeries {
        name: "Defence ministers".into(),
        cadence: cadence.into(),
        first: Some(date(2025, 4, 10)),
        start: NaiveTime::from_hms_opt(10, 0, 0),
        end: NaiveTime::from_hms_opt(12, 0, 0),
        time_zone: Tz::Europe__London,
        exceptions,
        ..SessionSeries::default()
    }
}

fn with_series(series: SessionSeries) -> Register {
    let mut r = Register::new("Coalition of the Willing");
    r.series.insert(SeriesId(1), series);
    r.next_id = 2;
    r
}

/// The problems `check` gives for the series, as sentences.
fn series_problems(series: SessionSeries) -> Vec<String> {
    with_series(series)
        .validate(date(2025, 6, 1))
        .into_iter()
        .inspect(|p| assert_eq!(p.record, Some(Record::Series(SeriesId(1)))))
        .map(|p| p.message)
        .collect()
}

fn exception(occurrence: NaiveDate, change: OccurrenceChange) -> SeriesException {
    SeriesException { occurrence, change }
}

#[test]
fn a_cadence_that_is_not_an_rrule_is_a_problem_of_its_series() {
    assert_eq!(
        series_problems(ministers("FREQ=FORTNIGHTLY", vec![])),
        [FORTNIGHTLY]
    );
    let said = |cadence: &str| {
        let problems = series_problems(ministers(cadence, vec![]));
        assert_eq!(problems.len(), 1, "{cadence}: {problems:?}");
        let prefix = format!(
            "The series “Defence ministers” has cadence \"{cadence}\", which is not a valid \
             iCalendar RRULE: "
        );
        problems[0]
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{}", problems[0]))
            .to_string()
    };
    assert_eq!(
        said("every other thursday"),
        "\"every other thursday\" is not a rule part (write NAME=VALUE, e.g. FREQ=MONTHLY)"
    );
    assert_eq!(
        said("FREQ=MONTHLY;UNTIL=2025-12-31"),
        "UNTIL \"2025-12-31\" is not a date (YYYYMMDD, e.g. 20251231) or a UTC time \
         (YYYYMMDDTHHMMSSZ, e.g. 20251231T235959Z)"
    );
    assert_eq!(
        said("FREQ=MONTHLY;UNTIL=20250231"),
        "UNTIL \"20250231\" is not a date (YYYYMMDD, e.g. 20251231) or a UTC time \
         (YYYYMMDDTHHMMSSZ, e.g. 20251231T235959Z)"
    );
    assert_eq!(
        said("FREQ=WEEKLY;COUNT=4;UNTIL=20251231"),
        "it has both UNTIL and COUNT, and may have only one"
    );
    assert_eq!(
        said("FREQ=WEEKLY;EVERY=2"),
        "EVERY is not a rule part RFC 5545 knows"
    );
    assert_eq!(said("INTERVAL=2"), "it has no FREQ (e.g. FREQ=MONTHLY)");
    assert_eq!(
        said("FREQ=MONTHLY;UNTIL=20250101"),
        "its UNTIL (2025-01-01) is before the first session (2025-04-10)"
    );
    assert!(said("FREQ=MONTHLY;BYMONTHDAY=40").contains("BYMONTHDAY"));
    assert!(said("FREQ=MONTHLY;BYDAY=2XX").contains("2XX"));
}

#[test]
fn cadences_readers_accept_pass() {
    for cadence in [
        "",
        "FREQ=MONTHLY;BYDAY=2TH",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=6",
        "freq=monthly;byday=-3th",
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231",
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231T235959Z",
        "FREQ=WEEKLY;WKST=MO;BYDAY=TH",
    ] {
        assert_eq!(
            series_problems(ministers(cadence, vec![])),
            [] as [String; 0],
            "{cadence}"
        );
    }
}

#[test]
fn an_exception_the_cadence_never_gives_changes_nothing_and_is_a_problem() {
    let problems = series_problems(ministers(
        "FREQ=MONTHLY;BYDAY=2TH",
        vec![
            exception(date(2025, 6, 12), OccurrenceChange::Cancelled),
            exception(date(2025, 6, 13), OccurrenceChange::Cancelled),
            exception(
                date(2025, 7, 11),
                OccurrenceChange::MovedTo(date(2025, 7, 12)),
            ),
            exception(date(2025, 1, 9), OccurrenceChange::Cancelled),
        ],
    ));
    assert_eq!(
        problems,
        [
            "The series “Defence ministers” has an exception for 2025-06-13, a date its cadence \
             never gives: the change does nothing",
            "The series “Defence ministers” has an exception for 2025-07-11, a date its cadence \
             never gives: the change does nothing",
            "The series “Defence ministers” has an exception for 2025-01-09, a date its cadence \
             never gives: the change does nothing",
        ]
    );
    // After UNTIL or COUNT the cadence gives nothing either.
    let ended = series_problems(ministers(
        "FREQ=MONTHLY;BYDAY=2TH;COUNT=2",
        vec![exception(date(2025, 6, 12), OccurrenceChange::Cancelled)],
    ));
    assert_eq!(
        ended,
        [
            "The series “Defence ministers” has an exception for 2025-06-12, a date its cadence \
          never gives: the change does nothing"
        ]
    );
}

#[test]
fn a_move_onto_another_session_or_onto_itself_is_a_problem() {
    let problems = series_problems(ministers(
        "FREQ=WEEKLY",
        vec![
            exception(
                date(2025, 4, 17),
                OccurrenceChange::MovedTo(date(2025, 4, 24)),
            ),
            exception(
                date(2025, 5, 1),
                OccurrenceChange::MovedTo(date(2025, 5, 1)),
            ),
            // Moving onto a session that is itself cancelled is fine.
            exception(
                date(2025, 5, 8),
                OccurrenceChange::MovedTo(date(2025, 5, 15)),
            ),
            exception(date(2025, 5, 15), OccurrenceChange::Cancelled),
            exception(date(2025, 5, 15), OccurrenceChange::Cancelled),
        ],
    ));
    assert_eq!(
        problems,
        [
            "The series “Defence ministers” has 2 exceptions for 2025-05-15: only the first counts",
            "The series “Defence ministers” moves the session of 2025-05-01 to the same day: the \
             change does nothing",
            "The series “Defence ministers” moves the session of 2025-04-17 to 2025-04-24, which \
             already has a session of the series",
        ]
    );
}

#[test]
fn the_export_refuses_an_invalid_cadence_with_the_checks_sentence() {
    let mut register = with_series(ministers("FREQ=FORTNIGHTLY", vec![]));
    register
        .series
        .insert(SeriesId(2), ministers("FREQ=MONTHLY;BYDAY=2TH", vec![]));
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    let error = calendar_ics(&register, stamp).unwrap_err();
    assert!(
        matches!(&error, CalendarError::Refused(p) if p == &[FORTNIGHTLY]),
        "{error:?}"
    );
    assert_eq!(error.to_string(), FORTNIGHTLY);
    let checked: Vec<String> = register
        .validate(date(2025, 6, 1))
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert_eq!(checked, [FORTNIGHTLY], "check says the same");
}

fn write_register(dir: &Path, register: &Register) -> std::path::PathBuf {
    let path = dir.join("register.ron");
    storage::save_with(&path, register, storage::Overwrite::Anything).unwrap();
    path
}

#[test]
fn export_ics_on_the_command_line_refuses_an_invalid_cadence_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_register(
        dir.path(),
        &with_series(ministers("FREQ=FORTNIGHTLY", vec![])),
    );
    let out = dir.path().join("sessions.ics");
    let output = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(["export", "ics"])
        .arg(&path)
        .arg("-o")
        .arg(&out)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "{}: {FORTNIGHTLY}\nThe calendar was not exported; nothing was written to {}\n",
            path.display(),
            out.display()
        )
    );
    assert!(!out.exists(), "no file written");
}

#[test]
fn the_windows_export_shows_the_same_sentence_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_register(
        dir.path(),
        &with_series(ministers("FREQ=FORTNIGHTLY", vec![])),
    );
    let mut harness = crate::app_harness::harness(Startup::File(path));
    let out = dir.path().join("sessions.ics");
    crate::app_harness::command(
        &mut harness,
        coalition_desk::ui::Command::ExportCalendarTo(out.clone()),
    );
    assert!(!out.exists(), "no file written");
    match &harness.state().dialog() {
        Some(Dialog::Message { title, text }) => {
            assert_eq!(title, "The calendar was not exported");
            assert_eq!(text, FORTNIGHTLY);
        }
        other => panic!("an error message, not {other:?}"),
    }
}

#[test]
fn a_long_daily_cadence_still_knows_its_late_exceptions() {
    // Over 9,000 sessions from the first to the exceptions: more than one
    // expansion returns, so only the span the exceptions name is expanded.
    let mut daily = ministers(
        "FREQ=DAILY",
        vec![
            exception(date(2025, 6, 12), OccurrenceChange::Cancelled),
            exception(
                date(2025, 6, 13),
                OccurrenceChange::MovedTo(date(2025, 6, 12)),
            ),
        ],
    );
    daily.first = Some(date(2000, 1, 3));
    assert_eq!(series_problems(daily.clone()), [] as [String; 0]);
    let stamp = Utc.with_ymd_and_hms(2025, 4, 14, 12, 0, 0).unwrap();
    let text = calendar_ics(&with_series(daily), stamp).unwrap();
    assert!(
        text.contains("EXDATE;TZID=Europe/London:20250612T100000"),
        "{text}"
    );
    assert!(
        text.contains("RECURRENCE-ID;TZID=Europe/London:20250613T100000"),
        "{text}"
    );
}

/// Issue 19, item 17: the recurrence library warns when a cadence gives
/// no day for 100,000 tries. Its warnings once went to stdout, coloured,
/// mixed into `check`'s lines; they go through the program's logging to
/// stderr, plain, and stdout holds `check`'s lines alone.
#[test]
fn the_recurrence_librarys_warnings_go_to_stderr_plain_not_into_checks_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_register(
        dir.path(),
        &with_series(ministers(
            "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;BYDAY=MO",
            vec![],
        )),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&path)
        .env_remove("RUST_LOG")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("Reached max loop counter"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no colour codes: {stderr:?}");
    let prefix = format!("{}: ", path.display());
    assert!(
        stdout.lines().all(|line| line.starts_with(&prefix)),
        "{stdout}"
    );
    assert!(
        !stdout.contains("WARN") && !stdout.contains('\u{1b}'),
        "{stdout}"
    );
}
