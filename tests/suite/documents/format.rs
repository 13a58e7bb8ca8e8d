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
