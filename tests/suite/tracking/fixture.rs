//! What the tracking tests share: decimals from text, a status step, a
//! delivery, and a register with two sessions of one series.

use std::str::FromStr;

use crate::common::{GBR, MINISTERS, date, register, today};
use coalition_desk::model::{
    ActionItem, CommitmentId, CommitmentStatus, Delivery, Meeting, MeetingId, Register, SeriesId,
    SessionSeries, StatusMove,
};
use rust_decimal::Decimal;

pub(super) fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub(super) fn step(to: CommitmentStatus, note: &str) -> StatusMove {
    StatusMove {
        to,
        date: date(2025, 5, 20),
        note: note.into(),
        meeting: Some(MINISTERS),
    }
}

pub(super) fn delivery(amount: &str) -> Delivery {
    Delivery {
        date: date(2025, 6, 1),
        amount: dec(amount),
        ..Delivery::default()
    }
}

/// Two sessions of one series, with things happening between them.
pub(super) fn two_sessions() -> Register {
    let mut r = register();
    let series = SeriesId(40);
    r.series.insert(
        series,
        SessionSeries {
            name: "Defence ministers".into(),
            ..SessionSeries::default()
        },
    );
    let first = r.meetings.get_mut(&MINISTERS).unwrap();
    first.series = Some(series);
    first.actions.push(ActionItem {
        text: "Circulate the air defence plan".into(),
        owner: Some(GBR.into()),
        due: Some(date(2025, 5, 1)),
        done: false,
        marking: None,
        carried_to: Vec::new(),
    });
    first.actions.push(ActionItem {
        text: "Done already".into(),
        done: true,
        ..ActionItem::default()
    });
    r.meetings.insert(
        MeetingId(41),
        Meeting {
            title: "Defence ministers".into(),
            series: Some(series),
            date: date(2025, 6, 5),
            ..Meeting::default()
        },
    );
    let missiles = r.commitments.get_mut(&CommitmentId(20)).unwrap();
    missiles
        .move_status(
            step(CommitmentStatus::Committed, "Contract signed"),
            today(),
        )
        .unwrap();
    missiles.record_delivery(delivery("500")).unwrap();
    let mut new = r.commitments[&CommitmentId(22)].clone();
    new.title = "Patrol boats".into();
    new.announced_at = None;
    new.history[0].date = date(2025, 5, 2);
    r.commitments.insert(CommitmentId(42), new);
    r
}
