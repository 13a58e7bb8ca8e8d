//! An action's owner in the file: a participant, a person or the
//! secretariat, and the bare participant id older files wrote.

use std::path::Path;

use coalition_desk::model::{ActionOwner, MeetingId, ParticipantId, PersonId};
use coalition_desk::storage::{self, StorageError};

use crate::strict_reading::typed;

fn owners_read_from(owner: &str) -> Result<Option<ActionOwner>, StorageError> {
    let text = typed("", "", "", "").replace("owner: 3", owner);
    let parsed = storage::from_str(&text, Path::new("register.ron"))?;
    Ok(parsed.register.meetings[&MeetingId(12)].actions[0].owner)
}

#[test]
fn an_older_files_bare_participant_id_reads_as_that_participant() {
    let canada = Some(ActionOwner::Participant(ParticipantId(3)));
    assert_eq!(owners_read_from("owner: 3").unwrap(), canada);
    assert_eq!(owners_read_from("owner: Some(3)").unwrap(), canada);
}

#[test]
fn a_person_the_secretariat_or_a_participant_reads() {
    let read = |text| owners_read_from(text).unwrap();
    assert_eq!(
        read("owner: Person(205)"),
        Some(ActionOwner::Person(PersonId(205)))
    );
    assert_eq!(
        read("owner: Some(Person(205))"),
        Some(ActionOwner::Person(PersonId(205)))
    );
    assert_eq!(read("owner: Secretariat"), Some(ActionOwner::Secretariat));
    assert_eq!(
        read("owner: Participant(3)"),
        Some(ActionOwner::Participant(ParticipantId(3)))
    );
    assert_eq!(read("owner: None"), None);
}

#[test]
fn an_owner_written_as_a_name_is_refused_with_the_forms() {
    match owners_read_from("owner: \"Canada\"") {
        Err(StorageError::Syntax { message, .. }) => assert!(
            message.contains("Participant(1), Person(5) or Secretariat"),
            "{message}"
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn every_kind_of_owner_is_written_and_read_back() {
    let text = typed("", "", "", "").replace("owner: 3", "owner: Person(205)");
    let path = Path::new("register.ron");
    let mut register = storage::from_str(&text, path).unwrap().register;
    let meeting = register.meetings.get_mut(&MeetingId(12)).unwrap();
    let mut second = meeting.actions[0].clone();
    second.owner = Some(ActionOwner::Secretariat);
    meeting.actions.push(second);
    let written = storage::to_ron(&register, path).unwrap();
    let again = storage::from_str(&written, path).unwrap().register;
    assert_eq!(again, register);
}
