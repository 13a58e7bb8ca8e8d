//! The meeting editor's agenda, decisions and action items are not laid
//! out while out of view and no screen reader reads the window
//! (`ui/meetings/sections.rs`), and the officer cannot tell: Tab and
//! Shift+Tab reach the same widgets in the same order as in a window tall
//! enough to show every section, an edit shows at once, and a field asked
//! for by a problem still takes the keyboard. With a screen reader every
//! section is laid out, so the reader finds every field by name.

use chrono::NaiveDate;
use coalition_desk::edit::Edit;
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::{Field, MeetingId, MeetingState, Record, Register};
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Command;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app_harness::{command, harness};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

/// A generated coalition (about sixty participants) and its held,
/// unapproved meeting with the most attendance rows, given two agenda
/// items, a decision and an action so every section has fields.
fn coalition() -> (Register, MeetingId) {
    let mut register = register(GenerateOptions {
        meetings: 12,
        commitments: 20,
        seed: 3,
    });
    let id = register
        .meetings
        .iter()
        .filter(|(_, m)| m.state == MeetingState::Held && !m.minutes.is_locked())
        .max_by_key(|(_, m)| m.attendance.len())
        .map(|(id, _)| *id)
        .unwrap();
    let meeting = register.meetings.get_mut(&id).unwrap();
    for title in ["Air defence", "Demining"] {
        meeting.agenda.push(coalition_desk::model::AgendaItem {
            title: title.into(),
            ..Default::default()
        });
    }
    meeting.decisions.push(coalition_desk::model::Decision {
        text: "Pool the demining training".into(),
        ..Default::default()
    });
    (register, id)
}

/// The window as eframe runs it, 1280 wide and `height` tall, without or
/// with a screen reader (AccessKit on).
struct Window {
    ctx: egui::Context,
    app: CoalitionDeskApp,
    events: Vec<Event>,
    height: f32,
    time: f64,
}

impl Window {
    fn new(screen_reader: bool, height: f32) -> Self {
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
            height,
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
                    egui::vec2(1280.0, self.height),
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
            painted.textures_delta.clear();
        }
    }

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

    fn keyboard(&self) -> Option<egui::Id> {
        self.ctx.memory(|m| m.focused())
    }

    fn sections_laid_out(&self) -> usize {
        self.app.workspace().meetings.sections_laid_out()
    }
}

/// The window tall enough to show the whole meeting lays every section
/// out; the ordinary window, at the top of the meeting, none of the three
/// between the attendance and the statement, unless a screen reader
/// reads it.
#[test]
fn sections_out_of_view_are_not_laid_out_without_a_screen_reader() {
    let mut tall = Window::new(false, 12_000.0);
    tall.frames(2);
    assert_eq!(tall.sections_laid_out(), 3, "every section in view");
    // Once the grids in them settled their columns.
    let mut window = Window::new(false, 800.0);
    window.frames(2);
    assert_eq!(
        window.sections_laid_out(),
        0,
        "sixty attendance rows push every section below out of view"
    );
    let mut reading = Window::new(true, 800.0);
    reading.frames(2);
    assert_eq!(reading.sections_laid_out(), 3, "a screen reader's window");
}

/// With a screen reader, every field of the sections out of view is in
/// the tree, and the last attendance row too.
#[test]
fn a_screen_reader_finds_every_field_out_of_view() {
    let (register, meeting) = coalition();
    let last = register.participants_by_name().last().copied().unwrap();
    let last = register.participant_name(last);
    let mut window = harness(Startup::Empty);
    window.state_mut().open_register(register);
    window.run();
    command(&mut window, Command::SelectMeeting(meeting));
    assert!(window.query_by_label(&format!("Note for {last}")).is_some());
    let title = window.get_by_label("Agenda item 2 title");
    let second = window
        .state()
        .document()
        .register()
        .meeting(meeting)
        .unwrap()
        .agenda[1]
        .title
        .clone();
    assert_eq!(title.accesskit_node().value(), Some(second));
    assert!(
        title.rect().top() > 800.0,
        "out of view: {:?}",
        title.rect()
    );
    assert!(window.query_by_label("Decision 1").is_some());
}

/// A problem about the agenda opens the meeting there without a screen
/// reader too: the agenda, out of view, is drawn so the field takes the
/// keyboard, and is scrolled into view.
#[test]
fn a_field_asked_for_out_of_view_takes_the_keyboard() {
    let mut window = Window::new(false, 800.0);
    window.frames(2);
    assert_eq!(window.sections_laid_out(), 0);
    assert_eq!(window.keyboard(), None);
    let meeting = window.app.workspace().meetings.selected.unwrap();
    window.app.command(Command::SelectAt(
        Record::Meeting(meeting),
        Field::Agenda(1),
    ));
    window.frames(6);
    let id = window.keyboard().expect("the asked field has the keyboard");
    let rect = window.ctx.read_response(id).unwrap().rect;
    assert!(rect.top() >= 0.0 && rect.bottom() <= 800.0, "{rect:?}");
}

