//! The forms of a meeting record's life beyond Circulate (in
//! `panels`): Approve, and Revise once approved, on the sample's meeting
//! at 1024×700 and at 150 % on 1280×800.

use chrono::NaiveDate;
use coalition_desk::model::{MeetingId, MinutesMove, ParticipantId};
use coalition_desk::ui::Command;
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::meetings::MinutesAsk;

use super::{AppHarness, LARGE_TEXT, SMALL, Size, assert_nothing_cut, show, window};

const DEFENCE_MINISTERS: MeetingId = MeetingId(11);

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, month, day).unwrap()
}

fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

/// The sample's meeting open, its record circulated to the United
/// Kingdom with comments due on 8 May 2025.
fn circulated(size: Size) -> AppHarness {
    let mut harness = window(size, coalition_desk::sample::register().unwrap());
    show(&mut harness, Tab::Meetings);
    run(&mut harness, Command::SelectMeeting(DEFENCE_MINISTERS));
    let circulate = MinutesMove::Circulate {
        to: vec![ParticipantId(1)],
        comments_due: day(5, 8),
    };
    run(
        &mut harness,
        Command::MoveMinutes(DEFENCE_MINISTERS, circulate, day(5, 1)),
    );
    harness
}

/// Opens the form `ask` asks for and checks every control of the window
/// can be reached.
fn form(mut harness: AppHarness, size: Size, ask: MinutesAsk, name: &str) {
    run(
        &mut harness,
        Command::AskMinutesMove(DEFENCE_MINISTERS, ask),
    );
    harness.run();
    assert_nothing_cut(&mut harness, size, name);
}

fn approve(size: Size) {
    form(circulated(size), size, MinutesAsk::Approve, "approve");
}

fn revise(size: Size) {
    let mut harness = circulated(size);
    let approve = MinutesMove::Approve {
        at: None,
        by: "The defence ministers".into(),
    };
    run(
        &mut harness,
        Command::MoveMinutes(DEFENCE_MINISTERS, approve, day(5, 8)),
    );
    let approved = harness
        .state()
        .workspace()
        .document
        .register()
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .minutes
        .is_locked();
    assert!(approved, "the record was not approved");
    form(harness, size, MinutesAsk::Revise, "revise");
}

#[test]
fn approve_form_at_1024() {
    approve(SMALL);
}

#[test]
fn approve_form_at_150_percent() {
    approve(LARGE_TEXT);
}

#[test]
fn revise_form_at_1024() {
    revise(SMALL);
}

#[test]
fn revise_form_at_150_percent() {
    revise(LARGE_TEXT);
}
