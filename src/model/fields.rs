//! Where in a record something is: the field a problem is about, or the
//! part of a meeting a search hit was found in. The window opens the record
//! there, so the officer lands on what to read or mend.

use super::ParticipantId;

/// A field or part of a record, in the window's words. Which fields a
/// record has depends on its kind; a panel ignores one it does not show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A participant's, person's or series' name.
    Name,
    /// A participant's code.
    Code,
    /// A person's role, by its place in the person's list (from 0).
    Role(usize),
    /// A series' cadence.
    Cadence,
    /// A series' exceptions.
    Exceptions,
    /// A meeting's date, or a series' first session.
    Date,
    /// A meeting's or commitment's title.
    Title,
    /// The series a meeting belongs to.
    Series,
    /// A meeting's number in its series.
    Number,
    /// A meeting's state (Planned, Held …).
    State,
    /// A meeting's or series' start and end times.
    Times,
    /// A meeting's or commitment's protective marking.
    Marking,
    /// A meeting's or series' convenors.
    Convenors,
    /// A meeting's co-chairs.
    Chairs,
    /// A meeting's attendance row of one participant.
    Attendance(ParticipantId),
    /// A meeting's agenda item, by its place on the agenda (from 0).
    Agenda(usize),
    /// A meeting's decision, by its place in the list (from 0).
    Decision(usize),
    /// A meeting's action item, by its place in the list (from 0).
    Action(usize),
    /// A meeting's notes: the secretariat's own.
    Notes,
    /// A meeting's restricted notes, printed only when asked for.
    RestrictedNotes,
    /// A meeting's public statement.
    Statement,
    /// The participant that made a commitment.
    Participant,
    /// The meeting where a commitment was announced.
    AnnouncedAt,
    /// A commitment's capability area.
    Area,
    /// A commitment's quantity and unit.
    Quantity,
    /// A commitment's money value and currency.
    Value,
    /// A commitment's deliveries.
    Deliveries,
    /// A commitment's status and its dated history.
    History,
    /// A meeting's record: its dated life (circulation, approval) and its
    /// revisions.
    MinutesLife,
}
