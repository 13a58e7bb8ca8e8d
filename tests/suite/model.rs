//! Behaviour of the core model: validation, commitments, register queries,
//! edits and their reverses, deletes that mend references, and the open
//! document's undo history and dirty flag.

// A failed unwrap is a failed test, with its line number.

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::{document::*, edit::*, model::*};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::BTreeSet;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A day after everything the fixture and the sample record.
fn today() -> NaiveDate {
    date(2025, 7, 1)
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

const GBR: ParticipantId = ParticipantId(1);
const FRA: ParticipantId = ParticipantId(2);
const NATO: ParticipantId = ParticipantId(3);
const HEALEY: PersonId = PersonId(4);
const LECORNU: PersonId = PersonId(5);
/// Holds roles for both GBR and FRA.
const LIAISON: PersonId = PersonId(6);
const MINISTERS: SeriesId = SeriesId(7);
const APRIL: MeetingId = MeetingId(8);
/// FRA neither convenes nor attends, but Lecornu chairs and leads an item.
const MAY: MeetingId = MeetingId(9);
const GBR_TRAINING: CommitmentId = CommitmentId(10);
const FRA_MARITIME: CommitmentId = CommitmentId(11);

fn role(title: &str, participant: ParticipantId, from: Option<NaiveDate>) -> Role {
    Role {
        title: title.into(),
        participant,
        from,
        to: None,
    }
}

/// A small register with every kind of record and every kind of reference,
/// valid as built.
fn fixture() -> Register {
    let mut register = Register::new("Coalition of the Willing (test)");
    for (id, name, code, kind) in [
        (GBR, "United Kingdom", "GBR", ParticipantKind::Nation),
        (FRA, "France", "FRA", ParticipantKind::Nation),
        (NATO, "NATO", "NATO", ParticipantKind::Organisation),
    ] {
        register.participants.insert(
            id,
            Participant {
                name: name.into(),
                code: code.into(),
                kind,
                ..Participant::default()
            },
        );
    }
    register.people.insert(
        HEALEY,
        Person {
            name: "John Healey MP".into(),
            roles: vec![role("Defence Secretary", GBR, Some(date(2024, 7, 5)))],
            notes: String::new(),
        },
    );
    register.people.insert(
        LECORNU,
        Person {
            name: "Sébastien Lecornu".into(),
            roles: vec![role("Ministre des Armées", FRA, Some(date(2022, 5, 20)))],
            notes: String::new(),
        },
    );
    register.people.insert(
        LIAISON,
        Person {
            name: "A. Liaison".into(),
            roles: vec![
                role("Liaison officer", FRA, None),
                role("Liaison officer", GBR, None),
            ],
            notes: String::new(),
        },
    );
    register.series.insert(
        MINISTERS,
        SessionSeries {
            name: "Defence ministers".into(),
            convenors: vec![GBR, FRA],
            ..SessionSeries::default()
        },
    );
    let mut april = Meeting {
        title: "Defence ministers".into(),
        series: Some(MINISTERS),
        number: Some(1),
        date: date(2025, 4, 10),
        start: Some(time(10, 0)),
        end: Some(time(12, 0)),
        state: MeetingState::Held,
        convenors: vec![GBR, FRA],
        chairs: vec![HEALEY, LECORNU],
        agenda: vec![AgendaItem {
            title: "Military planning".into(),
            lead: Some(LECORNU),
            ..AgendaItem::default()
        }],
        actions: vec![
            ActionItem {
                text: "Generate firm commitments".into(),
                owner: Some(FRA),
                ..ActionItem::default()
            },
            ActionItem {
                text: "Circulate the statement".into(),
                owner: Some(GBR),
                ..ActionItem::default()
            },
        ],
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    };
    // The liaison officer holds roles for both nations but sits at the
    // table once, for the United Kingdom.
    for (participant, delegates) in [
        (GBR, vec![HEALEY, LIAISON]),
        (FRA, vec![LECORNU]),
        (NATO, vec![]),
    ] {
        april.attendance.insert(
            participant,
            Attendance {
                delegates,
                ..Attendance::default()
            },
        );
    }
    register.meetings.insert(APRIL, april);
    let mut may = Meeting {
        title: "Defence ministers".into(),
        series: Some(MINISTERS),
        number: Some(2),
        date: date(2025, 5, 10),
        convenors: vec![GBR],
        chairs: vec![HEALEY, LECORNU],
        agenda: vec![AgendaItem {
            title: "Firm commitments".into(),
            lead: Some(LECORNU),
            ..AgendaItem::default()
        }],
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    };
    // Planned: who is expected, not who came.
    may.attendance.insert(
        GBR,
        Attendance {
            status: AttendanceStatus::Confirmed,
            delegates: vec![HEALEY],
            ..Attendance::default()
        },
    );
    register.meetings.insert(MAY, may);
    let mut training = Commitment {
        participant: GBR,
        announced_at: Some(APRIL),
        title: "Training".into(),
        area: "Training".into(),
        quantity: Some(Quantity {
            amount: Decimal::new(200, 0),
            unit: "instructors".into(),
        }),
        due: Some(date(2025, 9, 1)),
        marking: "OFFICIAL".into(),
        ..Commitment::default()
    };
    training.change_status(
        CommitmentStatus::Pledged,
        date(2025, 4, 10),
        "",
        Some(APRIL),
    );
    register.commitments.insert(GBR_TRAINING, training);
    let mut maritime = Commitment {
        participant: FRA,
        announced_at: Some(APRIL),
        title: "Maritime".into(),
        area: "Maritime".into(),
        route: Route::DirectContribution,
        value: Some(Money {
            amount: Decimal::new(25_000_000_000, 2),
            currency: "EUR".into(),
        }),
        conditions: "once a ceasefire holds".into(),
        marking: "OFFICIAL-SENSITIVE".into(),
        ..Commitment::default()
    };
    maritime.change_status(
        CommitmentStatus::Proposed,
        date(2025, 4, 10),
        "",
        Some(APRIL),
    );
    register.commitments.insert(FRA_MARITIME, maritime);
    register.next_id = 12;
    register
}

fn meeting_mut(register: &mut Register, id: MeetingId) -> &mut Meeting {
    register.meetings.get_mut(&id).unwrap()
}

fn commitment_mut(register: &mut Register, id: CommitmentId) -> &mut Commitment {
    register.commitments.get_mut(&id).unwrap()
}

fn person_mut(register: &mut Register, id: PersonId) -> &mut Person {
    register.people.get_mut(&id).unwrap()
}

// ---------------------------------------------------------------- validation

#[test]
fn clean_register_has_no_problems() {
    assert_eq!(fixture().validate(today()), vec![]);
    assert_eq!(Register::new("Empty").validate(today()), vec![]);
}

/// One kind of problem: how to cause it, where it must be reported, the
/// words the message must contain, and whether it is the only problem.
struct Case {
    name: &'static str,
    break_it: fn(&mut Register),
    record: Option<Record>,
    words: &'static [&'static str],
    alone: bool,
}

