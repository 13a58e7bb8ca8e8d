//! Settling a merge's conflicts one by one: ours kept, theirs taken, or a
//! value typed by the officer, for every kind of field the merge can put
//! in conflict; and what is refused, with the reason.

use coalition_desk::merge::{Choice, ResolveError, resolve};
use coalition_desk::model::*;

use crate::common::{FRA, MINISTERS, date, register, today};
use crate::merge::{DEMINING, MISSILES, commitment, merged};

/// The merged register of London's and Paris's copies, edited from the
/// common register by `ours` and `theirs`.
fn conflicted(ours: impl Fn(&mut Register), theirs: impl Fn(&mut Register)) -> Register {
    let base = register();
    let (mut o, mut t) = (base.clone(), base.clone());
    ours(&mut o);
    theirs(&mut t);
    merged(&base, &o, &t).register
}

/// The index of the conflict about `field`.
fn at(register: &Register, field: &str) -> usize {
    register
        .conflicts
        .iter()
        .position(|c| c.field == field)
        .unwrap_or_else(|| panic!("no conflict about {field}: {:?}", register.conflicts))
}

fn one(register: &Register, field: &str, choice: Choice) -> Result<Register, ResolveError> {
    resolve(register, &[(at(register, field), choice)])
}

fn missiles(register: &Register) -> &Commitment {
    register.commitment(MISSILES).unwrap()
}

fn titles() -> Register {
    conflicted(
        |o| commitment(o, MISSILES).title = "ASRAAM missiles".into(),
        |t| commitment(t, MISSILES).title = "Missiles for air defence".into(),
    )
}

#[test]
fn a_plain_field_is_kept_taken_or_typed() {
    let register = titles();
    let kept = one(&register, "title", Choice::Ours).unwrap();
    assert_eq!(missiles(&kept).title, "ASRAAM missiles");
    assert!(kept.conflicts.is_empty());

    let taken = one(&register, "title", Choice::Theirs).unwrap();
    assert_eq!(missiles(&taken).title, "Missiles for air defence");
    assert!(taken.conflicts.is_empty());

    let typed = one(&register, "title", Choice::Edited("\"Air defence\"".into())).unwrap();
    assert_eq!(missiles(&typed).title, "Air defence");
    let mut expected = register.clone();
    commitment(&mut expected, MISSILES).title = "Air defence".into();
    expected.conflicts.clear();
    assert_eq!(typed, expected);
}

#[test]
fn a_date_field_is_read_as_the_file_reads_it() {
    let register = conflicted(
        |o| commitment(o, MISSILES).due = Some(date(2026, 3, 31)),
        |t| commitment(t, MISSILES).due = Some(date(2026, 6, 30)),
    );
    let taken = one(&register, "due", Choice::Theirs).unwrap();
    assert_eq!(missiles(&taken).due, Some(date(2026, 6, 30)));
    let typed = one(&register, "due", Choice::Edited("\"2026-09-30\"".into())).unwrap();
    assert_eq!(missiles(&typed).due, Some(date(2026, 9, 30)));
    let none = one(&register, "due", Choice::Edited("None".into())).unwrap();
    assert_eq!(missiles(&none).due, None);
}

#[test]
fn a_bad_typed_value_is_refused_naming_the_record_and_the_field() {
    let register = conflicted(
        |o| commitment(o, MISSILES).due = Some(date(2026, 3, 31)),
        |t| commitment(t, MISSILES).due = Some(date(2026, 6, 30)),
    );
    let index = at(&register, "due");
    let error = resolve(
        &register,
        &[(index, Choice::Edited("\"2026-02-30\"".into()))],
    )
    .unwrap_err();
    assert_eq!(error.conflict, index);
    assert!(
        error
            .message
            .starts_with("The due of the commitment “Air defence missiles” of United Kingdom could not be settled: "),
        "{error}"
    );
    assert!(error.message.contains("2026-02-30"), "{error}");
    assert_eq!(
        error.message,
        "The due of the commitment “Air defence missiles” of United Kingdom could not be \
         settled: 2026-02-30 is not a date: February 2026 has 28 days"
    );

    let error = one(&titles(), "title", Choice::Edited("ASRAAM".into())).unwrap_err();
    assert!(error.message.starts_with("The title of"), "{error}");
}