/// Walks `steps` presses of `key` from `start` presses of Shift+Tab with
/// nothing focused (which goes round to the window's last widget): the
/// same widgets take the keyboard in a window `height` tall as in one
/// tall enough to lay every section out.
fn walk(height: f32, start: usize, (key, modifiers): (Key, Modifiers), steps: usize) {
    for screen_reader in [false, true] {
        let mut tall = Window::new(screen_reader, 12_000.0);
        let mut window = Window::new(screen_reader, height);
        for window in [&mut tall, &mut window] {
            for _ in 0..start {
                window.press(Modifiers::SHIFT, Key::Tab);
            }
        }
        assert!(window.keyboard().is_some());
        assert_eq!(
            window.keyboard(),
            tall.keyboard(),
            "after {start} Shift+Tab"
        );
        for step in 0..steps {
            window.press(modifiers, key);
            tall.press(modifiers, key);
            assert_eq!(
                window.keyboard(),
                tall.keyboard(),
                "after {step} presses of {key:?} (screen reader: {screen_reader})"
            );
        }
    }
}

#[test]
fn shift_tab_walks_up_through_every_section_as_in_a_tall_window() {
    walk(800.0, 1, (Key::Tab, Modifiers::SHIFT), 40);
}

/// In a low window a section's heading, scrolled to the top edge when
/// Shift+Tab reaches it, leaves the whole section above out of view: the
/// frame of the next press lays it out, so its last field is reached.
#[test]
fn shift_tab_walks_up_through_every_section_in_a_low_window() {
    walk(420.0, 1, (Key::Tab, Modifiers::SHIFT), 40);
}

#[test]
fn tab_walks_down_from_the_attendance_into_every_section_as_in_a_tall_window() {
    walk(800.0, 40, (Key::Tab, Modifiers::NONE), 40);
}

/// Agenda items added and retitled while the agenda is out of view (the
/// register changed: every section is measured again): Shift+Tab up from
/// the end meets the new items in order, as in a window tall enough to lay
/// every section out.
#[test]
fn an_edit_to_a_section_out_of_view_shows_at_once() {
    let edited = |register: &Register, id: MeetingId| {
        let mut meeting = register.meeting(id).unwrap().clone();
        meeting.agenda[0].title = "Air and missile defence".into();
        for title in ["Maritime", "Training"] {
            meeting.agenda.push(coalition_desk::model::AgendaItem {
                title: title.into(),
                ..Default::default()
            });
        }
        Edit::Meeting(id, Some(meeting))
    };
    let mut window = Window::new(false, 800.0);
    let mut tall = Window::new(false, 12_000.0);
    for window in [&mut window, &mut tall] {
        let id = window.app.workspace().meetings.selected.unwrap();
        let edit = edited(window.app.document().register(), id);
        window.app.edit(edit);
        window.frames(3);
    }
    assert_eq!(window.sections_laid_out(), 0, "out of view again");
    for step in 0..30 {
        window.press(Modifiers::SHIFT, Key::Tab);
        tall.press(Modifiers::SHIFT, Key::Tab);
        assert_eq!(window.keyboard(), tall.keyboard(), "after {step} Shift+Tab");
    }
}

/// The officer Shift+Tabs into the action items, then scrolls them out of
/// sight with the wheel: the section is still laid out, so its field
/// keeps the keyboard (egui takes it from a widget not drawn).
#[test]
fn a_section_scrolled_out_of_view_keeps_the_keyboard() {
    let mut window = Window::new(false, 800.0);
    for _ in 0..12 {
        window.press(Modifiers::SHIFT, Key::Tab);
    }
    let with_keyboard = window.keyboard().expect("a field has the keyboard");
    window
        .events
        .push(Event::PointerMoved(egui::pos2(900.0, 400.0)));
    window.events.push(Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 5000.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: Modifiers::NONE,
    });
    window.frames(4);
    assert_eq!(window.keyboard(), Some(with_keyboard));
    let rect = window.ctx.read_response(with_keyboard).unwrap().rect;
    assert!(rect.top() > 800.0, "scrolled out of sight: {rect:?}");
    assert!(
        window.sections_laid_out() >= 1,
        "the section holding the keyboard"
    );
    assert!(window.sections_laid_out() < 3, "not the others");
}

/// Agenda items added while the agenda is out of view: the room it takes
/// is measured again at once (the sizes kept are per revision), so the
/// last field below it is where it is in the window with every section
/// laid out (a screen reader's).
#[test]
fn an_edit_out_of_view_moves_what_is_below_at_once() {
    // The last field of the meeting, found as Shift+Tab finds it.
    let mut tall = Window::new(false, 12_000.0);
    tall.press(Modifiers::SHIFT, Key::Tab);
    let last = tall.keyboard().expect("the last field");
    let mut plain = Window::new(false, 800.0);
    let mut reading = Window::new(true, 800.0);
    let top = |window: &Window| window.ctx.read_response(last).unwrap().rect.top();
    plain.frames(2);
    assert_eq!(top(&plain), top(&reading));
    for window in [&mut plain, &mut reading] {
        let id = window.app.workspace().meetings.selected.unwrap();
        let mut meeting = window
            .app
            .document()
            .register()
            .meeting(id)
            .unwrap()
            .clone();
        for title in ["Maritime", "Training", "Logistics"] {
            meeting.agenda.push(coalition_desk::model::AgendaItem {
                title: title.into(),
                ..Default::default()
            });
        }
        window.app.edit(Edit::Meeting(id, Some(meeting)));
        window.frames(4);
    }
    assert_eq!(plain.sections_laid_out(), 0);
    assert_eq!(top(&plain), top(&reading));
}
