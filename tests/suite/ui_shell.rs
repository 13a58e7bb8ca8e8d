//! The window's shell: commands listed once (shortcuts, palette), one thing
//! on top at a time, a workspace per open file, panels that open a record
//! where the officer can see it, and a day that follows the clock.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use coalition_desk::generate::{self, GenerateOptions};
use coalition_desk::model::{MeetingId, ParticipantId, Register};
use coalition_desk::storage;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::clock::{Clock, ClockHand};
use coalition_desk::ui::command::{Action, Tab};
use coalition_desk::ui::on_top::OnTop;
use coalition_desk::ui::opening::OpenOn;
use coalition_desk::ui::palette::Palette;
use coalition_desk::ui::{Command, CsvPurpose};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type AppHarness = Harness<'static, CoalitionDeskApp>;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn harness(startup: Startup) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(Settings::default(), startup, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        // The print preview's pages arrive from a worker thread, each with a
        // repaint, so how many frames settle it depends on the machine's load.
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn saved(dir: &Path, name: &str, register: &Register) -> PathBuf {
    let path = dir.join(name);
    storage::save(&path, register, None).unwrap();
    path
}

fn sample() -> Register {
    coalition_desk::sample::register().unwrap()
}

fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

#[test]
fn no_two_commands_share_a_shortcut() {
    let table = Action::shortcut_table();
    for (i, (shortcut, action)) in table.iter().enumerate() {
        for (other, other_action) in table.iter().skip(i + 1) {
            assert_ne!(
                shortcut, other,
                "{action:?} and {other_action:?} share a shortcut"
            );
        }
    }
    // Every shortcut the README's table names is in the table.
    let written: Vec<String> = table
        .iter()
        .map(|(shortcut, _)| shortcut.format(&egui::ModifierNames::NAMES, false))
        .collect();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let named: Vec<String> = readme
        .lines()
        .filter(|line| line.starts_with("| Ctrl"))
        .filter_map(|line| line.split('|').nth(1))
        .flat_map(|keys| {
            keys.split(|c: char| c.is_whitespace() || c == '(' || c == ')' || c == '/')
                .filter(|word| word.starts_with("Ctrl+"))
                .map(|word| word.replace("Ctrl+=", "Ctrl+Equals"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(named.len() >= 17, "the README's shortcuts: {named:?}");
    for shortcut in &named {
        assert!(
            written.contains(shortcut),
            "the README names {shortcut}, which no action has: {written:?}"
        );
    }
    // Ctrl+Shift+Z must be tried before Ctrl+Z, which egui would also match.
    let position = |action| table.iter().position(|(_, a)| *a == action).unwrap();
    assert!(position(Action::Redo) < position(Action::Undo));
    assert!(position(Action::SaveAs) < position(Action::Save));
}

#[test]
fn every_action_is_listed_once_and_runs_as_its_command() {
    let all = Action::all();
    for (i, action) in all.iter().enumerate() {
        assert!(!all[i + 1..].contains(action), "{action:?} twice");
        assert_eq!(action.command().action(), Some(*action));
        assert_eq!(action.command().label(), action.label());
    }
    // The palette offers every action but itself.
    assert_eq!(Palette::new().matching().len(), all.len() - 1);
}

#[test]
fn the_palette_finds_an_action_by_typing_and_enter_runs_it() {
    let mut harness = harness(Startup::Sample);
    let meetings = harness.state().document().register().meetings.len();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    assert!(matches!(harness.state().on_top(), Some(OnTop::Palette(_))));
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Run an action")
        .type_text("new meet");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let app = harness.state();
    assert!(app.on_top().is_none(), "the palette closes");
    assert_eq!(app.document().register().meetings.len(), meetings + 1);
    assert_eq!(app.settings().tab, Tab::Meetings);
    let new = app
        .workspace()
        .meetings
        .selected
        .expect("the new meeting is open");
    assert_eq!(
        app.document().register().meeting(new).unwrap().title,
        "New meeting"
    );

    // Escape closes it without running anything.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    assert!(matches!(harness.state().on_top(), Some(OnTop::Palette(_))));
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().on_top().is_none());
    assert_eq!(
        harness.state().document().register().meetings.len(),
        meetings + 1
    );
}

#[test]
fn menu_and_panel_make_the_same_new_records() {
    let mut harness = harness(Startup::Sample);
    run(&mut harness, Command::NewParticipant);
    let from_menu = harness.state().workspace().participants.selected.unwrap();
    let made_by_menu = harness
        .state()
        .document()
        .register()
        .participant(from_menu)
        .cloned();
    harness
        .get_all_by_label("New participant")
        .next()
        .unwrap()
        .click();
    harness.run();
    let from_panel = harness.state().workspace().participants.selected.unwrap();
    assert_ne!(from_menu, from_panel);
    let register = harness.state().document().register();
    assert_eq!(made_by_menu.as_ref(), register.participant(from_panel));
    // The first, left untouched for the second, is not kept.
    assert!(register.participant(from_menu).is_none());
    assert_eq!(
        register.participant(from_panel).unwrap().name,
        "New participant"
    );
}

/// A CSV of the sample's commitments, to import back.
fn commitments_csv(harness: &mut AppHarness, dir: &Path) -> PathBuf {
    let csv = dir.join("commitments.csv");
    crate::app_harness::command(
        harness,
        Command::CsvFile(CsvPurpose::ExportCommitments, csv.clone()),
    );
    assert!(csv.exists());
    csv
}

#[test]
fn with_the_import_review_open_open_and_new_leave_the_register_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved(dir.path(), "coalition.ron", &sample());
    let mut harness = harness(Startup::File(path.clone()));
    let csv = commitments_csv(&mut harness, dir.path());
    run(
        &mut harness,
        Command::CsvFile(CsvPurpose::ImportCommitments, csv.clone()),
    );
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::ImportReview(_))
    ));
    let before = harness.state().document().register().clone();

    for key in [Key::O, Key::N] {
        harness.key_press_modifiers(Modifiers::COMMAND, key);
        harness.run();
        let app = harness.state();
        assert_eq!(app.document().register(), &before, "Ctrl+{key:?}");
        assert_eq!(app.document().path(), Some(path.as_path()));
        assert!(
            matches!(app.on_top(), Some(OnTop::ImportReview(_))),
            "the review stays after Ctrl+{key:?}"
        );
    }
    // Sent by any other way (a menu, the palette), New is held back too.
    run(&mut harness, Command::New);
    assert_eq!(harness.state().document().register(), &before);
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::ImportReview(_))
    ));
    let notice = harness.state().notice().cloned().unwrap();
    assert_eq!(notice.text, "Finish with the import review first");

    // An edit given as a panel's is (the tests' way in) is held back as
    // the window's modal holds back the panels (issue 20).
    let (&id, commitment) = before.commitments.iter().next().expect("a commitment");
    let mut renamed = commitment.clone();
    renamed.title = "Renamed behind the review".into();
    harness
        .state_mut()
        .edit(coalition_desk::edit::Edit::Commitment(id, Some(renamed)));
    harness.run();
    assert_eq!(harness.state().document().register(), &before);
    let notice = harness.state().notice().cloned().unwrap();
    assert!(notice.is_error);
    assert_eq!(notice.text, "Finish with the import review first");
}

