//! The attendance rows out of view are not laid out when no screen reader
//! reads the window (`ui/meetings/attendance_rows.rs`), and the officer
//! cannot tell: Tab, Shift+Tab and the grid's keys reach the same widgets
//! at the same places as when every row is laid out.
//!
//! egui_kittest always turns AccessKit on, which lays every row out, so
//! these tests drive the app as eframe does (`Context::run_ui` with
//! AccessKit off until a screen reader asks) and compare it with the same
//! window with AccessKit on.

use chrono::NaiveDate;
use coalition_desk::edit::Edit;
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::{MeetingId, MeetingState, ParticipantId, PersonId, Register};
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Command;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app_harness::{AppHarness, command, harness};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

/// A generated coalition (about sixty participants) and its held,
/// unapproved meeting with the most attendance rows.
fn coalition() -> (Register, MeetingId) {
    let register = register(GenerateOptions {
        meetings: 12,
        commitments: 20,
        seed: 3,
    });
    let meeting = register
        .meetings
        .iter()
        .filter(|(_, m)| m.state == MeetingState::Held && !m.minutes.is_locked())
        .max_by_key(|(_, m)| m.attendance.len())
        .map(|(id, _)| *id)
        .unwrap();
    (register, meeting)
}

/// The window as eframe runs it, 1280 × 800, without or with a screen
/// reader (AccessKit on).
struct Window {
    ctx: egui::Context,
    app: CoalitionDeskApp,
    events: Vec<Event>,
    /// Seconds since the window opened, a sixtieth a frame.
    time: f64,
}

