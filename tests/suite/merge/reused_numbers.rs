//! A number one copy gave out again after deleting its record, found by
//! the merge fuzz target (`fuzz/fuzz_targets/merge.rs`): THEIRS deleted
//! participant 1 and added a meeting under 1, while OURS still refers to
//! the participant, so the merge keeps it. Both then stood under one
//! number and `merge` wrote a file no build could read back.

use std::path::Path;

use chrono::NaiveDate;
use coalition_desk::cli::merge::{MergeRequest, merged_copies};
use coalition_desk::model::{MeetingId, ParticipantId};
use coalition_desk::storage;

const BASE: &str = r#"CoalitionRegister(format: "coalition-desk", version: 5, register: (
    name: "Coalition", identity: "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73", next_id: 4,
    participants: { 1: (name: "France", code: "FRA"), 2: (name: "United Kingdom", code: "GBR") },
    meetings: { 3: (title: "Defence ministers", date: "2025-04-10", state: Held,
        attendance: { 1: (status: Present) }) },
))"#;

const OURS: &str = r#"CoalitionRegister(format: "coalition-desk", version: 5, register: (
    name: "Coalition", identity: "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73", office: "LON", next_id: 4,
    participants: { 1: (name: "France", code: "FRA"), 2: (name: "United Kingdom", code: "GBR") },
    meetings: { 3: (title: "Defence ministers (London)", date: "2025-04-10", state: Held,
        attendance: { 1: (status: Present) },
        actions: [(text: "Report", owner: Some(Participant(1)))]) },
))"#;

const THEIRS: &str = r#"CoalitionRegister(format: "coalition-desk", version: 5, register: (
    name: "Coalition", identity: "5a3f0c9e1b7d4e28a6c2f90d8b1e4a73", next_id: 4,
    participants: { 0: (name: "France", code: "FRA"), 2: (name: "United Kingdom", code: "GBR") },
    meetings: {
        1: (title: "Defence ministers", date: "2025-05-10", state: Planned),
        3: (title: "Defence ministers", date: "2025-04-10", state: Held),
    },
))"#;

#[test]
fn a_number_given_out_again_by_one_copy_is_renumbered_and_the_result_reads_back() {
    let path = Path::new("copy.ron");
    let read = |text: &str| storage::from_str(text, path).unwrap().register;
    let (base, ours, theirs) = (read(BASE), read(OURS), read(THEIRS));
    let request = MergeRequest {
        base: Path::new("base.ron"),
        ours: Path::new("ours.ron"),
        theirs: Path::new("theirs.ron"),
        output: Path::new("out.ron"),
        ours_office: None,
        theirs_office: None,
        force_base: false,
        shown_as: None,
    };
    let now = NaiveDate::from_ymd_opt(2025, 5, 2)
        .and_then(|d| d.and_hms_opt(10, 15, 0))
        .unwrap();
    let merged = merged_copies(&request, &base, &ours, &theirs, now).unwrap();
    let register = &merged.register;
    // France is kept (OURS's action names it) and the other copy's new
    // meeting is kept too, under a number of its own.
    assert!(register.participants.contains_key(&ParticipantId(1)));
    assert!(!register.meetings.contains_key(&MeetingId(1)));
    assert!(
        register
            .meetings
            .values()
            .any(|m| m.date == NaiveDate::from_ymd_opt(2025, 5, 10).unwrap()),
        "the other copy's new meeting is lost"
    );
    let text = storage::to_ron(register, Path::new("out.ron")).unwrap();
    let again =
        storage::from_str(&text, Path::new("out.ron")).expect("what merge writes reads back");
    assert!(again.register == *register);
}
