//! A conflict's sentence agrees with its field: "the notes are …", "the
//! title is …", whether found by a merge or by a comparison.

use coalition_desk::model::{Conflict, Record};

use crate::common::{MINISTERS, register};

fn conflict(field: &str, compared: bool) -> Conflict {
    Conflict {
        record: Some(Record::Meeting(MINISTERS)),
        field: field.into(),
        ours: Some("\"ours\"".into()),
        theirs: Some("\"theirs\"".into()),
        ours_office: "LON".into(),
        theirs_office: "PAR".into(),
        compared,
        ..Conflict::default()
    }
}

fn sentence(field: &str, compared: bool) -> String {
    let mut register = register();
    register.conflicts = vec![conflict(field, compared)];
    register.conflict_problems().remove(0).message
}

#[test]
fn a_plural_field_takes_are_and_a_singular_one_is() {
    for compared in [false, true] {
        for (field, words) in [
            ("notes", "the notes are \"ours\" in LON's copy"),
            ("restricted_notes", "the restricted notes are \"ours\""),
            ("convenors", "the convenors are \"ours\""),
            ("title", "the title is \"ours\" in LON's copy"),
            ("status", "the status is \"ours\""),
            ("series", "the series is \"ours\""),
            ("decisions[2]", "decision 2 is \"ours\""),
        ] {
            let sentence = sentence(field, compared);
            assert!(sentence.contains(words), "{field}: {sentence}");
        }
    }
}
