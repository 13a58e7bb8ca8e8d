//! The dashboard as the officer sees it: counts on whole numbers, a
//! legend of only the statuses drawn, status colours that stand out in
//! both themes, figures that can be copied, and its image at a small and a
//! large window, light and dark.

use crate::common::today;
use coalition_desk::model::CommitmentStatus;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::dashboard::axes;
use coalition_desk::ui::theme::{self, Theme};
use egui::Color32;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_plot::{GridInput, GridMark};

fn dashboard(size: (f32, f32), theme: Theme) -> Harness<'static, CoalitionDeskApp> {
    let settings = Settings {
        theme,
        tab: Tab::Dashboard,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Sample, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(size.0, size.1))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    // Plot axes size themselves from the frame before.
    harness.run();
    harness
}

#[test]
fn count_axes_are_whole_numbers() {
    // One commitment on a 300-point axis: egui_plot's own marks would be
    // 0.1 … 0.9; ours are 0 and 1 only.
    let input = GridInput {
        bounds: (-0.05, 1.05),
        base_step_size: 1.1 / 300.0 * f64::from(axes::GRID_SPACING.min),
    };
    let values: Vec<f64> = axes::count_marks(&input, 40.0)
        .iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(values, vec![0.0, 1.0]);
    // 450 commitments on the same axis: steps of 100, never fractions.
    let input = GridInput {
        bounds: (0.0, 450.0),
        base_step_size: 450.0 / 300.0 * f64::from(axes::GRID_SPACING.min),
    };
    let values: Vec<f64> = axes::count_marks(&input, 40.0)
        .iter()
        .map(|m| m.value)
        .collect();
    assert_eq!(values, vec![0.0, 100.0, 200.0, 300.0, 400.0]);
    let half = GridMark {
        value: 0.5,
        step_size: 1.0,
    };
    assert_eq!(axes::count_label(half), "");
}

#[test]
fn date_axis_marks_months_its_labels_apart() {
    // 2025-03-27 … 2025-06-15 on 300 points: a mark on each first of the
    // month, labelled with month and year.
    let start = axes::days(chrono::NaiveDate::from_ymd_opt(2025, 3, 27).unwrap());
    let end = axes::days(chrono::NaiveDate::from_ymd_opt(2025, 6, 15).unwrap());
    let input = GridInput {
        bounds: (start, end),
        base_step_size: (end - start) / 300.0 * f64::from(axes::GRID_SPACING.min),
    };
    let labels: Vec<String> = axes::date_marks(&input, 100.0)
        .into_iter()
        .map(axes::date_label)
        .collect();
    assert_eq!(labels, vec!["Apr 2025", "May 2025", "Jun 2025"]);
}

#[test]
fn the_legend_lists_only_the_statuses_drawn() {
    let harness = dashboard((1280.0, 800.0), Theme::Light);
    // The sample: funding committed, maritime proposed, training pledged;
    // nothing in delivery, delivered or withdrawn.
    assert_eq!(
        harness.state().workspace().dashboard.legend,
        vec![
            CommitmentStatus::Proposed,
            CommitmentStatus::Pledged,
            CommitmentStatus::Committed,
        ]
    );
    let register = harness.state().workspace().document.register();
    assert_eq!(register.commitments.len(), 3);
}

#[test]
fn status_colours_stand_out_in_both_themes() {
    fn luminance(colour: Color32) -> f32 {
        let linear = egui::Rgba::from(colour);
        0.2126 * linear.r() + 0.7152 * linear.g() + 0.0722 * linear.b()
    }
    fn contrast(a: Color32, b: Color32) -> f32 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }
    for visuals in [Theme::Light.visuals(), Theme::Dark.visuals()] {
        for background in [visuals.panel_fill, visuals.extreme_bg_color] {
            for status in CommitmentStatus::ALL {
                let colour = theme::commitment_status_colour(status, &visuals);
                assert!(
                    contrast(colour, background) >= 3.0,
                    "{} on {background:?}: {:.2}",
                    status.label(),
                    contrast(colour, background)
                );
            }
        }
    }
    // In each theme every status its own colour; proposed and withdrawn
    // far apart.
    for visuals in [Theme::Light.visuals(), Theme::Dark.visuals()] {
        let colours: Vec<Color32> = CommitmentStatus::ALL
            .iter()
            .map(|s| theme::commitment_status_colour(*s, &visuals))
            .collect();
        for (i, a) in colours.iter().enumerate() {
            for b in colours.iter().skip(i + 1) {
                assert_ne!(a, b);
            }
        }
        let proposed = theme::commitment_status_colour(CommitmentStatus::Proposed, &visuals);
        let withdrawn = theme::commitment_status_colour(CommitmentStatus::Withdrawn, &visuals);
        let distance = [
            proposed.r().abs_diff(withdrawn.r()),
            proposed.g().abs_diff(withdrawn.g()),
            proposed.b().abs_diff(withdrawn.b()),
        ]
        .into_iter()
        .max()
        .unwrap();
        assert!(distance >= 100, "proposed and withdrawn look alike");
    }
}

