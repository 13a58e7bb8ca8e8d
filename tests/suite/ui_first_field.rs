//! A new record or a typed-path window takes the officer's first
//! keystrokes: the keyboard is already in its first field.

use crate::app_harness::{click, harness, register};
use coalition_desk::model::ParticipantId;
use coalition_desk::ui::app::Startup;
use coalition_desk::ui::file_dialog::{TypedPathAnswer, typed_path_ui};
use egui_kittest::Harness;

/// Types as the keyboard does, into whatever has focus: no click first.
fn type_keys<S>(harness: &mut Harness<'_, S>, text: &str) {
    harness.event(egui::Event::Text(text.into()));
    harness.run();
}

fn newest_participant(harness: &crate::app_harness::AppHarness) -> ParticipantId {
    let register = register(harness);
    register.participants.keys().copied().max().unwrap()
}

#[test]
fn new_participant_from_the_menu_takes_typing_in_its_name() {
    let mut harness = harness(Startup::Sample);
    // From another tab: the menu brings the participants panel up too.
    click(&mut harness, "Meetings");
    click(&mut harness, "Edit");
    click(&mut harness, "New participant");
    type_keys(&mut harness, "Polska");
    let id = newest_participant(&harness);
    // The placeholder name is replaced, not added to.
    assert_eq!(register(&harness).participant(id).unwrap().name, "Polska");
}

#[test]
fn new_participant_from_the_panel_then_add_person_take_typing() {
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Participants");
    click(&mut harness, "New participant");
    type_keys(&mut harness, "Polska");
    let id = newest_participant(&harness);
    assert_eq!(register(&harness).participant(id).unwrap().name, "Polska");

    click(&mut harness, "Add person");
    type_keys(&mut harness, "Władysław Kosiniak-Kamysz");
    let register = register(&harness);
    let people = register.people_of(id);
    assert_eq!(people.len(), 1);
    assert_eq!(
        register.person(people[0]).unwrap().name,
        "Władysław Kosiniak-Kamysz"
    );
}

#[test]
fn typed_path_window_takes_typing_in_its_field() {
    let mut harness = Harness::new_ui_state(
        |ui, (text, answer): &mut (String, Option<TypedPathAnswer>)| {
            if let Some(a) = typed_path_ui(ui, "Type the path:", "/home/officer", "OK", text) {
                *answer = Some(a);
            }
        },
        (String::new(), None),
    );
    harness.run();
    type_keys(&mut harness, "/tmp/coalition.ron");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let (text, answer) = harness.state();
    assert_eq!(text, "/tmp/coalition.ron");
    assert_eq!(
        *answer,
        Some(TypedPathAnswer::Path("/tmp/coalition.ron".into()))
    );
}

#[test]
fn a_new_agenda_item_decision_or_action_takes_typing_in_its_text() {
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Meetings");
    let meeting = register(&harness).meetings_by_date()[0];
    harness
        .state_mut()
        .command(coalition_desk::ui::Command::SelectMeeting(meeting));
    harness.run();
    for (button, words) in [
        ("Add agenda item", "Air defence for the winter"),
        ("Add decision", "To meet again in January"),
        ("Add action", "Circulate the draft package"),
    ] {
        click(&mut harness, button);
        type_keys(&mut harness, words);
    }
    let register = register(&harness);
    let m = register.meeting(meeting).unwrap();
    assert_eq!(m.agenda.last().unwrap().title, "Air defence for the winter");
    assert_eq!(m.decisions.last().unwrap().text, "To meet again in January");
    assert_eq!(
        m.actions.last().unwrap().text,
        "Circulate the draft package"
    );
}
