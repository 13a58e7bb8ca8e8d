//! The shared widgets as a screen reader meets them: each form widget is
//! found by the label its row shows and says it changed only when its value
//! did; the one typed-path window answers a path, or Cancel.

use std::str::FromStr;

use crate::common::{State, context, harness};
use coalition_desk::model::CommitmentId;
use coalition_desk::ui::commitments::CommitmentsPanel;
use coalition_desk::ui::file_dialog::{TypedPathAnswer, typed_path_ui};
use coalition_desk::ui::widgets::{decimal_ui, form_row};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use rust_decimal::Decimal;

/// A decimal field in a form row, counting the frames it reported a change.
struct Amount {
    value: Decimal,
    changes: usize,
}

fn amount_harness<'a>() -> Harness<'a, Amount> {
    Harness::builder().build_ui_state(
        |ui, amount: &mut Amount| {
            egui::Grid::new("form").show(ui, |ui| {
                let response =
                    form_row(ui, "Value", |ui| decimal_ui(ui, "value", &mut amount.value));
                if response.changed() {
                    amount.changes += 1;
                }
            });
        },
        Amount {
            value: Decimal::ZERO,
            changes: 0,
        },
    )
}

#[test]
fn a_typed_amount_reports_a_change_only_when_it_reads_as_a_number() {
    let mut harness = amount_harness();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Value");
    field.focus();
    field.type_text("12a");
    harness.run();
    assert_eq!(harness.state().value, Decimal::ZERO, "12a is not a number");
    assert_eq!(harness.state().changes, 0, "so nothing changed");
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(harness.state().value, Decimal::from_str("12").unwrap());
    assert_eq!(harness.state().changes, 1);
}

fn editor_harness<'a>() -> Harness<'a, State<CommitmentsPanel>> {
    let mut harness = harness(CommitmentsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    // The missiles: a quantity and a value.
    harness.state_mut().panel.selected = Some(CommitmentId(20));
    harness.run();
    harness
}

#[test]
fn the_commitment_form_names_each_picker_by_its_label() {
    let harness = editor_harness();
    for label in ["Announced at", "Marking"] {
        harness.get_by_role_and_label(Role::ComboBox, label);
    }
    // The filter bar above the table has pickers of the same names.
    for label in ["Participant", "Area", "Route"] {
        let pickers = harness.get_all_by_role_and_label(Role::ComboBox, label);
        assert_eq!(pickers.count(), 2, "the filter's and the form's {label}");
    }
    harness.get_by_role_and_label(Role::TextInput, "Quantity");
    harness.get_by_role_and_label(Role::TextInput, "Unit");
    harness.get_by_role_and_label(Role::TextInput, "Currency");
    // The date is typed in the row's field, which carries it as its value.
    let due = harness.get_by_role_and_label(Role::TextInput, "Due");
    assert_eq!(
        due.accesskit_node().value(),
        Some(due_of_the_missiles(&harness))
    );
}

fn due_of_the_missiles(harness: &Harness<'_, State<CommitmentsPanel>>) -> String {
    let register = harness.state().doc.register();
    let missiles = register.commitment(CommitmentId(20)).unwrap();
    missiles.due.expect("the missiles are due").to_string()
}

/// The typed-path window every file the window reads or writes falls back
/// to when no native dialog can be shown.
struct Typing {
    text: String,
    answer: Option<TypedPathAnswer>,
}

fn typed_path_harness<'a>() -> Harness<'a, Typing> {
    Harness::builder().build_ui_state(
        |ui, typing: &mut Typing| {
            let prompt = "No file dialog is available on this system. Type the full path:";
            if let Some(answer) =
                typed_path_ui(ui, prompt, "/home/officer/x.ron", "OK", &mut typing.text)
            {
                typing.answer = Some(answer);
            }
        },
        Typing {
            text: String::new(),
            answer: None,
        },
    )
}

#[test]
fn the_typed_path_window_answers_the_path_typed_on_enter_and_nothing_while_empty() {
    let mut harness = typed_path_harness();
    harness.run();
    assert!(harness.get_by_label("OK").accesskit_node().is_disabled());
    let field = harness.get_by_role_and_label(
        Role::TextInput,
        "No file dialog is available on this system. Type the full path:",
    );
    field.focus();
    field.type_text("  /tmp/register.ron ");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(
        harness.state().answer,
        Some(TypedPathAnswer::Path("/tmp/register.ron".into()))
    );
}

#[test]
fn the_typed_path_window_can_be_cancelled() {
    let mut harness = typed_path_harness();
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.state().answer, Some(TypedPathAnswer::Cancel));
}
