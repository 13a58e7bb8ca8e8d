//! The marks of the timeline: one shape set per look, as circles when
//! there is room and as thin bars in the overview.

use egui::{Color32, Pos2, Rect, Shape, Stroke, Visuals, vec2};

use crate::calendar::timeline::Look;
use crate::ui::theme;

/// Radius of a session mark.
pub(super) const MARK: f32 = 7.0;

/// Below this scale (about 220 pixels a year) marks of fortnightly
/// sessions would overlap.
pub(super) const COMPACT_BELOW: f64 = 0.6;

/// The compact mark of the overview: a bar in the look's colour, solid
/// for meetings and faint for projected sessions.
pub(super) fn bar_shapes(
    shapes: &mut Vec<Shape>,
    centre: Pos2,
    look: Look,
    dim: bool,
    highlighted: bool,
    selected: Option<Color32>,
    visuals: &Visuals,
) {
    let state = state_colour(look, visuals);
    let colour = match look {
        Look::Held | Look::Planned | Look::Postponed => state,
        Look::Cancelled => state.gamma_multiply(0.6),
        Look::Projected | Look::ProjectedCancelled => state.gamma_multiply(0.5),
    };
    let colour = if dim {
        colour.gamma_multiply(0.3)
    } else {
        colour
    };
    if highlighted {
        shapes.push(Shape::rect_filled(
            Rect::from_center_size(centre, vec2(6.0, 22.0)),
            0.0,
            theme::highlight(visuals),
        ));
    }
    let height = if look == Look::Cancelled || look == Look::ProjectedCancelled {
        6.0
    } else {
        16.0
    };
    shapes.push(Shape::rect_filled(
        Rect::from_center_size(centre, vec2(3.0, height)),
        0.0,
        colour,
    ));
    if let Some(outline) = selected {
        shapes.push(Shape::rect_stroke(
            Rect::from_center_size(centre, vec2(8.0, 24.0)),
            0.0,
            Stroke::new(2.0, outline),
            egui::StrokeKind::Outside,
        ));
    }
}

/// The colour of the meeting state a look shows: a projected session's is
/// a planned one's.
fn state_colour(look: Look, visuals: &Visuals) -> Color32 {
    use crate::model::MeetingState;
    let state = match look {
        Look::Held => MeetingState::Held,
        Look::Planned | Look::Projected | Look::ProjectedCancelled => MeetingState::Planned,
        Look::Postponed => MeetingState::Postponed,
        Look::Cancelled => MeetingState::Cancelled,
    };
    theme::meeting_state_colour(state, visuals)
}

/// Words for a look, in tooltips and the legend.
pub(super) fn look_label(look: Look) -> &'static str {
    match look {
        Look::Held => "Held",
        Look::Planned => "Planned",
        Look::Postponed => "Postponed",
        Look::Cancelled => "Cancelled",
        Look::Projected => "Projected (not scheduled yet)",
        Look::ProjectedCancelled => "Projected, cancelled by an exception",
    }
}

/// The shapes of one mark: filled for held, a ring for planned, a ring
/// with a cross for cancelled, a dashed ring for projected.
pub(super) fn mark_shapes(
    shapes: &mut Vec<Shape>,
    centre: Pos2,
    look: Look,
    dim: bool,
    visuals: &Visuals,
) {
    let bg = visuals.extreme_bg_color;
    let state = state_colour(look, visuals);
    let colour = if dim {
        state.gamma_multiply(0.3)
    } else {
        state
    };
    let cross = |shapes: &mut Vec<Shape>, colour: Color32| {
        let d = MARK * 0.7;
        let stroke = Stroke::new(2.0, colour);
        shapes.push(Shape::line_segment(
            [centre + vec2(-d, -d), centre + vec2(d, d)],
            stroke,
        ));
        shapes.push(Shape::line_segment(
            [centre + vec2(-d, d), centre + vec2(d, -d)],
            stroke,
        ));
    };
    match look {
        Look::Held => shapes.push(Shape::circle_filled(centre, MARK, colour)),
        Look::Planned | Look::Postponed => {
            shapes.push(Shape::circle_filled(centre, MARK, bg));
            let ring = Stroke::new(2.5, colour);
            shapes.push(Shape::circle_stroke(centre, MARK - 1.0, ring));
        }
        Look::Cancelled => {
            shapes.push(Shape::circle_stroke(
                centre,
                MARK - 1.0,
                Stroke::new(1.5, colour),
            ));
            cross(shapes, colour);
        }
        Look::Projected | Look::ProjectedCancelled => {
            let colour = colour.gamma_multiply(0.8);
            let ring: Vec<Pos2> = (0..=16)
                .map(|k| {
                    let angle = k as f32 / 16.0 * std::f32::consts::TAU;
                    centre + vec2(angle.cos(), angle.sin()) * (MARK - 1.0)
                })
                .collect();
            shapes.extend(Shape::dashed_line(
                &ring,
                Stroke::new(1.5, colour),
                3.0,
                2.5,
            ));
            if look == Look::ProjectedCancelled {
                cross(shapes, colour);
            }
        }
    }
}
