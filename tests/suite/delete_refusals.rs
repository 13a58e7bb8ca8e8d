//! Whether a delete would be refused, asked before the officer is: the
//! core's answer (`edit::delete_refusal`) is exactly what applying the
//! delete would say, for every record, so a panel can grey its Delete…
//! with the reason instead of asking and then refusing (issue 21).

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::{self, EditRefused};
use coalition_desk::model::{
    MeetingId, MinutesMove, ParticipantId, PersonId, Record, Register, SeriesId,
};

const DEFENCE_MINISTERS: MeetingId = MeetingId(11);

fn day(month: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, d).unwrap()
}

/// The sample with the defence ministers' record circulated and approved.
pub fn sample_approved() -> Register {
    let mut register = coalition_desk::sample::register().unwrap();
    let today = day(6, 1);
    let steps = [
        (
            MinutesMove::Circulate {
                to: vec![ParticipantId(1)],
                comments_due: day(5, 8),
            },
            day(5, 1),
        ),
        (
            MinutesMove::Approve {
                at: None,
                by: "The defence ministers".into(),
            },
            day(5, 8),
        ),
    ];
    for (step, date) in steps {
        let moved = edit::move_minutes(&register, DEFENCE_MINISTERS, step, date, today).unwrap();
        edit::apply(&mut register, moved);
    }
    assert!(register.meetings[&DEFENCE_MINISTERS].minutes.is_locked());
    register
}

fn every_record(register: &Register) -> Vec<Record> {
    let mut records: Vec<Record> = register
        .participants
        .keys()
        .map(|id| Record::Participant(*id))
        .collect();
    records.extend(register.people.keys().map(|id| Record::Person(*id)));
    records.extend(register.series.keys().map(|id| Record::Series(*id)));
    records.extend(register.meetings.keys().map(|id| Record::Meeting(*id)));
    records.extend(
        register
            .commitments
            .keys()
            .map(|id| Record::Commitment(*id)),
    );
    records
}

/// What applying the delete says: refused (and why), or done.
fn applied(register: &Register, target: Record) -> Option<EditRefused> {
    let mut document = Document::new(register.clone(), Origin::Untitled);
    let delete = edit::delete_with_references(register, target);
    document.apply(delete).err()
}

#[test]
fn the_refusal_foretold_is_the_refusal_applying_gives_for_every_record() {
    let register = sample_approved();
    let mut refused = 0;
    for target in every_record(&register) {
        let foretold = edit::delete_refusal(&register, target);
        assert_eq!(foretold, applied(&register, target), "{target:?}");
        refused += usize::from(foretold.is_some());
    }
    assert!(
        refused >= 4,
        "the approved record holds back {refused} deletes"
    );
}

#[test]
fn what_an_approved_record_names_cannot_be_deleted_and_the_rest_can() {
    let register = sample_approved();
    let refusal = |target| edit::delete_refusal(&register, target).map(|r| r.to_string());
    let uk = refusal(Record::Participant(ParticipantId(1))).unwrap();
    assert!(
        uk.starts_with("The record of ") && uk.contains("is approved"),
        "{uk}"
    );
    assert!(uk.contains("open a revision first (Revise…)"), "{uk}");
    // John Healey sat for the United Kingdom and co-chaired.
    assert!(refusal(Record::Person(PersonId(7))).is_some());
    // The series the approved session belongs to.
    assert!(refusal(Record::Series(SeriesId(9))).is_some());
    assert_eq!(
        edit::delete_refusal(&register, Record::Meeting(DEFENCE_MINISTERS)),
        Some(EditRefused::ApprovedDeleted(
            register.meeting_title(DEFENCE_MINISTERS)
        ))
    );
    // Ukraine is not in the record; the other series has no session in it;
    // a commitment is never part of a meeting's record.
    assert_eq!(refusal(Record::Participant(ParticipantId(6))), None);
    assert_eq!(refusal(Record::Series(SeriesId(10))), None);
    let commitment = *register.commitments.keys().next().unwrap();
    assert_eq!(refusal(Record::Commitment(commitment)), None);
}

#[test]
fn nothing_is_refused_while_no_record_is_approved() {
    let register = coalition_desk::sample::register().unwrap();
    for target in every_record(&register) {
        assert_eq!(edit::delete_refusal(&register, target), None, "{target:?}");
        assert_eq!(applied(&register, target), None, "{target:?}");
    }
}
