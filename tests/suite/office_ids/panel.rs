//! The office code on the Register tab: typed, checked, and handed to
//! every record added after it.

use coalition_desk::document::{Document, Origin};
use coalition_desk::new_records;
use coalition_desk::ui::Outbox;
use coalition_desk::ui::register_settings::RegisterSettingsPanel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type State = (Document, RegisterSettingsPanel);

fn harness() -> Harness<'static, State> {
    Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(
            |ui, (document, panel): &mut State| {
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
            (
                Document::new(crate::common::register(), Origin::Sample),
                RegisterSettingsPanel::default(),
            ),
        )
}

fn type_code(harness: &mut Harness<'static, State>, code: &str) {
    harness.get_by_label("Office code").focus();
    harness.run();
    harness.get_by_label("Office code").type_text(code);
    harness.run();
}

#[test]
fn the_office_code_set_on_the_register_tab_starts_every_new_id() {
    let mut harness = harness();
    harness.run();
    harness.get_by_label_contains("New records get ids starting with this code");
    let serial = harness.state().0.register().next_id;
    // Typed in lower case, taken in capitals.
    type_code(&mut harness, "lon");
    assert_eq!(harness.state().0.register().office, "LON");
    harness.get_by_label(&format!("The next new record gets the id LON-{serial}."));
    harness.snapshot("office_code_set");

    let document = &mut harness.state_mut().0;
    let (id, add) = new_records::meeting(document.register(), crate::common::today());
    document.apply(add).unwrap();
    assert!(id.text().starts_with("LON-"), "{}", id.text());
    assert!(document.register().meeting(id).is_some());

    // One undo takes the code back.
    harness.state_mut().0.undo();
    harness.state_mut().0.undo();
    assert_eq!(harness.state().0.register().office, "");
}

#[test]
fn a_code_that_cannot_be_used_is_explained_and_not_applied() {
    let mut harness = harness();
    harness.run();
    type_code(&mut harness, "london");
    assert_eq!(harness.state().0.register().office, "");
    assert!(!harness.state().0.is_dirty());
    harness.get_by_label(
        "The office code \"LONDON\" cannot be used: it has 6 characters, and a code has 2 to 5 \
         (e.g. LON or PAR2). New records keep getting plain numbers until this is put right.",
    );
}
