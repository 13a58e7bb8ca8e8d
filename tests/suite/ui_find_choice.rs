//! Choosing by typing: every long picker finds its entry from typed
//! letters, case and accents aside; ↑/↓ move, Enter chooses, Escape
//! closes and changes nothing, and the keyboard goes back to the picker.

use crate::common::{FRA, GBR, State, UKR, context, harness, register};
use crate::keyboard::{press, type_keys};
use coalition_desk::model::{ActionItem, ActionOwner, ParticipantId, PersonId, Register};
use coalition_desk::ui::find_choice::{Choice, found};
use coalition_desk::ui::meetings::MeetingsPanel;
use coalition_desk::ui::widgets::participant_ui;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn labels(choices: &[Choice<u8>], typed: &str) -> Vec<String> {
    found(choices, typed)
        .into_iter()
        .map(|i| choices[i].label.clone())
        .collect()
}

#[test]
fn typed_letters_find_entries_without_case_or_accents_best_first() {
    let names = [
        "Federal Republic of Somewhere",
        "Côte d’Ivoire",
        "Sofra Islands",
        "France",
        "Władysław Kosiniak-Kamysz",
        "United Kingdom",
    ];
    let mut choices: Vec<_> = (0u8..)
        .zip(names)
        .map(|(i, name)| Choice::new(i, name))
        .collect();
    choices[5] = Choice::new(5, "United Kingdom").also("GBR");
    // Starts with it, then a word starting with it, then anywhere.
    assert_eq!(labels(&choices, "fra"), ["France", "Sofra Islands"]);
    assert_eq!(
        labels(&choices, "re"),
        ["Federal Republic of Somewhere", "Côte d’Ivoire"]
    );
    assert_eq!(labels(&choices, "COTE D'"), ["Côte d’Ivoire"]);
    assert_eq!(labels(&choices, "wladyslaw"), ["Władysław Kosiniak-Kamysz"]);
    // A participant's code finds it without being shown.
    assert_eq!(labels(&choices, "gbr"), ["United Kingdom"]);
    assert_eq!(labels(&choices, "  "), names);
    assert!(labels(&choices, "xyz").is_empty());
}

/// A participant picker alone, as every form shows one.
fn picker() -> Harness<'static, Option<ParticipantId>> {
    let register = register();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(600.0, 500.0))
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(
            move |ui, value: &mut Option<ParticipantId>| {
                ui.label("Before");
                let label = ui.label("Participant");
                participant_ui(ui, "picker", &register, value, true).labelled_by(label.id);
            },
            Some(GBR),
        );
    harness.run();
    harness
}

fn picker_has_keyboard(harness: &Harness<'_, Option<ParticipantId>>) -> bool {
    harness
        .get_by_role_and_label(Role::ComboBox, "Participant")
        .is_focused()
}

#[test]
fn typing_on_a_picker_opens_it_found_and_enter_chooses() {
    let mut harness = picker();
    press(&mut harness, Key::Tab);
    assert!(picker_has_keyboard(&harness));
    type_keys(&mut harness, "fr");
    // The list is open with the letters in its find field.
    let field = harness.get_by_label("Type to find");
    assert_eq!(field.value().as_deref(), Some("fr"));
    assert!(field.is_focused());
    type_keys(&mut harness, "a");
    press(&mut harness, Key::Enter);
    assert_eq!(*harness.state(), Some(FRA));
    assert!(harness.query_by_label("Type to find").is_none(), "closed");
    assert!(picker_has_keyboard(&harness), "the keyboard is back on it");
}

#[test]
fn space_opens_the_list_arrows_move_escape_changes_nothing() {
    let mut harness = picker();
    press(&mut harness, Key::Tab);
    press(&mut harness, Key::Space);
    assert!(harness.get_by_label("Type to find").is_focused());
    // Moved in the list, Escape still leaves the choice alone.
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Escape);
    assert_eq!(*harness.state(), Some(GBR));
    assert!(harness.query_by_label("Type to find").is_none(), "closed");
    assert!(picker_has_keyboard(&harness));

    // Reopened, Down then Enter takes the entry after the current one.
    let register = register();
    let order: Vec<Option<ParticipantId>> = std::iter::once(None)
        .chain(register.participants_by_name().into_iter().map(Some))
        .collect();
    let at = order.iter().position(|p| *p == Some(GBR)).unwrap();
    press(&mut harness, Key::Enter);
    press(&mut harness, Key::ArrowDown);
    press(&mut harness, Key::Enter);
    assert_eq!(*harness.state(), order[(at + 1).min(order.len() - 1)]);
}

