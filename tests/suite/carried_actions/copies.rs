//! A register written before actions carried over as one holds copies:
//! `check` names each group once, and the officer makes them one action in
//! one undo step.

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin, ProblemCache};
use coalition_desk::edit::{self, Edit};
use coalition_desk::model::{ActionAt, Field, MinutesState, MinutesStep, Record, Register};
use coalition_desk::report::{SummaryOptions, meeting_summary};

use super::fixture::*;

fn later() -> NaiveDate {
    date(2027, 3, 1)
}

fn copy_sentences(r: &Register) -> Vec<coalition_desk::model::Problem> {
    r.validate(later())
        .into_iter()
        .filter(|p| {
            p.message
                .contains("as copies carried from session to session")
        })
        .collect()
}

#[test]
fn check_names_each_group_of_copies_in_one_sentence() {
    let (r, third, fourth) = with_copies();
    let problems = copy_sentences(&r);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(problems[0].record, Some(Record::Meeting(fourth)));
    assert_eq!(problems[0].field, Some(Field::Action(0)));
    assert!(
        problems[0].message.contains(&format!(
            "action 1 \u{201c}{FIRM}\u{201d} is written 3 times, in No. 2 (3 December 2026), \
             No. 3 (7 January 2027) and No. 4 (4 February 2027)"
        )),
        "{}",
        problems[0].message
    );
    assert!(
        problems[1]
            .message
            .contains("is written 2 times, in No. 3 (7 January 2027) and No. 4")
    );
    assert_eq!(
        r.copy_group(ActionAt {
            meeting: third,
            index: 0
        })
        .unwrap()
        .copies
        .len(),
        3
    );
    assert!(
        r.copy_group(ActionAt {
            meeting: SECOND,
            index: 1
        })
        .is_none(),
        "written once"
    );
}

#[test]
fn make_one_action_is_one_undo_step() {
    let (r, third, fourth) = with_copies();
    let mut doc = Document::new(r.clone(), Origin::Untitled);
    let at = ActionAt {
        meeting: fourth,
        index: 0,
    };
    doc.apply(edit::make_actions_one(doc.register(), at).unwrap())
        .unwrap();
    let one = doc.register();
    let texts = |id| -> Vec<String> {
        one.meeting(id)
            .unwrap()
            .actions
            .iter()
            .map(|a| a.text.clone())
            .collect()
    };
    assert_eq!(texts(third), ["Brief the chiefs"]);
    assert_eq!(texts(fourth), ["Brief the chiefs"]);
    assert_eq!(
        one.meeting(SECOND).unwrap().actions[0].carried_to,
        [third, fourth]
    );
    let shown: Vec<_> = one
        .carried_over(fourth)
        .into_iter()
        .map(|c| (c.from, c.action.text))
        .collect();
    assert_eq!(shown, [(SECOND, FIRM.to_string())]);
    assert_eq!(copy_sentences(one).len(), 1, "only the other group is left");
    assert!(doc.undo());
    assert_eq!(doc.register(), &r, "one step takes it all back");
    assert!(!doc.can_undo());
}

#[test]
fn the_one_action_is_done_when_a_copy_was() {
    let (mut r, third, fourth) = with_copies();
    r.meetings.get_mut(&third).unwrap().actions[0].done = true;
    let at = ActionAt {
        meeting: fourth,
        index: 0,
    };
    let one = edit::make_actions_one(&r, at).unwrap();
    edit::apply(&mut r, one);
    assert!(r.meeting(SECOND).unwrap().actions[0].done);
}

#[test]
fn an_approved_record_keeps_its_copy_as_it_approved_it() {
    let (mut r, third, fourth) = with_copies();
    r.meetings
        .get_mut(&third)
        .unwrap()
        .minutes
        .history
        .push(MinutesStep {
            date: date(2027, 1, 8),
            state: MinutesState::Approved,
            ..MinutesStep::default()
        });
    let options = SummaryOptions::default();
    let printed = |r: &Register| -> Vec<String> {
        let summary = meeting_summary(r, third, &options, later()).unwrap();
        summary
            .actions
            .unwrap()
            .into_iter()
            .map(|a| a.text)
            .collect()
    };
    let before = printed(&r);
    let mut doc = Document::new(r, Origin::Untitled);
    let at = ActionAt {
        meeting: fourth,
        index: 0,
    };
    doc.apply(edit::make_actions_one(doc.register(), at).unwrap())
        .unwrap();
    let one = doc.register();
    assert_eq!(
        printed(one),
        before,
        "the approved record says what it said"
    );
    assert_eq!(one.meeting(third).unwrap().carried_as_approved.len(), 1);
    assert_eq!(one.meeting(third).unwrap().actions.len(), 1);
}

#[test]
fn the_problems_kept_current_follow_a_change_in_an_earlier_session() {
    let (r, ..) = with_copies();
    let mut doc = Document::new(r, Origin::Untitled);
    let mut cache = ProblemCache::default();
    assert_eq!(
        cache.problems(&doc, later()).len(),
        doc.register().validate(later()).len()
    );
    // Rewording the action where it was raised ends the group at No. 3/4.
    let mut second = doc.register().meeting(SECOND).unwrap().clone();
    second.actions[0].text = "Something else".into();
    doc.apply(Edit::Meeting(SECOND, Some(second))).unwrap();
    assert_eq!(
        cache.problems(&doc, later()),
        doc.register().validate(later()).as_slice()
    );
    assert_eq!(cache.full_passes(), 1, "rechecked record by record");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// `check` finds the groups of the whole register in one pass, a
    /// meeting's editor for the meeting alone: they say the same.
    #[test]
    fn the_whole_register_and_each_meeting_name_the_same_groups(
        sessions in proptest::collection::vec(
            (proptest::collection::vec(0usize..3, 0..4), proptest::bool::weighted(0.2)),
            1..6,
        ),
    ) {
        let texts = [FIRM, "Brief the chiefs", "Book the room"];
        let mut r = register();
        r.meetings.clear();
        for (n, (actions, cancelled)) in sessions.iter().enumerate() {
            let meeting = coalition_desk::model::Meeting {
                series: Some(super::fixture::SERIES),
                number: Some(n as u32 + 1),
                date: date(2027, 1, 7) + chrono::Days::new(28 * n as u64),
                state: if *cancelled {
                    coalition_desk::model::MeetingState::Cancelled
                } else {
                    coalition_desk::model::MeetingState::Planned
                },
                marking: "OFFICIAL".into(),
                actions: actions.iter().map(|&k| action(texts[k], false)).collect(),
                ..coalition_desk::model::Meeting::default()
            };
            r.meetings.insert(coalition_desk::model::MeetingId(10 + n as u64), meeting);
        }
        let whole: Vec<_> = copy_sentences(&r);
        let each: Vec<_> = r
            .meetings
            .keys()
            .flat_map(|&id| r.meeting_problems_of(id, later()))
            .filter(|p| p.message.contains("as copies carried from session to session"))
            .collect();
        proptest::prop_assert_eq!(whole, each);
    }
}
