//! The problem list kept current after edits is always exactly what a
//! full `validate(today)` says, and edits to commitments or existing meetings
//! do not check the whole register again.

use chrono::NaiveDate;
use coalition_desk::document::ProblemCache;
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::Edit;
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::{
    CommitmentId, MeetingId, MeetingState, ParticipantId, Record, Register, SeriesId,
};
use proptest::prelude::*;

/// A day after every date of the generated register (it stands on 1 June
/// 2025, `generate::fixed_now`).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 1, 1).unwrap()
}

/// A day inside the generated history: much of it has not happened yet.
fn mid_history() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()
}

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
    match how % 8 {
        0 => changed.title = String::new(),
        1 => changed.series = Some(SeriesId(9_999)),
        // The numbering of its series' other sessions moves with these.
        2 => changed.number = Some(u32::from(how % 4) + 1),
        3 => changed.date = changed.date + chrono::Days::new(u64::from(how) * 40),
        4 => changed.state = MeetingState::Cancelled,
        5 => changed.series = register.series.keys().nth(usize::from(how) % 3).copied(),
        6 => changed.marking = String::new(),
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
        document.apply(edit).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_kept_list_is_always_what_a_full_check_says(
        steps in proptest::collection::vec(
            (step(), proptest::bool::weighted(0.15)),
            1..40,
        )
    ) {
        let mut document = Document::new(small(), Origin::Untitled);
        let mut cache = ProblemCache::default();
        let mut today = today();
        for (step, new_day) in &steps {
            if *new_day {
                // Back to a day when much of the generated history had not
                // happened yet, and forward again.
                today = if today == self::today() { mid_history() } else { self::today() };
            }
            run(&mut document, step);
            let kept = cache.problems(&document, today).to_vec();
            prop_assert_eq!(
                kept,
                document.register().validate(today),
                "after {:?} on {}",
                step,
                today
            );
        }
    }
}

#[test]
fn editing_commitments_and_meetings_does_not_check_everything_again() {
    let mut document = Document::new(small(), Origin::Untitled);
    let mut cache = ProblemCache::default();
    cache.problems(&document, today());
    assert_eq!(cache.full_passes(), 1);
    for n in 0..30 {
        run(&mut document, &Step::Commitment(n, n as u8));
        // Changes that leave the meeting where it stands in its series.
        let keeps_its_place = [0, 6, 7][n % 3];
        run(&mut document, &Step::Meeting(n, keeps_its_place));
        if n % 5 == 0 {
            run(&mut document, &Step::Undo);
        }
        assert_eq!(
            cache.problems(&document, today()),
            document.register().validate(today())
        );
    }
    assert_eq!(
        cache.full_passes(),
        1,
        "only the touched records were checked"
    );
    // A change to settings checks the whole register again.
    run(&mut document, &Step::RenameRegister);
    cache.problems(&document, today());
    assert_eq!(cache.full_passes(), 2);
    // So does another document.
    let other = Document::new(small(), Origin::Untitled);
    cache.problems(&other, today());
    assert_eq!(cache.full_passes(), 3);
    // And a new day: what had not happened yet may have happened now.
    let problems = cache.problems(&other, mid_history()).to_vec();
    assert_eq!(cache.full_passes(), 4);
    assert_eq!(problems, other.register().validate(mid_history()));
    assert!(
        problems
            .iter()
            .any(|p| p.message.ends_with("which is after today")),
        "the generated history runs past 2021"
    );
}

#[test]
fn moving_a_session_in_its_series_checks_the_whole_register_again() {
    let mut document = Document::new(small(), Origin::Untitled);
    let mut cache = ProblemCache::default();
    cache.problems(&document, today());
    // Give a later session of a series the number of the first one: the
    // later session's problem comes from the other sessions' numbers.
    let register = document.register();
    let series = register.meetings.values().find_map(|m| m.series).unwrap();
    let mut sessions = register
        .meetings
        .iter()
        .filter(|(_, m)| m.series == Some(series))
        .map(|(&id, m)| (m.date, id, m.clone()));
    let (_, _, first) = sessions.next().unwrap();
    let (_, later, mut renumbered) = sessions.nth(1).unwrap();
    renumbered.number = first.number;
    document
        .apply(Edit::Meeting(later, Some(renumbered)))
        .unwrap();
    let kept = cache.problems(&document, today()).to_vec();
    assert_eq!(cache.full_passes(), 2);
    assert_eq!(kept, document.register().validate(today()));
    assert!(
        kept.iter()
            .any(|p| p.record == Some(Record::Meeting(later))
                && p.message.contains("numbered No. 1")),
        "{kept:#?}"
    );
}
