//! The participants panel driven as an officer would: by labels and clicks.

use crate::common::{FRA, State, context, harness, new_record, today};
use coalition_desk::model::{ParticipantKind, Record};
use coalition_desk::ui::Command;
use coalition_desk::ui::participants::ParticipantsPanel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn panel_harness<'a>() -> Harness<'a, State<ParticipantsPanel>> {
    harness(ParticipantsPanel::default(), |ui, state, out| {
        state.revision = state.doc.revision();
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
        for command in &out.commands {
            if let Some((Record::Participant(id), edit)) =
                new_record(command, state.doc.register(), today())
            {
                out.edits.push(edit);
                state.panel.open(id);
            }
            state.commands.push(command.clone());
        }
    })
}

#[test]
fn new_participant_with_a_person() {
    let mut harness = panel_harness();
    harness.run();
    harness.get_by_label("New participant").click();
    harness.run();
    let id = harness
        .state()
        .panel
        .selected
        .expect("the new one is selected");
    // The new participant is called "New participant" until renamed.
    let name = harness.get_by_label("Name");
    assert_eq!(name.value().as_deref(), Some("New participant"));
    name.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get_by_label("Name").type_text("Polska");
    harness.run();
    let code = harness.get_by_label("Code");
    code.focus();
    code.type_text("POL");
    harness.run();
    let register = harness.state().doc.register();
    let participant = register.participant(id).expect("added");
    assert_eq!(participant.name, "Polska");
    assert_eq!(participant.code, "POL");
    assert_eq!(participant.kind, ParticipantKind::Nation);

    harness.get_by_label("Add person").click();
    harness.run();
    let person_name = harness.get_by_label("Person's name");
    person_name.focus();
    person_name.type_text("Władysław Kosiniak-Kamysz");
    harness.run();
    let register = harness.state().doc.register();
    let people = register.people_of(id);
    assert_eq!(people.len(), 1);
    let person = register.person(people[0]).expect("added");
    assert_eq!(person.name, "Władysław Kosiniak-Kamysz");
    assert_eq!(person.roles.len(), 1);
    assert_eq!(person.roles[0].participant, id);
    assert_eq!(person.roles[0].from, Some(today()));
}

#[test]
fn undo_takes_the_new_participant_away() {
    let mut harness = panel_harness();
    harness.run();
    harness.get_by_label("New participant").click();
    harness.run();
    assert_eq!(harness.state().doc.register().participants.len(), 5);
    harness.state_mut().undo();
    harness.run();
    assert_eq!(harness.state().doc.register().participants.len(), 4);
    assert_eq!(harness.state().panel.selected, None);
}

#[test]
fn selecting_and_deleting_asks_the_app() {
    let mut harness = panel_harness();
    harness.run();
    harness.get_by_label("France").click();
    harness.run();
    assert_eq!(harness.state().panel.selected, Some(FRA));
    harness.get_by_label("Attended 1 meeting · made 1 commitment");
    harness.get_by_label("Delete…").click();
    harness.run();
    assert_eq!(
        harness.state().commands,
        [Command::Delete(Record::Participant(FRA))]
    );
    // The panel asks; it never deletes on its own.
    assert!(harness.state().doc.register().participant(FRA).is_some());
}

#[test]
fn list_filter_narrows_the_list() {
    let mut harness = panel_harness();
    harness.run();
    let filter = harness.get_by_label("Filter");
    filter.focus();
    filter.type_text("gbr");
    harness.run();
    assert!(harness.query_by_label("France").is_none());
    harness.get_by_label("United Kingdom");
}

#[test]
fn snapshot() {
    let mut harness = panel_harness();
    harness.state_mut().panel.selected = Some(FRA);
    harness.run();
    harness.snapshot("participants_panel");
}
