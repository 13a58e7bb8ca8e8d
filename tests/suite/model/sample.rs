//! The sample register shipped with the application, and the problems of
//! one record against the whole register's.

use chrono::NaiveDate;
use coalition_desk::model::*;
use serde::Deserialize;

use super::fixture::*;

/// The file envelope, read here without the storage module so that this
/// test only depends on the model.
#[derive(Deserialize)]
struct CoalitionRegister {
    format: String,
    version: u32,
    register: Register,
}

#[test]
fn sample_register_is_valid_and_built_from_the_statement() {
    let text = include_str!("../../../assets/sample-register.ron");
    let file: CoalitionRegister = ron::from_str(text).unwrap();
    assert_eq!(file.format, "coalition-desk");
    assert_eq!(
        file.version, 7,
        "the sample names who heads two delegations"
    );
    let register = file.register;
    assert!(!register.identity.is_empty());
    assert_eq!(register.validate(today()), vec![]);
    assert_eq!(register.name, "Coalition of the Willing (sample)");
    assert!(register.next_id >= register.fresh_id());

    assert_eq!(register.meetings.len(), 1);
    let meeting = register.meetings.values().next().unwrap();
    assert_eq!(meeting.date, date(2025, 4, 10));
    assert_eq!(meeting.state, MeetingState::Held);
    assert!(meeting.statement.contains("Sébastien Lecornu"));
    assert!(
        meeting
            .statement
            .contains("Ukraine’s security is inseparable")
    );
    assert!(meeting.notes.contains("30 countries"));
    let codes: Vec<String> = meeting
        .attendance
        .keys()
        .map(|id| register.participant_code(*id))
        .collect();
    assert_eq!(codes, ["GBR", "FRA", "EU-COM", "EU-CNL", "NATO"]);
    let chairs: Vec<String> = meeting
        .chairs
        .iter()
        .map(|id| register.person_name(*id))
        .collect();
    assert_eq!(chairs, ["John Healey MP", "Sébastien Lecornu"]);

    assert!(!register.commitments.is_empty());
    for commitment in register.commitments.values() {
        assert!(
            commitment.title.starts_with("Example"),
            "{}",
            commitment.title
        );
        assert!(
            commitment
                .description
                .contains("Illustrative example, not from the statement"),
            "{}",
            commitment.title
        );
    }
}

#[test]
fn one_records_problems_match_what_validate_says_about_it() {
    let mut register =
        coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
            meetings: 30,
            commitments: 200,
            seed: 3,
        });
    // Break one meeting and one commitment in several ways.
    let (&meeting_id, meeting) = register.meetings.iter_mut().next().unwrap();
    meeting.marking = "TOP".into();
    meeting.title.clear();
    meeting
        .attendance
        .insert(ParticipantId(999_999), Attendance::default());
    let (&commitment_id, commitment) = register.commitments.iter_mut().next().unwrap();
    commitment.area = "Space".into();
    commitment.participant = ParticipantId(999_998);
    // The generated histories run into 2027.
    let after_everything = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
    let all = register.validate(after_everything);
    let about = |record: Record| -> Vec<Problem> {
        all.iter()
            .filter(|p| p.record == Some(record))
            .cloned()
            .collect()
    };
    assert_eq!(
        register.meeting_problems_of(meeting_id, after_everything),
        about(Record::Meeting(meeting_id))
    );
    assert_eq!(
        register.commitment_problems_of(commitment_id, after_everything),
        about(Record::Commitment(commitment_id))
    );
    assert_eq!(
        register
            .meeting_problems_of(meeting_id, after_everything)
            .len(),
        3
    );
    assert_eq!(
        register
            .commitment_problems_of(commitment_id, after_everything)
            .len(),
        2
    );
}
