//! Bad input at scale: whatever bytes a register file holds, loading never
//! panics or hangs, and every refusal says where and what.

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
        Ok(parsed) => drop(parsed.register.validate(crate::common::today())),
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
        // Only a cut in the blank end leaves the register whole.
        let whole = SAMPLE_RON.as_bytes()[cut..].iter().all(u8::is_ascii_whitespace);
        match read(&SAMPLE_RON.as_bytes()[..cut]) {
            Ok(_) => prop_assert!(whole, "the sample cut at byte {cut} was read as whole"),
            Err(error) => {
                prop_assert!(!whole, "the whole sample was refused: {error}");
                assert_positioned(&error);
            }
        }
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
fn a_long_name_loads_whole_and_a_huge_one_is_refused_with_its_place() {
    let named = |name: &str| {
        SAMPLE_RON.replacen(
            "name: \"Coalition of the Willing (sample)\"",
            &format!("name: \"{name}\""),
            1,
        )
    };
    // 500 characters (1,000 bytes) is the most a name may have.
    let longest = "é".repeat(500);
    let parsed = read(named(&longest).as_bytes()).unwrap();
    assert_eq!(parsed.register.name, longest);
    let error = read(named(&"é".repeat(4_000_000)).as_bytes()).unwrap_err();
    assert_positioned(&error);
    assert!(
        error
            .to_string()
            .contains("\"name\" holds more than 500 characters"),
        "{error}"
    );
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
    let problems = register.validate(crate::common::today());
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("made by a participant that is not in the register")),
        "{problems:?}"
    );
}

// ------------------------------------------- reading on several threads

/// A register big enough to be cut into several pieces per map.
fn generated_ron() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let register =
            coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
                meetings: 40,
                commitments: 600,
                seed: 11,
            });
        storage::to_ron(&register, Path::new("generated.ron")).unwrap()
    })
}

/// Reading on several threads gives exactly what reading on one gives:
/// the same register, or the same refusal in the same words.
fn assert_parallel_agrees(text: &str) {
    let path = Path::new("register.ron");
    let parallel = storage::from_str_on_threads(text, path, Some(3));
    let ordinary = storage::from_str_on_threads(text, path, None);
    match (parallel, ordinary) {
        (Ok(parallel), Ok(ordinary)) => assert!(parallel == ordinary, "the two reads differ"),
        (Err(parallel), Err(ordinary)) => assert_eq!(parallel.to_string(), ordinary.to_string()),
        (parallel, ordinary) => panic!("one read failed: {parallel:?} / {ordinary:?}"),
    }
}

#[test]
fn a_version_the_parallel_reader_reads_is_still_checked() {
    // Found by the parallel_reader fuzz target: the parallel parse reads
    // the envelope, the version checks come after, on both paths.
    let ron = generated_ron();
    // Generated registers name the office heading each delegation, so
    // they are written as version 7.
    let version = "version: 7,".to_string();
    assert!(ron.contains(&version));
    let text = ron.replacen(&version, "version: 0,", 1);
    assert!(storage::parallel::parse_on(&text, 3).is_some());
    assert_parallel_agrees(&text);
    let error = storage::from_str_on_threads(&text, Path::new("g.ron"), Some(3)).unwrap_err();
    assert!(
        error.to_string().contains("unknown format version 0"),
        "{error}"
    );
}

#[test]
fn the_parallel_reader_reads_a_whole_register_as_the_ordinary_one_does() {
    let text = generated_ron();
    let parallel = storage::parallel::parse_on(text, 3).expect("a clean file is read in parallel");
    let ordinary = storage::from_str_on_threads(text, Path::new("g.ron"), None).unwrap();
    assert_eq!(parallel.register.meetings.len(), 40);
    assert_eq!(parallel.register.commitments.len(), 600);
    assert!(parallel.register == ordinary.register);
    // A file indented otherwise (as earlier versions wrote, or as a person
    // formatted it) is scanned whole instead, and reads the same.
    let spaced = text.replace('\t', "    ");
    let parallel = storage::parallel::parse_on(&spaced, 3).expect("read in parallel too");
    assert!(parallel.register == ordinary.register);
    // And through the public entry, which picks the parallel path by size.
    let mut big = text.to_string();
    big.push_str(&"\n".repeat(1 << 20));
    let through_from_str = storage::from_str(&big, Path::new("g.ron")).unwrap();
    assert!(through_from_str.register == ordinary.register);
}

