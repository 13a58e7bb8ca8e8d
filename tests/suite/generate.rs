//! The generated register: deterministic, realistic, and valid.

use coalition_desk::generate::{GenerateOptions, register};
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
    // The generated histories run to 2027: every step is in the past by 2030.
    let today = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    assert_eq!(generated.validate(today), Vec::new());
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
