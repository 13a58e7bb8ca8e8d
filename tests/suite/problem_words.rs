//! Problems in the officer's words: a record is named as the window shows
//! it (a name, a code, a title, a date), never by the number the file
//! keeps, and every problem of a record says which field is at fault.

use coalition_desk::generate::{self, GenerateOptions};
use coalition_desk::model::{
    ActionItem, AgendaItem, CommitmentId, Field, MeetingId, ParticipantId, PersonId, Problem,
    Record, Register, Role, SeriesId,
};
use coalition_desk::new_records;

use crate::common::{FRA, GBR, MINISTERS, today};

/// The messages of the problems of `record`.
fn said_of(register: &Register, record: Record) -> Vec<(Option<Field>, String)> {
    register
        .validate(today())
        .into_iter()
        .filter(|p| p.record == Some(record))
        .map(|p| (p.field, p.message))
        .collect()
}

#[test]
fn a_new_participant_without_a_code_is_the_new_participant() {
    let mut register = crate::common::register();
    let (id, edit) = new_records::participant(&register);
    coalition_desk::edit::apply(&mut register, edit);
    assert_eq!(
        said_of(&register, Record::Participant(id)),
        [(
            Some(Field::Code),
            "The new participant has no code".to_string()
        )]
    );

    // Its name cleared too: both problems, still without a number.
    register.participants.get_mut(&id).unwrap().name = String::new();
    assert_eq!(
        said_of(&register, Record::Participant(id)),
        [
            (
                Some(Field::Name),
                "The new participant has no name".to_string()
            ),
            (
                Some(Field::Code),
                "The new participant has no code".to_string()
            ),
        ]
    );

    // With a code but no name it is known by its code.
    register.participants.get_mut(&id).unwrap().code = "POL".into();
    assert_eq!(
        said_of(&register, Record::Participant(id)),
        [(
            Some(Field::Name),
            "The participant with code POL has no name".to_string()
        )]
    );
}

#[test]
fn a_commitment_is_named_by_its_title_and_participant() {
    let mut register = crate::common::register();
    let drones = CommitmentId(22);
    register.commitments.get_mut(&drones).unwrap().marking = "RESTRICTED".into();
    assert_eq!(
        said_of(&register, Record::Commitment(drones)),
        [(
            Some(Field::Marking),
            "The commitment “Drone production” of United Kingdom is marked \"RESTRICTED\", \
             which is not one of the register's marking levels"
                .to_string()
        )]
    );

    register.commitments.get_mut(&drones).unwrap().title = String::new();
    let said = said_of(&register, Record::Commitment(drones));
    assert_eq!(
        said.first(),
        Some(&(
            Some(Field::Title),
            "A commitment of United Kingdom has no title".to_string()
        ))
    );
    assert!(
        said.iter()
            .any(|(_, m)| m.starts_with("The untitled commitment of United Kingdom is marked")),
        "{said:?}"
    );
}

#[test]
fn a_meeting_is_named_by_its_title_and_date_and_points_at_the_item() {
    let mut register = crate::common::register();
    let meeting = register.meetings.get_mut(&MINISTERS).unwrap();
    meeting.actions.push(ActionItem::default());
    meeting.actions.push(ActionItem {
        text: "Circulate the draft".into(),
        owner: Some(ParticipantId(99).into()),
        ..ActionItem::default()
    });
    assert_eq!(
        said_of(&register, Record::Meeting(MINISTERS)),
        [(
            Some(Field::Action(1)),
            "The meeting “Defence ministers” (2025-04-10): action 2 is owed by a participant \
             that is not in the register"
                .to_string()
        )]
    );

    let meeting = register.meetings.get_mut(&MINISTERS).unwrap();
    meeting.title = " ".into();
    meeting.actions.clear();
    assert_eq!(
        said_of(&register, Record::Meeting(MINISTERS)),
        [(
            Some(Field::Title),
            "A meeting on 2025-04-10 has no title".to_string()
        )]
    );
}

#[test]
fn a_person_without_a_name_is_known_by_whom_they_speak_for() {
    let mut register = crate::common::register();
    let lecornu = PersonId(5);
    register.people.get_mut(&lecornu).unwrap().name = String::new();
    register.people.get_mut(&lecornu).unwrap().roles.push(Role {
        title: "Envoy".into(),
        participant: FRA,
        from: Some(crate::common::date(2025, 2, 1)),
        to: Some(crate::common::date(2025, 1, 1)),
        head_of_delegation: false,
    });
    assert_eq!(
        said_of(&register, Record::Person(lecornu)),
        [
            (
                Some(Field::Name),
                "A representative of France has no name".to_string()
            ),
            (
                Some(Field::Role(1)),
                "The unnamed representative of France's role \"Envoy\" ends (2025-01-01) \
                 before it starts (2025-02-01)"
                    .to_string()
            ),
        ]
    );
}

