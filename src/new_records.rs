//! New records as the officer gets them, whether from the menu, a panel's
//! button, the command palette or the timeline: each constructor returns
//! the new record's id and the edit that adds it, so every way in makes
//! the same record. A series' next session is built in `session.rs`.

use chrono::NaiveDate;

mod session;

pub use session::{
    carry_over, new_session, next_number, take_series_defaults, with_carried_actions,
};

use crate::edit::Edit;
use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId, Participant, ParticipantId,
    Person, PersonId, Register, Role, SeriesId, SessionSeries,
};

/// The note on a new commitment's first history entry.
pub const CREATED_NOTE: &str = "Created in Coalition Desk";

/// A participant called "New participant", ready to be renamed.
pub fn participant(register: &Register) -> (ParticipantId, Edit) {
    let id = ParticipantId(register.fresh_id());
    let participant = Participant {
        name: "New participant".into(),
        ..Participant::default()
    };
    (id, Edit::Participant(id, Some(participant)))
}

/// A session series called "New series", meeting monthly from `today` on
/// the weekday `today` falls on.
pub fn series(register: &Register, today: NaiveDate) -> (SeriesId, Edit) {
    let id = SeriesId(register.fresh_id());
    let series = SessionSeries {
        name: "New series".into(),
        cadence: monthly_like(today),
        first: Some(today),
        ..SessionSeries::default()
    };
    (id, Edit::Series(id, Some(series)))
}

/// The RRULE of a monthly series meeting on the weekday `first` falls on,
/// in the same week of the month (the series editor's `Cadence` reads it
/// back; it is written here because the editor lives above this layer).
fn monthly_like(first: NaiveDate) -> String {
    use chrono::Datelike;
    // A fifth weekday is missing from most months: call it the last.
    let nth = match first.day0() / 7 + 1 {
        5 => -1,
        n => i64::from(n),
    };
    let day = crate::model::recurrence::weekday_code(first.weekday());
    format!("FREQ=MONTHLY;BYDAY={nth}{day}")
}

/// A representative of `participant` with no name yet, in a role from
/// `today`.
pub fn person(
    register: &Register,
    participant: ParticipantId,
    today: NaiveDate,
) -> (PersonId, Edit) {
    let id = PersonId(register.fresh_id());
    let person = Person {
        roles: vec![Role {
            participant,
            from: Some(today),
            ..Role::default()
        }],
        ..Person::default()
    };
    (id, Edit::Person(id, Some(person)))
}

/// The title a new meeting outside a series starts with.
pub const NEW_MEETING_TITLE: &str = "New meeting";

/// A meeting called "New meeting", dated `today`, at the lowest marking.
pub fn meeting(register: &Register, today: NaiveDate) -> (MeetingId, Edit) {
    let id = MeetingId(register.fresh_id());
    let meeting = Meeting {
        title: NEW_MEETING_TITLE.into(),
        date: today,
        marking: register.lowest_marking().into(),
        ..Meeting::default()
    };
    (id, Edit::Meeting(id, Some(meeting)))
}

/// The session of `series` on `date`: the series' title, the next
/// number, time, place, format and convenors, with the previous session's
/// open actions carried over to it. "New meeting in a series" makes it for
/// today, "Schedule this session" for a projected occurrence's day. `None`
/// when the series does not exist.
pub fn meeting_in_series(
    register: &Register,
    series: SeriesId,
    date: NaiveDate,
) -> Option<(MeetingId, Edit)> {
    let meeting = new_session(register, series, date)?;
    let id = MeetingId(register.fresh_id());
    Some((id, with_carried_actions(register, id, meeting)))
}

/// A person first met as a delegate: `name`, holding `title` for
/// `participant` from `from` (the meeting's date) on. Blank names are
/// refused, since the officer could not find the person again.
pub fn delegate(
    register: &Register,
    name: &str,
    title: &str,
    participant: ParticipantId,
    from: NaiveDate,
) -> Option<(PersonId, Edit)> {
    let person = Person::delegate(name, title, participant, from)?;
    let id = PersonId(register.fresh_id());
    Some((id, Edit::Person(id, Some(person))))
}

/// A proposed commitment called "New commitment" by `participant` (or the
/// first participant by name), in the first capability area, with a
/// history entry saying it was created `today`. `None` when the register
/// has no participant: every commitment is made by one.
pub fn commitment(
    register: &Register,
    participant: Option<ParticipantId>,
    today: NaiveDate,
) -> Option<(CommitmentId, Edit)> {
    let participant = participant
        .filter(|id| register.participant(*id).is_some())
        .or_else(|| register.participants_by_name().first().copied())?;
    let id = CommitmentId(register.fresh_id());
    let mut commitment = Commitment {
        participant,
        title: "New commitment".into(),
        area: register
            .capability_areas
            .first()
            .cloned()
            .unwrap_or_default(),
        marking: register.lowest_marking().into(),
        ..Commitment::default()
    };
    commitment.change_status(CommitmentStatus::Proposed, today, CREATED_NOTE, None);
    Some((id, Edit::Commitment(id, Some(commitment))))
}
