//! The calendar agrees with the meetings: a series whose first session is
//! not on its own cadence, and a meeting of a series on a day the cadence
//! never gives, are reported by `check`; the `.ics`, read back as a
//! reader expands it, shows every session once.

use chrono_tz::Tz;
use coalition_desk::calendar::projected_sessions;
use coalition_desk::model::{Field, MeetingId, Record, Register, SeriesId};

use super::reader::sessions_read_back;
use super::{at, date, export, moved, series, session_of};

const THURSDAYS: SeriesId = SeriesId(1);

/// A London weekly series on Thursdays at 10:00 from `first`, with the
/// meetings on `days`.
fn thursdays(cadence: &str, first: chrono::NaiveDate, days: &[chrono::NaiveDate]) -> Register {
    let mut r = Register::new("Coalition of the Willing");
    let london = Tz::Europe__London;
    r.series.insert(
        THURSDAYS,
        series("Air defence", cadence, first, at(10), london, Vec::new()),
    );
    for (n, &day) in days.iter().enumerate() {
        r.meetings.insert(
            MeetingId(10 + n as u64),
            session_of(THURSDAYS, day, at(10), london),
        );
    }
    r.next_id = 20;
    r
}

fn today() -> chrono::NaiveDate {
    date(2025, 1, 2)
}

/// Each session as the reader shows it, and whether any is shown twice.
fn read_back(register: &Register) -> Vec<String> {
    let read = sessions_read_back(register, &export(register));
    let sessions = read[&THURSDAYS].clone();
    let mut once = sessions.clone();
    once.dedup();
    assert_eq!(once, sessions, "a session shown twice");
    sessions
}

#[test]
fn a_first_session_off_the_cadence_is_reported_and_not_shown() {
    // Friday 11 April for a Thursday rule.
    let r = thursdays("FREQ=WEEKLY;BYDAY=TH;COUNT=4", date(2025, 4, 11), &[]);
    let problems = r.validate(today());
    let first = problems
        .iter()
        .find(|p| p.field == Some(Field::Date))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(first.record, Some(Record::Series(THURSDAYS)));
    assert_eq!(
        first.message,
        "The series \u{201c}Air defence\u{201d} has its first session on Friday 11 April \
         2025, a day its cadence \"FREQ=WEEKLY;BYDAY=TH;COUNT=4\" never gives: a calendar would show an extra \
         session that day; make the first session Thursday 17 April 2025"
    );
    // A reader shows the four Thursdays the register counts, no Friday.
    assert_eq!(
        read_back(&r),
        [
            "2025-04-17T09:00Z",
            "2025-04-24T09:00Z",
            "2025-05-01T09:00Z",
            "2025-05-08T09:00Z",
        ]
    );
    // On the cadence, nothing to say.
    let r = thursdays("FREQ=WEEKLY;BYDAY=TH;COUNT=4", date(2025, 4, 17), &[]);
    assert_eq!(r.validate(today()), Vec::new());
}

#[test]
fn a_meeting_off_the_cadence_is_reported_and_its_session_shown_once() {
    // Held on Friday 18 April; the cadence gives Thursday 17 April.
    let r = thursdays(
        "FREQ=WEEKLY;BYDAY=TH;UNTIL=20250508",
        date(2025, 4, 10),
        &[date(2025, 4, 10), date(2025, 4, 18)],
    );
    let problems = r.validate(today());
    let off = problems
        .iter()
        .find(|p| p.record == Some(Record::Meeting(MeetingId(11))))
        .unwrap_or_else(|| panic!("{problems:#?}"));
    assert_eq!(off.field, Some(Field::Date));
    assert!(
        off.message.ends_with(
            "is on Friday 18 April 2025, a day the cadence of the series \u{201c}Air \
             defence\u{201d} never gives and no exception moves a session to: add an \
             exception to the series \u{201c}Air defence\u{201d} moving the session of \
             Thursday 17 April 2025 to it, or correct the date"
        ),
        "{}",
        off.message
    );
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(
        read_back(&r),
        [
            "2025-04-10T09:00Z",
            "2025-04-18T09:00Z", // the meeting, standing for the 17th
            "2025-04-24T09:00Z",
            "2025-05-01T09:00Z",
            "2025-05-08T09:00Z",
        ]
    );
    // The timeline does not project the 17th beside the meeting either.
    let projected: Vec<_> = projected_sessions(&r, date(2025, 4, 11), date(2025, 4, 30))
        .into_iter()
        .map(|o| o.date)
        .collect();
    assert_eq!(projected, [date(2025, 4, 24)]);

    // An exception moving the 17th to the 18th says the same, and check
    // is content.
    let mut mended = r.clone();
    mended
        .series
        .get_mut(&THURSDAYS)
        .unwrap()
        .exceptions
        .push(moved(date(2025, 4, 17), date(2025, 4, 18)));
    assert_eq!(mended.validate(today()), Vec::new());
    assert_eq!(read_back(&mended), read_back(&r));
}

#[test]
fn an_extra_session_beside_a_held_one_takes_nothing_from_the_cadence() {
    // Thursday 17 is a meeting; Friday 18 is an extra one: both show, and
    // the 24th is still projected.
    let r = thursdays(
        "FREQ=WEEKLY;BYDAY=TH;UNTIL=20250501",
        date(2025, 4, 10),
        &[date(2025, 4, 17), date(2025, 4, 18)],
    );
    assert_eq!(r.validate(today()).len(), 1);
    assert_eq!(
        read_back(&r),
        [
            "2025-04-10T09:00Z",
            "2025-04-17T09:00Z",
            "2025-04-18T09:00Z",
            "2025-04-24T09:00Z",
            "2025-05-01T09:00Z",
        ]
    );
}
