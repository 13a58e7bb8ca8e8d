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
    use crate::model::MeetingState;
    let state = |state| theme::meeting_state_colour(state, visuals);
    let colour = match look {
        Look::Held => state(MeetingState::Held),
        Look::Planned => state(MeetingState::Planned),
        Look::Postponed => state(MeetingState::Postponed),
        Look::Cancelled => state(MeetingState::Cancelled).gamma_multiply(0.6),
        Look::Projected | Look::ProjectedCancelled => {
            state(MeetingState::Planned).gamma_multiply(0.5)
        }
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
    let state_colour = |state| theme::meeting_state_colour(state, visuals);
    let fade = |c: Color32| if dim { c.gamma_multiply(0.3) } else { c };
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
    use crate::model::MeetingState;
    match look {
        Look::Held => {
            shapes.push(Shape::circle_filled(
                centre,
                MARK,
                fade(state_colour(MeetingState::Held)),
            ));
        }
        Look::Planned | Look::Postponed => {
            let state = if look == Look::Planned {
                MeetingState::Planned
            } else {
                MeetingState::Postponed
            };
            shapes.push(Shape::circle_filled(centre, MARK, bg));
            shapes.push(Shape::circle_stroke(
                centre,
                MARK - 1.0,
                Stroke::new(2.5, fade(state_colour(state))),
            ));
        }
        Look::Cancelled => {
            let colour = fade(state_colour(MeetingState::Cancelled));
            shapes.push(Shape::circle_stroke(
                centre,
                MARK - 1.0,
                Stroke::new(1.5, colour),
            ));
            cross(shapes, colour);
        }
        Look::Projected | Look::ProjectedCancelled => {
            let colour = fade(state_colour(MeetingState::Planned)).gamma_multiply(0.8);
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
