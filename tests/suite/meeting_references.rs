//! Two meetings' documents never share a reference: a meeting without a
//! number takes its month and day where the number goes, and `check`
//! reports a meeting whose reference an earlier meeting already carries.

use coalition_desk::document::{Document, Origin, ProblemCache};
use coalition_desk::edit::Edit;
use coalition_desk::model::{Field, MeetingId, MeetingState, Problem, Record, Register};
use coalition_desk::sample;

use crate::common::{date, today};

const SAMPLE_MEETING: MeetingId = MeetingId(11);
const SECOND: MeetingId = MeetingId(40);

/// The sample with its session of Defence ministers made a one-off
/// meeting, and a second one-off meeting on `on`.
fn two_one_off_meetings(on: chrono::NaiveDate) -> Register {
    let mut register = sample::register().unwrap();
    let meeting = register.meetings.get_mut(&SAMPLE_MEETING).unwrap();
    meeting.series = None;
    let mut second = meeting.clone();
    second.title = "Ministers' working dinner".into();
    second.date = on;
    register.meetings.insert(SECOND, second);
    register.next_id = 41;
    register
}

fn reference(register: &Register, id: MeetingId) -> String {
    register.meeting_reference(id, None).unwrap().unwrap()
}

fn reference_problems(register: &Register) -> Vec<Problem> {
    register
        .validate(today())
        .into_iter()
        .filter(|p| p.message.contains("reference"))
        .collect()
}

#[test]
fn one_off_meetings_of_a_year_get_references_of_their_own() {
    let mut register = two_one_off_meetings(date(2025, 5, 14));
    assert_eq!(reference(&register, SAMPLE_MEETING), "CoW/2025/04-10");
    assert_eq!(reference(&register, SECOND), "CoW/2025/05-14");
    // Without a short name the reference was the bare year, "2025".
    register.short_name.clear();
    assert_eq!(reference(&register, SAMPLE_MEETING), "2025/04-10");
    assert_eq!(reference(&register, SECOND), "2025/05-14");
    assert_eq!(reference_problems(&register), vec![]);
}

#[test]
fn an_unnumbered_session_of_a_series_takes_its_month_and_day() {
    let mut register = sample::register().unwrap();
    assert_eq!(reference(&register, SAMPLE_MEETING), "CoW/DM/2025/04-10");
    register.meetings.get_mut(&SAMPLE_MEETING).unwrap().number = Some(4);
    assert_eq!(reference(&register, SAMPLE_MEETING), "CoW/DM/2025/04");
}

#[test]
fn check_reports_the_later_of_two_meetings_with_one_reference() {
    let register = two_one_off_meetings(date(2025, 4, 10));
    assert_eq!(
        reference_problems(&register),
        vec![Problem {
            record: Some(Record::Meeting(SECOND)),
            field: Some(Field::Series),
            message: "The meeting “Ministers' working dinner” (2025-04-10) would print under \
                      the reference CoW/2025/04-10, which the documents of the meeting on \
                      2025-04-10 already carry: two documents never share a reference, so make \
                      it a session of a series or change the register's reference pattern"
                .into(),
        }]
    );
}

#[test]
fn sessions_of_two_series_without_short_names_clash_and_a_cancelled_one_does_not() {
    let mut register = sample::register().unwrap();
    // Session 1 of Defence ministers and session 1 of the Chiefs of
    // Defence in one year, neither series with a short name.
    for series in register.series.values_mut() {
        series.short_name.clear();
    }
    let meeting = register.meetings.get_mut(&SAMPLE_MEETING).unwrap();
    meeting.number = Some(1);
    let mut chiefs = meeting.clone();
    chiefs.title = "Chiefs of Defence".into();
    chiefs.series = Some(coalition_desk::model::SeriesId(10));
    chiefs.date = date(2025, 5, 8);
    register.meetings.insert(SECOND, chiefs);
    register.next_id = 41;
    let problems = reference_problems(&register);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].record, Some(Record::Meeting(SECOND)));
    assert_eq!(problems[0].field, Some(Field::Number));
    assert_eq!(
        problems[0].message,
        "The meeting “Chiefs of Defence” (2025-05-08) would print under the reference \
         CoW/2025/01, which the documents of the session of the series “Defence ministers” on \
         2025-04-10 already carry: two documents never share a reference, so give the series \
         “Chiefs of Defence planning” a short name or change the register's reference pattern"
    );

    // A cancelled session passes its number to the one held in its place.
    register.meetings.get_mut(&SAMPLE_MEETING).unwrap().state = MeetingState::Cancelled;
    assert_eq!(reference_problems(&register), vec![]);
}

#[test]
fn a_number_used_twice_in_a_series_is_reported_once_by_the_numbering_rule() {
    let mut register = sample::register().unwrap();
    let meeting = register.meetings.get_mut(&SAMPLE_MEETING).unwrap();
    meeting.number = Some(4);
    let mut later = meeting.clone();
    later.date = date(2025, 5, 8);
    // Its own actions, not copies of the first session's.
    later.actions.clear();
    register.meetings.insert(SECOND, later);
    register.next_id = 41;
    let problems: Vec<Problem> = register
        .validate(today())
        .into_iter()
        .filter(|p| p.record == Some(Record::Meeting(SECOND)))
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("is numbered No. 4"),
        "{problems:?}"
    );
}

#[test]
fn the_problem_list_kept_current_agrees_with_check() {
    let register = two_one_off_meetings(date(2025, 4, 10));
    let mut document = Document::new(register, Origin::Untitled);
    let mut cache = ProblemCache::default();
    let before = cache.problems(&document, today()).to_vec();
    assert_eq!(before, document.register().validate(today()));

    // Renaming the earlier meeting rechecks it alone; the later one's
    // problem names it by date, so it stays true.
    let mut renamed = document.register().meeting(SAMPLE_MEETING).unwrap().clone();
    renamed.title = "Renamed".into();
    document
        .apply(Edit::Meeting(SAMPLE_MEETING, Some(renamed)))
        .unwrap();
    assert_eq!(
        cache.problems(&document, today()),
        document.register().validate(today()).as_slice()
    );

    // Moving the later meeting a day ends the clash.
    let mut moved = document.register().meeting(SECOND).unwrap().clone();
    moved.date = date(2025, 4, 11);
    document.apply(Edit::Meeting(SECOND, Some(moved))).unwrap();
    let after = cache.problems(&document, today()).to_vec();
    assert_eq!(after, document.register().validate(today()));
    assert!(after.iter().all(|p| !p.message.contains("reference")));
}
