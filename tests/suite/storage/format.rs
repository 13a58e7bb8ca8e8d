//! The file format: pretty RON in a versioned envelope, the same bytes
//! every time, and files written by a newer version of the application.

use std::fs;

use coalition_desk::storage::{self, Overwrite, StorageError};

use super::fixture::*;

#[test]
fn file_is_pretty_ron_in_a_versioned_envelope() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with(
            "CoalitionRegister(\n\tformat: \"coalition-desk\",\n\tversion: 1,\n\tregister: (\n"
        ),
        "{text}"
    );
    // Money and quantities are exact decimal strings, never floats.
    assert!(text.contains("amount: \"12500000.50\""), "{text}");
    assert!(text.contains("amount: \"2.5\""), "{text}");
    // Non-ASCII text stays readable in the file.
    assert!(text.contains("Коаліція"), "{text}");
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.register, sample_register());
    assert_eq!(loaded.newer_version, None);
    assert_eq!(loaded.read_only_reason(), None);
}

#[test]
fn file_saved_by_a_windows_editor_with_a_byte_order_mark_loads() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    assert_eq!(storage::load(&path).unwrap().register, sample_register());
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, stamp) = saved_sample(dir.path());
    let first = fs::read(&path).unwrap();
    storage::save(&path, &sample_register(), Some(&stamp)).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first);
}

fn as_version(text: &str, version: u32) -> String {
    text.replacen("version: 1,", &format!("version: {version},"), 1)
}

#[test]
fn newer_file_that_parses_opens_read_only_and_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    // A newer version whose file still has only fields this one knows.
    let newer = as_version(&text, 99);
    fs::write(&path, &newer).unwrap();

    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.newer_version, Some(99));
    assert_eq!(
        loaded.read_only_reason().as_deref(),
        Some("written by a newer version (format 99); opened read-only")
    );
    assert_eq!(loaded.register, sample_register());
    assert_eq!(fs::read_to_string(&path).unwrap(), newer, "load wrote");

    // Save with the stamp it was opened with: refused, file untouched.
    let error = storage::save(&path, &loaded.register, Some(&loaded.stamp)).unwrap_err();
    assert!(
        matches!(error, StorageError::NewerVersion { found: 99, .. }),
        "{error:?}"
    );
    // Save without a stamp ("overwrite their changes"): still refused.
    let error = storage::save(&path, &loaded.register, None).unwrap_err();
    assert!(matches!(error, StorageError::NewerVersion { .. }));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
    assert!(!storage::backup_path(&path).exists());

    // Only an explicit override replaces it, and the newer file is kept.
    storage::save_with(&path, &loaded.register, Overwrite::Anything).unwrap();
    assert_eq!(storage::load(&path).unwrap().newer_version, None);
    assert_eq!(
        fs::read_to_string(storage::backup_path(&path)).unwrap(),
        newer
    );
}

#[test]
fn newer_file_with_a_field_this_version_does_not_know_says_newer_version() {
    // Reading is strict: opening it, even read-only, would show a record
    // without what the newer version added, so the officer is told to
    // update instead.
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    let newer = as_version(&text, 99).replacen(
        "register: (",
        "register: (\n        future_field: [1, 2, 3],",
        1,
    );
    fs::write(&path, &newer).unwrap();
    let error = storage::load(&path).unwrap_err();
    assert!(
        matches!(error, StorageError::NewerVersion { found: 99, .. }),
        "{error:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), newer, "load wrote");
    // The same field in a current-version file is an unknown field.
    fs::write(&path, newer.replacen("version: 99,", "version: 1,", 1)).unwrap();
    let error = assert_rejected_with_position(&path);
    assert!(
        error
            .to_string()
            .contains("unknown field `future_field` in the register's settings"),
        "{error}"
    );
}

#[test]
fn newer_file_that_does_not_parse_says_newer_version() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    // A newer version changed the shape of a field.
    let next = storage::FORMAT_VERSION + 1;
    let newer = as_version(&text, next).replacen("next_id: 3", "next_id: (high: 0, low: 3)", 1);
    fs::write(&path, &newer).unwrap();
    let error = storage::load(&path).unwrap_err();
    assert!(
        matches!(error, StorageError::NewerVersion { found, .. } if found == next),
        "{error:?}"
    );
    assert!(error.to_string().contains("newer version"), "{error}");
    assert!(error.to_string().ends_with(&path.display().to_string()));
    assert_eq!(fs::read_to_string(&path).unwrap(), newer);
    // The same change in a current-version file is a plain syntax error.
    fs::write(
        &path,
        newer.replacen(&format!("version: {next},"), "version: 1,", 1),
    )
    .unwrap();
    assert_rejected_with_position(&path);
}

#[test]
fn version_zero_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, as_version(&text, 0)).unwrap();
    let error = storage::load(&path).unwrap_err();
    assert!(
        matches!(error, StorageError::UnknownVersion { found: 0, .. }),
        "{error:?}"
    );
}
