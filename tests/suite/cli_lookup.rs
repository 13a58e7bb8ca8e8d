//! Finding the meeting or series the officer names on the command line:
//! by id, by date or by name, with close matches when it is not there.

use coalition_desk::cli;
use coalition_desk::model::{MeetingId, SeriesId};
use coalition_desk::sample;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

#[test]
fn meetings_found_by_id_or_date_with_close_matches() {
    let register = sample::register().unwrap();
    assert_eq!(cli::find_meeting(&register, "11").unwrap(), SAMPLE_MEETING);
    assert_eq!(
        cli::find_meeting(&register, "2025-04-10").unwrap(),
        SAMPLE_MEETING
    );
    let error = cli::find_meeting(&register, "2025-04-11")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("There is no meeting on 2025-04-11 in the register"),
        "{error}"
    );
    assert!(
        error.contains("11 — Coalition of the Willing — Defence ministers (2025-04-10)"),
        "{error}"
    );
    let error = cli::find_meeting(&register, "12").unwrap_err().to_string();
    assert!(
        error.contains("There is no meeting 12 in the register"),
        "{error}"
    );
    assert!(error.contains("close matches"), "{error}");
}

#[test]
fn series_found_by_id_or_name_with_close_matches() {
    let register = sample::register().unwrap();
    assert_eq!(cli::find_series(&register, "9").unwrap(), SeriesId(9));
    assert_eq!(
        cli::find_series(&register, "defence ministers").unwrap(),
        SeriesId(9)
    );
    let error = cli::find_series(&register, "11").unwrap_err().to_string();
    assert!(
        error.contains("There is no series 11 in the register"),
        "{error}"
    );
    assert!(error.contains("10 — Chiefs of Defence planning"), "{error}");
}

#[test]
fn a_date_with_two_meetings_asks_for_the_id_of_one() {
    let mut register = sample::register().unwrap();
    let mut second = register.meeting(SAMPLE_MEETING).unwrap().clone();
    second.title = "Chiefs of Defence (same day)".into();
    register.meetings.insert(MeetingId(12), second);

    let error = cli::find_meeting(&register, "2025-04-10")
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("There are 2 meetings on 2025-04-10: give the id of one"),
        "{error}"
    );
    assert!(
        error.contains("12 — Chiefs of Defence (same day)"),
        "{error}"
    );
    assert_eq!(
        cli::find_meeting(&register, "12").unwrap(),
        MeetingId(12),
        "the id picks one"
    );
}
