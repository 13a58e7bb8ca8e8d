//! Attendance in one step for many rows, without a window: *Mark all
//! present* and one status for several delegations (a letter typed in
//! the attendance grid).

use chrono::NaiveDate;
use coalition_desk::edit::{self, AllPresentRefused};
use coalition_desk::model::{
    Attendance, AttendanceStatus, Meeting, MeetingId, MeetingState, Participant, ParticipantId,
    Register,
};

const SESSION: MeetingId = MeetingId(100);

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// Five participants (the fifth joined after the session) and a session
/// on 20 November with no attendance recorded.
fn register(state: MeetingState) -> Register {
    let mut r = Register::new("Coalition");
    for n in 1..=5 {
        r.participants.insert(
            ParticipantId(n),
            Participant {
                name: format!("Nation {n}"),
                code: format!("N{n}"),
                joined: (n == 5).then(|| day(22)),
                ..Participant::default()
            },
        );
    }
    r.meetings.insert(
        SESSION,
        Meeting {
            title: "Ministers".into(),
            date: day(20),
            state,
            ..Meeting::default()
        },
    );
    r.next_id = 200;
    r
}

fn status(r: &Register, p: u64) -> Option<AttendanceStatus> {
    r.meetings[&SESSION]
        .attendance
        .get(&ParticipantId(p))
        .map(|a| a.status)
}

#[test]
fn mark_all_present_marks_every_member_without_an_answer_and_keeps_the_answers() {
    let mut r = register(MeetingState::Planned);
    let rows = &mut r.meetings.get_mut(&SESSION).unwrap().attendance;
    rows.insert(
        ParticipantId(2),
        Attendance {
            status: AttendanceStatus::Apologies,
            ..Attendance::default()
        },
    );
    rows.insert(
        ParticipantId(3),
        Attendance {
            status: AttendanceStatus::Invited,
            ..Attendance::default()
        },
    );
    assert_eq!(
        edit::all_present_delegations(&r, SESSION, day(25)),
        Ok(vec![ParticipantId(1), ParticipantId(3), ParticipantId(4)])
    );
    let marked = edit::all_present(&r, SESSION, day(25)).unwrap();
    edit::apply(&mut r, marked);
    assert_eq!(r.meetings[&SESSION].state, MeetingState::Held);
    assert_eq!(status(&r, 1), Some(AttendanceStatus::Present));
    assert_eq!(status(&r, 2), Some(AttendanceStatus::Apologies), "kept");
    assert_eq!(status(&r, 3), Some(AttendanceStatus::Present));
    assert_eq!(status(&r, 4), Some(AttendanceStatus::Present));
    assert_eq!(status(&r, 5), None, "not yet a member on the day");
    assert_eq!(
        edit::all_present(&r, SESSION, day(25)),
        Err(AllPresentRefused::NothingToMark)
    );
}

#[test]
fn mark_all_present_waits_for_the_session_and_says_why() {
    let r = register(MeetingState::Planned);
    let refused = edit::all_present(&r, SESSION, day(19)).unwrap_err();
    assert_eq!(refused, AllPresentRefused::NotYetHeld(day(20)));
    assert_eq!(
        refused.to_string(),
        "The meeting is on 2026-11-20: mark who attended once it has been held"
    );
    let cancelled = register(MeetingState::Cancelled);
    assert_eq!(
        edit::all_present(&cancelled, SESSION, day(25))
            .unwrap_err()
            .to_string(),
        "The meeting is cancelled: no one attended it"
    );
    let mut empty = register(MeetingState::Held);
    empty.participants.clear();
    assert_eq!(
        edit::all_present(&empty, SESSION, day(25)),
        Err(AllPresentRefused::NoParticipants)
    );
}

#[test]
fn one_status_for_several_rows_is_one_edit_and_lets_a_representation_go() {
    let mut r = register(MeetingState::Held);
    r.meetings.get_mut(&SESSION).unwrap().attendance.insert(
        ParticipantId(1),
        Attendance {
            status: AttendanceStatus::Represented,
            represented_by: Some(ParticipantId(2)),
            note: "Nation 2 spoke for it".into(),
            ..Attendance::default()
        },
    );
    let rows = [ParticipantId(1), ParticipantId(2), ParticipantId(3)];
    let edit = edit::set_attendance(&r, SESSION, &rows, AttendanceStatus::Apologies).unwrap();
    let before = r.clone();
    let undo = edit::apply(&mut r, edit);
    for p in 1..=3 {
        assert_eq!(status(&r, p), Some(AttendanceStatus::Apologies));
    }
    let first = &r.meetings[&SESSION].attendance[&ParticipantId(1)];
    assert_eq!(
        first.represented_by, None,
        "apologies are not a representation"
    );
    assert_eq!(first.note, "Nation 2 spoke for it", "the note stays");
    edit::apply(&mut r, undo);
    assert_eq!(r, before, "one undo takes all three back");
    assert_eq!(
        edit::set_attendance(
            &r,
            SESSION,
            &[ParticipantId(1)],
            AttendanceStatus::Represented
        ),
        None,
        "nothing changes: no edit"
    );
}

/// Any status as a number 0..6.
fn nth_status(n: usize) -> AttendanceStatus {
    AttendanceStatus::ALL[n % AttendanceStatus::ALL.len()]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 128, ..Default::default() })]

    /// Whatever was recorded before and whichever rows a letter takes:
    /// the rows chosen read the status, the others are as they were, and
    /// one undo puts everything back.
    #[test]
    fn a_letter_records_the_rows_chosen_and_nothing_else(
        before in proptest::collection::vec(proptest::option::of(0usize..6), 5),
        chosen in proptest::collection::btree_set(1u64..=5, 0..=5),
        typed in 0usize..6,
    ) {
        let mut r = register(MeetingState::Held);
        let rows = &mut r.meetings.get_mut(&SESSION).unwrap().attendance;
        for (i, recorded) in before.iter().enumerate() {
            if let Some(n) = recorded {
                rows.insert(
                    ParticipantId(i as u64 + 1),
                    Attendance { status: nth_status(*n), ..Attendance::default() },
                );
            }
        }
        let original = r.clone();
        let chosen: Vec<ParticipantId> = chosen.into_iter().map(ParticipantId).collect();
        let typed = nth_status(typed);
        match edit::set_attendance(&r, SESSION, &chosen, typed) {
            None => {
                for p in &chosen {
                    proptest::prop_assert_eq!(status(&r, p.0), Some(typed));
                }
            }
            Some(letter) => {
                let undo = edit::apply(&mut r, letter);
                for p in 1..=5u64 {
                    let wanted = if chosen.contains(&ParticipantId(p)) {
                        Some(typed)
                    } else {
                        status(&original, p)
                    };
                    proptest::prop_assert_eq!(status(&r, p), wanted);
                }
                edit::apply(&mut r, undo);
                proptest::prop_assert_eq!(&r, &original);
            }
        }
    }
}
