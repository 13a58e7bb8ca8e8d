//! What moved since the last session of a series, and its CSV.

use crate::common::{MINISTERS, date};
use coalition_desk::model::{CommitmentId, CommitmentStatus, MeetingId};
use coalition_desk::tracking::{self, since_last_session};

use super::fixture::*;

#[test]
fn since_last_session_lists_what_moved() {
    let r = two_sessions();
    let changes = since_last_session(&r, MeetingId(41)).unwrap();
    assert_eq!(changes.previous, Some(MINISTERS));
    assert_eq!(changes.from, Some(date(2025, 4, 10)));
    assert_eq!(changes.new_commitments, vec![CommitmentId(42)]);
    let moved: Vec<_> = changes
        .status_changes
        .iter()
        .map(|s| (s.commitment, s.from, s.to))
        .collect();
    assert_eq!(
        moved,
        vec![
            (
                CommitmentId(20),
                Some(CommitmentStatus::Pledged),
                CommitmentStatus::Committed
            ),
            (
                CommitmentId(20),
                Some(CommitmentStatus::Committed),
                CommitmentStatus::InDelivery
            ),
        ]
    );
    assert_eq!(changes.deliveries.len(), 1);
    assert_eq!(changes.deliveries[0].amount, dec("500"));
    assert_eq!(changes.deliveries[0].unit, "missiles");
    // Demining was due 1 May and is still in delivery on 5 June.
    assert_eq!(changes.became_overdue, vec![CommitmentId(21)]);
    assert_eq!(changes.open_actions.len(), 1);
    assert_eq!(
        changes.open_actions[0].text,
        "Circulate the air defence plan"
    );
    let csv = tracking::since::changes_csv(&r, &changes).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Delivery,2025-06-01,GBR,Air defence missiles,500 missiles"));
    // The first session has no previous one: everything up to it.
    let first = since_last_session(&r, MINISTERS).unwrap();
    assert_eq!(first.previous, None);
    assert!(first.open_actions.is_empty());
}
