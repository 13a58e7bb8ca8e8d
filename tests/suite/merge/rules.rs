//! Each rule of the merge when it settles alone: added, deleted, changed
//! on one side, different fields, lists that only grow, and two records
//! added under one number.

use chrono::NaiveDate;
use coalition_desk::merge::Counts;
use coalition_desk::model::*;
use rust_decimal::Decimal;

use super::{DEMINING, MISSILES, commitment, merged, step};
use crate::common::{FRA, GBR, MINISTERS, NATO, date, register};

#[test]
fn a_record_added_on_either_side_is_added() {
    let base = register();
    let mut ours = base.clone();
    ours.participants.insert(
        ParticipantId(30),
        Participant {
            name: "Poland".into(),
            code: "POL".into(),
            ..Participant::default()
        },
    );
    let mut theirs = base.clone();
    let mut pledge = base.commitment(MISSILES).unwrap().clone();
    pledge.title = "Artillery shells".into();
    theirs.commitments.insert(CommitmentId(31), pledge.clone());

    let result = merged(&base, &ours, &theirs);
    assert!(result.conflicts.is_empty());
    assert_eq!(
        result.register.participant(ParticipantId(30)).unwrap().name,
        "Poland"
    );
    assert_eq!(result.register.commitment(CommitmentId(31)), Some(&pledge));
    assert_eq!(result.summary.commitments.added, 1);
    assert_eq!(
        result.summary.to_string(),
        "Merged: 1 commitment added; no conflicts"
    );
}

#[test]
fn a_record_deleted_on_one_side_and_unchanged_on_the_other_is_deleted() {
    let base = register();
    let ours = base.clone();
    let mut theirs = base.clone();
    theirs.commitments.remove(&DEMINING);
    let mut ours_deleting = base.clone();
    ours_deleting.commitments.remove(&MISSILES);

    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.register.commitment(DEMINING), None);
    assert_eq!(result.summary.commitments.deleted, 1);
    let result = merged(&base, &ours_deleting, &theirs);
    assert_eq!(result.register.commitment(DEMINING), None);
    assert_eq!(result.register.commitment(MISSILES), None);
    assert!(result.conflicts.is_empty());
}

#[test]
fn a_record_changed_on_one_side_is_taken_and_changes_to_different_fields_both_stay() {
    let base = register();
    let mut ours = base.clone();
    commitment(&mut ours, MISSILES).due = Some(date(2026, 3, 31));
    let mut theirs = base.clone();
    commitment(&mut theirs, MISSILES).conditions = "once a ceasefire holds".into();
    commitment(&mut theirs, DEMINING).title = "Demining teams (Kharkiv)".into();
    theirs.name = "Coalition of the Willing".into();

    let result = merged(&base, &ours, &theirs);
    assert!(result.conflicts.is_empty());
    let missiles = result.register.commitment(MISSILES).unwrap();
    assert_eq!(missiles.due, Some(date(2026, 3, 31)));
    assert_eq!(missiles.conditions, "once a ceasefire holds");
    assert_eq!(
        result.register.commitment(DEMINING).unwrap().title,
        "Demining teams (Kharkiv)"
    );
    assert_eq!(result.register.name, "Coalition of the Willing");
    assert_eq!(
        result.summary.commitments,
        Counts {
            added: 0,
            changed: 2,
            deleted: 0
        }
    );
}

#[test]
fn status_histories_and_deliveries_added_on_both_sides_are_united_in_date_order() {
    let base = register();
    let both = step(date(2025, 4, 20), CommitmentStatus::Committed);
    let mut ours = base.clone();
    let missiles = commitment(&mut ours, MISSILES);
    missiles.history.push(both.clone());
    missiles
        .history
        .push(step(date(2025, 5, 10), CommitmentStatus::InDelivery));
    missiles.status = CommitmentStatus::InDelivery;
    missiles.deliveries.push(Delivery {
        date: date(2025, 5, 10),
        amount: Decimal::from(100),
        ..Delivery::default()
    });
    let mut theirs = base.clone();
    let missiles = commitment(&mut theirs, MISSILES);
    missiles.history.push(both.clone());
    missiles
        .history
        .push(step(date(2025, 5, 20), CommitmentStatus::Delivered));
    missiles.status = CommitmentStatus::Delivered;
    missiles.deliveries.push(Delivery {
        date: date(2025, 4, 30),
        amount: Decimal::from(200),
        ..Delivery::default()
    });

    let result = merged(&base, &ours, &theirs);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    let missiles = result.register.commitment(MISSILES).unwrap();
    let dates: Vec<NaiveDate> = missiles.history.iter().map(|h| h.date).collect();
    assert_eq!(
        dates,
        [
            date(2025, 4, 10),
            date(2025, 4, 20),
            date(2025, 5, 10),
            date(2025, 5, 20)
        ]
    );
    assert_eq!(missiles.status, CommitmentStatus::Delivered);
    let amounts: Vec<Decimal> = missiles.deliveries.iter().map(|d| d.amount).collect();
    assert_eq!(amounts, [Decimal::from(200), Decimal::from(100)]);
}

