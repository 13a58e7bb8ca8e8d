//! The search index (`coalition_desk::search`) finds every kind of record.
//! It lives with the tracking tests because it searches their fixture
//! register.

use crate::common::{FRA, MINISTERS};
use coalition_desk::model::{ActionItem, CommitmentId, Decision, Field};
use coalition_desk::search::{SearchIndex, SearchTarget};

use super::fixture::*;

#[test]
fn search_finds_every_kind_of_record() {
    let mut r = two_sessions();
    r.meetings
        .get_mut(&MINISTERS)
        .unwrap()
        .agenda
        .push(coalition_desk::model::AgendaItem {
            title: "Maritime security".into(),
            notes: "Black Sea corridor".into(),
            ..Default::default()
        });
    let index = SearchIndex::build(&r);
    let first = |q: &str| index.find(q, 5).first().map(|h| (h.kind, h.target));
    assert_eq!(
        first("france"),
        Some(("Participant", SearchTarget::Participant(FRA)))
    );
    assert_eq!(
        first("lecornu"),
        Some(("Person", SearchTarget::Participant(FRA)))
    );
    assert_eq!(
        first("black sea"),
        Some(("Agenda", SearchTarget::Meeting(MINISTERS)))
    );
    assert_eq!(
        first("patrol"),
        Some(("Commitment", SearchTarget::Commitment(CommitmentId(42))))
    );
    assert!(index.find("nothing like this", 5).is_empty());
}

#[test]
fn search_finds_decisions_actions_and_notes_at_their_place() {
    let mut r = two_sessions();
    let meeting = r.meetings.get_mut(&MINISTERS).unwrap();
    meeting.decisions.push(Decision {
        text: "Adopt the framework.".into(),
        ..Decision::default()
    });
    meeting.decisions.push(Decision {
        text: "Establish a maritime coordination cell in Odesa.".into(),
        ..Decision::default()
    });
    meeting.actions.push(ActionItem {
        text: "Circulate the terms of reference to capitals".into(),
        ..ActionItem::default()
    });
    meeting.notes = "Estonia attended through its embassy".into();
    meeting.restricted_notes = "Planning figures shared orally".into();
    let action = meeting.actions.len() - 1;
    let index = SearchIndex::build(&r);
    let first = |q: &str| {
        index
            .find(q, 5)
            .first()
            .map(|h| (h.kind, h.target, h.at, h.title.clone()))
    };
    let (kind, target, at, title) = first("coordination cell").unwrap();
    assert_eq!(
        (kind, target, at),
        (
            "Decision",
            SearchTarget::Meeting(MINISTERS),
            Some(Field::Decision(1))
        )
    );
    assert!(
        title.starts_with("Establish a maritime coordination cell in Odesa. - "),
        "{title}"
    );
    assert_eq!(
        first("terms of reference").map(|h| (h.0, h.2)),
        Some(("Action", Some(Field::Action(action))))
    );
    assert_eq!(
        first("embassy").map(|h| (h.0, h.2)),
        Some(("Notes", Some(Field::Notes)))
    );
    assert_eq!(
        first("planning figures").map(|h| (h.0, h.2)),
        Some(("Notes", Some(Field::RestrictedNotes)))
    );
    // The meeting's own title finds the meeting first, not its decisions.
    let title = r.meetings[&MINISTERS].title.clone();
    assert_eq!(first(&title).map(|h| (h.0, h.2)), Some(("Meeting", None)));
}
