//! Strict reading (issue 9, items 1, 6 and 7): a field the program does
//! not know, a control character, a value that is not what its field
//! holds — each is refused with its line and column, the record it is in
//! and what is wrong, and never dropped or read without a word.

use std::path::Path;

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, StorageError};

pub(crate) fn read(text: &str) -> Result<storage::Parsed, StorageError> {
    storage::from_str(text, Path::new("register.ron"))
}

/// The refusal of `text`: its message, line and column.
pub(crate) fn refused(text: &str) -> (String, usize, usize) {
    match read(text) {
        Err(StorageError::Syntax {
            message, line, col, ..
        }) => (message, line, col),
        other => panic!("expected a refusal with a position, got {other:?}"),
    }
}

/// A register as a person types it: person #205, meeting #12 with one
/// attendance and an agenda item, commitment #40. `{role}`, `{meeting}`,
/// `{attendance}`, `{commitment}` and `{outcome}` are filled in by a test.
const TYPED: &str = r#"CoalitionRegister(
    format: "coalition-desk",
    version: 1,
    register: (
        name: "Coalition of the willing",
        participants: {
            3: (name: "Canada", code: "CAN", kind: Nation),
        },
        people: {
            205: (
                name: "Anita Anand",
                roles: [
                    (title: "Minister of National Defence", participant: 3, from: "2023-07-26"{role}),
                ],
            ),
        },
        series: {
            9: (name: "Ministers", exceptions: [(occurrence: "2025-06-12", change: Cancelled)]),
        },
        meetings: {
            12: (
                title: "Defence ministers",
                date: "2025-04-10",
                time_zone: "Europe/London",
                state: Held{meeting},
                attendance: {
                    3: (status: Present, delegates: [205]{attendance}),
                },
                agenda: [(title: "Support", outcome: "{outcome}")],
                decisions: [(text: "Meet again.")],
                actions: [(text: "Report", owner: 3)],
                marking: "OFFICIAL",
            ),
        },
        commitments: {
            40: (
                participant: 3,
                title: "Training",
                area: "Training",
                quantity: (amount: "200", unit: "instructors"),
                value: (amount: "1500000.00", currency: "CAD"),
                deliveries: [(date: "2025-05-01", amount: "50")],
                status: Pledged,
                history: [(date: "2025-04-10", status: Pledged)],
                marking: "OFFICIAL"{commitment},
            ),
        },
    ),
)
"#;

#[expect(
    clippy::literal_string_with_formatting_args,
    reason = "the template's {placeholders} are filled by replace, not by format!"
)]
pub(crate) fn typed(role: &str, meeting: &str, attendance: &str, commitment: &str) -> String {
    TYPED
        .replace("{role}", role)
        .replace("{meeting}", meeting)
        .replace("{attendance}", attendance)
        .replace("{commitment}", commitment)
        .replace("{outcome}", "Agreed.")
}

/// Line and column (from 1) where `needle` first starts in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap();
    let line = 1 + text[..at].matches('\n').count();
    let col = 1 + text[..at].chars().rev().take_while(|&c| c != '\n').count();
    (line, col)
}

#[test]
fn the_typed_register_reads() {
    let register = read(&typed("", "", "", "")).unwrap().register;
    assert_eq!(register.people.len(), 1);
    assert_eq!(register.meetings.len(), 1);
}

// ------------------------------------------------------ unknown fields

#[test]
fn a_role_with_until_is_refused_and_to_is_suggested() {
    let text = typed(", until: \"2025-09-05\"", "", "", "");
    let (message, line, col) = refused(&text);
    assert_eq!(
        message,
        "unknown field `until` in a role of person #205 — did you mean `to`?"
    );
    assert_eq!((line, col), position_of(&text, "until"));
}

#[test]
fn a_meeting_with_place_is_refused_and_location_is_suggested() {
    let text = typed("", ",\n                place: \"Paris\"", "", "");
    let (message, line, col) = refused(&text);
    assert_eq!(
        message,
        "unknown field `place` in meeting #12 — did you mean `location`?"
    );
    assert_eq!((line, col), position_of(&text, "place"));
}

