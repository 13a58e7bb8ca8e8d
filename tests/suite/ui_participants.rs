//! The participants panel driven as an officer would: by labels and clicks.

use crate::app_harness::{AppHarness, harness_for};
use crate::common::{FRA, State, context, harness};
use coalition_desk::model::{ParticipantKind, Record};
use coalition_desk::ui::Command;
use coalition_desk::ui::participants::ParticipantsPanel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The panel alone, its commands kept rather than run.
fn panel_harness<'a>() -> Harness<'a, State<ParticipantsPanel>> {
    harness(ParticipantsPanel::default(), |ui, state, out| {
        state.revision = state.doc.revision();
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
        state.commands.extend(out.commands.iter().cloned());
    })
}

/// The whole window with the small register open: New runs as the app
/// runs it.
fn window() -> (tempfile::TempDir, AppHarness) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    coalition_desk::storage::save(&path, &crate::common::register(), None).unwrap();
    let harness = harness_for(&path);
    (dir, harness)
}

#[test]
fn new_participant_with_a_person() {
    let (_dir, mut harness) = window();
    harness.get_by_label("New participant").click();
    harness.run();
    let id = harness
        .state()
        .workspace()
        .participants
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
    let register = harness.state().document().register();
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
    let register = harness.state().document().register();
    let people = register.people_of(id);
    assert_eq!(people.len(), 1);
    let person = register.person(people[0]).expect("added");
    assert_eq!(person.name, "Władysław Kosiniak-Kamysz");
    assert_eq!(person.roles.len(), 1);
    assert_eq!(person.roles[0].participant, id);
    assert_eq!(person.roles[0].from, Some(crate::app_harness::today()));
}

#[test]
fn undo_takes_the_new_participant_away() {
    let (_dir, mut harness) = window();
    harness.get_by_label("New participant").click();
    harness.run();
    let participants = |h: &AppHarness| h.state().document().register().participants.len();
    assert_eq!(participants(&harness), 5);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(participants(&harness), 4);
    assert_eq!(harness.state().workspace().participants.selected, None);
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

/// The nation sheet names the holder of the office marked as heading the
/// delegation; the officer marks it on the role, in the window.
#[test]
fn a_role_is_marked_as_heading_the_delegation() {
    let (_dir, mut harness) = window();
    crate::app_harness::command(&mut harness, Command::SelectParticipant(FRA));
    harness.run();
    let heads = |harness: &AppHarness| {
        let register = harness.state().document().register();
        register
            .people
            .values()
            .flat_map(|person| &person.roles)
            .filter(|role| role.participant == FRA && role.head_of_delegation)
            .count()
    };
    assert_eq!(heads(&harness), 0);
    harness.get_by_label("Heads the delegation").click();
    harness.run();
    assert_eq!(heads(&harness), 1);
    harness.get_by_label("Heads the delegation").click();
    harness.run();
    assert_eq!(heads(&harness), 0);
}