#[test]
fn an_agenda_item_is_settled_in_its_place() {
    let item = |title: &str| AgendaItem {
        title: title.into(),
        ..AgendaItem::default()
    };
    let base_agenda = |r: &mut Register| {
        let meeting = r.meetings.get_mut(&MINISTERS).unwrap();
        meeting.agenda = vec![item("Opening"), item("Air defence")];
    };
    let mut base = register();
    base_agenda(&mut base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.meetings.get_mut(&MINISTERS).unwrap().agenda[1] = item("Air defence (GBR)");
    theirs.meetings.get_mut(&MINISTERS).unwrap().agenda[1] = item("Air defence (FRA)");
    let register = merged(&base, &ours, &theirs).register;

    let agenda = |r: &Register| r.meeting(MINISTERS).unwrap().agenda.clone();
    let taken = one(&register, "agenda[2]", Choice::Theirs).unwrap();
    assert_eq!(
        agenda(&taken),
        vec![item("Opening"), item("Air defence (FRA)")]
    );
    let kept = one(&register, "agenda[2]", Choice::Ours).unwrap();
    assert_eq!(
        agenda(&kept),
        vec![item("Opening"), item("Air defence (GBR)")]
    );
    let typed = one(
        &register,
        "agenda[2]",
        Choice::Edited("(title: \"Air defence (both)\")".into()),
    )
    .unwrap();
    assert_eq!(
        agenda(&typed),
        vec![item("Opening"), item("Air defence (both)")]
    );
    let error = one(
        &register,
        "agenda[2]",
        Choice::Edited("(titel: \"Air defence\")".into()),
    )
    .unwrap_err();
    assert!(error.message.starts_with("Agenda item 2 of "), "{error}");
    assert!(error.message.contains("titel"), "{error}");
}

#[test]
fn an_attendance_row_is_settled_by_participant() {
    let register = conflicted(
        |o| {
            let row = o
                .meetings
                .get_mut(&MINISTERS)
                .unwrap()
                .attendance
                .get_mut(&FRA);
            row.unwrap().status = AttendanceStatus::Apologies;
        },
        |t| {
            let row = t
                .meetings
                .get_mut(&MINISTERS)
                .unwrap()
                .attendance
                .get_mut(&FRA);
            row.unwrap().note = "Represented by the ambassador".into();
        },
    );
    let field = format!("attendance[{}]", FRA.0);
    let row = |r: &Register| r.meeting(MINISTERS).unwrap().attendance.get(&FRA).cloned();
    let taken = one(&register, &field, Choice::Theirs).unwrap();
    assert_eq!(
        row(&taken).unwrap(),
        Attendance {
            status: AttendanceStatus::Present,
            note: "Represented by the ambassador".into(),
            ..Attendance::default()
        }
    );
    let kept = one(&register, &field, Choice::Ours).unwrap();
    assert_eq!(row(&kept).unwrap().status, AttendanceStatus::Apologies);
    let removed = one(&register, &field, Choice::Edited("None".into())).unwrap();
    assert_eq!(row(&removed), None);
}

#[test]
fn a_person_s_role_and_the_register_s_settings_are_settled() {
    let register = conflicted(
        |o| {
            o.name = "Coalition of the Willing (London)".into();
            o.people.get_mut(&PersonId(5)).unwrap().roles[0].title = "Minister".into();
        },
        |t| {
            t.name = "Coalition of the Willing (Paris)".into();
            t.people.get_mut(&PersonId(5)).unwrap().roles[0].to = Some(date(2025, 10, 5));
        },
    );
    let name = at(&register, "name");
    let role = at(&register, "roles[1]");
    let typed = resolve(
        &register,
        &[
            (name, Choice::Edited("\"Coalition of the Willing\"".into())),
            (role, Choice::Theirs),
        ],
    )
    .unwrap();
    assert_eq!(typed.name, "Coalition of the Willing");
    let roles = &typed.person(PersonId(5)).unwrap().roles;
    assert_eq!(roles[0].title, "Minister of the Armed Forces");
    assert_eq!(roles[0].to, Some(date(2025, 10, 5)));
    assert!(typed.conflicts.is_empty());
}

#[test]
fn a_record_deleted_in_one_copy_is_restored_or_deleted() {
    // London deleted the demining pledge that Paris changed.
    let register = conflicted(
        |o| {
            o.commitments.remove(&DEMINING);
        },
        |t| commitment(t, DEMINING).title = "Demining teams (two)".into(),
    );
    let restored = one(&register, "", Choice::Theirs).unwrap();
    assert_eq!(
        restored.commitment(DEMINING).unwrap().title,
        "Demining teams (two)"
    );
    let kept = one(&register, "", Choice::Ours).unwrap();
    assert_eq!(kept.commitment(DEMINING), None);

    // Paris deleted the pledge London changed.
    let register = conflicted(
        |o| commitment(o, DEMINING).title = "Demining teams (two)".into(),
        |t| {
            t.commitments.remove(&DEMINING);
        },
    );
    let deleted = one(&register, "", Choice::Theirs).unwrap();
    assert_eq!(deleted.commitment(DEMINING), None);
    assert!(deleted.conflicts.is_empty());
}

#[test]
fn a_deletion_that_would_leave_references_to_nothing_is_refused() {
    // Paris's copy lost France while London renamed it; France's pledge
    // and its minister's role still name it.
    let register = conflicted(
        |o| o.participants.get_mut(&FRA).unwrap().name = "French Republic".into(),
        |t| {
            t.participants.remove(&FRA);
        },
    );
    let index = at(&register, "");
    let before = register.clone();
    let error = resolve(&register, &[(index, Choice::Theirs)]).unwrap_err();
    assert_eq!(error.conflict, index);
    assert!(
        error.message.starts_with(
            "Settling this conflict about French Republic would leave the register with a \
             problem: "
        ),
        "{error}"
    );
    assert!(error.message.contains("not in the register"), "{error}");
    assert_eq!(register, before);
}

#[test]
fn conflicts_not_chosen_stay_in_order_and_settling_all_leaves_check_clean() {
    let register = conflicted(
        |o| {
            commitment(o, MISSILES).title = "ASRAAM missiles".into();
            commitment(o, DEMINING).area = "Land".into();
            o.short_name = "CoW-L".into();
        },
        |t| {
            commitment(t, MISSILES).title = "Missiles for air defence".into();
            commitment(t, DEMINING).area = "Training".into();
            t.short_name = "CoW-P".into();
        },
    );
    assert_eq!(register.conflicts.len(), 3);
    let title = at(&register, "title");
    let partly = resolve(&register, &[(title, Choice::Theirs)]).unwrap();
    let left: Vec<&Conflict> = register
        .conflicts
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != title)
        .map(|(_, c)| c)
        .collect();
    assert_eq!(partly.conflicts.iter().collect::<Vec<_>>(), left);
    assert!(!partly.validate(today()).is_empty());

    let all: Vec<(usize, Choice)> = (0..3).map(|n| (n, Choice::Theirs)).collect();
    let settled = resolve(&register, &all).unwrap();
    assert!(settled.conflicts.is_empty());
    assert_eq!(settled.validate(today()), Vec::new());
    assert_eq!(settled.short_name, "CoW-P");
    assert_eq!(settled.commitment(DEMINING).unwrap().area, "Training");
}

