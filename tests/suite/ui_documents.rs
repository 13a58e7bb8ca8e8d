//! The documents sent before a session, from the window: Print meeting
//! pack… on a planned meeting, Print since last session… from a meeting
//! and from the Dashboard, Print nation sheet… on a participant each open
//! the print preview with its pages; Print all nation sheets… prepares
//! them with a progress bar and can be cancelled.

use std::time::{Duration, Instant};

use coalition_desk::storage;
use coalition_desk::ui::Command;
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::on_top::OnTop;
use coalition_desk::ui::print::Report;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, harness_for, until_shown};
use crate::documents::fixture::{GBR, PLANNED, register};

fn opened(dir: &std::path::Path, register: &coalition_desk::model::Register) -> AppHarness {
    let path = dir.join("register.ron");
    storage::save(&path, register, None).unwrap();
    harness_for(&path)
}

fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run_steps(2);
}

/// Clicks a Print… button. The preview it opens asks for the printers and
/// typesets on threads of their own, whose answers repaint the window at
/// moments of their own, so a fixed number of frames is run rather than
/// "until settled".
fn press(harness: &mut AppHarness, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(label).click();
    harness.run_steps(2);
}

fn preview_report(harness: &AppHarness) -> Option<Report> {
    match harness.state().on_top() {
        Some(OnTop::PrintPreview(preview)) => Some(preview.report),
        _ => None,
    }
}

#[test]
fn print_meeting_pack_on_a_planned_meeting_opens_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = opened(dir.path(), &register());
    run(&mut harness, Command::SelectMeeting(PLANNED));
    press(&mut harness, "Print meeting pack…");
    assert_eq!(preview_report(&harness), Some(Report::Pack(PLANNED)));
    until_shown(&mut harness, "Page 1 of");
    harness.get_by_label("Save PDF…");
    harness.get_by_label("Print");
}

#[test]
fn print_since_last_session_from_a_meeting_and_from_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = opened(dir.path(), &register());
    run(&mut harness, Command::SelectMeeting(PLANNED));
    press(&mut harness, "Print since last session…");
    assert_eq!(preview_report(&harness), Some(Report::Since(PLANNED)));
    until_shown(&mut harness, "Page 1 of");

    let mut harness = opened(dir.path(), &register());
    run(&mut harness, Command::ShowTab(Tab::Dashboard));
    press(&mut harness, "Print since last session…");
    assert!(
        matches!(preview_report(&harness), Some(Report::Since(_))),
        "{:?}",
        preview_report(&harness)
    );
    until_shown(&mut harness, "Page 1 of");
}

#[test]
fn print_nation_sheet_on_a_participant_opens_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = opened(dir.path(), &register());
    run(&mut harness, Command::SelectParticipant(GBR));
    press(&mut harness, "Print nation sheet…");
    assert_eq!(preview_report(&harness), Some(Report::Sheet(GBR)));
    until_shown(&mut harness, "Page 1 of");
}

#[test]
fn print_all_nation_sheets_shows_progress_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let large = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 300,
        commitments: 30_000,
        seed: 3,
    });
    let mut harness = opened(dir.path(), &large);
    run(&mut harness, Command::ShowTab(Tab::Participants));
    // The bar keeps the window repainting: a few frames, not `run`.
    press(&mut harness, "Print all nation sheets…");
    assert_eq!(preview_report(&harness), Some(Report::AllSheets));
    harness.run_steps(1);
    harness.get_by_label_contains("Preparing nation sheet");
    harness.get_by_label_contains("of 60");
    press(&mut harness, "Cancel");
    assert_eq!(preview_report(&harness), None, "Cancel closes the preview");
    assert!(
        harness
            .query_by_label_contains("Preparing nation sheet")
            .is_none()
    );

    // Left to finish, the sheets are typeset into one document.
    press(&mut harness, "Print all nation sheets…");
    until_shown(&mut harness, "Page 1 of");
    assert!(
        harness
            .query_by_label_contains("Preparing nation sheet")
            .is_none()
    );
    harness.get_by_label("Save PDF…");
}

#[test]
fn points_to_raise_and_their_marking_are_kept_on_the_participant() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = register();
    r.participants
        .get_mut(&GBR)
        .unwrap()
        .points_to_raise
        .clear();
    r.participants.get_mut(&GBR).unwrap().points_marking = None;
    let mut harness = opened(dir.path(), &r);
    run(&mut harness, Command::SelectParticipant(GBR));
    harness.get_by_label("Points to raise").click();
    harness.run();
    harness
        .get_by_label("Points to raise")
        .type_text("Ask about the second tranche");
    harness.run();
    // The row's label names the picker.
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "Points marking")
        .click();
    harness.run();
    click(&mut harness, "OFFICIAL-SENSITIVE");
    let kept = crate::app_harness::register(&harness);
    let uk = &kept.participants[&GBR];
    assert_eq!(uk.points_to_raise, "Ask about the second tranche");
    assert_eq!(uk.points_marking.as_deref(), Some("OFFICIAL-SENSITIVE"));
}

#[test]
fn an_agenda_items_purpose_is_picked_beside_its_lead() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = register();
    r.meetings.get_mut(&PLANNED).unwrap().agenda[1].purpose = None;
    let mut harness = opened(dir.path(), &r);
    run(&mut harness, Command::SelectMeeting(PLANNED));
    click(&mut harness, "Purpose of agenda item 2");
    click(&mut harness, "For discussion");
    let kept = crate::app_harness::register(&harness);
    assert_eq!(
        kept.meetings[&PLANNED].agenda[1].purpose,
        Some(coalition_desk::model::AgendaPurpose::Discussion)
    );
}

#[test]
fn the_window_keeps_drawing_while_every_sheet_is_prepared_and_typeset() {
    let dir = tempfile::tempdir().unwrap();
    let large = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 300,
        commitments: 30_000,
        seed: 3,
    });
    let mut harness = opened(dir.path(), &large);
    run(&mut harness, Command::ShowTab(Tab::Participants));
    press(&mut harness, "Print all nation sheets…");
    // Every frame from the click until the pages are shown is timed: the
    // sheets are made and typeset on threads of their own, so no frame
    // waits for them.
    let started = Instant::now();
    let mut frames = Vec::new();
    let mut with_progress = 0;
    while harness.query_by_label_contains("Page 1 of").is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the sheets never appeared"
        );
        if harness
            .query_by_label_contains("Preparing nation sheet")
            .is_some()
        {
            with_progress += 1;
        }
        let frame = Instant::now();
        harness.step();
        frames.push(frame.elapsed());
        std::thread::sleep(Duration::from_millis(10));
    }
    let whole = started.elapsed();
    let longest = frames.iter().max().copied().unwrap_or_default();
    assert!(
        with_progress >= 3,
        "the progress bar was drawn in {with_progress} frames"
    );
    assert!(
        frames.len() >= 10 && longest * 5 < whole,
        "{} frames in {whole:?}, the longest {longest:?}: the window waited for the sheets",
        frames.len()
    );
}
