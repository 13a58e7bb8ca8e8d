//! The generated register: deterministic, realistic, and valid.

use chrono::NaiveDate;
use coalition_desk::generate::{self, GenerateOptions, register, register_on};
use coalition_desk::model::{CommitmentStatus, Register};
use coalition_desk::storage;

fn options(seed: u64) -> GenerateOptions {
    GenerateOptions {
        meetings: 120,
        commitments: 3000,
        seed,
    }
}

#[test]
fn the_same_seed_gives_the_same_register_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    storage::save(&a, &register(options(42)), None).unwrap();
    storage::save(&b, &register(options(42)), None).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_ne!(register(options(42)), register(options(43)));
}

#[test]
fn a_generated_register_is_valid_and_has_the_asked_size() {
    let generated = register(options(1));
    // Valid on the real date: nothing is dated after the day it stands on.
    let today = chrono::Local::now().date_naive();
    assert_eq!(generated.validate(today), Vec::new());
    assert_eq!(generated.validate(generate::fixed_now()), Vec::new());
    assert_eq!(generated.meetings.len(), 120);
    assert_eq!(generated.commitments.len(), 3000);
    assert!((55..=65).contains(&generated.participants.len()));
    assert!(
        (380..=440).contains(&generated.people.len()),
        "{}",
        generated.people.len()
    );
    assert!(generated.series.len() >= 3);
    // People change office: most participants had several holders.
    let changed = generated
        .people
        .values()
        .filter(|p| p.roles.iter().any(|r| r.to.is_some()))
        .count();
    assert!(changed > 300, "{changed} people left office");
    // Commitments carry histories whose last step is their status.
    assert!(
        generated
            .commitments
            .values()
            .all(|c| c.history.last().map(|h| h.status) == Some(c.status))
    );
    // Meetings have full attendance with delegates in office on the day.
    let meeting = generated.meetings.values().next().unwrap();
    assert!(meeting.attendance.len() > 40);
    assert!(!meeting.agenda.is_empty());
}

#[test]
fn a_generated_register_survives_a_save_and_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let generated = register(options(9));
    storage::save(&path, &generated, None).unwrap();
    assert_eq!(storage::load(&path).unwrap().register, generated);
}

/// Every date a generated register gives to something that happened.
fn happened(register: &Register) -> Vec<NaiveDate> {
    let meetings = register
        .meetings
        .values()
        .filter(|m| m.state == coalition_desk::model::MeetingState::Held)
        .map(|m| m.date);
    let steps = register.commitments.values().flat_map(|c| {
        c.history
            .iter()
            .map(|h| h.date)
            .chain(c.deliveries.iter().map(|d| d.date))
    });
    meetings.chain(steps).collect()
}

#[test]
fn a_register_generated_today_passes_check_today_and_dates_nothing_after_it() {
    let today = chrono::Local::now().date_naive();
    let generated = register_on(options(5), today);
    assert_eq!(generated.validate(today), Vec::new());
    let latest = happened(&generated).into_iter().max().unwrap();
    assert!(latest <= today, "{latest} is after {today}");
    // The fixed day of `register` is honest too.
    let fixed = register(options(5));
    let latest = happened(&fixed).into_iter().max().unwrap();
    assert!(latest <= generate::fixed_now(), "{latest}");
    // Sessions after the day are planned, not held.
    assert!(
        generated
            .meetings
            .values()
            .any(|m| m.date > today && m.state == coalition_desk::model::MeetingState::Planned)
    );
}

#[test]
fn generated_money_only_pledges_are_paid_in_tranches() {
    let generated = register(options(1));
    let money_only = || {
        generated
            .commitments
            .values()
            .filter(|c| c.quantity.is_none() && c.value.is_some())
    };
    assert!(money_only().count() > 600, "{}", money_only().count());
    // Paid in full in several tranches, and Delivered by the last one.
    let paid_in_full = money_only()
        .filter(|c| c.status == CommitmentStatus::Delivered && c.deliveries.len() >= 2)
        .filter(|c| Some(c.paid_so_far()) == c.value.as_ref().map(|v| v.amount))
        .count();
    assert!(paid_in_full > 50, "{paid_in_full}");
    // Part paid: In delivery with what is left to pay.
    let part_paid = money_only()
        .filter(|c| c.status == CommitmentStatus::InDelivery)
        .filter(|c| c.unpaid().is_some_and(|left| !left.is_zero()) && !c.deliveries.is_empty())
        .count();
    assert!(part_paid > 50, "{part_paid}");
    // A money-only pledge's deliveries are payments alone.
    assert!(
        money_only()
            .flat_map(|c| &c.deliveries)
            .all(|d| d.amount.is_zero() && !d.paid.is_zero())
    );
}

#[test]
fn the_generate_command_writes_a_register_that_check_accepts_today() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("generated.ron");
    let program = env!("CARGO_BIN_EXE_coalition-desk");
    let generated = std::process::Command::new(program)
        .args([
            "generate",
            "--meetings",
            "40",
            "--commitments",
            "400",
            "--seed",
            "3",
            "-o",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(generated.status.success(), "{generated:?}");
    // `check` judges against the real date, as the officer runs it.
    let checked = std::process::Command::new(program)
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
}
