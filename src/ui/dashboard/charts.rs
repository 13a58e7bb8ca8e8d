//! The dashboard's two charts. Areas are bars lying down, their names on
//! the left, so a long name ("Air & missile defence") never runs into the
//! next at any window width. A click on a bar opens the commitments table
//! filtered to that area (and to the status of the segment hit).

use egui::{Stroke, Ui};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoint, PlotPoints, Points};

use super::axes::{self, GRID_SPACING, Swatch};
use super::session_lines::SessionLines;
use crate::model::CommitmentStatus;
use crate::tracking::DashboardFigures;
use crate::ui::commitments::CommitmentFilter;
use crate::ui::{Command, Outbox, theme};

/// Height of one area's row: enough that egui_plot paints its name at
/// full strength (it fades labels closer than 30 points).
const ROW_HEIGHT: f32 = 34.0;
/// Room for the count axis and its title below the bars.
const AXIS_HEIGHT: f32 = 46.0;
const LINE_CHART_HEIGHT: f32 = 200.0;
/// Half a bar's thickness in plot units: bars sit at whole numbers.
const HALF_BAR: f64 = 0.35;
/// Least gap between labels on a count axis and a date axis, in points.
const COUNT_GAP: f32 = 40.0;
const DATE_GAP: f32 = 100.0;

/// What the area chart drew, for the panel to keep (tests click a bar as
/// the officer would, and check the legend).
#[derive(Default)]
pub struct AreaBarsDrawn {
    /// Each area's bar, its centre on screen.
    pub centres: Vec<(String, egui::Pos2)>,
    /// The statuses in the legend: those with at least one commitment.
    pub legend: Vec<CommitmentStatus>,
}

/// The statuses that appear in at least one area's bar, up the ladder.
pub fn statuses_drawn(figures: &DashboardFigures) -> Vec<CommitmentStatus> {
    CommitmentStatus::ALL
        .iter()
        .enumerate()
        .filter(|(slot, _)| {
            figures
                .area_by_status
                .values()
                .any(|counts| counts.get(*slot).is_some_and(|n| *n > 0))
        })
        .map(|(_, status)| *status)
        .collect()
}

/// A chart `height` high that stays as drawn: no dragging, zooming or
/// hover coordinates, so the page scrolls over it and the axes always
/// show the whole register.
fn still_plot<'a>(id: &str, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
}

/// One bar chart per status drawn, each stacked on the ones before it,
/// with a bar per area (row 0 at the top).
fn stacked_bars(
    areas: &[(&String, &[usize; 6])],
    legend: &[CommitmentStatus],
    separator: Stroke,
    visuals: &egui::Visuals,
) -> Vec<BarChart> {
    let rows = areas.len();
    let row_y = move |index: usize| (rows - 1 - index) as f64;
    let mut charts: Vec<BarChart> = Vec::new();
    for (slot, status) in CommitmentStatus::ALL.iter().enumerate() {
        if !legend.contains(status) {
            continue;
        }
        let colour = theme::commitment_status_colour(*status, visuals);
        let bars = areas
            .iter()
            .enumerate()
            .map(|(index, (area, counts))| {
                let count = counts.get(slot).copied().unwrap_or(0);
                Bar::new(row_y(index), count as f64)
                    .width(HALF_BAR * 2.0)
                    .fill(colour)
                    .stroke(separator)
                    .name(format!("{area}: {}", status.label()))
            })
            .collect();
        let chart = BarChart::new(status.label(), bars)
            .color(colour)
            .horizontal();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&below);
        charts.push(chart);
    }
    charts
}

