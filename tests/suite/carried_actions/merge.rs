//! Two offices that each scheduled the next session carried the same open
//! actions over to their own new session: the merge keeps each action
//! once, carried over to both, without a conflict, unless the two sessions
//! together break the series' numbering, which is then a conflict.

use coalition_desk::merge::merge;
use coalition_desk::model::{MeetingId, Register};
use proptest::prelude::*;

use super::fixture::*;

/// A session the office may schedule next.
fn day(choice: usize) -> chrono::NaiveDate {
    [date(2027, 1, 7), date(2027, 1, 14), date(2027, 2, 4)][choice]
}

fn base_with(actions: usize, done: u8) -> Register {
    let mut r = register();
    let second = r.meetings.get_mut(&SECOND).unwrap();
    second.actions = (0..actions)
        .map(|k| action(&format!("Action {k}"), done & (1 << k) != 0))
        .collect();
    r
}

/// The copy an office kept: it scheduled a session on `on` and, if
/// asked, marked the first action it carried done there.
fn office_copy(
    base: &Register,
    office: &str,
    on: chrono::NaiveDate,
    mark_done: bool,
) -> (Register, MeetingId) {
    let mut copy = base.clone();
    copy.office = office.into();
    let id = schedule(&mut copy, on);
    if mark_done && let Some(at) = copy.carried_over(id).first().and_then(|c| c.at) {
        set_done(&mut copy, at, true);
    }
    (copy, id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn two_copies_that_both_carried_an_action_over_keep_one_action(
        actions in 1usize..4,
        done in any::<u8>(),
        offices in any::<bool>(),
        (ours_day, theirs_day) in (0usize..3, 0usize..3),
        (ours_done, theirs_done) in (any::<bool>(), any::<bool>()),
    ) {
        let base = base_with(actions, done);
        let (ours_office, theirs_office) = if offices { ("LON", "PAR") } else { ("", "") };
        let (ours, _) = office_copy(&base, ours_office, day(ours_day), ours_done);
        let (theirs, _) = office_copy(&base, theirs_office, day(theirs_day), theirs_done);
        let merged = merge(&base, &ours, &theirs, "LON", "PAR", date(2027, 3, 1).and_hms_opt(9, 0, 0).unwrap());
        let r = &merged.register;
        let expected_sessions = if offices || ours_day != theirs_day { 2 } else { 1 };
        if !merged.conflicts.is_empty() {
            // Two sessions each scheduled as the series' next are both
            // numbered alike, which `check` rejects: the merge holds the
            // other copy's back as a conflict naming the rule (issue 19,
            // item 13), and each action is still written once.
            prop_assert_eq!(expected_sessions, 2, "{:?}", merged.conflicts);
            prop_assert!(merged.conflicts.iter().all(|c| !c.broken_rule.is_empty()));
            for k in 0..actions {
                let text = format!("Action {k}");
                let written = r.meetings.values().flat_map(|m| &m.actions).filter(|a| a.text == text).count();
                prop_assert_eq!(written, 1, "{} is one action", text);
            }
            let conflicts: Vec<String> = r.conflict_problems().into_iter().map(|p| p.message).collect();
            let had: Vec<String> = ours.validate(date(2027, 3, 1)).into_iter().map(|p| p.message).collect();
            for problem in r.validate(date(2027, 3, 1)) {
                prop_assert!(
                    conflicts.contains(&problem.message) || had.contains(&problem.message),
                    "nothing new for check but the conflicts: {}", problem.message
                );
            }
            return Ok(());
        }

        let open_in_base: Vec<String> = base.meeting(SECOND).unwrap().actions.iter()
            .filter(|a| !a.done).map(|a| a.text.clone()).collect();
        for k in 0..actions {
            let text = format!("Action {k}");
            let written = r.meetings.values()
                .flat_map(|m| &m.actions)
                .filter(|a| a.text == text)
                .count();
            prop_assert_eq!(written, 1, "{} is one action", text);
        }
        let later: Vec<MeetingId> = r.meetings.iter()
            .filter(|(_, m)| m.date > date(2026, 12, 3))
            .map(|(id, _)| *id)
            .collect();
        prop_assert_eq!(later.len(), expected_sessions);
        for id in &later {
            let shown: Vec<String> = r.carried_over(*id).into_iter().map(|c| c.action.text).collect();
            prop_assert_eq!(&shown, &open_in_base, "each session shows each open action once");
        }
        let first_open = base.meeting(SECOND).unwrap().actions.iter().position(|a| !a.done);
        if let Some(first) = first_open {
            let now_done = r.meeting(SECOND).unwrap().actions[first].done;
            prop_assert_eq!(now_done, ours_done || theirs_done, "done is one field");
        }
        prop_assert!(
            r.validate(date(2027, 3, 1)).iter().all(|p| !p.message.contains("carried over to a meeting")),
            "every session the action lists is in the register"
        );
    }
}
