//! Commitments and register queries: status history, overdue, marking
//! ranks, fresh ids and the order meetings are listed in.

use coalition_desk::{edit::*, model::*};

use super::fixture::*;

#[test]
fn change_status_records_each_step_in_history() {
    let mut commitment = Commitment::default();
    assert_eq!(commitment.status, CommitmentStatus::Proposed);
    commitment.change_status(
        CommitmentStatus::Pledged,
        date(2025, 4, 10),
        "announced",
        Some(APRIL),
    );
    commitment.change_status(
        CommitmentStatus::Committed,
        date(2025, 5, 2),
        "signed",
        None,
    );
    assert_eq!(commitment.status, CommitmentStatus::Committed);
    assert_eq!(
        commitment.history,
        vec![
            StatusChange {
                date: date(2025, 4, 10),
                status: CommitmentStatus::Pledged,
                note: "announced".into(),
                meeting: Some(APRIL),
            },
            StatusChange {
                date: date(2025, 5, 2),
                status: CommitmentStatus::Committed,
                note: "signed".into(),
                meeting: None,
            },
        ]
    );
    assert!(commitment.status.is_firm());
    assert!(!CommitmentStatus::Pledged.is_firm());
}

#[test]
fn overdue_means_due_date_passed_and_still_owed() {
    let today = date(2025, 6, 1);
    let mut commitment = Commitment {
        due: Some(today),
        status: CommitmentStatus::Committed,
        ..Commitment::default()
    };
    assert!(!commitment.is_overdue(today), "due today is not overdue");
    commitment.due = Some(date(2025, 5, 31));
    assert!(commitment.is_overdue(today), "due yesterday is overdue");
    for status in CommitmentStatus::ALL {
        commitment.status = status;
        let closed = matches!(
            status,
            CommitmentStatus::Delivered | CommitmentStatus::Withdrawn
        );
        assert_eq!(commitment.is_overdue(today), !closed, "{status:?}");
    }
    commitment.status = CommitmentStatus::Pledged;
    commitment.due = None;
    assert!(!commitment.is_overdue(today), "no due date, never overdue");
}

#[test]
fn markings_rank_in_register_order_and_unknown_ranks_highest() {
    let register = Register::new("r");
    assert_eq!(register.marking_rank("OFFICIAL"), 0);
    assert_eq!(register.marking_rank("OFFICIAL-SENSITIVE"), 1);
    assert_eq!(register.marking_rank("SECRET"), 2);
    assert_eq!(register.marking_rank("COSMIC TOP SECRET"), 3);
    assert_eq!(register.lowest_marking(), "OFFICIAL");

    assert_eq!(
        register.highest_marking(["OFFICIAL", "SECRET", "OFFICIAL-SENSITIVE"]),
        Some("SECRET")
    );
    assert_eq!(
        register.highest_marking(["OFFICIAL", "", "OFFICIAL-SENSITIVE"]),
        Some("OFFICIAL-SENSITIVE")
    );
    assert_eq!(
        register.highest_marking(["SECRET", "NATO RESTRICTED"]),
        Some("NATO RESTRICTED"),
        "a level the register does not know never lowers the marking"
    );
    assert_eq!(register.highest_marking([""]), None);
    assert_eq!(register.highest_marking([]), None);
}

#[test]
fn fresh_id_is_never_reused_after_a_delete() {
    let mut register = fixture();
    let id = register.fresh_id();
    assert_eq!(id, 12);
    let participant = Participant {
        name: "Ukraine".into(),
        code: "UKR".into(),
        ..Participant::default()
    };
    apply(
        &mut register,
        Edit::Participant(ParticipantId(id), Some(participant)),
    );
    assert_eq!(register.fresh_id(), 13);
    apply(&mut register, Edit::Participant(ParticipantId(id), None));
    assert!(register.participant(ParticipantId(id)).is_none());
    assert_eq!(
        register.fresh_id(),
        13,
        "the deleted id is not handed out again"
    );

    // A hand-made file whose counter lags behind its records.
    let mut register = fixture();
    register.next_id = 1;
    assert_eq!(register.fresh_id(), 12);
}

#[test]
fn meetings_by_date_orders_by_date_then_start_then_id() {
    let mut register = Register::new("r");
    for (id, day, start) in [
        (1, 20, Some(time(9, 0))),
        (2, 10, Some(time(14, 0))),
        (3, 10, None),
        (4, 10, Some(time(9, 0))),
        (5, 1, Some(time(18, 0))),
        (6, 10, Some(time(9, 0))),
    ] {
        register.meetings.insert(
            MeetingId(id),
            Meeting {
                date: date(2025, 4, day),
                start,
                ..Meeting::default()
            },
        );
    }
    assert_eq!(
        register.meetings_by_date(),
        [5, 3, 4, 6, 2, 1].map(MeetingId).to_vec()
    );
}
