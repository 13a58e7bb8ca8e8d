//! The timeline panel driven headlessly: zoom and pan with the wheel and
//! pinch, keys, a click that opens the meeting, and an image snapshot on
//! the sample register.

use chrono::NaiveDate;
use coalition_desk::calendar::timeline::{Mark, day_number};
use coalition_desk::model::MeetingId;
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui::{Event, Modifiers, MouseWheelUnit, PointerButton, Pos2, TouchPhase, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The sample's only meeting (10 April 2025, no start time: drawn at noon).
const SAMPLE_MEETING: MeetingId = MeetingId(11);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

fn harness() -> Harness<'static, CoalitionDeskApp> {
    let settings = Settings {
        tab: Tab::Timeline,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        // Smooth scrolling and the tooltip's fade take a few frames.
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

fn meeting_position(harness: &Harness<'_, CoalitionDeskApp>) -> Pos2 {
    let day = day_number(NaiveDate::from_ymd_opt(2025, 4, 10).unwrap()) + 0.5;
    // Lanes go by series name: "Chiefs of Defence planning", then
    // "Defence ministers", which holds the sample meeting.
    let [x, y] = harness
        .state()
        .workspace()
        .timeline
        .view
        .mark_position(day, 1)
        .unwrap();
    pos2(x, y)
}

fn wheel(
    harness: &mut Harness<'_, CoalitionDeskApp>,
    at: Pos2,
    delta: egui::Vec2,
    modifiers: Modifiers,
) {
    harness.event(Event::PointerMoved(at));
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta,
        phase: TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers,
    });
    harness.run();
}

#[test]
fn ctrl_scroll_and_pinch_zoom_around_the_pointer_and_scroll_pans() {
    let mut harness = harness();
    let axis =
        |h: &Harness<'_, CoalitionDeskApp>| h.state().workspace().timeline.view.axis.unwrap();
    let before = axis(&harness);
    let at = meeting_position(&harness);
    let day_under = before.day_at(f64::from(
        at.x - harness.state().workspace().timeline.view.plot_origin[0],
    ));

    wheel(&mut harness, at, vec2(0.0, 120.0), Modifiers::COMMAND);
    let zoomed = axis(&harness);
    assert!(
        zoomed.px_per_day > before.px_per_day * 1.05,
        "Ctrl+scroll up zooms in"
    );
    let left = harness.state().workspace().timeline.view.plot_origin[0];
    let still = zoomed.day_at(f64::from(at.x - left));
    assert!(
        (still - day_under).abs() < 0.5,
        "the day under the pointer stays: {still} vs {day_under}"
    );
    // Zooming in around the meeting keeps it under the pointer.
    assert!((meeting_position(&harness).x - at.x).abs() < 2.0);

    harness.event(Event::Zoom(0.5));
    harness.run();
    assert!(
        axis(&harness).px_per_day < zoomed.px_per_day,
        "pinching out zooms out"
    );

    let origin = axis(&harness).origin;
    wheel(&mut harness, at, vec2(0.0, -200.0), Modifiers::NONE);
    assert!(
        axis(&harness).origin > origin,
        "scrolling moves on through time"
    );

    let origin = axis(&harness).origin;
    harness.drag_at(at);
    harness.run();
    harness.event(Event::PointerMoved(at + vec2(150.0, 0.0)));
    harness.run();
    harness.drop_at(at + vec2(150.0, 0.0));
    harness.run();
    assert!(
        axis(&harness).origin < origin,
        "dragging right shows earlier days"
    );
}

#[test]
fn fit_all_and_today_buttons_move_the_view() {
    let mut harness = harness();
    harness.get_by_label("Zoom in").click();
    harness.run();
    harness.get_by_label("Today").click();
    harness.run();
    let view = &harness.state().workspace().timeline.view;
    let centre = view.axis.unwrap().day_at(view.width / 2.0);
    assert!(
        (centre - (day_number(today()) + 0.5)).abs() < 1.0,
        "today in the middle"
    );
    harness.get_by_label("Fit all").click();
    harness.run();
    let at = meeting_position(&harness);
    assert!(
        at.x > harness.state().workspace().timeline.view.plot_origin[0],
        "the meeting is on screen"
    );
}

