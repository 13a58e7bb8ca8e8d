//! The search index (`coalition_desk::search`) finds every kind of record.
//! It lives with the tracking tests because it searches their fixture
//! register.

use crate::common::{FRA, MINISTERS};
use coalition_desk::model::CommitmentId;
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
