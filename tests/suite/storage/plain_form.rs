//! The plain reader (`storage::parallel::plain`) reads a large register's
//! records several times faster than ron, and only where it reads what
//! ron reads: every record Coalition Desk writes reads plainly, as ron
//! reads it; text it does not know makes it step aside, for ron; and no
//! mutation of a record makes it read something ron refuses or reads
//! otherwise (issue 19: loading within 1.5 × serde_json). The plain
//! writer (`storage::parallel::plain_write`) writes every record byte for
//! byte as ron does, whatever its strings hold.

use std::path::Path;
use std::sync::OnceLock;

use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::{
    ActionItem, ActionOwner, Commitment, Decision, Meeting, PersonId, Register, parse_id,
};
use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, parallel::plain, parallel::plain_write};
use proptest::prelude::*;
use ron::ser::PrettyConfig;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// How storage lays records out (storage/format.rs `pretty_config`).
fn written<T: Serialize>(record: &T) -> String {
    let config = PrettyConfig::new()
        .struct_names(false)
        .indentor("\t")
        .new_line("\n");
    ron::ser::to_string_pretty(record, config).unwrap()
}

/// How storage reads (model/file_values.rs `read_options`).
fn by_ron<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
}

/// The sample, a generated register, and a meeting whose texts hold
/// every escape ron writes, quotes, Cyrillic and an emoji, with owners
/// of every kind, one an office's id.
fn registers() -> Vec<Register> {
    let sample = storage::from_str(SAMPLE_RON, Path::new("sample.ron"))
        .unwrap()
        .register;
    let mut awkward = sample.clone();
    let meeting = awkward.meetings.values_mut().next().unwrap();
    meeting.decisions.push(Decision {
        text: "Agreed: \"air defence\" first\\then\nnext line\tand a tab; the chair's \
               Україна 🇺🇦 ❤\u{fe0f} Ha Noi\u{300}i"
            .into(),
        marking: Some("OFFICIAL-SENSITIVE".into()),
    });
    let office_person = PersonId(parse_id("LON-5").unwrap());
    for owner in [
        Some(ActionOwner::Secretariat),
        Some(ActionOwner::Person(office_person)),
        None,
    ] {
        meeting.actions.push(ActionItem {
            text: "Report back\r\n".into(),
            owner,
            ..ActionItem::default()
        });
    }
    let generated = register(GenerateOptions {
        meetings: 30,
        commitments: 300,
        seed: 3,
    });
    vec![sample, awkward, crate::common::register(), generated]
}

fn meeting_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        registers()
            .iter()
            .flat_map(|r| r.meetings.values().map(written).collect::<Vec<_>>())
            .collect()
    })
}

fn commitment_texts() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        registers()
            .iter()
            .flat_map(|r| r.commitments.values().map(written).collect::<Vec<_>>())
            .collect()
    })
}

#[test]
fn every_record_coalition_desk_writes_reads_plainly_as_ron_reads_it() {
    for register in registers() {
        for meeting in register.meetings.values() {
            let text = written(meeting);
            let plain: Meeting = plain::value(&text)
                .unwrap_or_else(|| panic!("the plain reader stepped aside for\n{text}"));
            assert_eq!(&plain, meeting);
            assert_eq!(plain, by_ron::<Meeting>(&text).unwrap());
        }
        for commitment in register.commitments.values() {
            let text = written(commitment);
            let plain: Commitment = plain::value(&text)
                .unwrap_or_else(|| panic!("the plain reader stepped aside for\n{text}"));
            assert_eq!(&plain, commitment);
            assert_eq!(plain, by_ron::<Commitment>(&text).unwrap());
        }
    }
}

#[test]
fn a_whole_generated_register_loads_through_the_plain_reader_as_through_ron() {
    let generated = register(GenerateOptions {
        meetings: 60,
        commitments: 3_000,
        seed: 8,
    });
    let text = storage::to_ron(&generated, Path::new("g.ron")).unwrap();
    // Each map's entries, as the parallel reader hands them over.
    let entries = |map: &str| {
        let open = text.find(&format!("\t\t{map}: {{\n")).unwrap() + map.len() + 6;
        let close = open + text[open..].find("\n\t\t},\n").unwrap();
        text[open..close].to_owned()
    };
    let meetings: Vec<(coalition_desk::model::MeetingId, Meeting)> =
        plain::records(&entries("meetings")).expect("meetings read plainly");
    let commitments: Vec<(coalition_desk::model::CommitmentId, Commitment)> =
        plain::records(&entries("commitments")).expect("commitments read plainly");
    assert!(meetings.into_iter().eq(generated.meetings.clone()));
    assert!(commitments.into_iter().eq(generated.commitments.clone()));
    let parallel = storage::from_str_on_threads(&text, Path::new("g.ron"), Some(2)).unwrap();
    let ordinary = storage::from_str_on_threads(&text, Path::new("g.ron"), None).unwrap();
    assert!(parallel == ordinary);
    assert!(parallel.register == generated);
}

