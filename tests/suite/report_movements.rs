//! The summary tells what happened at the meeting to commitments announced
//! before it: each status step and each delivery recorded at it, listed
//! beside (not among) the commitments announced there, marked and left
//! out of editions like them, and printed.

use std::str::FromStr;

use coalition_desk::model::{
    CommitmentId, CommitmentStatus, Delivery, MeetingId, ParticipantId, Record, Register,
    StatusChange,
};
use coalition_desk::report::{self, MovementLine, SummaryOptions};
use coalition_desk::sample;
use rust_decimal::Decimal;

use crate::common::{date, today};
use crate::report_pdf::{squash, summary_pdf};

const FIRST: MeetingId = MeetingId(11);
const SECOND: MeetingId = MeetingId(40);
const TRAINING: CommitmentId = CommitmentId(12);
const MARITIME: CommitmentId = CommitmentId(13);
const FUNDING: CommitmentId = CommitmentId(14);
const NEW_PLEDGE: CommitmentId = CommitmentId(41);

fn step(on: (i32, u32, u32), status: CommitmentStatus, note: &str) -> StatusChange {
    StatusChange {
        date: date(on.0, on.1, on.2),
        status,
        note: note.into(),
        meeting: Some(SECOND),
    }
}

/// The sample's session, and a second one on 20 May at which the UK's
/// training moved to committed and reported its first cohort, France's
/// maritime contribution (OFFICIAL-SENSITIVE) was pledged, and Ukraine
/// announced something new.
fn second_session() -> Register {
    let mut register = sample::register().unwrap();
    let mut second = register.meeting(FIRST).unwrap().clone();
    second.date = date(2025, 5, 20);
    second.title = "Defence ministers, second session".into();
    register.meetings.insert(SECOND, second);

    let training = register.commitments.get_mut(&TRAINING).unwrap();
    training.history.push(step(
        (2025, 5, 20),
        CommitmentStatus::Committed,
        "Contract signed",
    ));
    training
        .history
        .push(step((2025, 5, 20), CommitmentStatus::InDelivery, ""));
    training.status = CommitmentStatus::InDelivery;
    training.deliveries.push(Delivery {
        date: date(2025, 5, 18),
        amount: Decimal::from_str("50").unwrap(),
        note: "First cohort".into(),
        meeting: Some(SECOND),
        ..Delivery::default()
    });

    let maritime = register.commitments.get_mut(&MARITIME).unwrap();
    maritime
        .history
        .push(step((2025, 5, 20), CommitmentStatus::Pledged, ""));
    maritime.status = CommitmentStatus::Pledged;

    let mut new_pledge = register.commitment(FUNDING).unwrap().clone();
    new_pledge.participant = ParticipantId(6);
    new_pledge.title = "Demining teams".into();
    new_pledge.announced_at = Some(SECOND);
    new_pledge.history = vec![step((2025, 5, 20), CommitmentStatus::Pledged, "")];
    new_pledge.status = CommitmentStatus::Pledged;
    register.commitments.insert(NEW_PLEDGE, new_pledge);
    register.next_id = 42;
    register
}

fn summary(register: &Register, id: MeetingId, options: &SummaryOptions) -> report::MeetingSummary {
    report::meeting_summary(register, id, options, today()).unwrap()
}

fn uk_training() -> MovementLine {
    MovementLine {
        participant: "United Kingdom".into(),
        title: "Example — Training of Ukrainian personnel".into(),
        moves: vec![
            "Pledged → Committed: Contract signed".into(),
            "Committed → In delivery".into(),
        ],
        deliveries: vec!["50 instructors delivered on 18 May 2025: First cohort".into()],
    }
}

#[test]
fn the_summary_lists_what_moved_or_was_delivered_at_the_meeting() {
    let register = second_session();
    let summary = summary(&register, SECOND, &SummaryOptions::default());
    assert_eq!(
        summary.movements,
        Some(vec![
            MovementLine {
                participant: "France".into(),
                title: "Example — Maritime direct contribution".into(),
                moves: vec!["Proposed → Pledged".into()],
                deliveries: vec![],
            },
            uk_training(),
        ])
    );
    // Announced at this meeting: listed as announced, not as moved.
    let announced: Vec<&str> = summary
        .commitments
        .as_ref()
        .unwrap()
        .iter()
        .map(|c| c.title.as_str())
        .collect();
    assert_eq!(announced, vec!["Demining teams"]);
    // What the summary includes decides its marking: France's
    // OFFICIAL-SENSITIVE commitment is printed, so the page is.
    assert!(summary.includes.contains(&Record::Commitment(MARITIME)));
    assert!(!summary.includes.contains(&Record::Commitment(FUNDING)));
    assert_eq!(summary.marking, "OFFICIAL-SENSITIVE");

    // At the first session those commitments were announced, and the
    // steps recorded there are the announcement itself.
    let first =
        report::meeting_summary(&register, FIRST, &SummaryOptions::default(), today()).unwrap();
    assert_eq!(first.movements, Some(vec![]));
}

#[test]
fn an_edition_leaves_out_a_movement_marked_above_it_and_the_option_all_of_them() {
    let register = second_session();
    let official = SummaryOptions {
        edition: Some("OFFICIAL".into()),
        ..SummaryOptions::default()
    };
    let summary = summary(&register, SECOND, &official);
    assert_eq!(summary.movements, Some(vec![uk_training()]));
    assert_eq!(summary.marking, "OFFICIAL");
    assert_eq!(
        summary.omitted.as_deref(),
        Some("1 item is omitted from this edition.")
    );

    let without = SummaryOptions {
        commitments: false,
        ..SummaryOptions::default()
    };
    let summary = report::meeting_summary(&register, SECOND, &without, today()).unwrap();
    assert_eq!(summary.movements, None);
    assert!(!summary.includes.contains(&Record::Commitment(MARITIME)));
}

#[test]
fn the_printed_summary_has_a_section_for_them() {
    let register = second_session();
    let all = summary_pdf(&register, SECOND, &SummaryOptions::default()).concat();
    for expected in [
        "Commitments moved or delivered at this meeting",
        "Participant Commitment At this meeting",
        "Pledged → Committed: Contract signed",
        "Committed → In delivery",
        "50 instructors delivered on 18 May 2025: First cohort",
        "Proposed → Pledged",
    ] {
        assert!(all.contains(&squash(expected)), "missing {expected}: {all}");
    }
    let first = summary_pdf(&register, FIRST, &SummaryOptions::default()).concat();
    assert!(!first.contains(&squash("moved or delivered")));
}
