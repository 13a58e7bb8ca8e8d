//! Every kind of problem validation finds, each as a way to cause it in
//! the fixture and what the officer must be told.

use coalition_desk::model::*;
use rust_decimal::Decimal;

use super::fixture::*;

/// One kind of problem: how to cause it, where it must be reported, the
/// words the message must contain, and whether it is the only problem.
pub(super) struct Case {
    pub(super) name: &'static str,
    pub(super) break_it: fn(&mut Register),
    pub(super) record: Option<Record>,
    pub(super) words: &'static [&'static str],
    pub(super) alone: bool,
}

pub(super) fn cases() -> Vec<Case> {
    vec![
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
                "on behalf of a participant that is not in the register",
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
                    head_of_delegation: false,
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
            words: &["participant with code NATO has no name"],
            alone: true,
        },
        Case {
            name: "series without a name",
            break_it: |r| r.series.get_mut(&MINISTERS).unwrap().name = String::new(),
            record: Some(Record::Series(MINISTERS)),
            words: &["A series has no name"],
            alone: true,
        },
        Case {
            name: "commitment without a title",
            break_it: |r| commitment_mut(r, FRA_MARITIME).title = String::new(),
            record: Some(Record::Commitment(FRA_MARITIME)),
            words: &["A commitment of France has no title"],
            alone: true,
        },
        Case {
            name: "person without a name",
            break_it: |r| person_mut(r, LIAISON).name = " ".into(),
            record: Some(Record::Person(LIAISON)),
            words: &["A representative of"],
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
            words: &["lists attendance for a participant that is not in the register"],
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
            words: &["lists a delegate of United Kingdom who is not in the register"],
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
            words: &["convened by a participant that is not in the register"],
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
            // The participant that came second, so a click opens the one
            // to mend.
            record: Some(Record::Participant(ParticipantId(50))),
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
            words: &["value of -5 EUR: a value must be more than zero"],
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
            words: &["quantity of -1: a quantity must be more than zero"],
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
            words: &["history refers to a meeting that is not in the register"],
            alone: true,
        },
        Case {
            name: "announced at a meeting that does not exist",
            break_it: |r| commitment_mut(r, GBR_TRAINING).announced_at = Some(MeetingId(97)),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["announced at a meeting that is not in the register"],
            alone: true,
        },
        Case {
            name: "commitment by a participant that does not exist",
            break_it: |r| commitment_mut(r, GBR_TRAINING).participant = ParticipantId(91),
            record: Some(Record::Commitment(GBR_TRAINING)),
            words: &["made by a participant that is not in the register"],
            alone: true,
        },
        Case {
            name: "meeting in a series that does not exist",
            break_it: |r| meeting_mut(r, APRIL).series = Some(SeriesId(96)),
            record: Some(Record::Meeting(APRIL)),
            words: &["belongs to a series that is not in the register"],
            alone: true,
        },
        Case {
            name: "meeting convened by a participant that does not exist",
            break_it: |r| meeting_mut(r, MAY).convenors.push(ParticipantId(90)),
            record: Some(Record::Meeting(MAY)),
            words: &["convened by a participant that is not in the register"],
            alone: true,
        },
        Case {
            name: "meeting chaired by a person who does not exist",
            break_it: |r| meeting_mut(r, MAY).chairs.push(PersonId(89)),
            record: Some(Record::Meeting(MAY)),
            words: &["chaired by a person who is not in the register"],
            alone: true,
        },
        Case {
            name: "meeting without a title",
            break_it: |r| meeting_mut(r, MAY).title = String::new(),
            record: Some(Record::Meeting(MAY)),
            words: &["A meeting on 2025-05-10 has no title"],
            alone: true,
        },
        Case {
            name: "action owed by a participant that does not exist",
            break_it: |r| meeting_mut(r, APRIL).actions[1].owner = Some(ParticipantId(95).into()),
            record: Some(Record::Meeting(APRIL)),
            words: &["action 2 is owed by a participant that is not in the register"],
            alone: true,
        },
        Case {
            name: "agenda item led by a person who does not exist",
            break_it: |r| meeting_mut(r, APRIL).agenda[0].lead = Some(PersonId(94)),
            record: Some(Record::Meeting(APRIL)),
            words: &["agenda item 1 is led by a person who is not in the register"],
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
    ]
}
