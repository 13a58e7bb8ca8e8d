//! Broken files: truncated, garbled, empty, binary, other RON or missing,
//! each refused with where it broke and the file's path.

use std::fs;

use coalition_desk::storage::{self, StorageError};

use super::fixture::*;

#[test]
fn truncated_files_are_rejected_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let full = fs::read(&path).unwrap();
    // Cut at several points, including inside a multi-byte character
    // (which makes the file invalid UTF-8 at its end).
    let mut cuts = vec![1, 10, 30, full.len() / 3, full.len() / 2, full.len() - 3];
    let cyrillic = full.windows(2).position(|w| w == "К".as_bytes()).unwrap();
    cuts.push(cyrillic + 1);
    for cut in cuts {
        fs::write(&path, &full[..cut]).unwrap();
        let error = assert_rejected_with_position(&path);
        assert!(
            matches!(
                error,
                StorageError::Syntax { .. } | StorageError::NotText { .. }
            ),
            "cut at {cut}: {error:?}"
        );
    }
}

#[test]
fn cut_file_says_it_ends_too_early() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let full = fs::read_to_string(&path).unwrap();
    fs::write(&path, &full[..full.len() / 2]).unwrap();
    let error = assert_rejected_with_position(&path);
    assert!(error.to_string().contains("ends too early"), "{error}");
}

#[test]
fn garbled_files_are_rejected_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let full = fs::read(&path).unwrap();
    let text = String::from_utf8(full.clone()).unwrap();
    // Replace structural characters, one at a time, by ones that break
    // the syntax or the shape.
    for (pattern, replacement) in [
        ("register: (", "register: ["),
        ("next_id: 3", "next_id: \"three\""),
        ("participants: {", "participants: {{"),
        ("\t),\n)", "\t),\n]"),
    ] {
        assert!(text.contains(pattern), "{pattern}");
        fs::write(&path, text.replacen(pattern, replacement, 1)).unwrap();
        assert_rejected_with_position(&path);
    }
    // Flip the top bit of a few bytes: invalid UTF-8 or a wrong character.
    for at in [0, 5, full.len() / 2] {
        let mut garbled = full.clone();
        garbled[at] ^= 0x80;
        fs::write(&path, &garbled).unwrap();
        assert_rejected_with_position(&path);
    }
}

#[test]
fn position_points_at_the_broken_line() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let text = fs::read_to_string(&path).unwrap();
    let line_of_next_id = 1 + text
        .lines()
        .position(|l| l.trim_start().starts_with("next_id:"))
        .unwrap();
    fs::write(&path, text.replacen("next_id: 3", "next_id: ?", 1)).unwrap();
    let error = assert_rejected_with_position(&path);
    assert_eq!(error.position().unwrap().0, line_of_next_id, "{error}");
}

#[test]
fn empty_file_is_rejected_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    for content in ["", "  \n\n"] {
        fs::write(&path, content).unwrap();
        let error = assert_rejected_with_position(&path);
        assert!(matches!(error, StorageError::Empty { .. }), "{error:?}");
        assert_eq!(error.position(), Some((1, 1)));
    }
}

#[test]
fn binary_file_is_rejected_with_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    // Deterministic noise with bytes that are never valid UTF-8 on their own.
    let mut state = 0x1234_5678_u32;
    let bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (state >> 16) as u8 | 0x80
        })
        .collect();
    fs::write(&path, &bytes).unwrap();
    let error = assert_rejected_with_position(&path);
    assert!(matches!(error, StorageError::NotText { .. }), "{error:?}");
    // Text, then binary on line 2: the position says where it starts.
    fs::write(&path, b"CoalitionRegister(\n  format: \"co\xff\xfe\"").unwrap();
    let error = assert_rejected_with_position(&path);
    assert_eq!(error.position(), Some((2, 14)), "{error}");
}

#[test]
fn other_ron_is_not_a_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.ron");
    fs::write(&path, "(name: \"just a register, no envelope\")").unwrap();
    let error = assert_rejected_with_position(&path);
    assert!(
        matches!(error, StorageError::NotARegister { .. }),
        "{error:?}"
    );
    fs::write(
        &path,
        "(format: \"something-else\", version: 1, register: ())",
    )
    .unwrap();
    let error = assert_rejected_with_position(&path);
    assert!(error.to_string().contains("something-else"), "{error}");
}

#[test]
fn missing_file_names_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.ron");
    let error = storage::load(&path).unwrap_err();
    assert!(matches!(error, StorageError::Read { .. }), "{error:?}");
    assert!(error.to_string().ends_with(&path.display().to_string()));
    assert!(!path.exists(), "load must not create the file");
}
