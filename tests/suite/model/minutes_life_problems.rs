//! `check` on a record's life as a file may hold it: steps out of order or
//! before the meeting, approvals at a meeting not in the register or held
//! before, circulation to a participant not in the register, revisions of
//! a record never approved. Each is said in the officer's words, on the
//! meeting, at its record.

use coalition_desk::document::{Document, Origin};
use coalition_desk::edit;
use coalition_desk::model::*;

use super::fixture::*;

const APRIL_RECORD: &str =
    "the record of the meeting \u{201c}Defence ministers\u{201d} (2025-04-10)";

fn circulated(on: chrono::NaiveDate, to: Vec<ParticipantId>) -> MinutesStep {
    MinutesStep {
        date: on,
        state: MinutesState::Circulated,
        circulated_to: to,
        comments_due: Some(date(2025, 4, 25)),
        ..MinutesStep::default()
    }
}

fn approved(on: chrono::NaiveDate, at: Option<MeetingId>) -> MinutesStep {
    MinutesStep {
        date: on,
        state: MinutesState::Approved,
        approved_at: at,
        approved_by: "The defence ministers".into(),
        ..MinutesStep::default()
    }
}

fn revision(number: u32, on: chrono::NaiveDate) -> Revision {
    Revision {
        number,
        date: on,
        reason: "The location was wrong".into(),
        changes: Vec::new(),
    }
}

/// The problems `validate` finds in the record life of meeting `id`
/// written as `life`, checking each is on that meeting, at its record.
fn problems_of(mut register: Register, id: MeetingId, life: MinutesLife) -> Vec<String> {
    meeting_mut(&mut register, id).minutes = life;
    let problems = register.validate(today());
    let at_record: Vec<_> = problems
        .iter()
        .filter(|p| p.field == Some(Field::MinutesLife))
        .collect();
    for problem in &at_record {
        assert_eq!(problem.record, Some(Record::Meeting(id)), "{problem:?}");
    }
    // The editor's own list says the same.
    let editor: Vec<_> = register
        .meeting_problems_of(id, today())
        .into_iter()
        .filter(|p| p.field == Some(Field::MinutesLife))
        .collect();
    assert_eq!(editor.len(), at_record.len());
    at_record.iter().map(|p| p.message.clone()).collect()
}

fn april_problems(history: Vec<MinutesStep>, revisions: Vec<Revision>) -> Vec<String> {
    problems_of(
        fixture_may_held(),
        APRIL,
        MinutesLife { history, revisions },
    )
}

fn the(record: &str, rest: &str) -> String {
    format!("The {}{rest}", record.trim_start_matches("the "))
}

#[test]
fn a_life_made_by_the_moves_has_no_problems() {
    let mut document = Document::new(fixture_may_held(), Origin::Untitled);
    let moves = [
        (
            MinutesMove::Circulate {
                to: vec![GBR, FRA],
                comments_due: date(2025, 4, 25),
            },
            date(2025, 4, 14),
        ),
        (
            MinutesMove::Approve {
                at: Some(MAY),
                by: "The defence ministers".into(),
            },
            date(2025, 5, 10),
        ),
        (
            MinutesMove::Revise {
                reason: "NATO omitted".into(),
            },
            date(2025, 6, 2),
        ),
        (
            MinutesMove::Circulate {
                to: vec![GBR, FRA],
                comments_due: date(2025, 6, 10),
            },
            date(2025, 6, 3),
        ),
        (
            MinutesMove::Approve {
                at: None,
                by: String::new(),
            },
            date(2025, 6, 12),
        ),
    ];
    for (step, on) in moves {
        let edit = edit::move_minutes(document.register(), APRIL, step, on, today()).unwrap();
        document.apply(edit).unwrap();
    }
    assert_eq!(document.register().validate(today()), vec![]);
}

#[test]
fn steps_out_of_date_order_or_out_of_turn_are_reported() {
    assert_eq!(
        april_problems(
            vec![
                circulated(date(2025, 4, 20), vec![GBR]),
                approved(date(2025, 4, 14), None)
            ],
            vec![]
        ),
        [format!(
            "The history of {APRIL_RECORD} is out of date order: it was approved on \
             2025-04-14, before the step listed ahead of it (2025-04-20)"
        )]
    );
    assert_eq!(
        april_problems(
            vec![
                approved(date(2025, 5, 10), Some(MAY)),
                circulated(date(2025, 5, 12), vec![GBR])
            ],
            vec![]
        ),
        [format!(
            "The history of {APRIL_RECORD} is out of order: it was circulated on 2025-05-12 \
             while approved, with no revision opened first"
        )]
    );
    let back_to_draft = MinutesStep {
        date: date(2025, 4, 12),
        note: "Redrafted".into(),
        ..MinutesStep::default()
    };
    assert_eq!(
        april_problems(vec![back_to_draft], vec![]),
        [format!(
            "The history of {APRIL_RECORD} is out of order: it goes back to Draft on \
             2025-04-12 when it was neither circulated nor approved"
        )]
    );
}

