//! Bad input at scale: whatever bytes a register file holds, loading never
//! panics or hangs, and every refusal says where and what.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use std::path::Path;

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, StorageError};
use proptest::prelude::*;

fn read(bytes: &[u8]) -> Result<storage::Parsed, StorageError> {
    storage::from_bytes(bytes, Path::new("register.ron"))
}

/// Refusals of text (not emptiness or unknown versions) carry a position.
fn assert_positioned(error: &StorageError) {
    match error {
        StorageError::Empty { .. }
        | StorageError::NewerVersion { .. }
        | StorageError::UnknownVersion { .. }
        | StorageError::NotARegister { .. } => {}
        other => assert!(other.position().is_some(), "no position in {other}"),
    }
}

fn load_and_validate(bytes: &[u8]) {
    match read(bytes) {
        // Whatever parsed must validate without panicking.
        Ok(parsed) => drop(parsed.register.validate()),
        Err(error) => assert_positioned(&error),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        load_and_validate(&bytes);
    }

    #[test]
    fn a_truncated_sample_fails_with_a_position(cut in 0usize..SAMPLE_RON.len()) {
        load_and_validate(&SAMPLE_RON.as_bytes()[..cut]);
    }

    #[test]
    fn a_sample_with_flipped_bytes_never_panics(
        flips in proptest::collection::vec((0usize..SAMPLE_RON.len(), any::<u8>()), 1..8)
    ) {
        let mut bytes = SAMPLE_RON.as_bytes().to_vec();
        for (at, value) in flips {
            bytes[at] = value;
        }
        load_and_validate(&bytes);
    }

    #[test]
    fn a_sample_with_inserted_text_never_panics(
        at in 0usize..SAMPLE_RON.len(),
        text in "[(){}\\[\\],:\"a-z0-9 #r]{0,40}"
    ) {
        let mut bytes = SAMPLE_RON.as_bytes().to_vec();
        bytes.splice(at..at, text.bytes());
        load_and_validate(&bytes);
    }
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    for open in ["[", "(", "{", "Some("] {
        let text = format!(
            "CoalitionRegister(format: \"coalition-desk\", version: 1, register: (name: {}",
            open.repeat(100_000)
        );
        let error = read(text.as_bytes()).expect_err("nested input must be refused");
        assert_positioned(&error);
    }
}

#[test]
fn a_huge_string_loads_and_keeps_every_byte() {
    let huge = "é".repeat(4_000_000);
    let text = SAMPLE_RON.replacen(
        "name: \"Coalition of the Willing (sample)\"",
        &format!("name: \"{huge}\""),
        1,
    );
    let parsed = read(text.as_bytes()).unwrap();
    assert_eq!(parsed.register.name.len(), huge.len());
}

#[test]
fn a_duplicate_id_is_refused_rather_than_silently_dropped() {
    // Give the second participant the first one's id.
    let first = SAMPLE_RON.find("participants: {").unwrap();
    let rest = &SAMPLE_RON[first..];
    let ids: Vec<usize> = rest
        .match_indices(": (")
        .take(2)
        .map(|(at, _)| first + at)
        .collect();
    let id_of = |end: usize| {
        let start = SAMPLE_RON[..end]
            .rfind(|c: char| !c.is_ascii_digit())
            .unwrap()
            + 1;
        (start, &SAMPLE_RON[start..end])
    };
    let (_, first_id) = id_of(ids[0]);
    let (second_start, second_id) = id_of(ids[1]);
    let mut text = SAMPLE_RON.to_string();
    text.replace_range(second_start..second_start + second_id.len(), first_id);
    let error = read(text.as_bytes()).expect_err("a duplicate id must be refused");
    let message = error.to_string();
    assert!(message.contains("appears twice"), "{message}");
    assert!(error.position().is_some(), "{message}");
}

#[test]
fn dangling_references_load_and_are_named_by_validation() {
    // Point every commitment at a participant that does not exist.
    let text = SAMPLE_RON.replace("participant: 3,", "participant: 999,");
    assert_ne!(
        text, SAMPLE_RON,
        "the sample has a commitment by participant 3"
    );
    let register = read(text.as_bytes()).unwrap().register;
    let problems = register.validate();
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("participant #999") && p.message.contains("does not exist")),
        "{problems:?}"
    );
}
