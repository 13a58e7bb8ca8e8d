//! Text pasted from a word processor keeps its words but not its control
//! characters, so the register saved afterwards opens again.

use coalition_desk::model::ParticipantId;
use coalition_desk::storage;
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::app_harness::{click, harness_for, saved_sample};

/// The sample's United Kingdom.
const GBR: ParticipantId = ParticipantId(1);

#[test]
fn a_page_break_pasted_into_a_name_is_saved_as_a_space_and_the_file_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut harness = harness_for(&path);
    click(&mut harness, "United Kingdom");
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .input_mut()
        .events
        .push(Event::Paste("United\u{c}Kingdom\u{b}of GB".to_string()));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(crate::app_harness::save_to(&mut harness, &path));
    drop(harness);

    let reopened = storage::load(&path).expect("the saved register opens again");
    let name = &reopened
        .register
        .participant(GBR)
        .expect("the participant")
        .name;
    assert_eq!(name, "United Kingdom of GB");
}

/// A right-to-left override would make the name read backwards on screen
/// and on paper while the file holds something else: it is dropped, and a
/// line separator becomes a space, so the register saved opens again.
#[test]
fn an_override_pasted_into_a_name_is_dropped_and_the_file_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut harness = harness_for(&path);
    click(&mut harness, "United Kingdom");
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.input_mut().events.push(Event::Paste(
        "United\u{2028}Kingdom \u{202e}BG\u{202c}\u{7f}".to_string(),
    ));
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(crate::app_harness::save_to(&mut harness, &path));
    drop(harness);

    let reopened = storage::load(&path).expect("the saved register opens again");
    let name = &reopened
        .register
        .participant(GBR)
        .expect("the participant")
        .name;
    assert_eq!(name, "United Kingdom BG ");
}

/// A paste longer than a field may hold is cut at the limit by the field,
/// and the officer is told so beside it, not left to wonder why the end
/// is missing (issue 19: limits refused at typing with a sentence).
#[test]
fn a_paste_longer_than_a_name_may_be_is_cut_and_the_field_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut harness = harness_for(&path);
    click(&mut harness, "United Kingdom");
    let says_why = |harness: &egui_kittest::Harness<'_, _>| {
        harness
            .query_by_label_contains("holds at most 500 characters")
            .is_some()
    };
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .focus();
    harness.run();
    assert!(!says_why(&harness), "a short name is not full");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness
        .input_mut()
        .events
        .push(Event::Paste("x".repeat(600)));
    harness.run();
    let name = harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .value()
        .unwrap_or_default();
    assert_eq!(name.chars().count(), 500, "the paste is cut at the limit");
    assert!(says_why(&harness), "the field says why the paste was cut");
}