#[test]
fn copy_figures_puts_a_table_on_the_clipboard() {
    let mut harness = dashboard((1280.0, 800.0), Theme::Light);
    harness
        .get_by_role_and_label(Role::Button, "Copy figures")
        .click();
    let mut copied = None;
    for _ in 0..3 {
        harness.step();
        copied = copied.or_else(|| {
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .find_map(|command| match command {
                    egui::OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                })
        });
    }
    let text = copied.expect("the figures were copied");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Group\tName\tFirm commitments\tAnnounced commitments\tFirm EUR\tAnnounced EUR"
    );
    assert_eq!(
        lines[1],
        "Overall\tAll participants\t1\t2\t250000000.00\t0.00"
    );
    assert!(lines.contains(&"Capability area\tFunding\t1\t0\t250000000.00\t0.00"));
    assert!(lines.contains(&"Status\tCommitments\tEUR"));
    assert!(lines.contains(&"Proposed\t1\t0.00"));
    harness.run();
    harness.get_by_label_contains("Copied");
}

#[test]
fn snapshot_1024_light() {
    dashboard((1024.0, 700.0), Theme::Light).snapshot("dashboard_1024_light");
}

#[test]
fn snapshot_1024_dark() {
    dashboard((1024.0, 700.0), Theme::Dark).snapshot("dashboard_1024_dark");
}

#[test]
fn snapshot_1920_light() {
    dashboard((1920.0, 1080.0), Theme::Light).snapshot("dashboard_1920_light");
}

#[test]
fn snapshot_1920_dark() {
    dashboard((1920.0, 1080.0), Theme::Dark).snapshot("dashboard_1920_dark");
}

#[test]
fn fifteen_areas_at_1024_keep_their_names_apart() {
    let mut harness = dashboard((1024.0, 700.0), Theme::Light);
    let register = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 24,
        commitments: 400,
        seed: 7,
    });
    harness.state_mut().open_register(register);
    harness.run();
    harness.run();
    let centres = &harness.state().workspace().dashboard.bar_centres;
    assert!(centres.len() >= 10, "{} areas", centres.len());
    // One row per area: bars (and so their names) are a row apart.
    for pair in centres.windows(2) {
        assert!(pair[1].1.y - pair[0].1.y >= 30.0, "{pair:?}");
    }
    harness.snapshot("dashboard_1024_many_areas");
}

#[test]
fn a_large_register_draws_what_is_in_view_not_every_line() {
    // Ten years of 2,000 sessions put several on each pixel of the
    // firm-over-time chart: one dashed line per session was some 40,000
    // dash shapes a frame; lines that touch are now one band of the same
    // dashes. And "since last session" beside it lists thousands of
    // changes, of which only the lines in view are drawn.
    let mut harness = dashboard((1280.0, 800.0), Theme::Light);
    let register = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 2_000,
        commitments: 20_000,
        seed: 1,
    });
    harness.state_mut().open_register(register);
    harness.run();
    harness.run();
    let shapes = harness.output().shapes.len();
    assert!(shapes < 12_000, "{shapes} shapes in one dashboard frame");
    let listed: usize = harness
        .query_all_by_role(Role::Label)
        .filter_map(|node| {
            let label = node.accesskit_node().value()?;
            let count = label.strip_suffix(')')?.rsplit_once(" (")?.1;
            [
                "New commitments",
                "Status changes",
                "Deliveries",
                "Became overdue",
            ]
            .iter()
            .any(|section| label.starts_with(section))
            .then(|| count.parse::<usize>().ok())?
        })
        .sum();
    let links = harness.query_all_by_role(Role::Link).count();
    assert!(listed > 100, "{listed} changes listed");
    assert!(links < 60, "{links} links drawn of {listed}");
}