#[test]
fn a_restricted_note_is_refused_rather_than_lost() {
    let text = typed(
        "",
        ",\n                restricted_note: \"Not for release.\"",
        "",
        "",
    );
    let (message, line, col) = refused(&text);
    assert_eq!(
        message,
        "unknown field `restricted_note` in meeting #12 — did you mean `restricted_notes`?"
    );
    assert_eq!((line, col), position_of(&text, "restricted_note"));
}

#[test]
fn an_unknown_field_far_from_any_name_lists_the_known_ones() {
    let text = typed("", "", ", mood: \"good\"", "");
    let (message, _, _) = refused(&text);
    assert_eq!(
        message,
        "unknown field `mood` in the attendance of participant #3 at meeting #12; \
         the fields it may have are status, delegates, stand_ins, represented_by or note"
    );
}

#[test]
fn unknown_fields_are_refused_in_every_part_of_the_register() {
    for (from, to, record) in [
        (
            "name: \"Coalition",
            "colour: 1, name: \"Coalition",
            "the register's settings",
        ),
        ("format:", "colour: 1, format:", "the file's envelope"),
        ("kind: Nation)", "kind: Nation, flag: 1)", "participant #3"),
        (
            "outcome:",
            "owner: 3, outcome:",
            "an agenda item of meeting #12",
        ),
        (
            "status: Pledged)",
            "status: Pledged, by: 3)",
            "a status change of commitment #40",
        ),
        (
            "unit: \"instructors\"",
            "units: \"x\"",
            "the quantity of commitment #40",
        ),
        (
            "currency:",
            "curency: \"CAD\", currency:",
            "the value of commitment #40",
        ),
        (
            "amount: \"50\"",
            "amount: \"50\", unit: 1",
            "a delivery of commitment #40",
        ),
        ("area:", "areas: 1, area:", "commitment #40"),
        ("name: \"Anita", "born: 1, name: \"Anita", "person #205"),
        (
            "name: \"Ministers\"",
            "name: \"Ministers\", rrule: 1",
            "series #9",
        ),
        (
            "change: Cancelled",
            "change: Cancelled, why: 1",
            "an exception of series #9",
        ),
        (
            "text: \"Meet",
            "by: 1, text: \"Meet",
            "a decision of meeting #12",
        ),
        (
            "owner: 3",
            "owner: 3, due_date: 1",
            "an action of meeting #12",
        ),
    ] {
        let text = typed("", "", "", "").replacen(from, to, 1);
        assert_ne!(text, typed("", "", "", ""), "{from}");
        let (message, _, _) = refused(&text);
        assert!(message.contains(&format!(" in {record}")), "{message}");
        assert!(message.starts_with("unknown field"), "{message}");
    }
}

#[test]
fn a_large_register_gives_the_same_refusal_as_a_small_one() {
    // Generated registers are read on several threads; a refusal must
    // still come from the ordinary reader, in the same words and place.
    let register = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 60,
        commitments: 3000,
        seed: 9,
    });
    let text = storage::to_ron(&register, Path::new("large.ron")).unwrap();
    assert!(text.len() > 1 << 20, "{} bytes", text.len());
    let (&id, _) = register.commitments.iter().nth(2500).unwrap();
    let record = text.find(&format!("\n\t\t\t{}: (\n", id.0)).unwrap();
    let history = record + text[record..].find("history: [").unwrap();
    let status = history + text[history..].find("status: ").unwrap();
    let mut broken = text.clone();
    broken.insert_str(status, "stauts: Pledged, ");
    let (message, line, col) = refused(&broken);
    assert_eq!(
        message,
        format!(
            "unknown field `stauts` in a status change of commitment #{} — did you mean `status`?",
            id.0
        )
    );
    assert_eq!((line, col), position_of(&broken, "stauts"));
    let one_thread = storage::from_str_on_threads(&broken, Path::new("register.ron"), None);
    assert_eq!(
        one_thread.unwrap_err().to_string(),
        read(&broken).unwrap_err().to_string()
    );
}

