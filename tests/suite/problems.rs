//! The problem list kept current after edits is always exactly what a
//! full `validate()` says, and edits to commitments or existing meetings
//! do not check the whole register again.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::Edit;
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::{CommitmentId, MeetingId, ParticipantId, Register, SeriesId};
use coalition_desk::problems::ProblemCache;
use proptest::prelude::*;

fn small() -> Register {
    register(GenerateOptions {
        meetings: 12,
        commitments: 80,
        seed: 21,
    })
}

/// One thing an officer might do.
#[derive(Clone, Debug)]
enum Step {
    /// Change the nth commitment in a way that may or may not be a problem.
    Commitment(usize, u8),
    DeleteCommitment(usize),
    AddCommitment(u8),
    /// Change the nth meeting's title or series.
    Meeting(usize, u8),
    DeleteMeeting(usize),
    RenameRegister,
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0usize..200, any::<u8>()).prop_map(|(n, how)| Step::Commitment(n, how)),
        1 => (0usize..200).prop_map(Step::DeleteCommitment),
        1 => any::<u8>().prop_map(Step::AddCommitment),
        3 => (0usize..50, any::<u8>()).prop_map(|(n, how)| Step::Meeting(n, how)),
        1 => (0usize..50).prop_map(Step::DeleteMeeting),
        1 => Just(Step::RenameRegister),
        2 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

fn commitment_change(register: &Register, n: usize, how: u8) -> Option<Edit> {
    let (&id, commitment) = register
        .commitments
        .iter()
        .nth(n % register.commitments.len().max(1))?;
    let mut changed = commitment.clone();
    match how % 6 {
        0 => changed.title = String::new(),
        1 => changed.title = format!("Renamed {how}"),
        2 => changed.area = "No such area".into(),
        3 => changed.participant = ParticipantId(9_999),
        4 => changed.announced_at = Some(MeetingId(9_999)),
        _ => changed.area = register.capability_areas[0].clone(),
    }
    Some(Edit::Commitment(id, Some(changed)))
}

fn meeting_change(register: &Register, n: usize, how: u8) -> Option<Edit> {
    let (&id, meeting) = register
        .meetings
        .iter()
        .nth(n % register.meetings.len().max(1))?;
    let mut changed = meeting.clone();
    match how % 3 {
        0 => changed.title = String::new(),
        1 => changed.series = Some(SeriesId(9_999)),
        _ => changed.title = format!("Session {how}"),
    }
    Some(Edit::Meeting(id, Some(changed)))
}

fn run(document: &mut Document, step: &Step) {
    let register = document.register();
    let edit = match step {
        Step::Commitment(n, how) => commitment_change(register, *n, *how),
        Step::DeleteCommitment(n) => register
            .commitments
            .keys()
            .nth(n % register.commitments.len().max(1))
            .map(|&id| Edit::Commitment(id, None)),
        Step::AddCommitment(how) => {
            let template = register.commitments.values().next().cloned();
            template.map(|mut commitment| {
                if how % 2 == 0 {
                    commitment.title = String::new();
                }
                Edit::Commitment(CommitmentId(register.next_id), Some(commitment))
            })
        }
        Step::Meeting(n, how) => meeting_change(register, *n, *how),
        Step::DeleteMeeting(n) => register
            .meetings
            .keys()
            .nth(n % register.meetings.len().max(1))
            .map(|&id| Edit::Meeting(id, None)),
        Step::RenameRegister => Some(Edit::RenameRegister("Another name".into())),
        Step::Undo => {
            document.undo();
            None
        }
        Step::Redo => {
            document.redo();
            None
        }
    };
    if let Some(edit) = edit {
        document.apply(edit);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_kept_list_is_always_what_a_full_check_says(
        steps in proptest::collection::vec(step(), 1..40)
    ) {
        let mut document = Document::new(small(), Origin::Untitled);
        let mut cache = ProblemCache::default();
        for step in &steps {
            run(&mut document, step);
            let kept = cache.problems(&document).to_vec();
            prop_assert_eq!(kept, document.register().validate(), "after {:?}", step);
        }
    }
}

#[test]
fn editing_commitments_and_meetings_does_not_check_everything_again() {
    let mut document = Document::new(small(), Origin::Untitled);
    let mut cache = ProblemCache::default();
    cache.problems(&document);
    assert_eq!(cache.full_passes(), 1);
    for n in 0..30 {
        run(&mut document, &Step::Commitment(n, n as u8));
        run(&mut document, &Step::Meeting(n, n as u8));
        if n % 5 == 0 {
            run(&mut document, &Step::Undo);
        }
        assert_eq!(cache.problems(&document), document.register().validate());
    }
    assert_eq!(
        cache.full_passes(),
        1,
        "only the touched records were checked"
    );
    // A change to settings checks the whole register again.
    run(&mut document, &Step::RenameRegister);
    cache.problems(&document);
    assert_eq!(cache.full_passes(), 2);
    // So does another document.
    let other = Document::new(small(), Origin::Untitled);
    cache.problems(&other);
    assert_eq!(cache.full_passes(), 3);
}
