//! An id names one record of the register, whatever its kind (FORMAT.md:
//! "a stable number that no other record of the register uses"). A file
//! typed by hand that gives a participant and a commitment one id, or a
//! series and a meeting one office id, is refused on opening as an id
//! twice in one map is, naming both records; `check` says the same.

use std::path::Path;
use std::process::Command;

use coalition_desk::model::{
    Commitment, CommitmentId, Participant, ParticipantId, Record, Register,
};
use coalition_desk::storage::{self, StorageError};

/// A register typed by hand: France is participant 1, and so is its one
/// commitment.
const COMMITMENT_BESIDE_PARTICIPANT: &str = r#"CoalitionRegister(
    format: "coalition-desk",
    version: 1,
    register: (
        name: "Hand-typed coalition",
        participants: { 1: (name: "France", code: "FRA") },
        commitments: {
            1: (participant: 1, title: "Training instructors", marking: "OFFICIAL",
                history: [(date: "2025-04-10", status: Pledged)], status: Pledged),
        },
    ),
)
"#;

/// An office's copy whose series and meeting both took "RIX-20".
const MEETING_BESIDE_SERIES: &str = r#"CoalitionRegister(
    format: "coalition-desk",
    version: 2,
    register: (
        name: "Riga office's copy",
        office: "RIX",
        series: { "RIX-20": (name: "Chiefs of Defence") },
        meetings: { "RIX-20": (title: "Chiefs of Defence", date: "2025-05-06", series: "RIX-20") },
    ),
)
"#;

fn refusal(text: &str) -> String {
    match storage::from_str(text, Path::new("typed.ron")) {
        Err(error @ StorageError::SharedId { .. }) => error.to_string(),
        other => panic!("not refused for a shared id: {other:?}"),
    }
}

#[test]
fn a_commitment_keyed_like_a_participant_is_refused_naming_both() {
    assert_eq!(
        refusal(COMMITMENT_BESIDE_PARTICIPANT),
        "The id 1 is used by two records, the participant France and the commitment \
         “Training instructors” of France: every record needs an id no other record uses, so \
         give one of them another (the next free one is 2) and change what refers to it: \
         typed.ron"
    );
}

#[test]
fn a_meeting_keyed_like_a_series_with_an_office_id_is_refused() {
    let message = refusal(MEETING_BESIDE_SERIES);
    assert!(
        message.starts_with(
            "The id RIX-20 is used by two records, the series “Chiefs of Defence” and the \
             meeting “Chiefs of Defence” (2025-05-06)"
        ),
        "{message}"
    );
    assert!(message.contains("the next free one is RIX-21"), "{message}");
}

#[test]
fn every_shared_id_is_found_and_the_rest_counted() {
    let mut register = Register::new("In memory");
    for id in [1, 2, 3] {
        register.participants.insert(
            ParticipantId(id),
            Participant {
                name: format!("Nation {id}"),
                ..Participant::default()
            },
        );
    }
    for id in [2, 3, 4] {
        register.commitments.insert(
            CommitmentId(id),
            Commitment {
                title: format!("Pledge {id}"),
                participant: ParticipantId(1),
                ..Commitment::default()
            },
        );
    }
    assert_eq!(
        register.shared_ids(),
        vec![
            (
                Record::Participant(ParticipantId(2)),
                Record::Commitment(CommitmentId(2))
            ),
            (
                Record::Participant(ParticipantId(3)),
                Record::Commitment(CommitmentId(3))
            ),
        ]
    );
    let problem = register.shared_id_problem().unwrap();
    assert!(
        problem.starts_with("The id 2 is used by two records"),
        "{problem}"
    );
    assert!(
        problem.ends_with("(one more id is shared likewise)"),
        "{problem}"
    );

    register.commitments.remove(&CommitmentId(2));
    register.commitments.remove(&CommitmentId(3));
    assert_eq!(register.shared_ids(), vec![]);
    assert_eq!(register.shared_id_problem(), None);
}

#[test]
fn check_refuses_the_file_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    std::fs::write(&path, COMMITMENT_BESIDE_PARTICIPANT).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .arg("check")
        .arg(&path)
        .env_remove("RUST_LOG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.contains("The id 1 is used by two records, the participant France and the commitment"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        COMMITMENT_BESIDE_PARTICIPANT
    );
}