#[test]
fn the_sample_has_no_unknown_field() {
    let parsed = read(SAMPLE_RON).unwrap();
    assert!(!parsed.register.meetings.is_empty());
}

// ---------------------------------------------------- optional values

#[test]
fn an_optional_value_may_be_written_bare_or_in_some() {
    let some = typed(
        ", to: Some(\"2025-09-05\")",
        "",
        "",
        ", due: Some(\"2026-01-31\")",
    )
    .replace("from: \"2023-07-26\"", "from: Some(\"2023-07-26\")")
    .replace("quantity: (amount", "quantity: Some((amount")
    .replace("\"instructors\"),", "\"instructors\")),");
    let bare = typed(", to: \"2025-09-05\"", "", "", ", due: \"2026-01-31\"");
    let with_some = read(&some).unwrap().register;
    let without = read(&bare).unwrap().register;
    assert!(with_some == without, "the two forms read differently");
    let role = &without.people.values().next().unwrap().roles[0];
    assert_eq!(role.to, chrono::NaiveDate::from_ymd_opt(2025, 9, 5));
    assert_eq!(role.from, chrono::NaiveDate::from_ymd_opt(2023, 7, 26));
    let commitment = without.commitments.values().next().unwrap();
    assert_eq!(commitment.quantity.as_ref().unwrap().unit, "instructors");
    assert_eq!(commitment.due, chrono::NaiveDate::from_ymd_opt(2026, 1, 31));
    // None still means none, and saving writes the one form, Some(...).
    let none = typed(", to: None", "", "", "");
    assert_eq!(
        read(&none).unwrap().register.people[&coalition_desk::model::PersonId(205)].roles[0].to,
        None
    );
    let written = storage::to_ron(&without, Path::new("register.ron")).unwrap();
    assert!(written.contains("to: Some(\"2025-09-05\")"), "{written}");
    assert!(written.contains("quantity: Some(("), "{written}");
}

// ----------------------------------------------- control characters

#[test]
fn a_run_of_nul_bytes_in_an_outcome_is_refused_with_its_position() {
    let text = TYPED
        .replace("{role}", "")
        .replace("{meeting}", "")
        .replace("{attendance}", "")
        .replace("{commitment}", "")
        .replace("{outcome}", &format!("Agreed.{}", "\0".repeat(16)));
    let (message, line, col) = refused(&text);
    assert_eq!((line, col), position_of(&text, "\0"));
    assert_eq!(
        message,
        "`outcome` in an agenda item of meeting #12: the file holds 16 control characters \
         (U+0000) in a row here; zero-filled blocks like this are what a file looks like \
         after a crash on some file systems: open the backup (.bak) beside the register, \
         or remove them in a text editor"
    );
    // Any other control character too, anywhere; tab, newline and CRLF pass.
    let bell = typed("", "", "", "").replace("Canada", "Can\u{7}ada");
    let (message, _, _) = refused(&bell);
    assert!(
        message.contains("a control character (U+0007)"),
        "{message}"
    );
    let crlf = typed("", "", "", "")
        .replace('\n', "\r\n")
        .replace("Canada", "Can\tada");
    assert!(read(&crlf).is_ok());
}

#[test]
fn an_escaped_control_character_is_refused_with_its_position() {
    for escape in ["\\0", "\\x00", "\\u{0}", "\\u{1b}", "\\x07"] {
        let text = TYPED
            .replace("{role}", "")
            .replace("{meeting}", "")
            .replace("{attendance}", "")
            .replace("{commitment}", "")
            .replace("{outcome}", &format!("Agreed.{escape}"));
        let (message, line, col) = refused(&text);
        assert_eq!((line, col), position_of(&text, escape), "{escape}");
        assert!(
            message.starts_with(&format!(
                "`outcome` in an agenda item of meeting #12: the text holds the escape {escape}"
            )),
            "{message}"
        );
    }
    // Escaped new lines and tabs are text, as the writer writes them.
    let lines = typed("", "", "", "").replace("Agreed.", "Agreed.\\n\\tNext.\\r\\n");
    assert!(read(&lines).is_ok());
}