#[test]
fn validation_finds_each_kind_of_problem() {
    let cases = [
        Case {
            name: "role on behalf of a participant that does not exist",
            break_it: |r| {
                person_mut(r, HEALEY)
                    .roles
                    .push(role("Envoy", ParticipantId(99), None))
            },
            record: Some(Record::Person(HEALEY)),
            words: &[
                "John Healey MP",
                "Envoy",
                "participant #99",
                "does not exist",
            ],
            alone: true,
        },
        Case {
            name: "role that ends before it starts",
            break_it: |r| {
                person_mut(r, HEALEY).roles.push(Role {
                    title: "Envoy".into(),
                    participant: GBR,
                    from: Some(date(2020, 2, 1)),
                    to: Some(date(2020, 1, 1)),
                })
            },
            record: Some(Record::Person(HEALEY)),
            words: &["Envoy", "ends (2020-01-01) before it starts (2020-02-01)"],
            alone: true,
        },
        Case {
            name: "participant without a name",
            break_it: |r| r.participants.get_mut(&NATO).unwrap().name = String::new(),
            record: Some(Record::Participant(NATO)),
            words: &["participant #3 has no name"],
            alone: true,
        },
        Case {
            name: "series without a name",
            break_it: |r| r.series.get_mut(&MINISTERS).unwrap().name = String::new(),
            record: Some(Record::Series(MINISTERS)),
            words: &["series #7 has no name"],
            alone: true,
        },
        Case {
            name: "commitment without a title",
            break_it: |r| commitment_mut(r, FRA_MARITIME).title = String::new(),
            record: Some(Record::Commitment(FRA_MARITIME)),
            words: &["commitment #11 has no title"],
            alone: true,
        },
        Case {
            name: "person without a name",
            break_it: |r| person_mut(r, LIAISON).name = " ".into(),
            record: Some(Record::Person(LIAISON)),
            words: &["person #6 has no name"],
            alone: true,
        },
        Case {
            name: "attendance for a participant that does not exist",
            break_it: |r| {
                meeting_mut(r, APRIL)
                    .attendance
                    .insert(ParticipantId(99), Attendance::default());
            },
            record: Some(Record::Meeting(APRIL)),
            words: &["attendance", "participant #99", "does not exist"],
            alone: true,
        },
        Case {
            name: "delegate who does not exist",
            break_it: |r| {
                meeting_mut(r, APRIL)
                    .attendance
                    .get_mut(&GBR)
                    .unwrap()
                    .delegates
                    .push(PersonId(98))
            },
            record: Some(Record::Meeting(APRIL)),
            words: &["person #98", "delegate", "does not exist"],
            alone: true,
        },
        Case {
            name: "delegate whose role starts after the meeting",
            break_it: |r| person_mut(r, HEALEY).roles[0].from = Some(date(2025, 4, 11)),
            record: Some(Record::Meeting(APRIL)),
            words: &[
                "John Healey MP",
                "delegate of United Kingdom",
                "held no role for it on 2025-04-10",
            ],
            alone: true,
        },
        Case {
            name: "delegate whose role ended the day before the meeting",
            break_it: |r| person_mut(r, HEALEY).roles[0].to = Some(date(2025, 4, 9)),
            record: Some(Record::Meeting(APRIL)),
            words: &["John Healey MP", "held no role for it on 2025-04-10"],
            // The May meeting names him too.
            alone: false,
        },
        Case {
            name: "delegate whose role is for another participant",
            break_it: |r| {
                meeting_mut(r, APRIL)
                    .attendance
                    .get_mut(&NATO)
                    .unwrap()
                    .delegates
                    .push(HEALEY)
            },
            record: Some(Record::Meeting(APRIL)),
            words: &["John Healey MP", "delegate of NATO", "held no role"],
            alone: true,
        },
        Case {
            name: "meeting that ends before it starts",
            break_it: |r| meeting_mut(r, APRIL).end = Some(time(9, 30)),
            record: Some(Record::Meeting(APRIL)),
            words: &["ends (09:30) before it starts (10:00)"],
            alone: true,
        },
        Case {
            name: "series that ends before it starts",
            break_it: |r| {
                let series = r.series.get_mut(&MINISTERS).unwrap();
                series.start = Some(time(14, 0));
                series.end = Some(time(13, 0));
            },
            record: Some(Record::Series(MINISTERS)),
            words: &["Defence ministers", "ends", "before it starts"],
            alone: true,
        },
        Case {
            name: "series convened by a participant that does not exist",
            break_it: |r| {
                r.series
                    .get_mut(&MINISTERS)
                    .unwrap()
                    .convenors
                    .push(ParticipantId(93))
            },
            record: Some(Record::Series(MINISTERS)),
            words: &["convened by participant #93", "does not exist"],
            alone: true,
        },
        Case {
            name: "duplicate participant codes, ignoring case",
            break_it: |r| {
                r.participants.insert(
                    ParticipantId(50),
                    Participant {
                        name: "North Atlantic Treaty Organization".into(),
                        code: "nato".into(),
                        kind: ParticipantKind::Organisation,
                        ..Participant::default()
                    },
                );
            },
            record: None,
            words: &[
                "Code NATO",
                "more than one participant",
                "NATO, North Atlantic",
            ],
            alone: true,
        },
        Case {
            name: "nation code that is not ISO 3166 alpha-3",
            break_it: |r| r.participants.get_mut(&GBR).unwrap().code = "UK".into(),
            record: Some(Record::Participant(GBR)),
            words: &["United Kingdom", "\"UK\"", "three capital letters"],
            alone: true,
        },
        Case {
            name: "participant without a code",
            break_it: |r| r.participants.get_mut(&NATO).unwrap().code = String::new(),
            record: Some(Record::Participant(NATO)),
            words: &["has no code"],
            alone: true,
        },
        Case {
            name: "meeting with an unknown marking",
            break_it: |r| meeting_mut(r, APRIL).marking = "TOP SECRET".into(),
            record: Some(Record::Meeting(APRIL)),
            words: &[
                "marked \"TOP SECRET\"",
                "not one of the register's marking levels",
            ],
            alone: true,
        },
        Case {
            name: "commitment with an unknown marking",
            break_it: |r| commitment_mut(r, GBR_TRAINING).marking = "official".into(),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["marked \"official\"", "marking levels"],
            alone: true,
        },
        Case {
            name: "unknown capability area",
            break_it: |r| commitment_mut(r, GBR_TRAINING).area = "Space".into(),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["capability area \"Space\"", "not in the register's list"],
            alone: true,
        },
        Case {
            name: "negative money",
            break_it: |r| {
                commitment_mut(r, FRA_MARITIME).value = Some(Money {
                    amount: Decimal::new(-5, 0),
                    currency: "EUR".into(),
                })
            },
            record: Some(Record::Commitment(FRA_MARITIME)),
            words: &["negative value (-5 EUR)"],
            alone: true,
        },
        Case {
            name: "negative quantity",
            break_it: |r| {
                commitment_mut(r, GBR_TRAINING)
                    .quantity
                    .as_mut()
                    .unwrap()
                    .amount = Decimal::new(-1, 0)
            },
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["negative quantity (-1)"],
            alone: true,
        },
        Case {
            name: "currency that is not ISO 4217",
            break_it: |r| {
                commitment_mut(r, FRA_MARITIME)
                    .value
                    .as_mut()
                    .unwrap()
                    .currency = "eur".into()
            },
            record: Some(Record::Commitment(FRA_MARITIME)),
            words: &["currency \"eur\"", "ISO 4217"],
            alone: true,
        },
        Case {
            name: "history that does not end with the status",
            break_it: |r| commitment_mut(r, GBR_TRAINING).status = CommitmentStatus::Delivered,
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["is Delivered but its history ends with Pledged"],
            alone: true,
        },
        Case {
            name: "history out of date order",
            break_it: |r| {
                let c = commitment_mut(r, GBR_TRAINING);
                c.change_status(CommitmentStatus::Committed, date(2025, 3, 1), "", None);
            },
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["status history out of date order"],
            alone: true,
        },
        Case {
            name: "history that refers to a meeting that does not exist",
            break_it: |r| commitment_mut(r, GBR_TRAINING).history[0].meeting = Some(MeetingId(92)),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["history refers to meeting #92", "does not exist"],
            alone: true,
        },
        Case {
            name: "announced at a meeting that does not exist",
            break_it: |r| commitment_mut(r, GBR_TRAINING).announced_at = Some(MeetingId(97)),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["announced at meeting #97", "does not exist"],
            alone: true,
        },
        Case {
            name: "commitment by a participant that does not exist",
            break_it: |r| commitment_mut(r, GBR_TRAINING).participant = ParticipantId(91),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["made by participant #91", "does not exist"],
            alone: true,
        },
        Case {
            name: "meeting in a series that does not exist",
            break_it: |r| meeting_mut(r, APRIL).series = Some(SeriesId(96)),
            record: Some(Record::Meeting(APRIL)),
            words: &["belongs to series #96", "does not exist"],
            alone: true,
        },
        Case {
            name: "meeting convened by a participant that does not exist",
            break_it: |r| meeting_mut(r, MAY).convenors.push(ParticipantId(90)),
            record: Some(Record::Meeting(MAY)),
            words: &["convened by participant #90"],
            alone: true,
        },
        Case {
            name: "meeting chaired by a person who does not exist",
            break_it: |r| meeting_mut(r, MAY).chairs.push(PersonId(89)),
            record: Some(Record::Meeting(MAY)),
            words: &["chaired by person #89", "does not exist"],
            alone: true,
        },
        Case {
            name: "meeting without a title",
            break_it: |r| meeting_mut(r, MAY).title = String::new(),
            record: Some(Record::Meeting(MAY)),
            words: &["meeting #9 on 2025-05-10 has no title"],
            alone: true,
        },
        Case {
            name: "action owed by a participant that does not exist",
            break_it: |r| meeting_mut(r, APRIL).actions[1].owner = Some(ParticipantId(95)),
            record: Some(Record::Meeting(APRIL)),
            words: &["action 2 is owed by participant #95", "does not exist"],
            alone: true,
        },
        Case {
            name: "agenda item led by a person who does not exist",
            break_it: |r| meeting_mut(r, APRIL).agenda[0].lead = Some(PersonId(94)),
            record: Some(Record::Meeting(APRIL)),
            words: &["agenda item 1 is led by person #94", "does not exist"],
            alone: true,
        },
        Case {
            name: "empty list of marking levels",
            break_it: |r| r.markings.clear(),
            record: None,
            words: &["The register has no marking levels"],
            // Every marked record is then unknown too.
            alone: false,
        },
        Case {
            name: "empty capability area",
            break_it: |r| r.capability_areas.push("  ".into()),
            record: None,
            words: &["capability areas include an empty entry"],
            alone: true,
        },
        Case {
            name: "duplicate capability area",
            break_it: |r| r.capability_areas.push("Air".into()),
            record: None,
            words: &["capability areas list \"Air\" twice"],
            alone: true,
        },
        Case {
            name: "duplicate marking level",
            break_it: |r| r.markings.push("SECRET".into()),
            record: None,
            words: &["marking levels list \"SECRET\" twice"],
            alone: true,
        },
    ];
    for case in cases {
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

// --------------------------------------------------------------- commitments

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

// ------------------------------------------------------------------ register

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

// --------------------------------------------------------------------- edits

/// Applies `edit`, then its reverse, and checks the register is back
/// where it started. Returns the register as it was after `edit`.
fn assert_reverses(original: &Register, edit: Edit) -> Register {
    let mut register = original.clone();
    let reverse = apply(&mut register, edit.clone());
    let changed = register.clone();
    let again = apply(&mut register, reverse.clone());
    // The id counter only moves on, so an undone addition does not hand
    // its id out again; everything else is exactly as before.
    assert!(register.next_id >= original.next_id);
    register.next_id = original.next_id;
    assert_eq!(&register, original, "reverse of {edit:?}");
    // Reversing the reverse redoes the edit.
    let mut redone = register.clone();
    apply(&mut redone, again);
    redone.next_id = changed.next_id;
    assert_eq!(redone, changed, "redo of {edit:?}");
    changed
}

#[test]
fn every_edit_has_an_exact_reverse() {
    let original = fixture();
    let mut participant = original.participant(GBR).unwrap().clone();
    participant.notes = "Convenor".into();
    let mut person = original.person(LECORNU).unwrap().clone();
    person.roles[0].to = Some(date(2025, 10, 5));
    let mut series = original.session_series(MINISTERS).unwrap().clone();
    series.cadence = "FREQ=MONTHLY".into();
    let mut meeting = original.meeting(APRIL).unwrap().clone();
    meeting.title = "Renamed".into();
    meeting.attendance.remove(&NATO);
    let mut commitment = original.commitment(GBR_TRAINING).unwrap().clone();
    commitment.change_status(CommitmentStatus::Committed, date(2025, 5, 1), "", None);

    let edits = vec![
        Edit::RenameRegister("Another name".into()),
        Edit::SetMarkings(vec!["NATO UNCLASSIFIED".into(), "NATO RESTRICTED".into()]),
        Edit::SetCapabilityAreas(vec!["Air".into()]),
        Edit::Participant(GBR, Some(participant.clone())),
        Edit::Participant(ParticipantId(12), Some(participant)),
        Edit::Participant(NATO, None),
        Edit::Person(LECORNU, Some(person.clone())),
        Edit::Person(PersonId(13), Some(person)),
        Edit::Person(LIAISON, None),
        Edit::Series(MINISTERS, Some(series.clone())),
        Edit::Series(SeriesId(14), Some(series)),
        Edit::Series(MINISTERS, None),
        Edit::Meeting(APRIL, Some(meeting.clone())),
        Edit::Meeting(MeetingId(15), Some(meeting)),
        Edit::Meeting(MAY, None),
        Edit::Commitment(GBR_TRAINING, Some(commitment.clone())),
        Edit::Commitment(CommitmentId(16), Some(commitment)),
        Edit::Commitment(FRA_MARITIME, None),
        // Deleting what is not there changes nothing, and neither does its reverse.
        Edit::Commitment(CommitmentId(77), None),
    ];
    for edit in edits.clone() {
        let changed = assert_reverses(&original, edit.clone());
        if edit != Edit::Commitment(CommitmentId(77), None) {
            assert_ne!(changed, original, "{edit:?} changed nothing");
        }
    }

    // A batch that touches the same record twice, and nests a batch.
    let batch = Edit::Batch(vec![
        Edit::Batch(edits),
        Edit::RenameRegister("Twice".into()),
        Edit::Participant(GBR, None),
    ]);
    let changed = assert_reverses(&original, batch);
    assert_eq!(changed.name, "Twice");
    assert!(changed.participant(GBR).is_none());
    assert_eq!(changed.next_id, 17);
}

#[test]
fn adding_a_record_moves_the_id_counter_on() {
    let mut register = fixture();
    apply(
        &mut register,
        Edit::Meeting(MeetingId(40), Some(Meeting::default())),
    );
    assert_eq!(register.next_id, 41);
    // Re-putting an existing record never moves it back.
    apply(
        &mut register,
        Edit::Meeting(APRIL, Some(Meeting::default())),
    );
    assert_eq!(register.next_id, 41);
}

// ------------------------------------------------- deletes that mend references

fn holder_of(edit: &Edit) -> Record {
    match edit {
        Edit::Participant(id, _) => Record::Participant(*id),
        Edit::Person(id, _) => Record::Person(*id),
        Edit::Series(id, _) => Record::Series(*id),
        Edit::Meeting(id, _) => Record::Meeting(*id),
        Edit::Commitment(id, _) => Record::Commitment(*id),
        other => panic!("delete_with_references made {other:?}"),
    }
}

fn holders(edit: &Edit, target: Record) -> BTreeSet<Record> {
    let Edit::Batch(edits) = edit else {
        panic!("not a batch: {edit:?}");
    };
    edits
        .iter()
        .map(holder_of)
        .filter(|holder| *holder != target)
        .collect()
}

#[test]
fn deleting_a_participant_mends_every_reference() {
    let original = fixture();
    let target = Record::Participant(FRA);
    let delete = delete_with_references(&original, target);
    let mut document = Document::new(original.clone(), Origin::Sample);
    document.apply(delete.clone());
    let register = document.register();

    assert!(register.participant(FRA).is_none());
    // Lecornu's only role was for France: he goes, and so do his places in
    // meetings France did not attend.
    assert!(register.person(LECORNU).is_none());
    // The liaison officer keeps the role for the UK.
    let liaison = register.person(LIAISON).unwrap();
    assert_eq!(liaison.roles, vec![role("Liaison officer", GBR, None)]);
    assert!(register.person(HEALEY).is_some());

    let april = register.meeting(APRIL).unwrap();
    assert_eq!(april.convenors, vec![GBR]);
    assert_eq!(april.chairs, vec![HEALEY]);
    assert_eq!(
        april.attendance.keys().copied().collect::<Vec<_>>(),
        vec![GBR, NATO]
    );
    assert_eq!(april.attendance[&GBR].delegates, vec![HEALEY, LIAISON]);
    assert_eq!(april.actions[0].owner, None, "France's action is unowned");
    assert_eq!(april.actions[1].owner, Some(GBR));
    assert_eq!(april.agenda[0].lead, None);
    let may = register.meeting(MAY).unwrap();
    assert_eq!(may.chairs, vec![HEALEY]);
    assert_eq!(may.agenda[0].lead, None);
    assert_eq!(may.convenors, vec![GBR]);

    assert_eq!(
        register.session_series(MINISTERS).unwrap().convenors,
        vec![GBR]
    );
    assert!(register.commitment(FRA_MARITIME).is_none());
    assert_eq!(
        register.commitment(GBR_TRAINING),
        original.commitment(GBR_TRAINING)
    );
    assert_eq!(register.validate(today()), vec![], "nothing left dangling");

    // The confirmation names every record the delete touches.
    let references = original.references_to(target);
    let named: BTreeSet<Record> = references.iter().map(|r| r.holder).collect();
    assert_eq!(named, holders(&delete, target), "{references:#?}");
    assert!(
        references.iter().any(|r| r.holder == Record::Meeting(MAY)
            && r.description.contains("chairs")
            && r.description.contains("Sébastien Lecornu")),
        "{references:#?}"
    );
    let mut sorted = references.clone();
    sorted.sort_by(|a, b| (a.holder, &a.description).cmp(&(b.holder, &b.description)));
    assert_eq!(references, sorted);

    // One undo restores everything exactly.
    assert!(document.undo());
    assert_eq!(document.register(), &original);
    assert!(!document.is_dirty());
    assert!(!document.can_undo());
}

#[test]
fn deletes_of_every_kind_leave_nothing_dangling_and_undo_exactly() {
    let original = fixture();
    for target in [
        Record::Participant(GBR),
        Record::Participant(FRA),
        Record::Participant(NATO),
        Record::Person(HEALEY),
        Record::Person(LECORNU),
        Record::Person(LIAISON),
        Record::Series(MINISTERS),
        Record::Meeting(APRIL),
        Record::Meeting(MAY),
        Record::Commitment(GBR_TRAINING),
    ] {
        let delete = delete_with_references(&original, target);
        let named: BTreeSet<Record> = original
            .references_to(target)
            .iter()
            .map(|r| r.holder)
            .collect();
        assert_eq!(named, holders(&delete, target), "{target:?}");

        let mut document = Document::new(original.clone(), Origin::Untitled);
        document.apply(delete);
        assert_eq!(document.register().validate(today()), vec![], "{target:?}");
        assert!(document.register().references_to(target).is_empty());
        document.undo();
        assert_eq!(document.register(), &original, "{target:?}");
    }
}

#[test]
fn deleting_a_series_unnumbers_its_meetings() {
    let mut register = fixture();
    apply(
        &mut register,
        delete_with_references(&fixture(), Record::Series(MINISTERS)),
    );
    let april = register.meeting(APRIL).unwrap();
    assert_eq!((april.series, april.number), (None, None));
}

#[test]
fn deleting_a_meeting_keeps_commitments_announced_there() {
    let mut register = fixture();
    apply(
        &mut register,
        delete_with_references(&fixture(), Record::Meeting(APRIL)),
    );
    let training = register.commitment(GBR_TRAINING).unwrap();
    assert_eq!(training.announced_at, None);
    assert_eq!(training.history[0].meeting, None);
    assert_eq!(training.status, CommitmentStatus::Pledged);
}

// ------------------------------------------------------------------ document

fn retitle(document: &Document, title: &str) -> Edit {
    let mut meeting = document.register().meeting(APRIL).unwrap().clone();
    meeting.title = title.into();
    Edit::Meeting(APRIL, Some(meeting))
}

fn title(document: &Document) -> &str {
    &document.register().meeting(APRIL).unwrap().title
}

const TITLE: &str = "meeting#8.title";

#[test]
fn dirty_follows_the_saved_state_through_undo_and_redo() {
    let mut document = Document::new(fixture(), Origin::File("coalition.ron".into()));
    assert!(!document.is_dirty());
    assert!(!document.can_undo() && !document.can_redo());
    assert!(!document.undo() && !document.redo());

    document.apply(Edit::RenameRegister("Renamed".into()));
    assert!(document.is_dirty());
    assert!(document.undo());
    assert!(!document.is_dirty(), "undone back to the saved state");
    assert_eq!(document.register(), &fixture());
    assert!(document.redo());
    assert!(document.is_dirty());
    assert_eq!(document.register().name, "Renamed");

    document.mark_saved(Origin::File("renamed.ron".into()));
    assert!(!document.is_dirty());
    assert_eq!(document.path(), Some(std::path::Path::new("renamed.ron")));
    document.apply(retitle(&document, "One"));
    document.apply(retitle(&document, "Two"));
    assert!(document.is_dirty());
    document.undo();
    document.undo();
    assert!(!document.is_dirty(), "back at what the file holds");
    document.undo();
    assert!(document.is_dirty(), "before the save");
    document.redo();
    assert!(!document.is_dirty());
}

#[test]
fn a_new_register_is_clean_until_edited() {
    let mut document = Document::new(Register::new("New"), Origin::Untitled);
    assert!(!document.is_dirty(), "nothing to lose yet");
    assert_eq!(document.path(), None);
    document.apply(Edit::RenameRegister("Coalition".into()));
    assert!(document.is_dirty());
    document.undo();
    assert!(!document.is_dirty());

    let sample = Document::new(fixture(), Origin::Sample);
    assert!(!sample.is_dirty());
    assert_eq!(sample.path(), None);
}

#[test]
fn typing_in_one_field_undoes_as_one_step() {
    let mut document = Document::new(fixture(), Origin::Sample);
    for typed in ["D", "De", "Def"] {
        document.apply_grouped(retitle(&document, typed), Some(TITLE.into()));
    }
    assert_eq!(title(&document), "Def");
    assert!(document.undo());
    assert_eq!(title(&document), "Defence ministers", "text before typing");
    assert!(!document.can_undo());
    assert!(!document.is_dirty());
    assert!(document.redo());
    assert_eq!(title(&document), "Def");
    assert!(!document.can_redo());
}

#[test]
fn another_field_or_a_seal_starts_a_new_step() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document.apply_grouped(retitle(&document, "A"), Some(TITLE.into()));
    document.apply_grouped(retitle(&document, "AB"), Some(TITLE.into()));
    document.seal_group();
    document.apply_grouped(retitle(&document, "ABC"), Some(TITLE.into()));
    document.apply_grouped(
        Edit::RenameRegister("R".into()),
        Some("register.name".into()),
    );
    document.apply_grouped(
        Edit::RenameRegister("Re".into()),
        Some("register.name".into()),
    );
    // An ungrouped edit between two typing runs also separates them.
    document.apply(Edit::SetCapabilityAreas(vec!["Air".into()]));
    document.apply_grouped(retitle(&document, "ABCD"), Some(TITLE.into()));

    document.undo();
    assert_eq!(title(&document), "ABC");
    assert_eq!(document.register().capability_areas, vec!["Air"]);
    document.undo();
    assert_eq!(
        document.register().capability_areas,
        fixture().capability_areas
    );
    assert_eq!(document.register().name, "Re");
    document.undo();
    assert_eq!(document.register().name, fixture().name);
    assert_eq!(title(&document), "ABC");
    document.undo();
    assert_eq!(title(&document), "AB");
    document.undo();
    assert_eq!(title(&document), "Defence ministers");
    assert!(!document.can_undo());
    assert_eq!(document.register(), &fixture());
}

#[test]
fn typing_after_an_undo_does_not_merge_into_the_redone_step() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document.apply_grouped(retitle(&document, "A"), Some(TITLE.into()));
    document.apply_grouped(retitle(&document, "AB"), Some(TITLE.into()));
    document.undo();
    document.redo();
    document.apply_grouped(retitle(&document, "ABC"), Some(TITLE.into()));
    document.undo();
    assert_eq!(title(&document), "AB");
}

