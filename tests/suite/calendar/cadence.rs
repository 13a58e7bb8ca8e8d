//! Cadence expansion: rule text round trips, month ends, nth weekdays,
//! exceptions, daylight-saving changes and bad rules.

use chrono::{NaiveDate, Timelike, Utc};
use coalition_desk::calendar::{Cadence, CadenceEnd, Rhythm, occurrences};
use coalition_desk::model::{OccurrenceChange, SeriesException, SeriesId, SessionSeries};

use super::fixture::*;

fn dates(s: &SessionSeries, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    occurrences(SeriesId(1), s, from, to)
        .unwrap()
        .into_iter()
        .filter(|o| !o.cancelled)
        .map(|o| o.date)
        .collect()
}

#[test]
fn cadence_round_trips_through_rrule_text() {
    let cases = [
        Cadence {
            rhythm: Rhythm::Weekly,
            interval: 2,
            end: CadenceEnd::Count(6),
        },
        Cadence {
            rhythm: Rhythm::MonthlyOnDay(-1),
            interval: 1,
            end: CadenceEnd::Never,
        },
        Cadence {
            rhythm: Rhythm::MonthlyOnWeekday {
                nth: 2,
                weekday: chrono::Weekday::Thu,
            },
            interval: 1,
            end: CadenceEnd::Until(date(2025, 12, 31)),
        },
    ];
    for cadence in cases {
        assert_eq!(Cadence::parse(&cadence.to_rrule()), Some(cadence));
    }
    assert_eq!(cases[0].to_rrule(), "FREQ=WEEKLY;INTERVAL=2;COUNT=6");
    assert_eq!(
        cases[2].to_rrule(),
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231",
        "the register keeps the last day; the export writes it in UTC"
    );
    assert_eq!(
        Cadence::parse("FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231T235959Z"),
        Some(cases[2]),
        "a UTC UNTIL reads as its day"
    );
    assert_eq!(
        cases[2].describe(),
        "Every month on the 2nd Thu, until 2025-12-31"
    );
    assert_eq!(
        Cadence::parse("FREQ=YEARLY"),
        None,
        "the editor shows it as text"
    );
}

#[test]
fn every_other_week_with_a_count() {
    let s = series("FREQ=WEEKLY;INTERVAL=2;COUNT=4", date(2025, 4, 10));
    assert_eq!(
        dates(&s, date(2025, 1, 1), date(2026, 1, 1)),
        [
            date(2025, 4, 10),
            date(2025, 4, 24),
            date(2025, 5, 8),
            date(2025, 5, 22)
        ]
    );
}

#[test]
fn monthly_on_the_31st_skips_short_months_and_last_day_does_not() {
    let on_31 = series("FREQ=MONTHLY;BYMONTHDAY=31", date(2025, 1, 31));
    assert_eq!(
        dates(&on_31, date(2025, 1, 1), date(2025, 6, 30)),
        [date(2025, 1, 31), date(2025, 3, 31), date(2025, 5, 31)]
    );
    let last = series("FREQ=MONTHLY;BYMONTHDAY=-1", date(2024, 1, 31));
    assert_eq!(
        dates(&last, date(2024, 1, 1), date(2024, 4, 30)),
        [
            date(2024, 1, 31),
            date(2024, 2, 29),
            date(2024, 3, 31),
            date(2024, 4, 30)
        ],
        "leap-year February ends on the 29th"
    );
}

#[test]
fn nth_and_last_weekday_of_the_month_until_a_date() {
    let second_thursday = series(
        "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20250731T235959Z",
        date(2025, 4, 10),
    );
    assert_eq!(
        dates(&second_thursday, date(2025, 1, 1), date(2026, 1, 1)),
        [
            date(2025, 4, 10),
            date(2025, 5, 8),
            date(2025, 6, 12),
            date(2025, 7, 10)
        ]
    );
    let last_friday = series("FREQ=MONTHLY;BYDAY=-1FR;COUNT=3", date(2025, 1, 31));
    assert_eq!(
        dates(&last_friday, date(2025, 1, 1), date(2026, 1, 1)),
        [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 28)]
    );
}

#[test]
fn exceptions_cancel_and_move_occurrences() {
    let mut s = series("FREQ=WEEKLY;COUNT=4", date(2025, 4, 10));
    s.exceptions = vec![
        SeriesException {
            occurrence: date(2025, 4, 17),
            change: OccurrenceChange::Cancelled,
        },
        SeriesException {
            occurrence: date(2025, 4, 24),
            change: OccurrenceChange::MovedTo(date(2025, 4, 25)),
        },
    ];
    let found = occurrences(SeriesId(1), &s, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let summary: Vec<_> = found
        .iter()
        .map(|o| (o.date, o.cancelled, o.moved()))
        .collect();
    assert_eq!(
        summary,
        [
            (date(2025, 4, 10), false, false),
            (date(2025, 4, 17), true, false),
            (date(2025, 4, 25), false, true),
            (date(2025, 5, 1), false, false),
        ]
    );
    // A window that holds only the moved-to day still finds the session.
    let only = dates(&s, date(2025, 4, 25), date(2025, 4, 25));
    assert_eq!(only, [date(2025, 4, 25)]);
}

#[test]
fn the_local_time_holds_across_daylight_saving_changes() {
    // London moves to BST on 30 March 2025 and back on 26 October 2025.
    let s = series("FREQ=WEEKLY;COUNT=3", date(2025, 3, 23));
    let found = occurrences(SeriesId(1), &s, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let local: Vec<u32> = found.iter().map(|o| o.start.unwrap().hour()).collect();
    assert_eq!(local, [10, 10, 10]);
    let utc: Vec<u32> = found
        .iter()
        .map(|o| o.start.unwrap().with_timezone(&Utc).hour())
        .collect();
    assert_eq!(utc, [10, 9, 9]);
    let autumn = series("FREQ=WEEKLY;COUNT=2", date(2025, 10, 19));
    let found = occurrences(SeriesId(1), &autumn, date(2025, 1, 1), date(2025, 12, 31)).unwrap();
    let utc: Vec<u32> = found
        .iter()
        .map(|o| o.start.unwrap().with_timezone(&Utc).hour())
        .collect();
    assert_eq!(utc, [9, 10]);
}

#[test]
fn a_bad_cadence_is_an_error_not_a_panic() {
    let s = series("FREQ=SOMETIMES", date(2025, 4, 10));
    let error = occurrences(SeriesId(1), &s, date(2025, 1, 1), date(2026, 1, 1)).unwrap_err();
    assert!(error.to_string().contains("Defence ministers"), "{error}");
}
