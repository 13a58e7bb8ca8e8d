//! The copies last exchanged with each partner office, kept beside the
//! register as the base of the next merge.

use std::fs;

use coalition_desk::storage::{
    StorageError, keep_base, kept_base_path, partner_offices, read_kept_base, save,
};

use crate::common::register;

#[test]
fn a_kept_copy_is_read_back_as_it_was_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    let mut copy = register();
    copy.name = "As sent to Paris".into();

    keep_base(&path, "PAR", &copy).unwrap();
    assert_eq!(
        kept_base_path(&path, "PAR"),
        dir.path().join("coalition.exchanged").join("PAR.ron")
    );
    assert!(kept_base_path(&path, "PAR").is_file());
    assert_eq!(read_kept_base(&path, "PAR").unwrap(), Some(copy.clone()));

    // Keeping again replaces it, and leaves no backup or temporary file.
    copy.name = "As merged with Paris".into();
    keep_base(&path, "PAR", &copy).unwrap();
    assert_eq!(read_kept_base(&path, "PAR").unwrap(), Some(copy));
    let files: Vec<String> = fs::read_dir(dir.path().join("coalition.exchanged"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(files, vec!["PAR.ron"]);
}

#[test]
fn no_kept_copy_is_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    assert_eq!(read_kept_base(&path, "PAR").unwrap(), None);
    keep_base(&path, "LON", &register()).unwrap();
    assert_eq!(read_kept_base(&path, "PAR").unwrap(), None);
}

#[test]
fn a_broken_kept_copy_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    keep_base(&path, "PAR", &register()).unwrap();
    let kept = kept_base_path(&path, "PAR");
    let text = fs::read_to_string(&kept).unwrap();
    fs::write(&kept, &text[..text.len() / 2]).unwrap();

    let error = read_kept_base(&path, "PAR").unwrap_err();
    assert!(matches!(error, StorageError::KeptCopy { .. }), "{error:?}");
    assert_eq!(error.path(), kept);
    let message = error.to_string();
    assert!(
        message.starts_with(
            "The copy last exchanged with PAR, kept to merge that office's next copy, cannot \
             be used: the register file could not be read: the file ends too early"
        ),
        "{message}"
    );
    assert!(
        message.ends_with(&format!(": {}", kept.display())),
        "{message}"
    );
}

#[test]
fn a_code_that_is_not_an_office_never_becomes_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    save(&path, &register(), None).unwrap();
    for bad in ["../LON", "lon", "L", "LONDON", "1LO", "PA/R", "", "PAR.ron"] {
        let error = keep_base(&path, bad, &register()).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "\"{bad}\" is not an office code: an office code is 2 to 5 capital letters or \
                 digits, starting with a letter (LON, PAR): {}",
                path.display()
            )
        );
        assert!(read_kept_base(&path, bad).is_err(), "{bad}");
        // Even the path shown stays in the folder of kept copies.
        assert_eq!(
            kept_base_path(&path, bad).parent(),
            Some(dir.path().join("coalition.exchanged").as_path())
        );
    }
    assert!(!dir.path().join("coalition.exchanged").exists());
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["coalition.ron"]);
}

#[test]
fn the_partner_offices_are_those_a_copy_is_kept_for() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    assert_eq!(partner_offices(&path), Vec::<String>::new());
    for office in ["PAR", "BER", "W2"] {
        keep_base(&path, office, &register()).unwrap();
    }
    // Whatever else is in the folder is not an office.
    let folder = dir.path().join("coalition.exchanged");
    fs::write(folder.join("notes.txt"), "").unwrap();
    fs::write(folder.join("lower.ron"), "").unwrap();
    assert_eq!(partner_offices(&path), vec!["BER", "PAR", "W2"]);
}
