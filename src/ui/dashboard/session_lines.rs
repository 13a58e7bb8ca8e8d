//! The register's sessions on the firm-over-time chart: a dashed line at
//! each session's day, as one plot item.
//!
//! Drawn as one `VLine` each, 2,000 sessions over ten years made some
//! 40,000 dash shapes a frame (the dashboard's frame went from 1.5 to
//! 3.9 ms), though at that span several sessions share a pixel. Sessions
//! whose lines would touch or overlap are drawn as one band of the same
//! dashes; a session with room either side is drawn exactly as a `VLine`
//! with egui_plot's dense dashes would draw it.

use egui::{Color32, Rect, Shape, Stroke, Ui, pos2};
use egui_plot::{PlotBounds, PlotGeometry, PlotItem, PlotItemBase, PlotPoint, PlotTransform};

/// egui_plot's `LineStyle::dashed_dense()`: dashes of 5 points, gaps of
/// 5 × (golden ratio − 1).
const DASH: f32 = 5.0;
const GAP: f32 = DASH * (std::f32::consts::GOLDEN_RATIO - 1.0);
const WIDTH: f32 = 1.0;

/// A dashed vertical line at each of `days` (plot x, sorted), the full
/// height of the plot.
pub struct SessionLines {
    base: PlotItemBase,
    days: Vec<f64>,
    colour: Color32,
}

impl SessionLines {
    /// `days` in any order; they are sorted here.
    pub fn new(name: &str, mut days: Vec<f64>, colour: Color32) -> Self {
        days.sort_by(f64::total_cmp);
        SessionLines {
            base: PlotItemBase::new(name.to_string()),
            days,
            colour,
        }
    }
}

/// Screen x of each run of lines that touch: (first, last).
fn runs(xs: impl Iterator<Item = f32>) -> Vec<(f32, f32)> {
    let mut runs: Vec<(f32, f32)> = Vec::new();
    for x in xs {
        match runs.last_mut() {
            Some((_, last)) if x - *last <= WIDTH => *last = x,
            _ => runs.push((x, x)),
        }
    }
    runs
}

impl PlotItem for SessionLines {
    fn shapes(&self, _ui: &Ui, transform: &PlotTransform, shapes: &mut Vec<Shape>) {
        let bounds = transform.bounds();
        let (bottom, top) = (bounds.min()[1], bounds.max()[1]);
        let screen_x = |day: f64| {
            transform
                .position_from_point(&PlotPoint::new(day, bottom))
                .x
        };
        let (Some(&first), Some(&last)) = (self.days.first(), self.days.last()) else {
            return;
        };
        let from = transform.position_from_point(&PlotPoint::new(first, bottom));
        let to = transform.position_from_point(&PlotPoint::new(last, top));
        let stroke = Stroke::new(WIDTH, self.colour);
        // Every line starts at the bottom with the same dash lengths, so
        // the dashes of all of them lie at the same heights: these.
        let dashes: Vec<(f32, f32)> =
            Shape::dashed_line(&[pos2(0.0, from.y), pos2(0.0, to.y)], stroke, DASH, GAP)
                .iter()
                .filter_map(|dash| match dash {
                    Shape::LineSegment { points: [a, b], .. } => Some((a.y.min(b.y), a.y.max(b.y))),
                    _ => None,
                })
                .collect();
        for (left, right) in runs(self.days.iter().map(|day| screen_x(*day))) {
            if left == right {
                shapes.extend(Shape::dashed_line(
                    &[pos2(left, from.y), pos2(left, to.y)],
                    stroke,
                    DASH,
                    GAP,
                ));
                continue;
            }
            let half = WIDTH / 2.0;
            shapes.extend(dashes.iter().map(|&(upper, lower)| {
                Shape::rect_filled(
                    Rect::from_min_max(pos2(left - half, upper), pos2(right + half, lower)),
                    0.0,
                    self.colour,
                )
            }));
        }
    }

    fn initialize(&mut self, _x_range: std::ops::RangeInclusive<f64>) {}

    fn color(&self) -> Color32 {
        self.colour
    }

    fn geometry(&self) -> PlotGeometry<'_> {
        PlotGeometry::None
    }

    fn bounds(&self) -> PlotBounds {
        let mut bounds = PlotBounds::NOTHING;
        if let (Some(&first), Some(&last)) = (self.days.first(), self.days.last()) {
            bounds.extend_with_x(first);
            bounds.extend_with_x(last);
        }
        bounds
    }

    fn base(&self) -> &PlotItemBase {
        &self.base
    }

    fn base_mut(&mut self) -> &mut PlotItemBase {
        &mut self.base
    }
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn lines_that_touch_become_one_run_and_lone_ones_stay_alone() {
        let xs = [10.0, 10.4, 11.2, 20.0, 30.0, 31.0];
        assert_eq!(
            runs(xs.into_iter()),
            vec![(10.0, 11.2), (20.0, 20.0), (30.0, 31.0)]
        );
    }
}
