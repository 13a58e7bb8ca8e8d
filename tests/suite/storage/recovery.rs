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

/// Names the variable that tells [`untitled_recovery_child`] which data
/// folder its parent gave it.
const DATA_HOME_ENV: &str = "COALITION_DESK_TEST_DATA_HOME";

#[test]
fn untitled_recovery_lives_in_the_data_folder() {
    // The data folder comes from the environment, so a child process is
    // given one of its own; it checks the path and fails if it is not there.
    let data = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "storage::recovery::untitled_recovery_child",
            "--ignored",
            "--test-threads=1",
        ])
        .env(DATA_HOME_ENV, data.path())
        .env("XDG_DATA_HOME", data.path())
        .env("HOME", data.path())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("1 passed"), "the child test ran: {said}");
}

#[test]
#[ignore = "run by untitled_recovery_lives_in_the_data_folder, with a data folder of its own"]
fn untitled_recovery_child() {
    let data =
        std::env::var(DATA_HOME_ENV).expect("run by its parent test, which names the folder");
    let path = storage::recovery_path(None).expect("a data folder is set");
    assert!(path.starts_with(&data), "{path:?} is not in {data}");
    assert!(path.ends_with("untitled.recovery.ron"), "{path:?}");
}
