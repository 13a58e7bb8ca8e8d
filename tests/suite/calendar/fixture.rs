//! What the calendar tests share: a series with a given cadence, and a
//! register with one series and its first sessions.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use coalition_desk::model::{
    ActionItem, Meeting, MeetingId, MeetingState, ParticipantId, Register, SeriesId, SessionSeries,
};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn series(cadence: &str, first: NaiveDate) -> SessionSeries {
    SessionSeries {
        name: "Defence ministers".into(),
        cadence: cadence.into(),
        first: Some(first),
        start: NaiveTime::from_hms_opt(10, 0, 0),
        end: NaiveTime::from_hms_opt(12, 0, 0),
        time_zone: Tz::Europe__London,
        location: "Northwood".into(),
        convenors: vec![ParticipantId(1), ParticipantId(2)],
        ..SessionSeries::default()
    }
}

/// A register with one series, its first session held with two actions
/// (one done) and a cancelled later one.
pub(super) fn register_with_series() -> Register {
    let mut r = Register::new("Coalition of the Willing");
    r.series.insert(
        SeriesId(1),
        series("FREQ=MONTHLY;BYDAY=2TH", date(2025, 4, 10)),
    );
    r.meetings.insert(
        MeetingId(2),
        Meeting {
            title: "Defence ministers".into(),
            series: Some(SeriesId(1)),
            number: Some(1),
            date: date(2025, 4, 10),
            start: NaiveTime::from_hms_opt(10, 0, 0),
            state: MeetingState::Held,
            marking: "OFFICIAL".into(),
            actions: vec![
                ActionItem {
                    text: "Circulate the capability map".into(),
                    done: false,
                    ..Default::default()
                },
                ActionItem {
                    text: "Book the room".into(),
                    done: true,
                    ..Default::default()
                },
            ],
            ..Meeting::default()
        },
    );
    r.meetings.insert(
        MeetingId(3),
        Meeting {
            title: "Extraordinary session".into(),
            date: date(2025, 4, 20),
            state: MeetingState::Cancelled,
            marking: "OFFICIAL".into(),
            ..Meeting::default()
        },
    );
    r.next_id = 4;
    r
}
