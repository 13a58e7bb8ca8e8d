//! The format version a copy is written as: a build from before office
//! codes must be told the file is newer, not fail on an id it cannot read.

use coalition_desk::edit::{self, Edit};
use coalition_desk::storage::{self, written_version};

use super::{BEFORE_OFFICES, add_records, office_copy};

fn version_line(text: &str) -> &str {
    text.lines().nth(2).unwrap_or("").trim()
}

#[test]
fn a_copy_without_offices_is_written_as_version_1_and_one_with_them_as_2() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.ron");
    std::fs::write(&old, BEFORE_OFFICES).unwrap();
    let mut register = storage::load(&old).unwrap().register;
    assert_eq!(written_version(&register), 1);
    storage::save(&old, &register, None).unwrap();
    assert_eq!(
        version_line(&std::fs::read_to_string(&old).unwrap()),
        "version: 1,"
    );

    // Naming the office is enough: the next record would carry it.
    edit::apply(&mut register, Edit::SetOffice("LON".into()));
    assert_eq!(written_version(&register), 2);
    let named = dir.path().join("named.ron");
    storage::save(&named, &register, None).unwrap();
    let text = std::fs::read_to_string(&named).unwrap();
    assert_eq!(version_line(&text), "version: 2,");
    let loaded = storage::load(&named).unwrap();
    assert_eq!(
        loaded.newer_version, None,
        "this build reads what it writes"
    );
    assert_eq!(loaded.register, register);
}

#[test]
fn ids_carrying_an_office_keep_version_2_after_the_code_is_cleared() {
    let mut copy = office_copy("PAR");
    add_records(&mut copy, "Iceland");
    edit::apply(&mut copy, Edit::SetOffice(String::new()));
    assert!(copy.office.is_empty());
    assert_eq!(written_version(&copy), 2);
}