#[test]
fn opening_another_file_leaves_nothing_of_the_first_behind() {
    let dir = tempfile::tempdir().unwrap();
    let first = saved(dir.path(), "first.ron", &sample());
    let mut second_register = sample();
    second_register.name = "Second coalition".into();
    let second = saved(dir.path(), "second.ron", &second_register);
    let mut harness = harness(Startup::File(first.clone()));

    // A print preview of a meeting, and a participant selected.
    let meeting: MeetingId = *harness
        .state()
        .document()
        .register()
        .meetings
        .keys()
        .next()
        .unwrap();
    run(&mut harness, Command::SelectParticipant(ParticipantId(1)));
    run(&mut harness, Command::PrintSummary(meeting));
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::PrintPreview(_))
    ));
    harness.get_by_label("Print summary");
    crate::app_harness::open_path(&mut harness, &second);
    harness.run();
    let app = harness.state();
    assert_eq!(app.document().register().name, "Second coalition");
    assert!(app.on_top().is_none(), "the preview went with its register");
    assert!(harness.query_by_label("Print summary").is_none());
    assert_eq!(harness.state().workspace().participants.selected, None);

    // An import review, computed against the second register.
    let csv = commitments_csv(&mut harness, dir.path());
    run(
        &mut harness,
        Command::CsvFile(CsvPurpose::ImportCommitments, csv.clone()),
    );
    assert!(matches!(
        harness.state().on_top(),
        Some(OnTop::ImportReview(_))
    ));
    // The review holds the register it was computed against: the window
    // opens nothing else until it is answered.
    crate::app_harness::open_path(&mut harness, &first);
    assert_eq!(harness.state().document().path(), Some(second.as_path()));
    assert_eq!(
        harness.state().notice().cloned().unwrap().text,
        "Finish with the import review first"
    );
    crate::app_harness::click(&mut harness, "Cancel");
    crate::app_harness::open_path(&mut harness, &first);
    let app = harness.state();
    assert_eq!(app.document().path(), Some(first.as_path()));
    assert!(app.on_top().is_none());
    assert!(harness.query_by_label("Import commitments").is_none());
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn a_commitment_opened_from_search_is_scrolled_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let generated = generate::register(GenerateOptions {
        meetings: 40,
        commitments: 3000,
        seed: 7,
    });
    let (&id, last) = generated.commitments.iter().next_back().unwrap();
    let title = last.title.clone();
    let path = saved(dir.path(), "large.ron", &generated);
    let mut harness = harness(Startup::File(path));
    harness
        .state_mut()
        .command(Command::ShowTab(Tab::Commitments));
    harness.run();
    // A virtualised table lays out only the rows on screen.
    assert!(harness.query_by_label(&title).is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TextInput,
            "Find participants, people, meetings, agenda, decisions, actions, notes, commitments",
        )
        .type_text(&title);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.state().workspace().commitments.selected, Some(id));
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0));
    let row = harness
        .get_all_by_label(&title)
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Label)
        .expect("the commitment's row is laid out");
    let rect = row.rect();
    assert!(screen.contains_rect(rect), "{rect:?} is on screen");
}

