//! A series whose second session raised an action still open, as the
//! carried-over tests start from; and the same series as a file written
//! before actions carried over as one holds it, with copies.

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::edit::{self, Edit};
use coalition_desk::model::{
    ActionAt, ActionItem, ActionOwner, Meeting, MeetingId, MeetingState, Participant,
    ParticipantId, ParticipantKind, Register, SeriesId, SessionSeries,
};
use coalition_desk::new_records;

pub const GBR: ParticipantId = ParticipantId(1);
pub const SERIES: SeriesId = SeriesId(2);
/// No. 1, 5 November 2026.
pub const FIRST: MeetingId = MeetingId(3);
/// No. 2, 3 December 2026: raised [`FIRM`], still open.
pub const SECOND: MeetingId = MeetingId(4);
pub const FIRM: &str = "Generate firm commitments for air defence";
pub const ROOM: &str = "Book the room";

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the officer works on: after No. 2.
pub fn today() -> NaiveDate {
    date(2026, 12, 10)
}

pub fn action(text: &str, done: bool) -> ActionItem {
    ActionItem {
        text: text.into(),
        owner: Some(ActionOwner::Participant(GBR)),
        due: Some(date(2027, 1, 31)),
        done,
        ..ActionItem::default()
    }
}

fn session(number: u32, day: NaiveDate, actions: Vec<ActionItem>) -> Meeting {
    Meeting {
        title: "Defence ministers".into(),
        series: Some(SERIES),
        number: Some(number),
        date: day,
        start: NaiveTime::from_hms_opt(10, 0, 0),
        end: NaiveTime::from_hms_opt(12, 0, 0),
        location: "Northwood".into(),
        state: MeetingState::Held,
        marking: "OFFICIAL".into(),
        actions,
        ..Meeting::default()
    }
}

/// The series (first Thursday of the month) with No. 1 and No. 2 held;
/// No. 2 raised [`FIRM`], open, and [`ROOM`], done.
pub fn register() -> Register {
    let mut r = Register::new("Coalition of the Willing");
    r.markings = vec![
        "OFFICIAL".into(),
        "OFFICIAL-SENSITIVE".into(),
        "SECRET".into(),
    ];
    r.capability_areas = vec!["Air".into()];
    r.participants.insert(
        GBR,
        Participant {
            name: "United Kingdom".into(),
            code: "GBR".into(),
            kind: ParticipantKind::Nation,
            ..Participant::default()
        },
    );
    r.series.insert(
        SERIES,
        SessionSeries {
            name: "Defence ministers".into(),
            cadence: "FREQ=MONTHLY;BYDAY=1TH".into(),
            first: Some(date(2026, 11, 5)),
            start: NaiveTime::from_hms_opt(10, 0, 0),
            end: NaiveTime::from_hms_opt(12, 0, 0),
            location: "Northwood".into(),
            ..SessionSeries::default()
        },
    );
    r.meetings
        .insert(FIRST, session(1, date(2026, 11, 5), Vec::new()));
    r.meetings.insert(
        SECOND,
        session(
            2,
            date(2026, 12, 3),
            vec![action(FIRM, false), action(ROOM, true)],
        ),
    );
    r.next_id = 5;
    r
}

/// Schedules the next session of the series on `day` as the window does
/// ("New meeting in a series" and "Schedule this session" make the same
/// edit) and returns its id.
pub fn schedule(r: &mut Register, day: NaiveDate) -> MeetingId {
    let (id, change) = new_records::meeting_in_series(r, SERIES, day).unwrap();
    edit::apply(r, change);
    id
}

/// Sets whether the action at `at` is done, where it lives.
pub fn set_done(r: &mut Register, at: ActionAt, done: bool) {
    let mut meeting = r.meeting(at.meeting).unwrap().clone();
    meeting.actions[at.index].done = done;
    edit::apply(r, Edit::Meeting(at.meeting, Some(meeting)));
}

/// No. 3 (7 January 2027) and No. 4 (4 February 2027) as a build from
/// before this change scheduled them: each with a copy of [`FIRM`]. No. 3
/// also raised "Brief the chiefs", copied into No. 4.
pub fn with_copies() -> (Register, MeetingId, MeetingId) {
    let mut r = register();
    let (third, fourth) = (MeetingId(5), MeetingId(6));
    r.meetings.insert(
        third,
        session(
            3,
            date(2027, 1, 7),
            vec![action(FIRM, false), action("Brief the chiefs", false)],
        ),
    );
    r.meetings.insert(
        fourth,
        session(
            4,
            date(2027, 2, 4),
            vec![action(FIRM, false), action("Brief the chiefs", false)],
        ),
    );
    r.meetings.get_mut(&fourth).unwrap().state = MeetingState::Planned;
    r.next_id = 7;
    (r, third, fourth)
}
