//! Validation: a clean register has no problems, each kind of problem is
//! found and said once, and delegates act through the role of the day.

use coalition_desk::model::*;

use super::fixture::*;
use super::validation_cases::cases;

#[test]
fn clean_register_has_no_problems() {
    assert_eq!(fixture().validate(today()), vec![]);
    assert_eq!(Register::new("Empty").validate(today()), vec![]);
}

#[test]
fn validation_finds_each_kind_of_problem() {
    for case in cases() {
        let mut register = fixture();
        (case.break_it)(&mut register);
        let problems = register.validate(today());
        let found = problems.iter().find(|p| {
            let message = p.message.to_lowercase();
            case.words
                .iter()
                .all(|w| message.contains(&w.to_lowercase()))
        });
        let Some(found) = found else {
            panic!(
                "{}: no problem mentions {:?}; found {problems:#?}",
                case.name, case.words
            );
        };
        assert_eq!(found.record, case.record, "{}: {found:?}", case.name);
        for problem in &problems {
            let message = problem.message.to_lowercase();
            for kind in ["participant", "person", "series", "meeting", "commitment"] {
                assert!(
                    !message.contains(&format!("{kind} {kind}")),
                    "{}: stutter in {message:?}",
                    case.name
                );
            }
        }
        if case.alone {
            assert_eq!(problems.len(), 1, "{}: {problems:#?}", case.name);
        }
    }
}

#[test]
fn delegate_role_dates_are_inclusive() {
    // A role that starts and ends on the day of the meeting covers it.
    let mut register = fixture();
    let healey = person_mut(&mut register, HEALEY);
    healey.roles[0].from = Some(date(2025, 4, 10));
    healey.roles[0].to = Some(date(2025, 4, 10));
    meeting_mut(&mut register, MAY).attendance.clear();
    assert_eq!(register.validate(today()), vec![]);

    // Ending the day before does not.
    person_mut(&mut register, HEALEY).roles[0].to = Some(date(2025, 4, 9));
    let problems = register.validate(today());
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(problems.iter().any(|p| p.message.contains("held no role")));
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("ends (2025-04-09)"))
    );
}

#[test]
fn delegate_acts_through_the_role_held_on_the_day() {
    // Healey held a GBR role until the day before, and a new one from the
    // day of the meeting: he is a valid delegate through the new role.
    let mut register = fixture();
    let healey = person_mut(&mut register, HEALEY);
    healey.roles[0].to = Some(date(2025, 4, 9));
    healey
        .roles
        .push(role("Envoy", GBR, Some(date(2025, 4, 10))));
    assert_eq!(register.validate(today()), vec![]);
    let healey = register.person(HEALEY).unwrap();
    assert_eq!(
        healey.role_for(GBR, date(2025, 4, 10)).unwrap().title,
        "Envoy"
    );
    assert_eq!(
        healey.role_for(GBR, date(2025, 4, 9)).unwrap().title,
        "Defence Secretary"
    );
    assert!(healey.role_for(FRA, date(2025, 4, 10)).is_none());
}
