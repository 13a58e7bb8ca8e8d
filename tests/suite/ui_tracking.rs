//! Tracking in the window, driven as an officer would: change a status in
//! the editor, click a dashboard bar, search and open a hit.

use crate::common::{State, context, harness, today};
use coalition_desk::model::{CommitmentId, CommitmentStatus};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::commitments::CommitmentsPanel;
use coalition_desk::ui::on_top::OnTop;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The panel alone: its status form applies its own edits, and what it
/// asks of the app is not run here.
fn panel_harness<'a>() -> Harness<'a, State<CommitmentsPanel>> {
    harness(CommitmentsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    })
}

fn app_harness() -> Harness<'static, CoalitionDeskApp> {
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

#[test]
fn change_status_through_the_editor() {
    let mut harness = panel_harness();
    harness.state_mut().panel.selected = Some(CommitmentId(22));
    harness.run();
    // The form offers the next rung up: proposed to pledged.
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    let c = harness.state().doc.register().commitments[&CommitmentId(22)].clone();
    assert_eq!(c.status, CommitmentStatus::Pledged);
    assert_eq!(c.history.len(), 2);
    assert_eq!(c.history[1].date, today());

    // Back to proposed: refused until a reason is given.
    harness.state_mut().panel.status_form.to = CommitmentStatus::Proposed;
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    harness.get_by_label_contains("needs a reason");
    assert_eq!(
        harness.state().doc.register().commitments[&CommitmentId(22)].status,
        CommitmentStatus::Pledged
    );
    let reason = harness.get_by_role_and_label(Role::TextInput, "Reason");
    reason.focus();
    reason.type_text("Announced too early");
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    let c = &harness.state().doc.register().commitments[&CommitmentId(22)];
    assert_eq!(c.status, CommitmentStatus::Proposed);
    assert_eq!(c.history.last().unwrap().note, "Announced too early");
}

#[test]
fn clicking_a_dashboard_bar_filters_the_commitments_table() {
    let mut harness = app_harness();
    harness
        .state_mut()
        .command(Command::ShowTab(Tab::Dashboard));
    harness.run();
    let computed = harness.state().workspace().dashboard.computations();
    harness.run();
    harness.run();
    assert_eq!(
        harness.state().workspace().dashboard.computations(),
        computed,
        "no recompute while nothing changed"
    );
    let (area, centre) = harness
        .state()
        .workspace()
        .dashboard
        .bar_centres
        .iter()
        .find(|(area, _)| area == "Training")
        .cloned()
        .expect("a Training bar");
    harness.hover_at(centre);
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.event(egui::Event::PointerButton {
        pos: centre,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let app = harness.state();
    assert_eq!(app.settings().tab, Tab::Commitments);
    assert_eq!(
        app.workspace().commitments.filter.area.as_deref(),
        Some(area.as_str())
    );
    let visible = app.workspace().commitments.visible();
    assert!(!visible.is_empty());
    let register = app.workspace().document.register();
    assert!(
        visible
            .iter()
            .all(|id| register.commitments[id].area == "Training")
    );
}

#[test]
fn search_then_arrows_and_enter_open_the_hit() {
    let mut harness = app_harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    assert!(matches!(harness.state().on_top(), Some(OnTop::Search)));
    let field = harness.get_by_role_and_label(
        Role::TextInput,
        "Find participants, people, meetings, agenda, decisions, actions, notes, commitments",
    );
    field.type_text("france");
    harness.run();
    harness.get_by_label_contains("Participant  France");
    harness.key_press(Key::Enter);
    harness.run();
    let app = harness.state();
    assert!(app.on_top().is_none());
    assert_eq!(app.settings().tab, Tab::Participants);
    let france = app.workspace().participants.selected.expect("selected");
    assert_eq!(
        app.workspace().document.register().participants[&france].code,
        "FRA"
    );

    // Ctrl+F opens it too; the arrow moves to the second hit.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    assert!(matches!(harness.state().on_top(), Some(OnTop::Search)));
    // A single letter, typed over what the box kept, finds many records.
    let find =
        "Find participants, people, meetings, agenda, decisions, actions, notes, commitments";
    harness.get_by_role_and_label(Role::TextInput, find).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, find)
        .type_text("e");
    harness.run();
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(harness.state().workspace().search.selected, 1);
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.state().on_top().is_none());
}

#[test]
fn dashboard_snapshot() {
    let mut harness = app_harness();
    harness
        .state_mut()
        .command(Command::ShowTab(Tab::Dashboard));
    harness.run();
    harness.run();
    harness.snapshot("dashboard_panel");
}