#[test]
fn saving_seals_the_typing_group() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document.apply_grouped(retitle(&document, "A"), Some(TITLE.into()));
    document.mark_saved(Origin::File("saved.ron".into()));
    document.apply_grouped(retitle(&document, "AB"), Some(TITLE.into()));
    document.undo();
    assert_eq!(title(&document), "A");
    assert!(!document.is_dirty(), "the saved text is one undo away");
}

#[test]
fn a_new_edit_clears_redo() {
    let mut document = Document::new(fixture(), Origin::Sample);
    document.apply(Edit::RenameRegister("One".into()));
    document.apply(Edit::RenameRegister("Two".into()));
    document.undo();
    assert!(document.can_redo());
    document.apply(Edit::RenameRegister("Three".into()));
    assert!(!document.can_redo());
    assert!(!document.redo());
    assert_eq!(document.register().name, "Three");
    document.undo();
    assert_eq!(document.register().name, "One");
    document.undo();
    assert_eq!(document.register(), &fixture());
}

// -------------------------------------------------------------------- sample

/// The file envelope, read here without the storage module so that this
/// test only depends on the model.
#[derive(Deserialize)]
struct CoalitionRegister {
    format: String,
    version: u32,
    register: Register,
}

#[test]
fn sample_register_is_valid_and_built_from_the_statement() {
    let text = include_str!("../../assets/sample-register.ron");
    let file: CoalitionRegister = ron::from_str(text).unwrap();
    assert_eq!(file.format, "coalition-desk");
    assert_eq!(file.version, 1);
    let register = file.register;
    assert_eq!(register.validate(today()), vec![]);
    assert_eq!(register.name, "Coalition of the Willing (sample)");
    assert!(register.next_id >= register.fresh_id());

    assert_eq!(register.meetings.len(), 1);
    let meeting = register.meetings.values().next().unwrap();
    assert_eq!(meeting.date, date(2025, 4, 10));
    assert_eq!(meeting.state, MeetingState::Held);
    assert!(meeting.statement.contains("Sébastien Lecornu"));
    assert!(
        meeting
            .statement
            .contains("Ukraine’s security is inseparable")
    );
    assert!(meeting.notes.contains("30 countries"));
    let codes: Vec<String> = meeting
        .attendance
        .keys()
        .map(|id| register.participant_code(*id))
        .collect();
    assert_eq!(codes, ["GBR", "FRA", "EU-COM", "EU-CNL", "NATO"]);
    let chairs: Vec<String> = meeting
        .chairs
        .iter()
        .map(|id| register.person_name(*id))
        .collect();
    assert_eq!(chairs, ["John Healey MP", "Sébastien Lecornu"]);

    assert!(!register.commitments.is_empty());
    for commitment in register.commitments.values() {
        assert!(
            commitment.title.starts_with("Example"),
            "{}",
            commitment.title
        );
        assert!(
            commitment
                .description
                .contains("Illustrative example, not from the statement"),
            "{}",
            commitment.title
        );
    }
}

