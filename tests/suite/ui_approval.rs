//! The Approve form offers only what can be true: a later session that
//! was held (dated the day it was held), or the written procedure once the
//! comment period has ended; never a session in the future or not held,
//! never a day after today. A refused date stays in red with its reason,
//! and Approve waits until the rules allow the approval.

use chrono::NaiveDate;
use coalition_desk::edit::Edit;
use coalition_desk::model::{MeetingId, MeetingState, MinutesMove, MinutesState, ParticipantId};
use coalition_desk::ui::Command;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app_harness::{AppHarness, click, harness, register};

const MINISTERS: MeetingId = MeetingId(11);
/// Held on 2025-05-08: it can have approved the record, on that day.
const HELD_LATER: MeetingId = MeetingId(12);
/// Planned for 2026-12-17, after today (2026-11-25).
const PLANNED_LATER: MeetingId = MeetingId(13);
/// Cancelled on 2025-06-05: it approved nothing.
const CANCELLED_LATER: MeetingId = MeetingId(14);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

/// The sample with three later sessions of its series, its record
/// circulated on 2025-04-14 with comments due 2025-05-01.
fn circulated_with_later_sessions() -> AppHarness {
    let mut harness = harness(coalition_desk::ui::app::Startup::Sample);
    let first = register(&harness).meeting(MINISTERS).unwrap().clone();
    for (id, day, state) in [
        (HELD_LATER, date(2025, 5, 8), MeetingState::Held),
        (PLANNED_LATER, date(2026, 12, 17), MeetingState::Planned),
        (CANCELLED_LATER, date(2025, 6, 5), MeetingState::Cancelled),
    ] {
        let mut session = first.clone();
        session.date = day;
        session.state = state;
        session.number = None;
        harness.state_mut().edit(Edit::Meeting(id, Some(session)));
    }
    run(
        &mut harness,
        Command::MoveMinutes(
            MINISTERS,
            MinutesMove::Circulate {
                to: vec![ParticipantId(1)],
                comments_due: date(2025, 5, 1),
            },
            date(2025, 4, 14),
        ),
    );
    run(&mut harness, Command::SelectMeeting(MINISTERS));
    harness
}

fn title(harness: &AppHarness, id: MeetingId) -> String {
    register(harness).meeting_title(id)
}

fn retype(harness: &mut AppHarness, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

fn approve_enabled(harness: &AppHarness) -> bool {
    !harness
        .get_by_role_and_label(Role::Button, "Approve")
        .accesskit_node()
        .is_disabled()
}

#[test]
fn the_approve_form_offers_only_what_can_be_true_and_explains_a_refused_date() {
    let mut harness = circulated_with_later_sessions();
    click(&mut harness, "Approve…");
    // The next session that was held is offered first, dated its day.
    let held = title(&harness, HELD_LATER);
    harness.get_by_role_and_label(Role::ComboBox, "Approved at");
    harness.get_by_label("2025-05-08 (the day that meeting was held)");
    assert!(approve_enabled(&harness));

    // The list holds the held session and the written procedure, not the
    // session still planned nor the one cancelled.
    harness
        .get_by_role_and_label(Role::ComboBox, "Approved at")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, &held);
    for absent in [PLANNED_LATER, CANCELLED_LATER, MINISTERS] {
        let other = title(&harness, absent);
        assert!(
            harness
                .query_by_role_and_label(Role::Button, &other)
                .is_none(),
            "{other} is not offered"
        );
    }
    harness
        .get_by_role_and_label(Role::Button, "No meeting: by written procedure")
        .click();
    harness.run();

    // By written procedure, the day the comment period ended.
    assert_eq!(
        harness
            .get_by_role_and_label(Role::TextInput, "On")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("2025-05-01")
    );
    // A day after today is refused, with the reason under the field.
    retype(&mut harness, "On", "2026-12-07");
    harness.get_by_label(
        "The record cannot be approved on 2026-12-07: that is after today (2026-11-25); a \
         step is recorded once it has happened.",
    );
    assert!(!approve_enabled(&harness));
    // So is a day before the comment period ended.
    retype(&mut harness, "On", "2025-04-30");
    harness.get_by_label(
        "By written procedure the record is approved when its comment period ends on \
         2025-05-01, not on 2025-04-30: date the approval 2025-05-01 or later.",
    );
    assert!(!approve_enabled(&harness));
    let before = register(&harness);
    // Pressing the disabled button changes nothing.
    harness
        .get_by_role_and_label(Role::Button, "Approve")
        .click();
    harness.run();
    assert_eq!(register(&harness), before);

    retype(&mut harness, "On", "2025-05-02");
    assert!(approve_enabled(&harness));
    click(&mut harness, "Approve");
    let record = register(&harness)
        .meeting(MINISTERS)
        .unwrap()
        .minutes
        .clone();
    assert_eq!(record.state(), MinutesState::Approved);
    let approval = record.approval().unwrap();
    assert_eq!(
        (approval.date, approval.approved_at),
        (date(2025, 5, 2), None)
    );
}

#[test]
fn approving_at_the_held_session_dates_the_approval_its_day() {
    let mut harness = circulated_with_later_sessions();
    click(&mut harness, "Approve…");
    click(&mut harness, "Approve");
    let record = register(&harness)
        .meeting(MINISTERS)
        .unwrap()
        .minutes
        .clone();
    let approval = record.approval().unwrap();
    assert_eq!(
        (approval.date, approval.approved_at),
        (date(2025, 5, 8), Some(HELD_LATER))
    );
}

#[test]
fn a_record_nothing_can_approve_yet_offers_no_approve_and_says_why() {
    // The sample alone: no later session, and the record not circulated.
    let mut harness = harness(coalition_desk::ui::app::Startup::Sample);
    run(&mut harness, Command::SelectMeeting(MINISTERS));
    click(&mut harness, "Approve…");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Approve")
            .is_none()
    );
    harness.get_by_label_contains("No later meeting can have approved it yet");
    harness.get_by_label(
        "Not by written procedure yet: The record is Draft: by written procedure a record is \
         approved only once it has been circulated for comment, so circulate it first or \
         approve it at a later meeting.",
    );
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Cancel").is_none());
}

#[test]
fn snapshot_of_the_approve_form_by_written_procedure_with_a_refused_date() {
    let app = coalition_desk::ui::app::CoalitionDeskApp::with_settings(
        coalition_desk::ui::app::Settings::default(),
        coalition_desk::ui::app::Startup::Sample,
        crate::app_harness::today(),
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(
            |ui, app: &mut coalition_desk::ui::app::CoalitionDeskApp| app.frame_ui(ui),
            app,
        );
    harness.run();
    run(
        &mut harness,
        Command::MoveMinutes(
            MINISTERS,
            MinutesMove::Circulate {
                to: vec![ParticipantId(1)],
                comments_due: date(2025, 5, 1),
            },
            date(2025, 4, 14),
        ),
    );
    run(&mut harness, Command::SelectMeeting(MINISTERS));
    click(&mut harness, "Approve…");
    retype(&mut harness, "On", "2026-12-07");
    harness.remove_cursor();
    harness.run();
    assert!(!approve_enabled(&harness));
    harness.snapshot("approve_form_written_procedure");
}