#[test]
fn a_conflict_chosen_twice_or_not_there_is_refused() {
    let register = titles();
    let error = resolve(&register, &[(0, Choice::Ours), (0, Choice::Theirs)]).unwrap_err();
    assert_eq!(error.to_string(), "The title is chosen twice; choose once");
    let error = resolve(&register, &[(4, Choice::Ours)]).unwrap_err();
    assert_eq!(
        error,
        ResolveError {
            conflict: 4,
            message: "There is no conflict number 5 to settle: the register has 1".into()
        }
    );
}

#[test]
fn an_approved_record_is_not_changed_by_settling_a_conflict() {
    // London approved the record after changing the title; Paris changed
    // the title differently before it heard.
    let register = conflicted(
        |o| {
            let meeting = o.meetings.get_mut(&MINISTERS).unwrap();
            meeting.title = "Defence ministers (Ramstein)".into();
            // Circulated, then approved by written procedure once comments
            // were due: an approval that can have happened.
            meeting.minutes.history.push(MinutesStep {
                date: date(2025, 4, 14),
                state: MinutesState::Circulated,
                circulated_to: vec![FRA],
                comments_due: Some(date(2025, 4, 20)),
                ..MinutesStep::default()
            });
            meeting.minutes.history.push(MinutesStep {
                date: date(2025, 4, 20),
                state: MinutesState::Approved,
                approved_by: "the defence ministers".into(),
                ..MinutesStep::default()
            });
        },
        |t| t.meetings.get_mut(&MINISTERS).unwrap().title = "Ministers of defence".into(),
    );
    let error = one(&register, "title", Choice::Theirs).unwrap_err();
    assert_eq!(
        error.message,
        "The record of Defence ministers (Ramstein) (2025-04-10) is approved, so its title \
         cannot be changed in place: open a revision first (Revise…)"
    );
    let kept = one(&register, "title", Choice::Ours).unwrap();
    assert!(kept.conflicts.is_empty());
}