/// Text that shows differently from how it is stored: "Approved" with a
/// right-to-left override reads backwards on screen and in print, a line
/// separator breaks a line in one program and not in another, DEL and the
/// C1 controls are invisible. Each is refused where it stands, written or
/// escaped, as control characters are.
#[test]
fn a_character_that_hides_or_reverses_text_is_refused_with_its_position() {
    for (hidden, name) in [
        ("\u{202e}", "a right-to-left override (U+202E)"),
        ("\u{2066}", "a bidirectional isolate (U+2066)"),
        ("\u{2028}", "a line separator (U+2028)"),
        ("\u{85}", "a next-line control character (U+0085)"),
        ("\u{7f}", "a control character (U+007F)"),
    ] {
        let text = TYPED
            .replace("{role}", "")
            .replace("{meeting}", "")
            .replace("{attendance}", "")
            .replace("{commitment}", "")
            .replace("{outcome}", &format!("Agreed {hidden}.devorppA"));
        let (message, line, col) = refused(&text);
        assert_eq!((line, col), position_of(&text, hidden), "{name}");
        assert!(
            message.starts_with(&format!(
                "`outcome` in an agenda item of meeting #12: the file holds {name} here"
            )),
            "{message}"
        );
        let escaped = format!("\\u{{{:x}}}", u32::from(hidden.chars().next().unwrap()));
        let text = TYPED
            .replace("{role}", "")
            .replace("{meeting}", "")
            .replace("{attendance}", "")
            .replace("{commitment}", "")
            .replace("{outcome}", &format!("Agreed {escaped}."));
        let (message, _, _) = refused(&text);
        assert!(message.contains(name), "{escaped}: {message}");
    }
    // Right-to-left text itself is text.
    let hebrew = typed("", "", "", "").replace("Canada", "משרד הביטחון");
    assert!(read(&hebrew).is_ok());
}

#[test]
fn a_failed_read_leaves_the_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    let text = typed(", until: \"2025-09-05\"", "", "", "");
    std::fs::write(&path, &text).unwrap();
    let error = storage::load(&path).unwrap_err();
    assert!(
        error.to_string().contains("unknown field `until`"),
        "{error}"
    );
    assert!(error.to_string().ends_with(&path.display().to_string()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

/// A file cut short anywhere (a copy interrupted, a disk full) is told in
/// the officer's words: where it stops and where to find the rest, never
/// what the parser expected next ("Unexpected variant named `Nat`",
/// "found a unit value").
#[test]
fn a_file_cut_anywhere_says_so_in_the_officers_words() {
    let start = SAMPLE_RON.find("CoalitionRegister(").unwrap();
    let end = SAMPLE_RON.trim_end().len() - 1;
    let mut cuts = 0;
    for cut in (start..end).step_by(3) {
        if !SAMPLE_RON.is_char_boundary(cut) {
            continue;
        }
        let (message, _, _) = refused(&SAMPLE_RON[..cut]);
        assert!(
            message.contains("the file ends too early, as if it was cut short")
                && message.contains(".bak"),
            "cut at {cut}: {message}"
        );
        for parser_words in [
            "xpected",
            "found a",
            "invalid type",
            "unit value",
            "is not text",
        ] {
            assert!(!message.contains(parser_words), "cut at {cut}: {message}");
        }
        cuts += 1;
    }
    assert!(cuts > 1000);
    // Where it stops is named when it is inside a record.
    let cut = SAMPLE_RON.find("Represented at the 10 April").unwrap() + 10;
    let (message, _, _) = refused(&SAMPLE_RON[..cut]);
    assert!(
        message.starts_with(
            "the file ends too early, as if it was cut short, in `notes` of participant #3;"
        ),
        "{message}"
    );
}
