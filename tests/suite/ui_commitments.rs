//! The commitments panel driven as an officer would: by labels and clicks.

use crate::common::{State, context, harness, today};
use coalition_desk::model::{CommitmentId, CommitmentStatus};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::commitments::CommitmentsPanel;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The panel alone, for what it does by itself (sorting, filtering, the
/// status form); what it asks of the app is not run here.
fn panel_harness<'a>() -> Harness<'a, State<CommitmentsPanel>> {
    harness(CommitmentsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    })
}

/// The whole window on the same small register, on the Commitments tab:
/// New commitment runs as the app runs it.
fn window() -> Harness<'static, CoalitionDeskApp> {
    let mut app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Empty, today());
    app.open_register(crate::common::register());
    app.command(Command::ShowTab(Tab::Commitments));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

#[test]
fn new_commitment_gets_a_typed_title() {
    let mut harness = window();
    harness.get_by_label("New commitment").click();
    harness.run();
    let id = harness
        .state()
        .workspace()
        .commitments
        .selected
        .expect("the new one is selected");
    // The app puts the keyboard in its first field, the participant.
    assert_eq!(
        crate::keyboard::focused(&harness).as_deref(),
        Some("Participant")
    );
    // The table's "Title" header is a button; the editor's field is the text input.
    let title = harness.get_by_role_and_label(Role::TextInput, "Title");
    assert_eq!(title.value().as_deref(), Some("New commitment"));
    title.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Maritime patrol boats");
    harness.run();
    let register = harness.state().document().register();
    let commitment = register.commitment(id).expect("added");
    assert_eq!(commitment.title, "Maritime patrol boats");
    assert_eq!(commitment.status, CommitmentStatus::Proposed);
    assert_eq!(commitment.history.len(), 1);
    assert_eq!(commitment.history[0].date, today());
    assert_eq!(commitment.history[0].note, "Created in Coalition Desk");
    assert_eq!(commitment.marking, "OFFICIAL");
    assert_eq!(commitment.area, "Air");
    assert!(
        harness
            .state()
            .workspace()
            .commitments
            .visible()
            .contains(&id)
    );
    harness.get_by_label("5 of 5 commitments");
}

#[test]
fn moving_the_status_records_history() {
    let mut harness = panel_harness();
    harness.state_mut().panel.selected = Some(CommitmentId(22));
    harness.run();
    // The status moves through the editor's "Change status" form.
    harness
        .get_by_role_and_label(Role::ComboBox, "New status")
        .click();
    harness.run();
    harness.get_by_label("Committed").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    let commitment = harness
        .state()
        .doc
        .register()
        .commitment(CommitmentId(22))
        .expect("still there")
        .clone();
    assert_eq!(commitment.status, CommitmentStatus::Committed);
    assert_eq!(commitment.history.len(), 2);
    assert_eq!(commitment.history[1].status, CommitmentStatus::Committed);
    assert_eq!(commitment.history[1].date, today());
}

#[test]
fn header_click_sorts_and_flips() {
    let mut harness = panel_harness();
    harness.run();
    let ids = |h: &Harness<'_, State<CommitmentsPanel>>| h.state().panel.visible().to_vec();
    assert_eq!(ids(&harness), [20, 21, 22, 23].map(CommitmentId));
    harness.get_by_role_and_label(Role::Button, "Value").click();
    harness.run();
    // No value sorts first; then 125 M, 350 M, 1.6 bn.
    assert_eq!(ids(&harness), [23, 21, 22, 20].map(CommitmentId));
    harness
        .get_by_role_and_label(Role::Button, "Value ▲")
        .click();
    harness.run();
    assert_eq!(ids(&harness), [20, 22, 21, 23].map(CommitmentId));
    harness.get_by_role_and_label(Role::Button, "Value ▼");
    harness
        .get_by_role_and_label(Role::Button, "Status")
        .click();
    harness.run();
    assert_eq!(ids(&harness), [22, 20, 21, 23].map(CommitmentId));
}

#[test]
fn free_text_filter_narrows_the_table() {
    let mut harness = panel_harness();
    harness.run();
    harness.get_by_label("4 of 4 commitments");
    let filter = harness.get_by_label("Filter");
    filter.focus();
    filter.type_text("france");
    harness.run();
    assert_eq!(harness.state().panel.visible(), [CommitmentId(21)]);
    harness.get_by_label("1 of 4 commitments");
    harness.get_by_label("Clear filters").click();
    harness.run();
    harness.get_by_label("4 of 4 commitments");
}

