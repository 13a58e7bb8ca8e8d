//! A small register for the documents sent before a session: a series
//! with a held session (No. 4), the planned one the pack is for (No. 5)
//! and the one after (No. 6); three participants; commitments that moved,
//! fell due and were paid; actions open, done and marked SECRET; points
//! to raise for two participants.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::model::*;
use rust_decimal::Decimal;

pub const GBR: ParticipantId = ParticipantId(1);
pub const FRA: ParticipantId = ParticipantId(2);
pub const NATO: ParticipantId = ParticipantId(3);
pub const HEALEY: PersonId = PersonId(4);
pub const VAUTRIN: PersonId = PersonId(5);
pub const DM: SeriesId = SeriesId(9);
pub const HELD: MeetingId = MeetingId(10);
pub const PLANNED: MeetingId = MeetingId(11);
pub const AFTER: MeetingId = MeetingId(12);
pub const MISSILES: CommitmentId = CommitmentId(20);
pub const DEMINING: CommitmentId = CommitmentId(21);
pub const SECRET_DRONES: CommitmentId = CommitmentId(22);
pub const TRAINING: CommitmentId = CommitmentId(23);

pub const GBR_POINTS: &str = "Ask for the second tranche schedule";
pub const FRA_POINTS: &str = "Thank France for the demining teams";

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the documents are issued.
pub fn today() -> NaiveDate {
    date(2026, 6, 1)
}

pub fn money(amount: &str, currency: &str) -> Money {
    Money {
        amount: Decimal::from_str(amount).unwrap(),
        currency: currency.into(),
    }
}

fn step(on: NaiveDate, status: CommitmentStatus) -> StatusChange {
    StatusChange {
        date: on,
        status,
        note: String::new(),
        meeting: None,
    }
}

fn row(status: AttendanceStatus, delegates: Vec<PersonId>) -> Attendance {
    Attendance {
        status,
        delegates,
        ..Attendance::default()
    }
}

