//! Looking never edits: visiting every tab and opening one record of each
//! kind (participant, person, meeting and its print preview, commitment,
//! series) leaves the register clean, with nothing to undo. Series whose
//! cadence is written in a form the editor would write differently (a
//! date-only UNTIL, `+2TH`, an interval past the editor's range) stay as
//! they are written.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use coalition_desk::model::{OccurrenceChange, Register, SeriesException, SeriesId, SessionSeries};
use coalition_desk::storage;
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::on_top::OnTop;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type AppHarness = Harness<'static, CoalitionDeskApp>;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn harness(startup: Startup) -> AppHarness {
    let app = CoalitionDeskApp::with_settings(Settings::default(), startup, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

#[track_caller]
fn assert_clean(harness: &AppHarness, after: &str) {
    let document = &harness.state().workspace().document;
    assert!(!document.is_dirty(), "{after} marked the register unsaved");
    assert!(
        !document.can_undo(),
        "{after} put a change on the undo stack"
    );
}

fn show(harness: &mut AppHarness, tab: Tab) {
    let key = match tab {
        Tab::Participants => Key::Num1,
        Tab::Meetings => Key::Num2,
        Tab::Commitments => Key::Num3,
        Tab::Timeline => Key::Num4,
        Tab::Dashboard => Key::Num5,
        Tab::Register => Key::Num6,
    };
    harness.key_press_modifiers(Modifiers::COMMAND, key);
    harness.run();
    assert_eq!(harness.state().settings().tab, tab);
}

fn click(harness: &mut AppHarness, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Runs a command as a menu or a click in a list would.
fn command(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

#[test]
fn visiting_every_tab_and_opening_one_record_of_each_kind_leaves_the_sample_clean() {
    let mut harness = harness(Startup::Sample);
    assert_clean(&harness, "opening the sample");
    for tab in Tab::all() {
        show(&mut harness, tab);
        assert_clean(&harness, &format!("showing the {} tab", tab.label()));
    }

    show(&mut harness, Tab::Participants);
    click(&mut harness, "United Kingdom");
    assert!(harness.state().workspace().participants.selected.is_some());
    // The participant's people are edited beside it: John Healey's record.
    let person = harness.get_by_label("Person's name");
    assert_eq!(person.value().as_deref(), Some("John Healey MP"));
    assert_clean(&harness, "opening a participant and its person");

    show(&mut harness, Tab::Meetings);
    click(&mut harness, "Coalition of the Willing — Defence ministers");
    let meeting = harness
        .state()
        .workspace()
        .meetings
        .selected
        .expect("a meeting is open");
    assert_clean(&harness, "opening a meeting");
    click(&mut harness, "Print summary…");
    assert!(
        matches!(harness.state().on_top(), Some(OnTop::PrintPreview(_))),
        "the preview is open"
    );
    assert_clean(&harness, "opening the print preview");
    harness.key_press(Key::Escape);
    harness.run();
    command(&mut harness, Command::PrintAttendance(SeriesId(9)));
    assert_clean(&harness, "opening the attendance preview");
    harness.get_by_label("Close window").click();
    harness.run();
    assert_eq!(harness.state().workspace().meetings.selected, Some(meeting));

    let commitment = *harness
        .state()
        .workspace()
        .document
        .register()
        .commitments
        .keys()
        .next()
        .unwrap();
    command(&mut harness, Command::SelectCommitment(commitment));
    assert_eq!(harness.state().settings().tab, Tab::Commitments);
    assert_eq!(
        harness.state().workspace().commitments.selected,
        Some(commitment)
    );
    assert_clean(&harness, "opening a commitment");

    show(&mut harness, Tab::Timeline);
    click(&mut harness, "Defence ministers");
    assert!(harness.state().workspace().timeline.series.is_some());
    assert_clean(&harness, "opening a series");

    show(&mut harness, Tab::Dashboard);
    show(&mut harness, Tab::Register);
    assert_clean(&harness, "the second round of tabs");
}

fn series(name: &str, cadence: &str, exceptions: Vec<SeriesException>) -> SessionSeries {
    SessionSeries {
        name: name.into(),
        cadence: cadence.into(),
        first: NaiveDate::from_ymd_opt(2025, 1, 9),
        start: NaiveTime::from_hms_opt(10, 0, 0),
        end: NaiveTime::from_hms_opt(12, 0, 0),
        time_zone: Tz::Europe__London,
        exceptions,
        ..SessionSeries::default()
    }
}

#[test]
fn selecting_a_series_keeps_its_cadence_as_written() {
    let cadences = [
        ("Defence ministers", "FREQ=MONTHLY;BYDAY=2TH;UNTIL=20251231"),
        ("Chiefs of Defence", "FREQ=MONTHLY;BYDAY=+2TH;WKST=SU"),
        ("Capability leads", "FREQ=WEEKLY;INTERVAL=60"),
        ("Legal advisers", "FREQ=MONTHLY;BYMONTHDAY=-2;COUNT=1500"),
        ("Old editor's", "FREQ=WEEKLY;UNTIL=20251231T235959Z"),
        ("Hand-typed", "FREQ=YEARLY;BYMONTH=3;BYDAY=2TH"),
    ];
    let mut register = Register::new("Coalition of the Willing");
    for (n, (name, cadence)) in cadences.iter().enumerate() {
        let exceptions = vec![SeriesException {
            occurrence: NaiveDate::from_ymd_opt(2025, 7, 10).unwrap(),
            change: OccurrenceChange::MovedTo(NaiveDate::from_ymd_opt(2025, 7, 11).unwrap()),
        }];
        register
            .series
            .insert(SeriesId(n as u64 + 1), series(name, cadence, exceptions));
    }
    register.next_id = 10;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    storage::save_with(&path, &register, storage::Overwrite::Anything).unwrap();
    let mut harness = harness(Startup::File(path));
    assert_clean(&harness, "opening the register");
    show(&mut harness, Tab::Timeline);
    for (name, cadence) in cadences {
        click(&mut harness, name);
        // A few more frames: an edit made while drawing shows on the next.
        harness.run();
        assert_clean(&harness, &format!("selecting the series \"{name}\""));
        let kept = harness
            .state()
            .workspace()
            .document
            .register()
            .series
            .values()
            .find(|s| s.name == name)
            .map(|s| s.cadence.clone());
        assert_eq!(kept.as_deref(), Some(cadence));
    }
}

#[test]
fn the_print_preview_builds_its_data_once_per_change() {
    let mut harness = harness(Startup::Sample);
    let meeting = harness
        .state()
        .workspace()
        .document
        .register()
        .meetings_by_date()[0];
    command(&mut harness, Command::PrintSummary(meeting));
    let built = |harness: &AppHarness| match harness.state().on_top() {
        Some(OnTop::PrintPreview(preview)) => preview.computations(),
        _ => panic!("the preview is open"),
    };
    for _ in 0..5 {
        harness.run();
    }
    assert_eq!(built(&harness), 1, "frames alone rebuild nothing");
    harness
        .get_by_role_and_label(egui::accesskit::Role::CheckBox, "Agenda")
        .click();
    harness.run();
    assert_eq!(built(&harness), 2, "another option, another summary");
    let register = harness.state().workspace().document.register().clone();
    let mut renamed = register.clone();
    renamed.name = "Coalition of the Willing (renamed)".into();
    let edit = coalition_desk::edit::replace_register(&register, renamed);
    harness.state_mut().edit(edit);
    harness.run();
    assert_eq!(built(&harness), 3, "an edit rebuilds it");
}