#[test]
fn undo_takes_the_new_commitment_away() {
    let mut harness = window();
    harness.get_by_label("New commitment").click();
    harness.run();
    let commitments = |harness: &Harness<'static, CoalitionDeskApp>| {
        harness.state().document().register().commitments.len()
    };
    assert_eq!(commitments(&harness), 5);
    harness.state_mut().command(Command::Undo);
    harness.run();
    assert_eq!(commitments(&harness), 4);
    let panel = &harness.state().workspace().commitments;
    assert_eq!(panel.selected, None);
    assert_eq!(panel.visible().len(), 4);
    harness.get_by_label("4 of 4 commitments");
}

#[test]
fn snapshot() {
    let mut harness = panel_harness();
    harness.state_mut().panel.selected = Some(CommitmentId(20));
    harness.run();
    harness.snapshot("commitments_panel");
}

/// The whole window on a generated register, its commitments shown
/// through `filter`.
fn window_with_commitments(
    filter: coalition_desk::ui::commitments::CommitmentFilter,
) -> Harness<'static, coalition_desk::ui::app::CoalitionDeskApp> {
    use coalition_desk::generate::{GenerateOptions, register};
    use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
    let mut app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Empty, today());
    app.open_register(register(GenerateOptions {
        meetings: 20,
        commitments: 600,
        seed: 3,
    }));
    app.command(Command::ShowCommitments(filter));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run_steps(3);
    harness
}

/// Gives commitment number `n` (in id order) `title`, or deletes it.
fn edit_commitment(
    harness: &mut Harness<'static, coalition_desk::ui::app::CoalitionDeskApp>,
    n: usize,
    title: Option<&str>,
) {
    let app = harness.state_mut();
    let register = app.document().register();
    let Some((&id, commitment)) = register.commitments.iter().nth(n) else {
        panic!("no commitment number {n}");
    };
    let changed = title.map(|title| {
        let mut changed = commitment.clone();
        changed.title = title.into();
        changed
    });
    app.edit(coalition_desk::edit::Edit::Commitment(id, changed));
    harness.run_steps(2);
}

/// The table's rows against every commitment filtered afresh.
fn assert_rows_as_filtered(
    harness: &Harness<'static, coalition_desk::ui::app::CoalitionDeskApp>,
    filter: &coalition_desk::ui::commitments::CommitmentFilter,
) {
    let app = harness.state();
    let expected = filter.matching(app.document().register(), today());
    assert_eq!(app.workspace().commitments.visible(), expected.as_slice());
}

#[test]
fn an_edit_brings_the_rows_up_to_date_without_filtering_every_commitment() {
    let filter = coalition_desk::ui::commitments::CommitmentFilter {
        text: "marked".into(),
        ..Default::default()
    };
    let mut harness = window_with_commitments(filter.clone());
    assert_eq!(harness.state().workspace().commitments.visible(), &[]);
    let full = harness.state().workspace().commitments.full_filters();
    // Comes into the table, at its place in id order.
    edit_commitment(&mut harness, 300, Some("Marked drones"));
    edit_commitment(&mut harness, 10, Some("Marked shells"));
    edit_commitment(&mut harness, 500, Some("Marked radars"));
    assert_eq!(harness.state().workspace().commitments.visible().len(), 3);
    assert_rows_as_filtered(&harness, &filter);
    // Leaves it when it no longer matches, or is deleted.
    edit_commitment(&mut harness, 300, Some("Drones"));
    assert_rows_as_filtered(&harness, &filter);
    edit_commitment(&mut harness, 10, None);
    assert_rows_as_filtered(&harness, &filter);
    assert_eq!(harness.state().workspace().commitments.visible().len(), 1);
    // Undo puts the deleted one back.
    harness.state_mut().command(Command::Undo);
    harness.run_steps(2);
    assert_rows_as_filtered(&harness, &filter);
    assert_eq!(harness.state().workspace().commitments.visible().len(), 2);
    assert_eq!(
        harness.state().workspace().commitments.full_filters(),
        full,
        "an edit of one commitment filtered all of them again"
    );
}