#[test]
fn a_duplicate_id_in_another_piece_is_refused_with_its_place() {
    // Commitment ids run in order; give a late one an early one's id, so
    // the two land in different pieces.
    let text = generated_ron();
    let first_id = text[text.find("commitments: {").unwrap()..]
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .trim_end_matches(": (")
        .to_string();
    let late = text.rfind(": (\n\t\t\t\tparticipant").unwrap();
    let late_start = text[..late].rfind('\t').unwrap() + 1;
    let mut broken = text.to_string();
    broken.replace_range(late_start..late, &first_id);
    assert!(storage::parallel::parse_on(&broken, 3).is_none());
    let error = storage::from_str(&broken, Path::new("g.ron")).unwrap_err();
    assert!(error.to_string().contains("appears twice"), "{error}");
    // ron notices the duplicate once it has read the record: the place
    // given is in that record (a few lines after its id).
    let (line, _) = error.position().unwrap();
    let id_line = 1 + broken[..late].matches('\n').count();
    // A record with its tranches of payments runs to some 80 lines.
    assert!((id_line..id_line + 100).contains(&line), "{error}");
}

#[test]
fn an_attribute_that_changes_the_syntax_sends_the_file_to_the_ordinary_reader() {
    let text = format!("#![enable(implicit_some)]\n{}", generated_ron());
    assert!(storage::parallel::parse_on(&text, 3).is_none());
    assert!(storage::from_str(&text, Path::new("g.ron")).is_ok());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn the_parallel_reader_never_accepts_a_flipped_file_differently(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)
    ) {
        let mut bytes = generated_ron().as_bytes().to_vec();
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_parallel_agrees(text);
        }
    }

    #[test]
    fn the_parallel_reader_never_accepts_a_flipped_spaced_file_differently(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)
    ) {
        let mut bytes = generated_ron().replace('\t', "    ").into_bytes();
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            assert_parallel_agrees(text);
        }
    }

    #[test]
    fn the_parallel_reader_never_accepts_an_edited_file_differently(
        at in any::<prop::sample::Index>(),
        text in "[(){}\\[\\],:\"'/*a-z0-9 #r\n]{0,24}"
    ) {
        let mut edited = generated_ron().to_string();
        let mut at = at.index(edited.len());
        while !edited.is_char_boundary(at) {
            at -= 1;
        }
        edited.insert_str(at, &text);
        assert_parallel_agrees(&edited);
    }
}

/// From a megabyte the checks of a text's characters and lengths run
/// beside the parse (issue 19): a refusal still wins over a parse that
/// succeeded, at the place a small file's refusal names.
#[test]
fn a_large_file_is_refused_for_a_character_or_a_length_at_its_place() {
    let register = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 60,
        commitments: 1500,
        seed: 3,
    });
    let text = storage::to_ron(&register, Path::new("large.ron")).unwrap();
    assert!(text.len() > 1 << 20, "checked beside the parse from 1 MB");
    let opening = "title: \"";
    let at = text.rfind(opening).unwrap() + opening.len();
    let line = text[..at].matches('\n').count() + 1;
    for inserted in ["\u{202e}".to_string(), "t".repeat(501)] {
        let broken = format!("{}{inserted}{}", &text[..at], &text[at..]);
        let error = storage::from_str(&broken, Path::new("large.ron")).unwrap_err();
        assert!(
            matches!(error, StorageError::Syntax { line: found, .. } if found == line),
            "{error}"
        );
        assert_positioned(&error);
    }
}