#[test]
fn a_click_opens_the_meeting_and_keys_walk_and_open() {
    let mut harness = harness();
    let at = meeting_position(&harness);
    harness.event(Event::PointerMoved(at));
    harness.run();
    assert!(
        harness.query_by_label_contains("attending").is_some(),
        "hovering shows the tooltip"
    );
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    let app = harness.state();
    assert_eq!(app.settings().tab, Tab::Meetings);
    assert_eq!(app.workspace().meetings.selected, Some(SAMPLE_MEETING));
    assert_eq!(
        app.workspace().timeline.view.selected,
        Some(Mark::Meeting(SAMPLE_MEETING))
    );

    // The same register anew: nothing selected in any panel.
    let register = harness.state().document().register().clone();
    harness.state_mut().open_register(register);
    harness.state_mut().command(Command::ShowTab(Tab::Timeline));
    harness.run();
    harness.key_press(egui::Key::ArrowRight);
    harness.run();
    assert_eq!(
        harness.state().workspace().timeline.view.selected,
        Some(Mark::Meeting(SAMPLE_MEETING))
    );
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(harness.state().settings().tab, Tab::Meetings);
    assert_eq!(
        harness.state().workspace().meetings.selected,
        Some(SAMPLE_MEETING)
    );
}

#[test]
fn timeline_snapshot_on_the_sample_register() {
    let mut harness = harness();
    harness.run();
    harness.snapshot("timeline_panel");
}

#[test]
fn new_series_then_schedule_this_session_creates_the_meeting() {
    let settings = Settings {
        tab: Tab::Timeline,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Empty, today());
    let mut harness = Harness::builder()
        .with_size(vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness.get_by_label("New series").click();
    harness.run();
    let register = harness.state().workspace().document.register();
    assert_eq!(register.series.len(), 1);
    let series = register.series.values().next().unwrap();
    // Today is Sunday 1 June 2025: the 1st Sunday of the month.
    assert_eq!(series.cadence, "FREQ=MONTHLY;BYDAY=1SU");
    harness
        .get_all_by_label("Schedule this session")
        .next()
        .unwrap()
        .click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.workspace().document.register().meetings.len(), 1);
    let (id, meeting) = app
        .workspace()
        .document
        .register()
        .meetings
        .iter()
        .next()
        .unwrap();
    assert_eq!(meeting.date, today());
    assert_eq!(meeting.number, Some(1));
    assert_eq!(app.settings().tab, Tab::Meetings);
    assert_eq!(app.workspace().meetings.selected, Some(*id));
}

/// Issue 20: the toolbar's "Schedule this session" is a command the app
/// runs as it runs every New: the meeting is made, shown and selected. It
/// is kept when the officer goes back to the timeline (its day was chosen
/// there, so it is not an untouched New made by mistake), where it is
/// the selected session, and one Undo takes it back.
#[test]
fn schedule_this_session_makes_the_meeting_one_undo_takes_back() {
    let mut harness = harness();
    // The sample's series publish no cadence: one meets monthly here.
    let mut before = coalition_desk::sample::register().unwrap();
    let series = before.series.values_mut().next().expect("a series");
    series.cadence = "FREQ=MONTHLY;BYDAY=1TH".into();
    series.first = NaiveDate::from_ymd_opt(2025, 4, 3);
    harness.state_mut().open_register(before.clone());
    harness.state_mut().command(Command::ShowTab(Tab::Timeline));
    harness.run();
    // The arrows walk the sessions in date order, past the sample's
    // meeting to the first session its series project.
    let mut series = None;
    for _ in 0..10 {
        harness.key_press(egui::Key::ArrowRight);
        harness.run();
        if let Some(Mark::Projected(projected, _)) =
            harness.state().workspace().timeline.view.selected
        {
            series = Some(projected);
            break;
        }
    }
    let series = series.expect("a projected session");
    harness.get_by_label("Schedule this session").click();
    harness.run();

    let app = harness.state();
    let made: Vec<_> = app
        .document()
        .register()
        .meetings
        .iter()
        .filter(|(id, _)| !before.meetings.contains_key(id))
        .collect();
    let &[(&id, meeting)] = made.as_slice() else {
        panic!("one meeting made: {made:?}");
    };
    assert_eq!(meeting.series, Some(series));
    assert_eq!(app.settings().tab, Tab::Meetings);
    assert_eq!(app.workspace().meetings.selected, Some(id));

    harness.state_mut().command(Command::ShowTab(Tab::Timeline));
    harness.run();
    let app = harness.state();
    assert!(
        app.document().register().meetings.contains_key(&id),
        "kept when the officer goes back to the timeline"
    );
    assert_eq!(
        app.workspace().timeline.view.selected,
        Some(Mark::Meeting(id))
    );
    harness.get_by_label("Open meeting");

    harness.state_mut().command(Command::Undo);
    harness.run();
    let document = harness.state().document();
    assert_eq!(document.register().meetings, before.meetings);
    assert_eq!(
        document.undo_label(),
        None,
        "one step, and nothing before it"
    );
    assert!(!document.is_dirty());
}
