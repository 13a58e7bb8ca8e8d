//! Saving: atomic replacement, the backup, permissions and symlinks kept,
//! and refusal when the file changed on disk since it was opened.

use std::fs;
use std::io;

use coalition_desk::storage::{self, Overwrite, StorageError};

use super::fixture::*;

#[test]
fn interrupted_save_leaves_old_file_intact_and_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let (path, stamp) = saved_sample(dir.path());
    let before = fs::read(&path).unwrap();
    let mut changed = sample_register();
    changed.name = "Changed".into();

    let error = storage::save_with_hook(&path, &changed, Overwrite::IfUnchanged(&stamp), || {
        Err(io::Error::other("power cut"))
    })
    .unwrap_err();
    assert!(matches!(error, StorageError::Write { .. }), "{error:?}");
    assert!(error.to_string().contains("power cut"), "{error}");

    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(storage::load(&path).unwrap().register, sample_register());
    let names = names_in(dir.path());
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "temp litter: {names:?}"
    );
    assert_eq!(names, ["register.ron", "register.ron.bak"]);

    // The next save works and the stamp still matches.
    storage::save(&path, &changed, Some(&stamp)).unwrap();
    assert_eq!(storage::load(&path).unwrap().register, changed);
}

#[test]
fn save_keeps_the_previous_version_as_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    let first = storage::save(&path, &sample_register(), None).unwrap();
    assert!(
        !storage::backup_path(&path).exists(),
        "nothing to back up yet"
    );
    let first_bytes = fs::read(&path).unwrap();

    let mut second = sample_register();
    second.name = "Second".into();
    let second_stamp = storage::save(&path, &second, Some(&first)).unwrap();
    let backup = storage::backup_path(&path);
    assert_eq!(backup, dir.path().join("register.ron.bak"));
    assert_eq!(fs::read(&backup).unwrap(), first_bytes);
    assert_eq!(storage::load(&path).unwrap().register, second);

    let mut third = sample_register();
    third.name = "Third".into();
    storage::save(&path, &third, Some(&second_stamp)).unwrap();
    assert_eq!(storage::load(&backup).unwrap().register, second);
    assert_eq!(names_in(dir.path()), ["register.ron", "register.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn save_keeps_the_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (path, stamp) = saved_sample(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    storage::save(&path, &sample_register(), Some(&stamp)).unwrap();
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}

#[cfg(unix)]
#[test]
fn save_through_a_symlink_writes_the_target() {
    let dir = tempfile::tempdir().unwrap();
    let (target, stamp) = saved_sample(dir.path());
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut changed = sample_register();
    changed.name = "Through the link".into();
    storage::save(&link, &changed, Some(&stamp)).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(storage::load(&target).unwrap().register, changed);
}

#[test]
fn save_refuses_when_the_file_changed_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let loaded = storage::load(&path).unwrap();

    // Someone else saves a different register over it.
    let mut theirs = sample_register();
    theirs.name = "Their edit".into();
    storage::save(&path, &theirs, None).unwrap();
    let their_bytes = fs::read(&path).unwrap();

    let mut ours = loaded.register.clone();
    ours.name = "Our edit".into();
    let error = storage::save(&path, &ours, Some(&loaded.stamp)).unwrap_err();
    assert!(
        matches!(error, StorageError::ChangedOnDisk { .. }),
        "{error:?}"
    );
    assert!(error.to_string().ends_with(&path.display().to_string()));
    assert_eq!(fs::read(&path).unwrap(), their_bytes);

    // The officer chose to overwrite.
    storage::save(&path, &ours, None).unwrap();
    assert_eq!(storage::load(&path).unwrap().register, ours);
}

#[test]
fn save_refuses_when_the_file_was_deleted_since_opened() {
    let dir = tempfile::tempdir().unwrap();
    let (path, stamp) = saved_sample(dir.path());
    fs::remove_file(&path).unwrap();
    let error = storage::save(&path, &sample_register(), Some(&stamp)).unwrap_err();
    assert!(matches!(error, StorageError::ChangedOnDisk { .. }));
    assert!(!path.exists());
}

#[test]
fn touching_the_file_is_not_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let (path, stamp) = saved_sample(dir.path());
    set_mtime(&path, 60);
    storage::save(&path, &sample_register(), Some(&stamp)).unwrap();
    let now = storage::disk_stamp(&path).unwrap().unwrap();
    assert!(now.same_content(&stamp));
}