/// Forms ron reads that Coalition Desk does not write: the plain reader
/// steps aside for each, and the load still reads the record.
#[test]
fn forms_only_ron_reads_make_the_plain_reader_step_aside() {
    let commitment = registers()
        .into_iter()
        .flat_map(|r| r.commitments.into_values())
        .find(|c| c.due.is_some() && c.value.is_some())
        .unwrap();
    let text = written(&commitment);
    let due = format!("due: Some(\"{}\")", commitment.due.unwrap());
    let title = format!("title: \"{}\"", commitment.title);
    assert!(text.contains(&due) && text.contains(&title), "{text}");
    let variants = [
        ("a line comment", text.replacen("(\n", "( // note\n", 1)),
        ("a block comment", text.replacen("(\n", "( /* note */\n", 1)),
        (
            "a bare optional value",
            text.replace(&due, &format!("due: \"{}\"", commitment.due.unwrap())),
        ),
        (
            "a raw string",
            text.replace(&title, &format!("title: r\"{}\"", commitment.title)),
        ),
        (
            "a byte escape",
            text.replace(&title, &format!("title: \"\\x41{}\"", commitment.title)),
        ),
        ("the struct's name", format!("Commitment{text}")),
        (
            "a space before Some's parenthesis",
            text.replace(&due, &due.replacen("Some(", "Some (", 1)),
        ),
        (
            "a vertical tab as white space",
            text.replacen("(\n", "(\u{b}\n", 1),
        ),
    ];
    for (form, variant) in variants {
        assert_ne!(variant, text, "{form}");
        assert!(
            plain::value::<Commitment>(&variant).is_none(),
            "the plain reader read {form}"
        );
        let read: Commitment =
            by_ron(&variant).unwrap_or_else(|e| panic!("ron refused {form}: {e}\n{variant}"));
        let expected_title = if form == "a byte escape" {
            format!("A{}", commitment.title)
        } else {
            commitment.title.clone()
        };
        assert_eq!(read.title, expected_title, "{form}");
    }
}

/// What the mutations put in: ron's punctuation, the plain form's
/// words, and what only ron reads.
const PIECES: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "/",
    "-",
    "+",
    ".",
    "#",
    "'",
    " ",
    "\n",
    "\t",
    "0",
    "7",
    "00",
    "x",
    "_",
    "a",
    "Z",
    "é",
    "Some",
    "None",
    "Some(",
    "true",
    "r",
    "b",
    "e",
    "inf",
    "\\n",
    "\\u{41}",
    "//",
    "/*",
    "*/",
    "\u{2028}",
    "\u{b}",
    "Secretariat",
    "Person(",
    "Participant(",
    "\"LON-5\"",
    "18446744073709551616",
    "-1",
    "1_0",
];

fn mutate(text: &str, edits: &[(usize, u8, usize)]) -> String {
    let mut text = text.to_owned();
    for &(at, kind, piece) in edits {
        let piece = PIECES[piece % PIECES.len()];
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        match kind % 3 {
            0 => text.insert_str(at, piece),
            1 => {
                let mut end = (at + piece.len()).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, piece);
            }
            _ => {
                let mut end = (at + 1 + kind as usize % 8).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            }
        }
    }
    text
}

/// Whatever the plain reader reads, ron reads the same.
fn agrees_with_ron<T: DeserializeOwned + PartialEq + std::fmt::Debug>(text: &str) {
    if let Some(plain) = plain::value::<T>(text) {
        match by_ron::<T>(text) {
            Ok(ron) => assert_eq!(plain, ron, "read otherwise than ron:\n{text}"),
            Err(e) => panic!("read what ron refuses ({e}):\n{text}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_meeting_reads_plainly_only_as_ron_reads_it(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..4),
    ) {
        let texts = meeting_texts();
        let base: &String = which.get(texts);
        let text = mutate(base, &edits);
        agrees_with_ron::<Meeting>(&text);
    }

    #[test]
    fn a_mutated_commitment_reads_plainly_only_as_ron_reads_it(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..4),
    ) {
        let texts = commitment_texts();
        let base: &String = which.get(texts);
        let text = mutate(base, &edits);
        agrees_with_ron::<Commitment>(&text);
    }
}

#[test]
fn every_record_is_written_plainly_byte_for_byte_as_ron_writes_it() {
    for register in registers() {
        for meeting in register.meetings.values() {
            assert_eq!(
                plain_write::value(meeting).as_deref(),
                Some(written(meeting).as_str())
            );
        }
        for commitment in register.commitments.values() {
            assert_eq!(
                plain_write::value(commitment).as_deref(),
                Some(written(commitment).as_str())
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Any text in a record's strings (control characters, quotes,
    /// combining marks, any script) is escaped as ron escapes it, and
    /// reads back plainly as the same record.
    #[test]
    fn any_text_is_written_as_ron_writes_it_and_reads_back(
        which in any::<prop::sample::Index>(),
        title in "\\PC*",
        conditions in any::<String>(),
        note in "[\"'\\\\\t\n\r\u{0}-\u{1f}\u{7f}-\u{9f}\u{300}-\u{36f}\u{200b}-\u{202e}a-z ]{0,40}",
    ) {
        let texts = commitment_texts();
        let base: &String = which.get(texts);
        let mut commitment: Commitment = by_ron(base).unwrap();
        commitment.title = title;
        commitment.conditions = conditions;
        if let Some(change) = commitment.history.first_mut() {
            change.note = note;
        }
        let text = plain_write::value(&commitment).expect("written plainly");
        prop_assert_eq!(&text, &written(&commitment));
        let read_back: Option<Commitment> = plain::value(&text);
        prop_assert_eq!(read_back, Some(commitment));
    }
}
