//! The dashboard's two charts. A click on a bar opens the commitments
//! table filtered to that area (and to the status of the segment hit).

use egui::Ui;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points};

use crate::model::CommitmentStatus;
use crate::tracking::DashboardFigures;
use crate::ui::commitments::CommitmentFilter;
use crate::ui::{Command, Outbox, theme};

const CHART_HEIGHT: f32 = 240.0;
/// Half a bar's width in plot units: bars sit at whole numbers.
const HALF_BAR: f64 = 0.35;

/// Bars by capability area, stacked by status. Returns where each area's
/// bar was drawn (its centre on screen).
pub fn area_bars_ui(
    ui: &mut Ui,
    figures: &DashboardFigures,
    out: &mut Outbox,
) -> Vec<(String, egui::Pos2)> {
    ui.strong("Commitments by capability area and status");
    ui.weak("Click a bar to list those commitments.");
    let areas: Vec<(&String, &[usize; 6])> = figures.area_by_status.iter().collect();
    let names: Vec<String> = areas.iter().map(|(a, _)| (*a).clone()).collect();
    let mut charts: Vec<BarChart> = Vec::new();
    for (slot, status) in CommitmentStatus::ALL.iter().enumerate() {
        let bars = areas
            .iter()
            .enumerate()
            .map(|(x, (area, counts))| {
                let count = counts.get(slot).copied().unwrap_or(0);
                Bar::new(x as f64, count as f64)
                    .width(HALF_BAR * 2.0)
                    .name(format!("{area}: {}", status.label()))
            })
            .collect();
        let chart = BarChart::new(status.label(), bars)
            .color(theme::commitment_status_colour(*status))
            .width(HALF_BAR * 2.0);
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    let axis_names = names.clone();
    let response = Plot::new("area_bars")
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_grid([false, true])
        .include_y(0.0)
        // Room on the right for the legend, clear of the last bar.
        .include_x(areas.len() as f64 + 0.6)
        .x_axis_formatter(move |mark, _| {
            let index = mark.value.round();
            if (mark.value - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            axis_names.get(index as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        });
    let centres = areas
        .iter()
        .enumerate()
        .map(|(x, (area, counts))| {
            let total: usize = counts.iter().sum();
            let centre = egui_plot::PlotPoint::new(x as f64, total as f64 / 2.0);
            (
                (*area).clone(),
                response.transform.position_from_point(&centre),
            )
        })
        .collect();
    if response.response.clicked()
        && let Some(pos) = response.response.interact_pointer_pos()
    {
        let point = response.transform.value_from_position(pos);
        let index = point.x.round();
        if (point.x - index).abs() <= HALF_BAR
            && index >= 0.0
            && let Some((area, counts)) = areas.get(index as usize)
        {
            let mut filter = CommitmentFilter {
                area: Some((*area).clone()),
                ..CommitmentFilter::default()
            };
            filter.status = segment_at(counts, point.y);
            out.command(Command::ShowCommitments(filter));
        }
    }
    centres
}

/// The status whose segment of a stacked bar covers height `y`.
fn segment_at(counts: &[usize; 6], y: f64) -> Option<CommitmentStatus> {
    let mut top = 0.0;
    for (count, status) in counts.iter().zip(CommitmentStatus::ALL) {
        top += *count as f64;
        if *count > 0 && y <= top {
            return (y >= 0.0).then_some(status);
        }
    }
    None
}

/// Firm commitments accumulated over time, by the date they became firm.
pub fn firm_over_time_ui(ui: &mut Ui, figures: &DashboardFigures) {
    ui.strong("Firm commitments over time");
    if figures.firm_over_time.is_empty() {
        ui.weak("No firm commitments yet.");
        return;
    }
    let markers: Vec<[f64; 2]> = figures
        .firm_over_time
        .iter()
        .map(|p| [days(p.date), p.count as f64])
        .collect();
    let (first, last) = (
        markers.first().map(|p| p[0]).unwrap_or_default(),
        markers.last().map(|p| p[0]).unwrap_or_default(),
    );
    // At least a month either side, so the axis shows dates, not hours.
    let margin = ((last - first) * 0.1).max(30.0);
    Plot::new("firm_over_time")
        .height(CHART_HEIGHT * 0.75)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_x(first - margin)
        .include_x(last + margin)
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() > 1e-6 {
                return String::new();
            }
            date_of(mark.value)
        })
        .show(ui, |plot_ui| {
            let colour = theme::commitment_status_colour(CommitmentStatus::Committed);
            // Points joined in date order; egui_plot draws a vertical step
            // (two points on one date) as a filled wedge, so no steps.
            plot_ui.line(
                Line::new("Firm commitments", PlotPoints::from(markers.clone())).color(colour),
            );
            plot_ui.points(
                Points::new("Firm commitments at each date", PlotPoints::from(markers))
                    .radius(4.0)
                    .color(colour),
            );
        });
}

/// Days since the common era, so dates sit on a plain number line.
fn days(date: chrono::NaiveDate) -> f64 {
    f64::from(chrono::Datelike::num_days_from_ce(&date))
}

fn date_of(value: f64) -> String {
    chrono::NaiveDate::from_num_days_from_ce_opt(value.round() as i32)
        .map(|d| d.to_string())
        .unwrap_or_default()
}