#[test]
fn opening_a_commitment_clears_a_filter_that_hides_it() {
    let mut harness = harness(Startup::Sample);
    let register = harness.state().document().register().clone();
    let (&id, commitment) = register.commitments.iter().next().unwrap();
    let other = register
        .participants
        .keys()
        .find(|p| **p != commitment.participant)
        .copied()
        .unwrap();
    let filter = coalition_desk::ui::commitments::CommitmentFilter {
        participant: Some(other),
        ..Default::default()
    };
    run(&mut harness, Command::ShowCommitments(filter));
    assert!(
        !harness
            .state()
            .workspace()
            .commitments
            .visible()
            .contains(&id)
    );
    run(&mut harness, Command::SelectCommitment(id));
    let panel = &harness.state().workspace().commitments;
    assert_eq!(panel.selected, Some(id));
    assert!(panel.visible().contains(&id));
    assert!(panel.filter.is_empty());
}

#[test]
fn today_follows_the_clock_every_frame() {
    let hand: &'static ClockHand = Box::leak(Box::new(ClockHand::new(today())));
    let app = CoalitionDeskApp::with_clock(
        Settings::default(),
        Startup::Sample,
        Clock::Hand(hand),
        OpenOn::ThisThread,
        None,
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    assert_eq!(harness.state().today(), today());
    let midnight_passed = today().succ_opt().unwrap();
    hand.set(midnight_passed);
    harness.run();
    assert_eq!(harness.state().today(), midnight_passed);
}
