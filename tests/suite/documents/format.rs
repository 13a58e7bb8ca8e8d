//! The new fields in the file: an agenda item's purpose and a
//! participant's points to raise make the file version 6; a register
//! without them keeps the version and the bytes it had.

use coalition_desk::model::AgendaPurpose;
use coalition_desk::storage::{self, written_version};

use super::fixture::*;

#[test]
fn purposes_and_points_make_version_6_and_read_back() {
    let r = register();
    assert_eq!(written_version(&r), 6);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v6.ron");
    storage::save(&path, &r, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 6,"), "{text}");
    assert!(
        text.contains("purpose: Some(Decision)") || text.contains("purpose: Decision"),
        "{text}"
    );
    assert!(text.contains("points_marking:"), "{text}");
    assert_eq!(storage::load(&path).unwrap().register, r);
}

#[test]
fn a_register_without_them_keeps_its_version_and_shape() {
    let mut r = register();
    for participant in r.participants.values_mut() {
        participant.points_to_raise.clear();
        participant.points_marking = None;
    }
    for meeting in r.meetings.values_mut() {
        for item in &mut meeting.agenda {
            item.purpose = None;
        }
    }
    // The payment keeps it at 3, as before.
    assert_eq!(written_version(&r), 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    storage::save(&path, &r, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        !text.contains("purpose") && !text.contains("points_"),
        "{text}"
    );
    // One field alone is enough.
    r.meetings.get_mut(&PLANNED).unwrap().agenda[0].purpose = Some(AgendaPurpose::Information);
    assert_eq!(written_version(&r), 6);
}

#[test]
fn check_names_points_marked_at_a_level_the_register_does_not_have() {
    let mut r = register();
    assert!(
        !r.validate(today())
            .iter()
            .any(|p| p.message.contains("points to raise")),
        "{:?}",
        r.validate(today())
    );
    r.participants.get_mut(&FRA).unwrap().points_marking = Some("OFFICAL".into());
    let problems: Vec<String> = r
        .validate(today())
        .into_iter()
        .map(|p| p.message)
        .filter(|m| m.contains("points to raise"))
        .collect();
    assert_eq!(
        problems,
        [
            "France's points to raise are marked \u{201c}OFFICAL\u{201d}, which is not one of \
          the register's levels: choose one of OFFICIAL, OFFICIAL-SENSITIVE, SECRET"
        ]
    );
}

#[test]
fn an_office_heading_a_delegation_makes_version_7_and_reads_back() {
    let mut r = register();
    // Without it the register keeps the version it had.
    assert_eq!(written_version(&r), 6);
    r.people.get_mut(&HEALEY).unwrap().roles[0].head_of_delegation = true;
    assert_eq!(written_version(&r), 7);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.ron");
    storage::save(&path, &r, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("version: 7,"), "{text}");
    assert_eq!(
        text.matches("head_of_delegation: true").count(),
        1,
        "{text}"
    );
    // Only a marked office writes the field.
    assert!(!text.contains("head_of_delegation: false"), "{text}");
    assert_eq!(storage::load(&path).unwrap().register, r);
}

#[test]
fn check_names_two_offices_heading_one_delegation_on_the_same_days() {
    use coalition_desk::model::{Person, PersonId, Role};
    let heads = |r: &coalition_desk::model::Register| -> Vec<String> {
        r.validate(today())
            .into_iter()
            .map(|p| p.message)
            .filter(|m| m.contains("delegation"))
            .collect()
    };
    let mut r = register();
    r.people.get_mut(&HEALEY).unwrap().roles[0].head_of_delegation = true;
    let successor = |from| Person {
        name: "Luke Pollard".into(),
        roles: vec![Role {
            title: "Defence Secretary".into(),
            participant: GBR,
            from: Some(from),
            to: None,
            head_of_delegation: true,
        }],
        ..Person::default()
    };
    assert_eq!(heads(&r), Vec::<String>::new());
    // One after the other is no problem.
    r.people.get_mut(&HEALEY).unwrap().roles[0].to = Some(date(2026, 5, 31));
    r.people.insert(PersonId(30), successor(date(2026, 6, 1)));
    r.next_id = 31;
    assert_eq!(heads(&r), Vec::<String>::new());
    // Both head it on 1 June 2026.
    r.people.get_mut(&HEALEY).unwrap().roles[0].to = Some(date(2026, 6, 1));
    assert_eq!(
        heads(&r),
        [
            "John Healey and Luke Pollard both head United Kingdom's delegation on the same \
          days: mark only one office held on a day as heading it (head_of_delegation)"
        ]
    );
}
