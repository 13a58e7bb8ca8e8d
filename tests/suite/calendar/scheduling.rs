//! Sessions projected from a series, and scheduling one with the open
//! actions of the last carried over.

use chrono::NaiveTime;
use coalition_desk::calendar::projected_sessions;
use coalition_desk::edit::Edit;
use coalition_desk::model::{MeetingId, MeetingState, ParticipantId, SeriesId};
use coalition_desk::new_records::meeting_in_series;

use super::fixture::*;

#[test]
fn projected_sessions_leave_out_those_already_meetings() {
    let r = register_with_series();
    let projected = projected_sessions(&r, date(2025, 4, 1), date(2025, 7, 1));
    let days: Vec<_> = projected.iter().map(|o| o.date).collect();
    assert_eq!(days, [date(2025, 5, 8), date(2025, 6, 12)]);
}

#[test]
fn scheduling_a_session_fills_it_from_the_series_and_carries_open_actions() {
    let mut r = register_with_series();
    let next = projected_sessions(&r, date(2025, 4, 11), date(2025, 6, 1));
    let (id, edit) = meeting_in_series(&r, next[0].series, next[0].date).unwrap();
    assert_eq!(id, MeetingId(4));
    let Edit::Batch(edits) = &edit else {
        panic!("the new meeting and the actions carried over to it")
    };
    let Some(Edit::Meeting(_, Some(meeting))) = edits.first() else {
        panic!("a new meeting first")
    };
    assert_eq!(meeting.date, date(2025, 5, 8));
    assert_eq!(meeting.number, Some(2));
    assert_eq!(meeting.series, Some(SeriesId(1)));
    assert_eq!(meeting.location, "Northwood");
    assert_eq!(meeting.convenors, [ParticipantId(1), ParticipantId(2)]);
    assert_eq!(meeting.start, NaiveTime::from_hms_opt(10, 0, 0));
    assert_eq!(meeting.state, MeetingState::Planned);
    assert!(meeting.actions.is_empty(), "no action is copied");
    coalition_desk::edit::apply(&mut r, edit);
    let carried: Vec<_> = r
        .carried_over(id)
        .into_iter()
        .map(|c| c.action.text)
        .collect();
    assert_eq!(
        carried,
        ["Circulate the capability map"],
        "only open actions carry over"
    );
}