#[test]
fn one_records_problems_match_what_validate_says_about_it() {
    let mut register =
        coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
            meetings: 30,
            commitments: 200,
            seed: 3,
        });
    // Break one meeting and one commitment in several ways.
    let (&meeting_id, meeting) = register.meetings.iter_mut().next().unwrap();
    meeting.marking = "TOP".into();
    meeting.title.clear();
    meeting
        .attendance
        .insert(ParticipantId(999_999), Attendance::default());
    let (&commitment_id, commitment) = register.commitments.iter_mut().next().unwrap();
    commitment.area = "Space".into();
    commitment.participant = ParticipantId(999_998);
    // The generated histories run into 2027.
    let after_everything = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let all = register.validate(after_everything);
    let about = |record: Record| -> Vec<Problem> {
        all.iter()
            .filter(|p| p.record == Some(record))
            .cloned()
            .collect()
    };
    assert_eq!(
        register.meeting_problems_of(meeting_id, after_everything),
        about(Record::Meeting(meeting_id))
    );
    assert_eq!(
        register.commitment_problems_of(commitment_id, after_everything),
        about(Record::Commitment(commitment_id))
    );
    assert_eq!(
        register
            .meeting_problems_of(meeting_id, after_everything)
            .len(),
        3
    );
    assert_eq!(
        register
            .commitment_problems_of(commitment_id, after_everything)
            .len(),
        2
    );
}
