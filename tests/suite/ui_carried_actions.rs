//! The window with an action carried over (issue 18, item 4): schedule
//! the next sessions, see the action in the later one "carried over from
//! No. 2 (3 December 2026)", listed once on the dashboard, and tick it
//! done there to see it closed where it was raised.

use coalition_desk::model::Register;
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui::accesskit::Toggled;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::carried_actions::fixture::{self, FIRM, SECOND, SERIES, today};

type AppHarness = Harness<'static, CoalitionDeskApp>;

fn window(startup: Startup) -> AppHarness {
    let settings = Settings {
        tab: Tab::Timeline,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, startup, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn register(harness: &AppHarness) -> &Register {
    harness.state().workspace().document.register()
}

/// Shows the series on the timeline and schedules the first session it
/// offers that is not yet scheduled.
fn schedule_next(harness: &mut AppHarness) {
    harness.state_mut().command(Command::SelectSeries(SERIES));
    harness.run();
    harness
        .get_all_by_label("Schedule this session")
        .next()
        .expect("the series offers its next session")
        .click();
    harness.run();
}

#[test]
fn an_action_carried_over_is_one_action_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    coalition_desk::storage::save(&path, &fixture::register(), None).unwrap();
    let mut harness = window(Startup::File(path.clone()));

    schedule_next(&mut harness);
    schedule_next(&mut harness);
    let later: Vec<_> = register(&harness)
        .meetings
        .iter()
        .filter(|(_, m)| m.date > fixture::date(2026, 12, 3))
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(later.len(), 2, "No. 3 and No. 4 scheduled");
    let fourth = *later.last().unwrap();
    assert_eq!(harness.state().settings().tab, Tab::Meetings);
    assert_eq!(harness.state().workspace().meetings.selected, Some(fourth));

    // The later session shows it, saying where it comes from.
    harness.get_by_label("carried over from No. 2 (3 December 2026)");
    harness.get_by_label(FIRM);

    // The dashboard's "since last session" (for No. 4) lists it once.
    harness
        .state_mut()
        .command(Command::ShowTab(Tab::Dashboard));
    harness.run();
    let listed = harness.query_all_by_label_contains(FIRM).count();
    assert_eq!(listed, 1, "listed once under Open actions");

    // Ticked done in No. 4, it is closed where it was raised.
    harness.state_mut().command(Command::ShowTab(Tab::Meetings));
    harness.run();
    harness.get_by_label("Carried-over action 1 done").click();
    harness.run();
    assert!(register(&harness).meeting(SECOND).unwrap().actions[0].done);
    // The session it was ticked in shows it done at once: what it shows
    // as carried over is kept per revision, not from before the edit.
    let ticked = harness.get_by_label("Carried-over action 1 done");
    assert_eq!(ticked.accesskit_node().toggled(), Some(Toggled::True));
    harness.state_mut().command(Command::SelectMeeting(SECOND));
    harness.run();
    let raised = harness.get_by_label("Action 1 done");
    assert_eq!(raised.accesskit_node().toggled(), Some(Toggled::True));
    // And No. 3, which showed it too, shows it done.
    harness
        .state_mut()
        .command(Command::SelectMeeting(later[0]));
    harness.run();
    let third = harness.get_by_label("Carried-over action 1 done");
    assert_eq!(third.accesskit_node().toggled(), Some(Toggled::True));
}

#[test]
fn copies_in_an_older_file_are_made_one_in_one_undo_step() {
    let (legacy, third, fourth) = fixture::with_copies();
    let mut harness = window(Startup::Empty);
    // Untitled, so the snapshots show no temporary path.
    harness.state_mut().open_register(legacy.clone());
    harness.state_mut().command(Command::SelectMeeting(fourth));
    harness.run();
    harness
        .get_by_label("Also written as a copy in No. 2 (3 December 2026), No. 3 (7 January 2027)");
    harness
        .get_by_label("Make action 1 one action")
        .scroll_to_me();
    harness.run();
    harness.snapshot("carried_actions_copies");

    harness.get_by_label("Make action 1 one action").click();
    harness.run();
    let one = register(&harness);
    assert!(
        one.meeting(third)
            .unwrap()
            .actions
            .iter()
            .all(|a| a.text != FIRM)
    );
    assert!(
        one.meeting(fourth)
            .unwrap()
            .actions
            .iter()
            .all(|a| a.text != FIRM)
    );
    assert_eq!(
        one.meeting(SECOND).unwrap().actions[0].carried_to,
        [third, fourth]
    );
    harness
        .get_by_label("carried over from No. 2 (3 December 2026)")
        .scroll_to_me();
    harness.run();
    harness.snapshot("carried_actions_carried_over");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(register(&harness), &legacy, "one undo takes it all back");
}
