//! Totals past the largest decimal: a summary and the dashboard say so in
//! a sentence instead of panicking ("Addition overflowed").

use coalition_desk::model::{CommitmentStatus, MeetingId, Money};
use coalition_desk::report::{self, ReportError, SummaryOptions};
use coalition_desk::sample;
use coalition_desk::tracking::dashboard_figures;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

/// The sample with every commitment firm, announced at the sample meeting
/// and worth 79,228,162,514,264,337,593,543,950,335 EUR: two of them
/// already overflow a total.
fn register_of_huge_values() -> coalition_desk::model::Register {
    let mut register = sample::register().unwrap();
    assert!(register.commitments.len() >= 2);
    for commitment in register.commitments.values_mut() {
        commitment.status = CommitmentStatus::Committed;
        commitment.announced_at = Some(SAMPLE_MEETING);
        commitment.value = Some(Money {
            amount: Decimal::MAX,
            currency: "EUR".into(),
        });
    }
    register
}

#[test]
fn a_summary_whose_totals_overflow_says_so() {
    let register = register_of_huge_values();
    let refused = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        crate::common::today(),
    );
    let Err(error @ ReportError::TotalTooLarge(_)) = refused else {
        panic!("expected the totals refused, got {refused:?}");
    };
    assert!(
        error
            .to_string()
            .contains("add up to more than 79,228,162,514,264,337,593,543,950,335"),
        "{error}"
    );
}

#[test]
fn dashboard_figures_whose_totals_overflow_say_so() {
    let register = register_of_huge_values();
    let error = dashboard_figures(&register, crate::common::today()).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("the largest total that can be counted")
    );
}

#[test]
fn the_dashboard_shows_the_sentence_instead_of_panicking() {
    let settings = Settings {
        tab: Tab::Dashboard,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Sample, crate::common::today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness.state_mut().open_register(register_of_huge_values());
    harness.run();
    harness.get_by_label_contains("the largest total that can be counted");
}
