//! Axes and legends for the dashboard's charts: counts are whole numbers
//! (there is no such thing as 0.3 of a commitment), dates fall on days,
//! months or years spaced so their labels never run into each other, and
//! a legend lists only what the chart draws.

use chrono::{Datelike, NaiveDate};
use egui::{Color32, Rangef, Sense, Ui, vec2};
use egui_plot::{GridInput, GridMark};

/// The plots' grid spacing in points: the smallest gap between grid lines
/// egui_plot draws, and what `GridInput::base_step_size` is measured in.
pub const GRID_SPACING: Rangef = Rangef {
    min: 8.0,
    max: 300.0,
};

/// Plot units per screen point, from what egui_plot hands a grid spacer.
fn units_per_point(input: &GridInput) -> f64 {
    input.base_step_size / f64::from(GRID_SPACING.min)
}

/// Whole-number marks, at least `gap` points apart: 1, 2, 5, 10, 20, …
pub fn count_marks(input: &GridInput, gap: f32) -> Vec<GridMark> {
    let least = units_per_point(input) * f64::from(gap);
    let mut step = 1.0;
    for factor in [2.0, 2.5, 2.0].iter().cycle() {
        if step >= least || step > 1e12 {
            break;
        }
        step *= factor;
    }
    let (low, high) = input.bounds;
    let mut value = (low.max(0.0) / step).ceil() * step;
    let mut marks = Vec::new();
    while value <= high && marks.len() < 1000 {
        marks.push(GridMark {
            value,
            step_size: step,
        });
        value += step;
    }
    marks
}

/// "3": a count mark's label; nothing between whole numbers.
pub fn count_label(mark: GridMark) -> String {
    if mark.value < 0.0 || (mark.value - mark.value.round()).abs() > 1e-6 {
        return String::new();
    }
    format!("{:.0}", mark.value)
}

/// Days since the common era, so dates sit on a plain number line.
pub fn days(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

fn date_at(value: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(value.round() as i32)
}

/// Steps a date axis may take: days, weeks, then months.
enum DateStep {
    Days(u32),
    Months(u32),
}

/// Marks on a date axis, at least `gap` points apart: every day or week
/// for a short span, else the first of every 1, 2, 3 or 6 months, or of
/// January every 1, 2, 5 or 10 years.
pub fn date_marks(input: &GridInput, gap: f32) -> Vec<GridMark> {
    let least = units_per_point(input) * f64::from(gap);
    let steps = [
        DateStep::Days(1),
        DateStep::Days(7),
        DateStep::Days(14),
        DateStep::Months(1),
        DateStep::Months(2),
        DateStep::Months(3),
        DateStep::Months(6),
        DateStep::Months(12),
        DateStep::Months(24),
        DateStep::Months(60),
        DateStep::Months(120),
    ];
    let step = steps
        .into_iter()
        .find(|step| match step {
            DateStep::Days(n) => f64::from(*n) >= least,
            DateStep::Months(n) => f64::from(*n) * 30.4 >= least,
        })
        .unwrap_or(DateStep::Months(240));
    let (Some(first), Some(last)) = (date_at(input.bounds.0), date_at(input.bounds.1)) else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    match step {
        DateStep::Days(n) => {
            let mut date = first;
            while date <= last && marks.len() < 1000 {
                // Weeks start on Mondays, so the marks do not drift.
                if n == 1 || date.weekday() == chrono::Weekday::Mon {
                    marks.push(GridMark {
                        value: days(date),
                        step_size: f64::from(n),
                    });
                }
                let Some(next) = date.succ_opt() else { break };
                date = next;
            }
            if n == 14 {
                // Every other Monday.
                marks = marks.into_iter().step_by(2).collect();
            }
        }
        DateStep::Months(n) => {
            let mut month = first.year() * 12 + first.month0() as i32;
            if first.day() > 1 {
                month += 1;
            }
            let step = n as i32;
            month = (month + step - 1).div_euclid(step) * step;
            while marks.len() < 1000 {
                let Some(date) = NaiveDate::from_ymd_opt(
                    month.div_euclid(12),
                    month.rem_euclid(12) as u32 + 1,
                    1,
                ) else {
                    break;
                };
                if date > last {
                    break;
                }
                marks.push(GridMark {
                    value: days(date),
                    step_size: f64::from(n) * 30.4,
                });
                month += step;
            }
        }
    }
    marks
}

/// "10 Apr 2025", "Apr 2025" or "2025", as fine as the marks are apart.
pub fn date_label(mark: GridMark) -> String {
    let Some(date) = date_at(mark.value) else {
        return String::new();
    };
    if mark.step_size < 28.0 {
        date.format("%-d %b %Y").to_string()
    } else if mark.step_size < 360.0 {
        date.format("%b %Y").to_string()
    } else {
        date.format("%Y").to_string()
    }
}

/// How an entry of a legend is drawn.
pub enum Swatch {
    /// A filled square, as a bar's segment.
    Block,
    /// A short line, as a line on the chart.
    Line,
}

/// A legend beside a chart, one entry per thing drawn, in the order given.
pub fn legend_ui(ui: &mut Ui, entries: &[(Swatch, Color32, &str)]) {
    ui.horizontal_wrapped(|ui| {
        for (swatch, colour, text) in entries {
            let size = ui.text_style_height(&egui::TextStyle::Body);
            let (rect, _) = ui.allocate_exact_size(vec2(size, size), Sense::hover());
            match swatch {
                Swatch::Block => {
                    ui.painter().rect_filled(rect.shrink(2.0), 2.0, *colour);
                }
                Swatch::Line => {
                    let y = rect.center().y;
                    ui.painter().line_segment(
                        [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)],
                        egui::Stroke::new(2.5, *colour),
                    );
                }
            }
            ui.label(*text);
            ui.add_space(8.0);
        }
    });
}