#[test]
fn typing_what_matches_nothing_says_so_and_enter_keeps_the_value() {
    let mut harness = picker();
    press(&mut harness, Key::Tab);
    type_keys(&mut harness, "zzz");
    assert!(harness.query_by_label("Nothing matches “zzz”").is_some());
    press(&mut harness, Key::Enter);
    assert_eq!(*harness.state(), Some(GBR));
    // Cyrillic is found as typed.
    press(&mut harness, Key::Escape);
    type_keys(&mut harness, "укр");
    press(&mut harness, Key::Enter);
    assert_eq!(*harness.state(), Some(UKR));
}

/// The meetings panel on the small register, its meeting holding one
/// action with no owner yet.
fn meeting_with_an_action() -> Harness<'static, State<MeetingsPanel>> {
    let mut harness = harness(MeetingsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    let mut register: Register = harness.state().doc.register().clone();
    let meeting = register
        .meetings
        .get_mut(&crate::common::MINISTERS)
        .unwrap();
    meeting.actions.push(ActionItem {
        text: "Send the demining figures".into(),
        ..ActionItem::default()
    });
    harness.state_mut().doc = coalition_desk::document::Document::new(
        register,
        coalition_desk::document::Origin::Untitled,
    );
    harness.state_mut().panel.open(crate::common::MINISTERS);
    harness.run();
    harness
}

fn owner(harness: &Harness<'_, State<MeetingsPanel>>) -> Option<ActionOwner> {
    harness.state().doc.register().meetings[&crate::common::MINISTERS].actions[0].owner
}

#[test]
fn an_actions_owner_is_found_by_typing_a_participant_a_person_or_the_secretariat() {
    let mut harness = meeting_with_an_action();
    let picker = || Role::ComboBox;
    for (typed, expected) in [
        ("fran", ActionOwner::Participant(FRA)),
        ("sebastien", ActionOwner::Person(PersonId(5))),
        ("secr", ActionOwner::Secretariat),
        ("GBR", ActionOwner::Participant(GBR)),
    ] {
        let node = harness.get_by_role_and_label(picker(), "Owner of action 1");
        node.focus();
        harness.run();
        type_keys(&mut harness, typed);
        press(&mut harness, Key::Enter);
        assert_eq!(owner(&harness), Some(expected), "typed {typed:?}");
    }
}

/// A picker whose list is made by a closure that counts how often it ran.
fn counting_picker() -> Harness<'static, (Option<ParticipantId>, usize)> {
    let register = register();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(600.0, 500.0))
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(
            move |ui, (value, made): &mut (Option<ParticipantId>, usize)| {
                let label = ui.label("Participant");
                let choices = || {
                    *made += 1;
                    coalition_desk::ui::widgets::participant_choices(&register)
                        .into_iter()
                        .map(|c| Choice::new(Some(c.value), c.label).also(c.also))
                        .collect()
                };
                let shown = format!("{value:?}");
                coalition_desk::ui::find_choice::find_choice_ui(
                    ui, "counted", shown, value, choices, None,
                )
                .labelled_by(label.id);
            },
            (None, 0),
        );
    harness.run();
    harness
}

#[test]
fn a_closed_picker_makes_no_list_and_an_open_one_chooses_from_it() {
    let mut harness = counting_picker();
    harness.run_steps(5);
    // A meeting editor of a large register holds dozens of pickers: their
    // lists (2,000 meetings, 420 people) were made every frame, unseen.
    assert_eq!(harness.state().1, 0, "the closed picker made its list");
    press(&mut harness, Key::Tab);
    type_keys(&mut harness, "fra");
    assert!(harness.state().1 > 0, "the open picker made no list");
    press(&mut harness, Key::Enter);
    assert_eq!(harness.state().0, Some(FRA));
    let made = harness.state().1;
    harness.run_steps(5);
    assert_eq!(harness.state().1, made, "the list was made after it closed");
}
