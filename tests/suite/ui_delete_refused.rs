//! A Delete… the register would refuse is greyed, with the core's reason
//! as its tooltip, instead of asking and then refusing in the status line
//! (issue 21): the participant, person and series an approved record
//! names; what it does not name can still be deleted, asking first.

use coalition_desk::model::{ParticipantId, Record, SeriesId};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::Startup;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app_harness::{AppHarness, command, harness, register};

fn approved_sample() -> AppHarness {
    let mut window = harness(Startup::Empty);
    window
        .state_mut()
        .open_register(crate::delete_refusals::sample_approved());
    window.run();
    window
}

fn disabled(window: &AppHarness, label: &str) -> bool {
    window.get_by_label(label).accesskit_node().is_disabled()
}

/// Hovers `label` and finds the reason it shows.
fn says_why(window: &mut AppHarness, label: &str) {
    window.get_by_label(label).hover();
    window.run();
    window.get_by_label_contains("is approved");
}

#[test]
fn a_participant_and_a_person_the_approved_record_names_cannot_be_deleted() {
    let mut window = approved_sample();
    command(&mut window, Command::SelectParticipant(ParticipantId(1)));
    assert!(disabled(&window, "Delete…"), "the United Kingdom attended");
    says_why(&mut window, "Delete…");
    // John Healey sat at the table for it.
    assert!(disabled(&window, "Delete person…"));
    says_why(&mut window, "Delete person…");

    command(&mut window, Command::SelectParticipant(ParticipantId(6)));
    assert!(
        !disabled(&window, "Delete…"),
        "Ukraine is not in the record"
    );
}

#[test]
fn a_series_with_an_approved_session_cannot_be_deleted() {
    let mut window = approved_sample();
    window
        .state_mut()
        .command(Command::SelectSeries(SeriesId(9)));
    command(
        &mut window,
        Command::ShowTab(coalition_desk::ui::command::Tab::Timeline),
    );
    assert!(disabled(&window, "Delete series…"));
    says_why(&mut window, "Delete series…");
    window
        .state_mut()
        .command(Command::SelectSeries(SeriesId(10)));
    window.run();
    assert!(!disabled(&window, "Delete series…"));
}

#[test]
fn a_delete_asked_for_anyway_is_refused_before_any_question() {
    let mut window = approved_sample();
    command(
        &mut window,
        Command::Delete(Record::Participant(ParticipantId(1))),
    );
    let notice = window.state().notice().map(|n| n.text.clone());
    assert!(
        notice.as_deref().is_some_and(|n| n.contains("is approved")),
        "{notice:?}"
    );
    assert!(
        window.query_by_label("Delete").is_none(),
        "no question was asked"
    );
    assert!(register(&window).participant(ParticipantId(1)).is_some());
}
