//! Marking levels and capability areas: renaming reaches every record that
//! uses the entry, and an entry in use cannot be removed.

use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::{RegisterList, list_entry_uses, rename_list_entry};
use coalition_desk::ui::Outbox;
use coalition_desk::ui::register_settings::RegisterSettingsPanel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A day after everything the sample records.
fn after_the_sample() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()
}

fn sample() -> Document {
    Document::new(coalition_desk::sample::register().unwrap(), Origin::Sample)
}

#[test]
fn renaming_a_marking_renames_it_in_every_record_as_one_step() {
    let mut document = sample();
    let before = document.register().clone();
    let uses = list_entry_uses(&before, RegisterList::Markings, "OFFICIAL");
    assert!(
        uses >= 2,
        "the sample's meeting and commitments are OFFICIAL"
    );
    document
        .apply(rename_list_entry(
            &before,
            RegisterList::Markings,
            "OFFICIAL",
            "UK OFFICIAL",
        ))
        .unwrap();
    let after = document.register();
    assert_eq!(after.markings[0], "UK OFFICIAL");
    assert_eq!(
        list_entry_uses(after, RegisterList::Markings, "UK OFFICIAL"),
        uses
    );
    assert_eq!(
        list_entry_uses(after, RegisterList::Markings, "OFFICIAL"),
        0
    );
    assert!(
        after.validate(after_the_sample()).is_empty(),
        "{:?}",
        after.validate(after_the_sample())
    );
    document.undo();
    assert_eq!(document.register(), &before);
}

#[test]
fn renaming_an_area_leaves_meetings_alone() {
    let register = coalition_desk::sample::register().unwrap();
    let uses = list_entry_uses(&register, RegisterList::CapabilityAreas, "Training");
    assert_eq!(uses, 1);
    let mut document = sample();
    document
        .apply(rename_list_entry(
            &register,
            RegisterList::CapabilityAreas,
            "Training",
            "Training & exercises",
        ))
        .unwrap();
    assert!(document.register().validate(after_the_sample()).is_empty());
    assert_eq!(
        list_entry_uses(
            document.register(),
            RegisterList::CapabilityAreas,
            "Training & exercises"
        ),
        1
    );
}

type State = (Document, RegisterSettingsPanel);

fn harness() -> Harness<'static, State> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .build_ui_state(
            |ui, (document, panel): &mut State| {
                coalition_desk::ui::fonts::install(ui.ctx());
                let mut out = Outbox::default();
                egui::CentralPanel::default().show(ui, |ui| {
                    let context = coalition_desk::ui::PanelContext {
                        register: document.register(),
                        today: crate::common::today(),
                        revision: document.revision(),
                        document: None,
                    };
                    panel.ui(ui, &context, &mut out);
                });
                for edit in out.edits {
                    document.apply(edit).unwrap();
                }
            },
            (sample(), RegisterSettingsPanel::default()),
        )
}

#[test]
fn removing_a_level_in_use_is_refused_and_an_unused_one_goes() {
    let mut harness = harness();
    harness.run();
    // OFFICIAL (first row) is used by the sample; SECRET (third) is not.
    harness.get_all_by_label("Remove").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().0.register().markings.len(), 3);
    assert!(!harness.state().0.is_dirty());
    harness.get_by_label_contains("change them first");

    harness.get_all_by_label("Remove").nth(2).unwrap().click();
    harness.run();
    assert_eq!(
        harness.state().0.register().markings,
        ["OFFICIAL", "OFFICIAL-SENSITIVE"]
    );
}

#[test]
fn adding_an_area_through_the_panel() {
    let mut harness = harness();
    harness.run();
    harness.snapshot("register_panel");
    harness.get_by_label("New capability area").focus();
    harness.run();
    harness
        .get_by_label("New capability area")
        .type_text("Air policing");
    harness.run();
    harness.get_by_label("Add area").click();
    harness.run();
    let areas = &harness.state().0.register().capability_areas;
    assert_eq!(areas.last().map(String::as_str), Some("Air policing"));
    harness.state_mut().0.undo();
    assert!(
        !harness
            .state()
            .0
            .register()
            .capability_areas
            .contains(&"Air policing".to_string())
    );
}

/// Replaces the text of the field labelled `label` as the officer would:
/// select everything, then type.
fn retype(harness: &mut Harness<'static, State>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
#[expect(
    clippy::literal_string_with_formatting_args,
    reason = "reference patterns use braces as format strings do"
)]
fn the_reference_pattern_shows_its_example_and_refuses_unknown_placeholders() {
    let mut harness = harness();
    harness.run();
    // The sample's one meeting is a session of Defence ministers (DM) on
    // 10 April 2025, not numbered, so its month and day stand for the
    // number; the coalition is CoW.
    harness.get_by_label_contains("Example, for the record of the meeting");
    harness
        .get_by_label_contains(": CoW/DM/2025/04-10 (its first revision: CoW/DM/2025/04-10 REV 1)");

    retype(
        &mut harness,
        "Reference pattern",
        "{coalition}/{sereis}/{year}",
    );
    harness.get_by_label_contains(
        "has an unknown placeholder {sereis}: use {coalition}, {series}, {year} or {number}",
    );
    harness.get_by_label_contains("Documents keep the pattern");
    harness.snapshot("register_panel_references");
    assert_eq!(
        harness.state().0.register().reference_pattern,
        "{coalition}/{series}/{year}/{number:02}",
        "a pattern that cannot be used never reaches the register"
    );
    assert!(!harness.state().0.is_dirty());

    retype(
        &mut harness,
        "Reference pattern",
        "{coalition}-{series}-{year}",
    );
    retype(&mut harness, "Coalition short name", "COW");
    harness.get_by_label_contains(": COW-DM-2025 (its first revision: COW-DM-2025 REV 1)");
    let register = harness.state().0.register();
    assert_eq!(register.reference_pattern, "{coalition}-{series}-{year}");
    assert_eq!(register.short_name, "COW");
    assert_eq!(
        register.meeting_reference(coalition_desk::model::MeetingId(11), None),
        Some(Ok("COW-DM-2025".into()))
    );
}