#[test]
fn attendance_agenda_decisions_and_the_record_life_added_on_both_sides_are_all_kept() {
    let base = register();
    let entry = |status| Attendance {
        status,
        ..Attendance::default()
    };
    let mut ours = base.clone();
    let meeting = ours.meetings.get_mut(&MINISTERS).unwrap();
    meeting
        .attendance
        .insert(NATO, entry(AttendanceStatus::Observer));
    meeting.agenda.push(AgendaItem {
        title: "Air defence".into(),
        ..AgendaItem::default()
    });
    meeting.decisions.push(Decision {
        text: "Meet again in May.".into(),
        marking: None,
    });
    meeting.minutes.history.push(MinutesStep {
        date: date(2025, 4, 14),
        state: MinutesState::Circulated,
        circulated_to: vec![GBR, FRA],
        ..MinutesStep::default()
    });
    let mut theirs = base.clone();
    let meeting = theirs.meetings.get_mut(&MINISTERS).unwrap();
    meeting
        .attendance
        .insert(FRA, entry(AttendanceStatus::Represented));
    meeting.agenda.push(AgendaItem {
        title: "Demining".into(),
        ..AgendaItem::default()
    });
    meeting.decisions.push(Decision {
        text: "Meet again in May.".into(),
        marking: None,
    });

    let result = merged(&base, &ours, &theirs);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    let meeting = result.register.meeting(MINISTERS).unwrap();
    assert_eq!(meeting.attendance[&NATO].status, AttendanceStatus::Observer);
    assert_eq!(
        meeting.attendance[&FRA].status,
        AttendanceStatus::Represented
    );
    let titles: Vec<&str> = meeting.agenda.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Air defence", "Demining"]);
    assert_eq!(
        meeting.decisions.len(),
        1,
        "the same decision added twice is kept once"
    );
    assert_eq!(meeting.minutes.history.len(), 1);
}

#[test]
fn two_records_added_under_one_number_are_both_kept_and_theirs_renumbered_with_its_references() {
    let base = register();
    let new = ParticipantId(30);
    let mut ours = base.clone();
    ours.participants.insert(
        new,
        Participant {
            name: "Poland".into(),
            code: "POL".into(),
            ..Participant::default()
        },
    );
    ours.next_id = 31;
    let mut theirs = base.clone();
    theirs.participants.insert(
        new,
        Participant {
            name: "Italy".into(),
            code: "ITA".into(),
            ..Participant::default()
        },
    );
    theirs.people.insert(
        PersonId(31),
        Person {
            name: "Guido Crosetto".into(),
            roles: vec![Role {
                title: "Minister of Defence".into(),
                participant: new,
                from: None,
                to: None,
                head_of_delegation: false,
            }],
            notes: String::new(),
        },
    );
    let mut pledge = base.commitment(MISSILES).unwrap().clone();
    pledge.participant = new;
    pledge.title = "SAMP/T battery".into();
    theirs.commitments.insert(CommitmentId(32), pledge);
    let meeting = theirs.meetings.get_mut(&MINISTERS).unwrap();
    meeting.attendance.insert(
        new,
        Attendance {
            status: AttendanceStatus::Present,
            delegates: vec![PersonId(31)],
            ..Attendance::default()
        },
    );
    meeting.actions.push(ActionItem {
        text: "Send the battery's details".into(),
        owner: Some(ActionOwner::Participant(new)),
        ..ActionItem::default()
    });
    theirs.next_id = 33;

    let result = merged(&base, &ours, &theirs);
    assert!(result.conflicts.is_empty(), "{:?}", result.conflicts);
    assert_eq!(result.summary.renumbered, 1);
    let register = &result.register;
    assert_eq!(register.participant(new).unwrap().name, "Poland");
    let italy = ParticipantId(33);
    assert_eq!(register.participant(italy).unwrap().name, "Italy");
    assert_eq!(
        register.person(PersonId(31)).unwrap().roles[0].participant,
        italy
    );
    assert_eq!(
        register.commitment(CommitmentId(32)).unwrap().participant,
        italy
    );
    let meeting = register.meeting(MINISTERS).unwrap();
    assert_eq!(meeting.attendance[&italy].delegates, [PersonId(31)]);
    assert!(!meeting.attendance.contains_key(&new));
    assert_eq!(
        meeting.actions[0].owner,
        Some(ActionOwner::Participant(italy))
    );
    assert!(register.fresh_id() > 33);
    assert_eq!(
        result.summary.to_string(),
        "Merged: 1 participant added; 1 person added; 1 meeting changed; 1 commitment added; \
         1 record renumbered; no conflicts"
    );
}

#[test]
fn the_same_record_added_on_both_sides_is_kept_once() {
    let base = register();
    let mut ours = base.clone();
    let poland = Participant {
        name: "Poland".into(),
        code: "POL".into(),
        ..Participant::default()
    };
    ours.participants.insert(ParticipantId(30), poland.clone());
    let theirs = ours.clone();
    let result = merged(&base, &ours, &theirs);
    assert_eq!(result.register, ours);
    assert_eq!(result.summary.renumbered, 0);
}
