//! Recovery copies: written while editing, offered when newer than the
//! register, discarded after a save.

use coalition_desk::storage::{self};

use super::fixture::*;

#[test]
fn recovery_is_written_offered_when_newer_and_discarded() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let recovery = storage::recovery_path(Some(&path)).unwrap();
    assert_eq!(recovery, dir.path().join("register.ron.recovery"));
    assert_eq!(storage::recovery_offer(Some(&path)), None);

    let mut unsaved = sample_register();
    unsaved.name = "Unsaved work".into();
    let written = storage::write_recovery(Some(&path), &unsaved).unwrap();
    assert_eq!(written, recovery);
    set_mtime(&path, -60);
    assert_eq!(storage::recovery_offer(Some(&path)), Some(recovery.clone()));
    assert_eq!(storage::load(&recovery).unwrap().register, unsaved);
    // Writing a recovery copy never touches the register or its backup.
    assert_eq!(storage::load(&path).unwrap().register, sample_register());
    assert!(!storage::backup_path(&path).exists());

    // Once the register is saved after it, the copy is stale: not offered.
    set_mtime(&recovery, -120);
    assert_eq!(storage::recovery_offer(Some(&path)), None);

    storage::discard_recovery(Some(&path)).unwrap();
    assert!(!recovery.exists());
    storage::discard_recovery(Some(&path)).unwrap();
    assert_eq!(
        names_in(dir.path()),
        ["register.ron"],
        "no temp files or copies left"
    );
}

#[test]
fn recovery_is_offered_when_the_register_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    storage::write_recovery(Some(&path), &sample_register()).unwrap();
    assert!(storage::recovery_offer(Some(&path)).is_some());
}

#[test]
fn untitled_recovery_lives_in_the_data_folder() {
    if let Some(path) = storage::recovery_path(None) {
        assert!(path.ends_with("untitled.recovery.ron"), "{path:?}");
    }
}