#[test]
fn steps_before_the_meeting_after_today_or_of_a_meeting_not_held_are_reported() {
    assert_eq!(
        april_problems(vec![circulated(date(2025, 4, 9), vec![GBR])], vec![]),
        [the(
            APRIL_RECORD,
            " was circulated on 2025-04-09, before the meeting was held"
        )]
    );
    assert_eq!(
        april_problems(vec![approved(date(2025, 7, 2), None)], vec![]),
        [the(
            APRIL_RECORD,
            " was approved on 2025-07-02, which is after today"
        )]
    );
    let mut register = fixture();
    meeting_mut(&mut register, APRIL).state = MeetingState::Postponed;
    let life = MinutesLife {
        history: vec![circulated(date(2025, 4, 14), vec![GBR])],
        revisions: vec![],
    };
    assert_eq!(
        problems_of(register, APRIL, life),
        [the(
            APRIL_RECORD,
            " was circulated on 2025-04-14, but the meeting is Postponed: only the record \
             of a held meeting is circulated or approved"
        )]
    );
}

#[test]
fn an_approval_at_a_meeting_not_in_the_register_or_held_before_is_reported() {
    assert_eq!(
        april_problems(
            vec![approved(date(2025, 5, 10), Some(MeetingId(99)))],
            vec![]
        ),
        [the(
            APRIL_RECORD,
            " was approved on 2025-05-10 at a meeting that is not in the register"
        )]
    );
    // May's record approved at April's session, a month before May's.
    let mut register = fixture();
    meeting_mut(&mut register, MAY).state = MeetingState::Held;
    let life = MinutesLife {
        history: vec![approved(date(2025, 5, 12), Some(APRIL))],
        revisions: vec![],
    };
    assert_eq!(
        problems_of(register, MAY, life),
        [
            "The record of the meeting \u{201c}Defence ministers\u{201d} (2025-05-10) was \
          approved on 2025-05-12 at the meeting \u{201c}Defence ministers\u{201d} \
          (2025-04-10), which was held before it"
        ]
    );
}

#[test]
fn a_circulation_to_a_participant_not_in_the_register_is_reported() {
    assert_eq!(
        april_problems(
            vec![circulated(date(2025, 4, 14), vec![FRA, ParticipantId(99)])],
            vec![]
        ),
        [the(
            APRIL_RECORD,
            " was circulated on 2025-04-14 to a participant that is not in the register"
        )]
    );
}

#[test]
fn a_revision_of_a_record_never_approved_or_not_opened_in_its_history_is_reported() {
    assert_eq!(
        april_problems(
            vec![circulated(date(2025, 4, 14), vec![GBR])],
            vec![revision(1, date(2025, 5, 1))]
        ),
        [the(
            APRIL_RECORD,
            " has revision 1 (opened 2025-05-01) but was never approved: only an approved \
             record is revised"
        )]
    );
    assert_eq!(
        april_problems(
            vec![approved(date(2025, 5, 10), Some(MAY))],
            vec![revision(2, date(2025, 6, 2))]
        ),
        [
            the(
                APRIL_RECORD,
                " lists revision 2 where revision 1 belongs: revisions are numbered 1, 2, \
                 \u{2026} in the order they were opened"
            ),
            the(
                APRIL_RECORD,
                " has revision 2 (opened 2025-06-02), which its history does not open: a \
                 revision starts with a step back to Draft after an approval"
            ),
        ]
    );
}

/// Approvals that could not have happened, as a file may already hold
/// them: each is reported on the record, in the rule's words.
#[test]
fn approvals_that_could_not_have_happened_are_reported() {
    let may = "the meeting \u{201c}Defence ministers\u{201d} (2025-05-10)";
    // At a session still planned for a later day.
    assert_eq!(
        problems_of(
            fixture(),
            APRIL,
            MinutesLife {
                history: vec![approved(date(2025, 4, 20), Some(MAY))],
                revisions: vec![],
            }
        ),
        [the(
            APRIL_RECORD,
            &format!(
                " was approved on 2025-04-20 at {may}, which is Planned: only a held meeting \
                 approves a record"
            )
        )]
    );
    // At a held session, but not on the day it was held.
    assert_eq!(
        april_problems(vec![approved(date(2025, 5, 12), Some(MAY))], vec![]),
        [the(
            APRIL_RECORD,
            &format!(
                " was approved on 2025-05-12 at {may}, which was held on 2025-05-10: an \
                 approval at a meeting is dated the day it was held"
            )
        )]
    );
    // At the meeting it records.
    assert_eq!(
        april_problems(vec![approved(date(2025, 4, 10), Some(APRIL))], vec![]),
        [the(
            APRIL_RECORD,
            " was approved on 2025-04-10 at that same meeting: a record is approved at a \
             later meeting, or by written procedure with no meeting"
        )]
    );
    // By written procedure, never circulated for comment.
    assert_eq!(
        april_problems(vec![approved(date(2025, 5, 10), None)], vec![]),
        [the(
            APRIL_RECORD,
            " was approved on 2025-05-10 by written procedure (at no meeting) without being \
             circulated for comment first"
        )]
    );
    // By written procedure, before the comment period ended on 2025-04-25.
    assert_eq!(
        april_problems(
            vec![
                circulated(date(2025, 4, 14), vec![GBR]),
                approved(date(2025, 4, 20), None)
            ],
            vec![]
        ),
        [the(
            APRIL_RECORD,
            " was approved on 2025-04-20 by written procedure (at no meeting), before its \
             comment period ended on 2025-04-25"
        )]
    );
    // Once the comment period has ended, the silence procedure holds.
    assert_eq!(
        april_problems(
            vec![
                circulated(date(2025, 4, 14), vec![GBR]),
                approved(date(2025, 4, 25), None)
            ],
            vec![]
        ),
        Vec::<String>::new()
    );
}