/// Breaks every record of `register` in the ways that name a record or
/// refer to a missing one: empty names, titles and codes, references to
/// records that are not there.
fn break_everything(register: &mut Register) {
    let missing_participant = ParticipantId(9_999_001);
    let missing_person = PersonId(9_999_002);
    for (n, participant) in register.participants.values_mut().enumerate() {
        match n % 3 {
            0 => participant.name.clear(),
            1 => participant.code.clear(),
            _ => {
                participant.name.clear();
                participant.code.clear();
            }
        }
    }
    for person in register.people.values_mut() {
        person.name.clear();
        person.roles.push(Role {
            title: "Envoy".into(),
            participant: missing_participant,
            from: None,
            to: None,
            head_of_delegation: false,
        });
    }
    for series in register.series.values_mut() {
        series.name.clear();
        series.convenors.push(missing_participant);
        series.cadence = "FREQ=FORTNIGHTLY".into();
    }
    for meeting in register.meetings.values_mut() {
        meeting.title.clear();
        meeting.series = Some(SeriesId(9_999_003));
        meeting.number = Some(1);
        meeting.chairs.push(missing_person);
        meeting.convenors.push(missing_participant);
        meeting.marking.clear();
        meeting
            .attendance
            .insert(missing_participant, Default::default());
        if let Some(attendance) = meeting.attendance.values_mut().next() {
            attendance.delegates.push(missing_person);
        }
        meeting.agenda.push(AgendaItem {
            lead: Some(missing_person),
            ..AgendaItem::default()
        });
        meeting.actions.push(ActionItem {
            owner: Some(missing_participant.into()),
            ..ActionItem::default()
        });
    }
    for (n, commitment) in register.commitments.values_mut().enumerate() {
        commitment.title.clear();
        commitment.marking = "NOT A LEVEL".into();
        commitment.announced_at = Some(MeetingId(9_999_004));
        if n % 2 == 0 {
            commitment.participant = missing_participant;
        }
        if let Some(step) = commitment.history.first_mut() {
            step.meeting = Some(MeetingId(9_999_004));
        }
    }
}

/// Whether `message` carries an internal number ("#15") or an empty pair
/// of brackets, as "Participant #15 () has no code" did.
fn reads_badly(message: &str) -> bool {
    let number = message
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'#' && w[1].is_ascii_digit());
    number || message.contains("()") || message.contains("( )")
}

fn assert_in_words(what: &str, problems: &[Problem]) {
    assert!(!problems.is_empty(), "{what}: the breaking found nothing");
    for problem in problems {
        assert!(
            !reads_badly(&problem.message),
            "{what}: {:?} names a record by number or leaves brackets empty",
            problem.message
        );
        if problem.record.is_some() {
            assert!(
                problem.field.is_some(),
                "{what}: {problem:?} does not say which field is at fault"
            );
        }
    }
}

#[test]
fn no_problem_of_the_sample_or_a_generated_register_names_a_record_by_number() {
    let mut sample = coalition_desk::sample::register().unwrap();
    // As it ships: whatever it says, in words.
    for problem in sample.validate(today()) {
        assert!(!reads_badly(&problem.message), "{problem:?}");
    }
    break_everything(&mut sample);
    assert_in_words("the sample", &sample.validate(today()));

    let mut generated = generate::register(GenerateOptions {
        meetings: 12,
        commitments: 40,
        seed: 7,
    });
    for problem in generated.validate(today()) {
        assert!(!reads_badly(&problem.message), "{problem:?}");
    }
    break_everything(&mut generated);
    let problems = generated.validate(today());
    assert_in_words("a generated register", &problems);
    // Every kind of record was broken, and each said so.
    for kind in ["participant", "person", "series", "meeting", "commitment"] {
        assert!(
            problems.iter().any(|p| matches!(
                (kind, p.record),
                ("participant", Some(Record::Participant(_)))
                    | ("person", Some(Record::Person(_)))
                    | ("series", Some(Record::Series(_)))
                    | ("meeting", Some(Record::Meeting(_)))
                    | ("commitment", Some(Record::Commitment(_)))
            )),
            "no problem of a {kind}"
        );
    }
}

#[test]
fn a_duplicate_code_points_at_the_participant_that_came_second() {
    let mut register = crate::common::register();
    register.participants.get_mut(&FRA).unwrap().code = "gbr".into();
    let problems = register.validate(today());
    let duplicate = problems
        .iter()
        .find(|p| p.message.starts_with("Code GBR"))
        .expect("the duplicate is reported");
    assert_eq!(
        duplicate.message,
        "Code GBR is used by more than one participant: United Kingdom, France"
    );
    let second = if GBR < FRA { FRA } else { GBR };
    assert_eq!(duplicate.record, Some(Record::Participant(second)));
    assert_eq!(duplicate.field, Some(Field::Code));
}