pub fn register() -> Register {
    use AttendanceStatus::*;
    use CommitmentStatus::*;
    let mut r = Register::new("Coalition of the willing");
    r.short_name = "CoW".into();
    let participant = |name: &str, code: &str, kind| Participant {
        name: name.into(),
        code: code.into(),
        kind,
        ..Participant::default()
    };
    r.participants.insert(
        GBR,
        Participant {
            points_to_raise: GBR_POINTS.into(),
            points_marking: Some("OFFICIAL-SENSITIVE".into()),
            ..participant("United Kingdom", "GBR", ParticipantKind::Nation)
        },
    );
    r.participants.insert(
        FRA,
        Participant {
            points_to_raise: FRA_POINTS.into(),
            ..participant("France", "FRA", ParticipantKind::Nation)
        },
    );
    r.participants.insert(
        NATO,
        participant("NATO", "NATO", ParticipantKind::Organisation),
    );
    let person = |name: &str, title: &str, of, from| Person {
        name: name.into(),
        roles: vec![Role {
            title: title.into(),
            participant: of,
            from: Some(from),
            to: None,
            head_of_delegation: false,
        }],
        notes: String::new(),
    };
    r.people.insert(
        HEALEY,
        person("John Healey", "Defence Secretary", GBR, date(2024, 7, 5)),
    );
    r.people.insert(
        VAUTRIN,
        person(
            "Catherine Vautrin",
            "Minister of the Armed Forces",
            FRA,
            date(2025, 10, 12),
        ),
    );
    r.series.insert(
        DM,
        SessionSeries {
            name: "Defence ministers".into(),
            short_name: "DM".into(),
            ..SessionSeries::default()
        },
    );
    let session = |number, on, state| Meeting {
        title: "Defence ministers".into(),
        series: Some(DM),
        number: Some(number),
        date: on,
        state,
        marking: "OFFICIAL".into(),
        ..Meeting::default()
    };
    let mut held = session(4, date(2026, 5, 7), MeetingState::Held);
    held.attendance = BTreeMap::from([
        (GBR, row(Present, vec![HEALEY])),
        (FRA, row(Apologies, vec![])),
        (NATO, row(Observer, vec![])),
    ]);
    held.decisions = vec![
        Decision {
            text: "Pool air defence procurement".into(),
            marking: None,
        },
        Decision {
            text: "Target list agreed".into(),
            marking: Some("SECRET".into()),
        },
    ];
    let action = |text: &str, owner, due, done, marking: Option<&str>| ActionItem {
        text: text.into(),
        owner: Some(owner),
        due: Some(due),
        done,
        marking: marking.map(String::from),
        carried_to: Vec::new(),
    };
    held.actions = vec![
        action(
            "Circulate the procurement plan",
            ActionOwner::Participant(GBR),
            date(2026, 5, 20),
            false,
            None,
        ),
        action(
            "Report on demining",
            ActionOwner::Participant(FRA),
            date(2026, 5, 25),
            true,
            None,
        ),
        action(
            "Brief on the target list",
            ActionOwner::Secretariat,
            date(2026, 7, 1),
            false,
            Some("SECRET"),
        ),
    ];
    r.meetings.insert(HELD, held);

    let mut planned = session(5, date(2026, 6, 4), MeetingState::Planned);
    planned.start = NaiveTime::from_hms_opt(9, 30, 0);
    planned.end = NaiveTime::from_hms_opt(12, 0, 0);
    planned.time_zone = chrono_tz::Europe::London;
    planned.location = "Lancaster House, London".into();
    planned.convenors = vec![GBR, FRA];
    planned.attendance = BTreeMap::from([
        (GBR, row(Confirmed, vec![HEALEY])),
        (FRA, row(Invited, vec![])),
        (NATO, row(Apologies, vec![])),
    ]);
    let item =
        |title: &str, level, minutes, purpose, notes: &str, marking: Option<&str>| AgendaItem {
            title: title.into(),
            level,
            minutes: Some(minutes),
            lead: None,
            notes: notes.into(),
            outcome: String::new(),
            marking: marking.map(String::from),
            purpose,
        };
    planned.agenda = vec![
        AgendaItem {
            lead: Some(HEALEY),
            ..item(
                "Opening",
                0,
                10,
                Some(AgendaPurpose::Information),
                "Welcome by the co-chairs",
                None,
            )
        },
        item(
            "Air defence",
            0,
            30,
            Some(AgendaPurpose::Decision),
            "Agree the pooled order",
            None,
        ),
        item(
            "Targeting",
            1,
            20,
            Some(AgendaPurpose::Discussion),
            "Closed session",
            Some("SECRET"),
        ),
    ];
    r.meetings.insert(PLANNED, planned);
    r.meetings
        .insert(AFTER, session(6, date(2026, 7, 2), MeetingState::Planned));

    let commitment =
        |who, title: &str, status, value, due, history: Vec<StatusChange>| Commitment {
            participant: who,
            title: title.into(),
            area: "Air".into(),
            status,
            value,
            due,
            history,
            marking: "OFFICIAL".into(),
            ..Commitment::default()
        };
    let mut missiles = commitment(
        GBR,
        "Air defence missiles",
        InDelivery,
        Some(money("400000000", "EUR")),
        Some(date(2026, 12, 31)),
        vec![
            step(date(2026, 4, 1), Pledged),
            step(date(2026, 5, 20), Committed),
            step(date(2026, 5, 25), InDelivery),
        ],
    );
    missiles.announced_at = Some(HELD);
    missiles.deliveries.push(Delivery {
        date: date(2026, 5, 28),
        paid: Decimal::from(100_000_000),
        ..Delivery::default()
    });
    r.commitments.insert(MISSILES, missiles);
    r.commitments.insert(
        DEMINING,
        commitment(
            FRA,
            "Demining teams",
            Pledged,
            Some(money("50000000", "EUR")),
            Some(date(2026, 5, 30)),
            vec![step(date(2026, 5, 10), Pledged)],
        ),
    );
    r.commitments.insert(
        SECRET_DRONES,
        Commitment {
            marking: "SECRET".into(),
            ..commitment(
                GBR,
                "Long-range drones",
                Pledged,
                Some(money("10000000", "GBP")),
                Some(date(2026, 6, 2)),
                vec![step(date(2026, 5, 15), Pledged)],
            )
        },
    );
    r.commitments.insert(
        TRAINING,
        commitment(
            NATO,
            "Training mission",
            Committed,
            None,
            Some(date(2026, 8, 1)),
            vec![step(date(2026, 3, 1), Committed)],
        ),
    );
    r.next_id = 30;
    r
}
