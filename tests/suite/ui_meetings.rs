//! The meetings panel driven as the officer would: by clicking and typing
//! on widgets found by their labels.

// A failed lookup should stop the test where it happened.

use chrono::NaiveDate;
use coalition_desk::model::{
    AttendanceStatus, MeetingId, Participant, ParticipantId, ParticipantKind, Person, PersonId,
    Register, Role,
};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui::accesskit::Role as A11yRole;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const UKRAINE: ParticipantId = ParticipantId(2);
const MINISTER: PersonId = PersonId(3);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 4, 10).unwrap()
}

fn register() -> Register {
    let mut register = Register::new("Coalition");
    register.participants.insert(
        ParticipantId(1),
        Participant {
            name: "United Kingdom".into(),
            code: "GBR".into(),
            kind: ParticipantKind::Nation,
            ..Default::default()
        },
    );
    register.participants.insert(
        UKRAINE,
        Participant {
            name: "Україна".into(),
            code: "UKR".into(),
            kind: ParticipantKind::Nation,
            ..Default::default()
        },
    );
    register.people.insert(
        MINISTER,
        Person {
            name: "Olena Kovalenko".into(),
            roles: vec![Role {
                title: "Minister of Defence".into(),
                participant: UKRAINE,
                from: NaiveDate::from_ymd_opt(2024, 1, 1),
                to: None,
                head_of_delegation: false,
            }],
            ..Default::default()
        },
    );
    register.next_id = 4;
    register
}

type State = CoalitionDeskApp;

/// The whole window on the Meetings tab with the small register open, so
/// every New and every delegate added runs as the app runs it.
fn harness() -> Harness<'static, State> {
    let settings = Settings {
        tab: Tab::Meetings,
        ..Settings::default()
    };
    let mut app = CoalitionDeskApp::with_settings(settings, Startup::Empty, today());
    app.open_register(register());
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut State| app.frame_ui(ui), app)
}

fn selected(harness: &Harness<'_, State>) -> Option<MeetingId> {
    harness.state().workspace().meetings.selected
}

fn register_of<'h>(harness: &'h Harness<'_, State>) -> &'h Register {
    harness.state().document().register()
}

/// Undo as the menu gives it: true when it took a step back.
fn undo(harness: &mut Harness<'_, State>) -> bool {
    let before = harness.state().document().revision();
    harness.state_mut().command(Command::Undo);
    harness.run();
    harness.state().document().revision() != before
}

fn click(harness: &mut Harness<'_, State>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

#[test]
fn new_meeting_then_edit_then_undo() {
    let mut harness = harness();
    click(&mut harness, "New meeting");
    let id = MeetingId(4);
    assert_eq!(selected(&harness), Some(id));
    let meeting = |h: &Harness<'_, State>| register_of(h).meeting(id).cloned();
    let created = meeting(&harness).expect("the new meeting exists");
    assert_eq!(created.title, "New meeting");
    assert_eq!(created.date, today());
    assert_eq!(created.marking, "OFFICIAL");

    let title = harness.get_by_role_and_label(A11yRole::TextInput, "Title");
    title.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(A11yRole::TextInput, "Title")
        .type_text("Defence ministers");
    harness.run();
    assert_eq!(meeting(&harness).unwrap().title, "Defence ministers");
    // Leave the field so later clicks are not typed into it.
    harness.key_press(egui::Key::Escape);
    harness.run();

    // Attendance is recorded once the session is held.
    crate::common::set_meeting_state(&mut harness, "Held");
    click(&mut harness, "Attendance of Україна");
    click(&mut harness, "Present");
    let attendance = meeting(&harness).unwrap().attendance;
    assert_eq!(attendance[&UKRAINE].status, AttendanceStatus::Present);
    assert!(!attendance.contains_key(&ParticipantId(1)));

    click(&mut harness, "Add delegate for Україна");
    click(&mut harness, "Olena Kovalenko, Minister of Defence");
    assert_eq!(
        meeting(&harness).unwrap().attendance[&UKRAINE].delegates,
        vec![MINISTER]
    );

    click(&mut harness, "Add agenda item");
    assert_eq!(meeting(&harness).unwrap().agenda.len(), 1);
    click(&mut harness, "Add action");
    assert_eq!(meeting(&harness).unwrap().actions.len(), 1);

    // Each click was one edit, so one undo takes back exactly the action.
    assert!(undo(&mut harness));
    harness.run();
    let after_undo = meeting(&harness).unwrap();
    assert!(after_undo.actions.is_empty());
    assert_eq!(after_undo.agenda.len(), 1);

    // Undoing everything removes the meeting, and the panel lets it go.
    while undo(&mut harness) {}
    harness.run();
    assert!(register_of(&harness).meetings.is_empty());
    assert_eq!(selected(&harness), None);
}

#[test]
fn snapshot_of_a_recorded_meeting() {
    let mut harness = harness();
    click(&mut harness, "New meeting");
    // Attendance is recorded once the session is held.
    crate::common::set_meeting_state(&mut harness, "Held");
    click(&mut harness, "Attendance of Україна");
    click(&mut harness, "Present");
    click(&mut harness, "Add delegate for Україна");
    click(&mut harness, "Olena Kovalenko, Minister of Defence");
    click(&mut harness, "Add agenda item");
    click(&mut harness, "Add action");
    // Scroll the editor back to the top for a stable picture.
    harness
        .get_by_role_and_label(A11yRole::TextInput, "Title")
        .scroll_to_me();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("meetings_panel");
}

#[test]
fn a_delegate_new_to_the_register_is_typed_on_the_row_and_seated() {
    let mut harness = harness();
    click(&mut harness, "New meeting");
    crate::common::set_meeting_state(&mut harness, "Held");
    click(&mut harness, "Attendance of Україна");
    click(&mut harness, "Present");
    click(&mut harness, "New delegate for Україна");
    // The name field has the keyboard as soon as the box opens.
    harness.event(egui::Event::Text("Taras Shevchuk".into()));
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.event(egui::Event::Text("Ambassador".into()));
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("meeting_new_delegate");
    harness.key_press(egui::Key::Enter);
    harness.run();

    let register = register_of(&harness).clone();
    let (&person, taras) = register
        .people
        .iter()
        .find(|(_, p)| p.name == "Taras Shevchuk")
        .expect("the delegate is in the register");
    assert_eq!(taras.roles[0].title, "Ambassador");
    assert_eq!(taras.roles[0].participant, UKRAINE);
    assert_eq!(taras.roles[0].from, Some(today()));
    let meeting = register.meeting(MeetingId(4)).unwrap();
    assert_eq!(meeting.attendance[&UKRAINE].delegates, vec![person]);
    // The box closed: its fields are gone.
    assert!(harness.query_by_label("Name of the new delegate").is_none());
    // One undo takes back both the person and the seat.
    assert!(undo(&mut harness));
    harness.run();
    let register = register_of(&harness);
    assert!(register.people.values().all(|p| p.name != "Taras Shevchuk"));
    assert!(
        register.meeting(MeetingId(4)).unwrap().attendance[&UKRAINE]
            .delegates
            .is_empty()
    );
}
