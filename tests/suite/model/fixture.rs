//! The small register most model tests start from: every kind of record
//! and every kind of reference, valid as built, with names for its ids.

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::model::*;
use rust_decimal::Decimal;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A day after everything the fixture and the sample record.
pub(super) fn today() -> NaiveDate {
    date(2025, 7, 1)
}

pub(super) fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

pub(super) const GBR: ParticipantId = ParticipantId(1);
pub(super) const FRA: ParticipantId = ParticipantId(2);
pub(super) const NATO: ParticipantId = ParticipantId(3);
pub(super) const HEALEY: PersonId = PersonId(4);
pub(super) const LECORNU: PersonId = PersonId(5);
/// Holds roles for both GBR and FRA.
pub(super) const LIAISON: PersonId = PersonId(6);
pub(super) const MINISTERS: SeriesId = SeriesId(7);
pub(super) const APRIL: MeetingId = MeetingId(8);
/// FRA neither convenes nor attends, but Lecornu chairs and leads an item.
pub(super) const MAY: MeetingId = MeetingId(9);
pub(super) const GBR_TRAINING: CommitmentId = CommitmentId(10);
pub(super) const FRA_MARITIME: CommitmentId = CommitmentId(11);

pub(super) fn role(title: &str, participant: ParticipantId, from: Option<NaiveDate>) -> Role {
    Role {
        title: title.into(),
        participant,
        from,
        to: None,
        head_of_delegation: false,
    }
}

/// A small register with every kind of record and every kind of reference,
/// valid as built.
pub(super) fn fixture() -> Register {
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
                owner: Some(FRA.into()),
                ..ActionItem::default()
            },
            ActionItem {
                text: "Circulate the statement".into(),
                owner: Some(GBR.into()),
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

pub(super) fn meeting_mut(register: &mut Register, id: MeetingId) -> &mut Meeting {
    register.meetings.get_mut(&id).unwrap()
}

pub(super) fn commitment_mut(register: &mut Register, id: CommitmentId) -> &mut Commitment {
    register.commitments.get_mut(&id).unwrap()
}

pub(super) fn person_mut(register: &mut Register, id: PersonId) -> &mut Person {
    register.people.get_mut(&id).unwrap()
}

/// The fixture once May's session has been held (GBR came), so it can
/// have approved April's record on its day, 2025-05-10.
pub(super) fn fixture_may_held() -> Register {
    let mut register = fixture();
    let may = meeting_mut(&mut register, MAY);
    may.state = MeetingState::Held;
    for attendance in may.attendance.values_mut() {
        attendance.status = AttendanceStatus::Present;
    }
    register
}