impl Window {
    fn new(screen_reader: bool) -> Self {
        let (register, meeting) = coalition();
        let ctx = egui::Context::default();
        if screen_reader {
            ctx.enable_accesskit();
        }
        ctx.all_styles_mut(|style| {
            style.scroll_animation = egui::style::ScrollAnimation::none();
            style.animation_time = 0.0;
        });
        let mut app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Empty, today());
        app.open_register(register);
        app.command(Command::SelectMeeting(meeting));
        let mut window = Window {
            ctx,
            app,
            events: Vec::new(),
            time: 0.0,
        };
        window.frames(3);
        window
    }

    fn frames(&mut self, n: usize) {
        for _ in 0..n {
            let mut input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1280.0, 800.0),
                )),
                events: std::mem::take(&mut self.events),
                time: Some(self.time),
                predicted_dt: 1.0 / 60.0,
                ..Default::default()
            };
            self.time += 1.0 / 60.0;
            input
                .viewports
                .get_mut(&egui::ViewportId::ROOT)
                .unwrap()
                .native_pixels_per_point = Some(1.0);
            let app = &mut self.app;
            let mut painted = self.ctx.run_ui(input, |ui| app.frame_ui(ui));
            // No renderer takes the glyphs' texture here.
            painted.textures_delta.clear();
        }
    }

    fn command(&mut self, command: Command) {
        self.app.command(command);
        self.frames(3);
    }

    /// Presses and releases `key`, then lets the window settle: a widget
    /// that took the keyboard is scrolled into view in the next frame,
    /// shown there in the one after, and its place read from that one.
    fn press(&mut self, modifiers: Modifiers, key: Key) {
        for pressed in [true, false] {
            self.events.push(Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        self.frames(4);
    }

    /// The widget with the keyboard and where it is drawn.
    fn keyboard(&self) -> Option<(egui::Id, egui::Rect)> {
        let id = self.ctx.memory(|m| m.focused())?;
        let rect = self.ctx.read_response(id)?.rect;
        Some((id, rect))
    }

    fn rows_laid_out(&self) -> usize {
        self.app.workspace().meetings.attendance_rows_laid_out()
    }

    fn participants(&self) -> usize {
        self.app.document().register().participants.len()
    }
}

#[test]
fn without_a_screen_reader_only_the_rows_in_view_are_laid_out() {
    let mut plain = Window::new(false);
    let total = plain.participants();
    assert!(total >= 50, "a large coalition: {total} participants");
    let laid_out = plain.rows_laid_out();
    assert!(
        (1..total / 2).contains(&laid_out),
        "{laid_out} of {total} rows laid out with most out of view"
    );
    // Scrolled to the last row by the grid's End, it is laid out and the
    // first rows are not.
    plain.command(Command::RecordAttendance);
    plain.press(Modifiers::NONE, Key::End);
    let (_, rect) = plain.keyboard().expect("the grid has the keyboard");
    assert!(rect.bottom() <= 800.0 && rect.top() >= 0.0, "{rect:?}");
    assert!(plain.rows_laid_out() < total / 2);

    let reading = Window::new(true);
    assert_eq!(
        reading.rows_laid_out(),
        reading.participants(),
        "a screen reader finds every row"
    );
}

/// Walks `steps` presses of `key` from the grid's first row, in the
/// window without and with a screen reader: the same widgets take the
/// keyboard, at the same places, and each is on screen.
fn walk(key: Key, modifiers: Modifiers, from_end: bool, steps: usize) {
    let mut plain = Window::new(false);
    let mut reading = Window::new(true);
    for window in [&mut plain, &mut reading] {
        window.command(Command::RecordAttendance);
        if from_end {
            window.press(Modifiers::NONE, Key::End);
        }
    }
    for step in 0..steps {
        plain.press(modifiers, key);
        reading.press(modifiers, key);
        let shown = plain.keyboard();
        assert_eq!(shown, reading.keyboard(), "after {step} presses of {key:?}");
        let (_, rect) = shown.expect("something has the keyboard");
        assert!(
            rect.top() >= 0.0 && rect.bottom() <= 800.0,
            "after {step} presses of {key:?} the widget with the keyboard is off screen: {rect:?}"
        );
    }
    assert!(
        plain.rows_laid_out() < plain.participants() / 2,
        "the walk laid out {} rows",
        plain.rows_laid_out()
    );
}

#[test]
fn tab_reaches_the_same_widgets_in_the_same_places_down_the_rows() {
    walk(Key::Tab, Modifiers::NONE, false, 60);
}

#[test]
fn shift_tab_reaches_the_same_widgets_in_the_same_places_up_the_rows() {
    walk(Key::Tab, Modifiers::SHIFT, true, 90);
}

#[test]
fn the_grid_keys_move_through_every_row_in_the_same_places() {
    walk(Key::ArrowDown, Modifiers::NONE, false, 70);
}

/// Delegates taken off rows out of view (by an edit the grid did not
/// draw): those rows are laid out afresh, so every row below them is where
/// it would be with every row laid out.
#[test]
fn an_edit_to_rows_out_of_view_keeps_every_row_in_its_place() {
    let mut plain = Window::new(false);
    let mut reading = Window::new(true);
    for window in [&mut plain, &mut reading] {
        window.command(Command::RecordAttendance);
        window.press(Modifiers::NONE, Key::End);
        let register = window.app.document().register();
        let id = window.app.workspace().meetings.selected.unwrap();
        let mut meeting = register.meeting(id).unwrap().clone();
        let middle = register.participants_by_name()[10..40].to_vec();
        for participant in middle {
            if let Some(attendance) = meeting.attendance.get_mut(&participant) {
                attendance.delegates.clear();
                attendance.stand_ins.clear();
            }
        }
        window.app.edit(Edit::Meeting(id, Some(meeting)));
        window.frames(4);
        // Up the grid with the wheel: where the last row (the grid's
        // current one, always laid out) is drawn depends on every row
        // above it.
        window
            .events
            .push(Event::PointerMoved(egui::pos2(900.0, 400.0)));
        window.events.push(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 300.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        window.frames(4);
    }
    assert!(plain.keyboard().is_some(), "the grid keeps the keyboard");
    assert_eq!(plain.keyboard(), reading.keyboard());
}

/// The look changed with nothing in the register changed (here the room
/// between lines; a font loaded late does the same): the rows out of view
/// are measured again, so every row below is where it would be with every
/// row laid out.
#[test]
fn more_room_between_lines_keeps_every_row_in_its_place() {
    let mut plain = Window::new(false);
    let mut reading = Window::new(true);
    for window in [&mut plain, &mut reading] {
        window.command(Command::RecordAttendance);
        window.press(Modifiers::NONE, Key::End);
        window.ctx.all_styles_mut(|style| {
            style.spacing.item_spacing.y += 6.0;
        });
        window.frames(4);
        window
            .events
            .push(Event::PointerMoved(egui::pos2(900.0, 400.0)));
        window.events.push(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, 300.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        window.frames(4);
    }
    assert!(plain.keyboard().is_some(), "the grid keeps the keyboard");
    assert_eq!(plain.keyboard(), reading.keyboard());
    assert!(plain.rows_laid_out() < plain.participants() / 2);
}

/// The officer tabs into a row past the grid's current one, then scrolls
/// it out of sight with the wheel: the row is still laid out, so its
/// widget keeps the keyboard (egui takes it from a widget not drawn).
#[test]
fn a_row_scrolled_out_of_view_keeps_the_keyboard() {
    let mut plain = Window::new(false);
    let mut reading = Window::new(true);
    for window in [&mut plain, &mut reading] {
        window.command(Command::RecordAttendance);
        for _ in 0..30 {
            window.press(Modifiers::NONE, Key::Tab);
        }
        let (with_keyboard, _) = window.keyboard().expect("a row's widget has the keyboard");
        window
            .events
            .push(Event::PointerMoved(egui::pos2(900.0, 400.0)));
        window.events.push(Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -2000.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        window.frames(4);
        let (still, rect) = window.keyboard().expect("the keyboard stayed");
        assert_eq!(still, with_keyboard);
        assert!(rect.bottom() < 0.0, "scrolled out of sight: {rect:?}");
    }
    assert_eq!(plain.keyboard(), reading.keyboard());
    assert!(plain.rows_laid_out() < plain.participants() / 2);
}

/// The rows' order by name is kept per revision: a participant renamed
/// while its meeting is open moves to its new place at once (the window
/// with every row laid out, as a screen reader has it).
#[test]
fn a_participant_renamed_takes_its_new_place_in_the_open_meeting() {
    let (register, meeting) = coalition();
    let first = register.participants_by_name()[0];
    let mut renamed = register.participants[&first].clone();
    renamed.name = "Zzyzx Republic".into();
    let mut window = harness(Startup::Empty);
    window.state_mut().open_register(register);
    window.run();
    command(&mut window, Command::SelectMeeting(meeting));
    // Each row's place down the grid, in the register's order by name.
    let places = |window: &AppHarness| -> Vec<f32> {
        let register = window.state().document().register();
        register
            .participants_by_name()
            .into_iter()
            .map(|p| register.participant_name(p))
            .map(|name| {
                window
                    .get_by_label(&format!("Attendance of {name}"))
                    .rect()
                    .top()
            })
            .collect()
    };
    let in_order = |places: &[f32]| places.windows(2).all(|pair| pair[0] < pair[1]);
    assert!(in_order(&places(&window)));

    window
        .state_mut()
        .edit(Edit::Participant(first, Some(renamed)));
    window.run();
    let name = window.state().document().register().participant_name(first);
    assert_eq!(name, "Zzyzx Republic");
    assert!(
        in_order(&places(&window)),
        "the rows are in the order of the names as they now are"
    );
}

/// The coalition's meeting open in a window with a screen reader, and the
/// first of its rows with a delegate: its participant and that delegate.
fn a_row_with_a_delegate() -> (AppHarness, ParticipantId, PersonId) {
    let (register, meeting) = coalition();
    let (participant, person) = register.meetings[&meeting]
        .attendance
        .iter()
        .find_map(|(participant, a)| Some((*participant, *a.delegates.first()?)))
        .expect("a row with a delegate");
    let mut window = harness(Startup::Empty);
    window.state_mut().open_register(register);
    window.run();
    command(&mut window, Command::SelectMeeting(meeting));
    (window, participant, person)
}

/// What each row says is kept per revision: a delegate renamed while the
/// meeting is open is read under the new name at once, on its chip and on
/// its × button, by a screen reader as on screen.
#[test]
fn a_delegate_renamed_is_read_under_the_new_name_at_once() {
    let (mut window, participant, person) = a_row_with_a_delegate();
    let register = window.state().document().register();
    let name = register.participant_name(participant);
    let before = register.person_name(person);
    let mut renamed = register.people[&person].clone();
    renamed.name = "Ingrid Vasquez-Holm".into();
    let remove = |who: &str| format!("Remove {who} from {name}'s delegates");
    assert!(window.query_by_label(&remove(&before)).is_some());

    window.state_mut().edit(Edit::Person(person, Some(renamed)));
    window.run();
    assert!(window.query_by_label(&remove(&before)).is_none());
    assert!(
        window
            .query_by_label(&remove("Ingrid Vasquez-Holm"))
            .is_some()
    );
    assert!(window.query_by_label("Ingrid Vasquez-Holm").is_some());
}

/// A row's "+" buttons and a delegate's × tell a screen reader what they
/// do without being hovered (`ui/repeated.rs` describes them itself), and
/// show it as a tooltip once hovered.
#[test]
fn a_rows_buttons_are_described_and_show_their_hint_when_hovered() {
    let (mut window, participant, person) = a_row_with_a_delegate();
    let register = window.state().document().register();
    let name = register.participant_name(participant);
    let who = register.person_name(person);
    let description = |window: &AppHarness, label: &str| {
        window.get_by_label(label).accesskit_node().description()
    };
    let add = format!("Add delegate for {name}");
    let add_hint = format!("Add a delegate for {name}");
    assert_eq!(description(&window, &add), Some(add_hint.clone()));
    assert_eq!(
        description(&window, &format!("New delegate for {name}")),
        Some(format!(
            "Add someone the register does not know yet as a delegate for {name}"
        ))
    );
    let remove = format!("Remove {who} from {name}'s delegates");
    assert_eq!(description(&window, &remove), Some(remove.clone()));

    assert!(window.query_by_label(&add_hint).is_none(), "no tooltip yet");
    window.get_by_label(&add).hover();
    window.run();
    window.get_by_label(&add_hint);
}