/// Bars by capability area, stacked by status, first area on top.
pub fn area_bars_ui(ui: &mut Ui, figures: &DashboardFigures, out: &mut Outbox) -> AreaBarsDrawn {
    ui.strong("Commitments by capability area and status");
    let areas: Vec<(&String, &[usize; 6])> = figures.area_by_status.iter().collect();
    if areas.is_empty() {
        ui.weak("No commitments yet.");
        return AreaBarsDrawn::default();
    }
    ui.weak("Click a bar to list those commitments.");
    let legend = statuses_drawn(figures);
    let entries: Vec<_> = legend
        .iter()
        .map(|s| {
            (
                Swatch::Block,
                theme::commitment_status_colour(*s, ui.visuals()),
                s.label(),
            )
        })
        .collect();
    axes::legend_ui(ui, &entries);

    let rows = areas.len();
    // Row 0 at the top: the areas read downwards in name order.
    let row_y = move |index: usize| (rows - 1 - index) as f64;
    let separator = Stroke::new(1.0, ui.visuals().extreme_bg_color);
    let charts = stacked_bars(&areas, &legend, separator, ui.visuals());
    let most = areas
        .iter()
        .map(|(_, counts)| counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0);
    let names: Vec<String> = areas.iter().map(|(a, _)| (*a).clone()).collect();
    let response = still_plot("area_bars", rows as f32 * ROW_HEIGHT + AXIS_HEIGHT)
        .show_grid([true, false])
        .grid_spacing(GRID_SPACING)
        .include_x(0.0)
        .include_x(most.max(1) as f64)
        .include_y(-0.6)
        .include_y(rows as f64 - 0.4)
        .x_axis_label("Commitments")
        .x_grid_spacer(|input| axes::count_marks(&input, COUNT_GAP))
        .x_axis_formatter(|mark, _| axes::count_label(mark))
        .y_grid_spacer(move |_| {
            (0..rows)
                .map(|index| egui_plot::GridMark {
                    value: row_y(index),
                    step_size: 1.0,
                })
                .collect()
        })
        .y_axis_formatter(move |mark, _| {
            let from_top = rows as f64 - 1.0 - mark.value;
            let index = from_top.round();
            if (from_top - index).abs() > 1e-6 || index < 0.0 {
                return String::new();
            }
            names.get(index as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        });
    let centres = areas
        .iter()
        .enumerate()
        .map(|(index, (area, counts))| {
            let total: usize = counts.iter().sum();
            let centre = PlotPoint::new(total as f64 / 2.0, row_y(index));
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
        let row = point.y.round();
        let index = rows as f64 - 1.0 - row;
        if (point.y - row).abs() <= HALF_BAR
            && index >= 0.0
            && let Some((area, counts)) = areas.get(index as usize)
        {
            let filter = CommitmentFilter {
                area: Some((*area).clone()),
                status: segment_at(counts, point.x),
                ..CommitmentFilter::default()
            };
            out.command(Command::ShowCommitments(filter));
        }
    }
    AreaBarsDrawn { centres, legend }
}

/// The status whose segment of a stacked bar covers `value`.
fn segment_at(counts: &[usize; 6], value: f64) -> Option<CommitmentStatus> {
    let mut end = 0.0;
    for (count, status) in counts.iter().zip(CommitmentStatus::ALL) {
        end += *count as f64;
        if *count > 0 && value <= end {
            return (value >= 0.0).then_some(status);
        }
    }
    None
}

/// Firm commitments accumulated by the date they became firm, against the
/// span of the register's sessions (each a dashed line).
pub fn firm_over_time_ui(ui: &mut Ui, figures: &DashboardFigures) {
    ui.strong("Firm commitments over time");
    let firm = &figures.firm_over_time;
    let dates = firm
        .iter()
        .map(|p| p.date)
        .chain(figures.sessions.iter().copied());
    let (Some(first), Some(last)) = (dates.clone().min(), dates.max()) else {
        ui.weak("No sessions and no firm commitments yet.");
        return;
    };
    let (start, end) = (axes::days(first), axes::days(last));
    // A fortnight at least either side, so a lone session is not an edge.
    let margin = ((end - start) * 0.04).max(14.0);
    let (start, end) = (start - margin, end + margin);
    // A step up on each date something became firm, flat in between, and
    // on to the end of the span: the total as it stood on every day.
    let mut steps = vec![[start, 0.0]];
    let mut so_far = 0.0;
    for point in firm {
        let x = axes::days(point.date);
        steps.push([x, so_far]);
        so_far = point.count as f64;
        steps.push([x, so_far]);
    }
    steps.push([end, so_far]);
    let markers: Vec<[f64; 2]> = firm
        .iter()
        .map(|p| [axes::days(p.date), p.count as f64])
        .collect();
    let firm_colour = theme::commitment_status_colour(CommitmentStatus::Committed, ui.visuals());
    let session_colour = ui.visuals().weak_text_color();
    let sessions_text = match figures.sessions.len() {
        1 => "The register's session".to_string(),
        n => format!("The register's {n} sessions"),
    };
    let mut entries = vec![(Swatch::Line, firm_colour, "Firm commitments so far")];
    if !figures.sessions.is_empty() {
        entries.push((Swatch::Line, session_colour, sessions_text.as_str()));
    }
    axes::legend_ui(ui, &entries);
    let sessions: Vec<f64> = figures
        .sessions
        .iter()
        .map(|day| axes::days(*day))
        .collect();
    still_plot("firm_over_time", LINE_CHART_HEIGHT)
        .grid_spacing(GRID_SPACING)
        .include_y(0.0)
        .include_y(so_far.max(1.0))
        .include_x(start)
        .include_x(end)
        .x_grid_spacer(|input| axes::date_marks(&input, DATE_GAP))
        .x_axis_formatter(|mark, _| axes::date_label(mark))
        .y_grid_spacer(|input| axes::count_marks(&input, COUNT_GAP))
        .y_axis_formatter(|mark, _| axes::count_label(mark))
        .show(ui, |plot_ui| {
            plot_ui.add(SessionLines::new("Session", sessions, session_colour));
            // Without `allow_band(false)` egui_plot draws the vertical
            // part of a step as a filled wedge.
            plot_ui.line(
                Line::new("Firm commitments so far", PlotPoints::from(steps))
                    .color(firm_colour)
                    .width(2.5)
                    .allow_band(false),
            );
            plot_ui.points(
                Points::new("Became firm", PlotPoints::from(markers))
                    .radius(4.0)
                    .color(firm_colour),
            );
        });
}
