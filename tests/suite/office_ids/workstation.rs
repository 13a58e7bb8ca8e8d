//! A workstation remembers the office it keeps a copy for, and says so
//! when it opens a copy that names another office (as a git pull that
//! fast-forwards brings the partner's code along).

use coalition_desk::edit::Edit;
use coalition_desk::storage;
use coalition_desk::ui::app::Startup;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{click, harness, harness_for, saved_sample};

fn notice(harness: &crate::app_harness::AppHarness) -> String {
    harness
        .state()
        .notice()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

#[test]
fn setting_the_office_code_is_remembered_and_another_offices_copy_is_named_on_opening() {
    let dir = tempfile::tempdir().unwrap();
    let paris = saved_sample(dir.path());
    let mut register = storage::load(&paris).unwrap().register;
    coalition_desk::edit::apply(&mut register, Edit::SetOffice("PAR".into()));
    storage::save(&paris, &register, None).unwrap();

    // London's workstation: the code typed on the Register tab.
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Register");
    harness.get_by_label("Office code").focus();
    harness.run();
    harness.get_by_label("Office code").type_text("LON");
    harness.run();
    assert_eq!(harness.state().settings().office, "LON");

    let settings = harness.state().settings().clone();
    drop(harness);
    let app = coalition_desk::ui::CoalitionDeskApp::with_settings(
        settings,
        Startup::File(paris.clone()),
        crate::app_harness::today(),
    );
    let mut opened = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(
            |ui, app: &mut coalition_desk::ui::CoalitionDeskApp| app.frame_ui(ui),
            app,
        );
    opened.run();
    let said = notice(&opened);
    assert!(
        said.contains(
            "this copy names PAR as its office, but this workstation last kept LON's copy: new \
             records get PAR ids; if this is LON's copy, set LON on the Register tab"
        ),
        "{said}"
    );

    // A workstation that never named an office says nothing of it.
    drop(opened);
    let plain = harness_for(&paris);
    assert!(
        !notice(&plain).contains("as its office"),
        "{}",
        notice(&plain)
    );
}
