//! The timeline drawn with egui's painter: lanes, axis, today line and one
//! mark per session, plus zoom, pan, hover, click and keyboard. Layout
//! comes from `calendar::timeline`; this file only paints and listens.

use chrono::NaiveDate;
use egui::{Align2, FontId, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};

use super::View;
use super::marks::{COMPACT_BELOW, MARK, bar_shapes, look_label, mark_shapes};
use crate::calendar::timeline::{
    Mark, ParticipantTrace, TimeAxis, TimelineFigures, axis_ticks, day_number, item_at,
    step_selection, visible_items,
};
use crate::ui::theme::{self, TIMELINE_AXIS, TIMELINE_GUTTER, TIMELINE_LANE};
use crate::ui::{Command, Outbox};

/// How much one notch of keyboard zoom changes the scale.
pub(super) const ZOOM_STEP: f64 = 1.5;

/// Where the timeline is on screen this frame: the whole area, the part
/// right of the lane names where sessions are drawn, and the time axis.
#[derive(Clone, Copy)]
struct Plot {
    rect: Rect,
    area: Rect,
    axis: TimeAxis,
}

impl Plot {
    fn lane_top(&self, lane: usize) -> f32 {
        self.area.top() + TIMELINE_AXIS + lane as f32 * TIMELINE_LANE
    }

    fn lane_at(&self, y: f32) -> Option<usize> {
        let offset = y - self.area.top() - TIMELINE_AXIS;
        (offset >= 0.0).then(|| (offset / TIMELINE_LANE) as usize)
    }

    fn x_of(&self, day: f64) -> f32 {
        self.area.left() + self.axis.x_of(day) as f32
    }

    fn width(&self) -> f64 {
        f64::from(self.area.width().max(1.0))
    }
}

/// Draws the timeline into the rest of `ui` and handles its input.
pub(super) fn timeline_ui(
    ui: &mut Ui,
    view: &mut View,
    figures: &TimelineFigures,
    trace: Option<&ParticipantTrace>,
    today: NaiveDate,
    out: &mut Outbox,
) {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let area = Rect::from_min_max(
        pos2(rect.left() + TIMELINE_GUTTER, rect.top()),
        rect.right_bottom(),
    );
    let width = f64::from(area.width().max(1.0));
    view.width = width;
    view.plot_origin = [area.left(), area.top()];
    let axis = view
        .axis
        .get_or_insert_with(|| super::fit_all(figures, today, width));
    // Input first, so this frame already draws the new view.
    zoom_and_pan(ui, &response, axis, area);
    let plot = Plot {
        rect,
        area,
        axis: *axis,
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    lanes_ui(ui, &painter, &plot, figures);
    let plot_painter = painter.with_clip_rect(area);
    axis_ui(ui, &plot_painter, &plot, today);
    sessions_ui(ui, &plot_painter, &plot, view, figures, trace);
    pointer_ui(ui, &response, &plot, view, figures, out);
}

/// The wheel zooms around the pointer and moves through time, as a drag
/// does.
fn zoom_and_pan(ui: &Ui, response: &egui::Response, axis: &mut TimeAxis, area: Rect) {
    let width = f64::from(area.width().max(1.0));
    if response.hovered() {
        let (zoom, scroll, pointer) =
            ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        let x = pointer.map_or(width / 2.0, |p| f64::from(p.x - area.left()));
        if zoom != 1.0 {
            axis.zoom_around(x, f64::from(zoom));
        }
        // Lanes fit on screen, so either wheel direction moves through time.
        let pan = if scroll.x != 0.0 { scroll.x } else { scroll.y };
        if pan != 0.0 {
            axis.pan(f64::from(pan));
        }
    }
    if response.dragged() {
        axis.pan(f64::from(response.drag_delta().x));
    }
}

/// Lanes with their names in the gutter.
fn lanes_ui(ui: &Ui, painter: &egui::Painter, plot: &Plot, figures: &TimelineFigures) {
    let visuals = ui.visuals();
    let (text, faint) = (visuals.text_color(), visuals.weak_text_color());
    let rect = plot.rect;
    for (i, lane) in figures.lanes.iter().enumerate() {
        let top = plot.lane_top(i);
        let band = Rect::from_min_size(pos2(rect.left(), top), vec2(rect.width(), TIMELINE_LANE));
        if i % 2 == 1 {
            painter.rect_filled(band, 0.0, visuals.faint_bg_color);
        }
        // A long series name wraps to two lines in the gutter and is cut
        // with "…" after that, rather than running over the sessions.
        let colour = if lane.series.is_some() { text } else { faint };
        let mut name = egui::text::LayoutJob::simple(
            lane.name.clone(),
            FontId::proportional(13.0),
            colour,
            TIMELINE_GUTTER - 12.0,
        );
        name.wrap.max_rows = 2;
        let name = painter.layout_job(name);
        let at = pos2(
            rect.left() + 8.0,
            top + (TIMELINE_LANE - name.size().y) / 2.0,
        );
        painter.galley(at, name, colour);
    }
    painter.line_segment(
        [
            pos2(plot.area.left(), rect.top()),
            pos2(plot.area.left(), rect.bottom()),
        ],
        Stroke::new(1.0, faint),
    );
}

/// The axis: one line and label per tick, in the unit the scale allows,
/// and the line of today.
fn axis_ui(ui: &Ui, painter: &egui::Painter, plot: &Plot, today: NaiveDate) {
    let visuals = ui.visuals();
    let (text, faint) = (visuals.text_color(), visuals.weak_text_color());
    let area = plot.area;
    let ticks = axis_ticks(&plot.axis, plot.width());
    for (i, tick) in ticks.iter().enumerate() {
        let x = plot.x_of(tick.day);
        let colour = if tick.major {
            faint
        } else {
            faint.gamma_multiply(0.4)
        };
        painter.line_segment(
            [
                pos2(x, area.top() + TIMELINE_AXIS - 6.0),
                pos2(x, area.bottom()),
            ],
            Stroke::new(1.0, colour),
        );
        // The label of a unit that began off screen sticks to the left
        // edge, unless the next label is about to take its place.
        let next_x = ticks.get(i + 1).map_or(f32::INFINITY, |t| plot.x_of(t.day));
        if x < area.left() && next_x - area.left() < 70.0 {
            continue;
        }
        painter.text(
            pos2(x.max(area.left()) + 3.0, area.top() + 6.0),
            Align2::LEFT_TOP,
            &tick.label,
            FontId::proportional(12.0),
            if tick.major { text } else { faint },
        );
    }
    let today_x = plot.x_of(day_number(today) + 0.5);
    painter.line_segment(
        [
            pos2(today_x, area.top() + TIMELINE_AXIS - 8.0),
            pos2(today_x, area.bottom()),
        ],
        Stroke::new(2.0, theme::today_line(visuals)),
    );
    // Near the right edge the label goes left of the line so it stays whole.
    let (label_x, anchor) = if today_x > area.right() - 50.0 {
        (today_x - 3.0, Align2::RIGHT_BOTTOM)
    } else {
        (today_x + 3.0, Align2::LEFT_BOTTOM)
    };
    // At the foot of the line, clear of the axis labels.
    painter.text(
        pos2(label_x, area.bottom() - 4.0),
        anchor,
        "Today",
        FontId::proportional(11.0),
        theme::today_line(visuals),
    );
}

/// Sessions: only those on screen; at wide zoom, marks that would land
/// on the same pixel of a lane are drawn once.
fn sessions_ui(
    ui: &Ui,
    painter: &egui::Painter,
    plot: &Plot,
    view: &View,
    figures: &TimelineFigures,
    trace: Option<&ParticipantTrace>,
) {
    let visuals = ui.visuals();
    let text = visuals.text_color();
    let range = visible_items(
        &figures.items,
        &plot.axis,
        plot.width(),
        f64::from(MARK) * 2.0,
    );
    let mut last_x = vec![f32::NEG_INFINITY; figures.lanes.len()];
    let mut last_label_x = vec![f32::NEG_INFINITY; figures.lanes.len()];
    // When weekly sessions would overlap, marks become thin bars: the
    // overview reads like a barcode and costs a fraction of the circles.
    let compact = plot.axis.px_per_day < COMPACT_BELOW;
    let min_gap = if compact { 3.0 } else { 1.0 };
    let mut shapes = Vec::new();
    for item in figures.items.get(range.clone()).unwrap_or_default() {
        let x = plot.x_of(item.day);
        let (Some(last), Some(last_label)) =
            (last_x.get_mut(item.lane), last_label_x.get_mut(item.lane))
        else {
            continue;
        };
        let selected = view.selected == Some(item.mark);
        if x - *last < min_gap && !selected {
            continue;
        }
        *last = x;
        let centre = pos2(x, plot.lane_top(item.lane) + TIMELINE_LANE / 2.0);
        let (attended, own) = match (trace, item.mark) {
            (Some(trace), Mark::Meeting(id)) => (
                Some(trace.attended.contains(&id)),
                trace.commitments.get(&id).copied(),
            ),
            (Some(_), Mark::Projected(..)) => (Some(false), None),
            (None, _) => (None, None),
        };
        let dim = attended == Some(false) && own.is_none();
        if compact {
            bar_shapes(
                &mut shapes,
                centre,
                item.look,
                dim,
                attended == Some(true) || own.is_some(),
                selected.then_some(text),
                visuals,
            );
            continue;
        }
        if attended == Some(true) || own.is_some() {
            shapes.push(Shape::circle_filled(
                centre,
                MARK + 4.0,
                theme::highlight(visuals),
            ));
        }
        mark_shapes(&mut shapes, centre, item.look, dim, visuals);
        if selected {
            shapes.push(Shape::circle_stroke(
                centre,
                MARK + 4.0,
                Stroke::new(2.0, text),
            ));
        }
        // The commitment count sits above the mark when there is room.
        let count = own.unwrap_or(if trace.is_some() { 0 } else { item.commitments });
        if count > 0 && x - *last_label >= 22.0 {
            *last_label = x;
            painter.text(
                centre - vec2(0.0, MARK + 2.0),
                Align2::CENTER_BOTTOM,
                count.to_string(),
                FontId::proportional(11.0),
                if own.is_some() {
                    theme::highlight(visuals)
                } else {
                    text
                },
            );
        }
    }
    painter.extend(shapes);
}

/// Hover shows a session's figures, a click selects it (and opens a
/// meeting), and the keyboard walks the sessions.
fn pointer_ui(
    ui: &Ui,
    response: &egui::Response,
    plot: &Plot,
    view: &mut View,
    figures: &TimelineFigures,
    out: &mut Outbox,
) {
    let area = plot.area;
    let hovered = response.hover_pos().and_then(|p| {
        let lane = plot.lane_at(p.y)?;
        let x = f64::from(p.x - area.left());
        (p.x >= area.left()).then_some(())?;
        item_at(&figures.items, &plot.axis, x, lane, f64::from(MARK) + 3.0)
    });
    if let Some(item) = hovered.and_then(|i| figures.items.get(i)) {
        let highlighted = item.mark;
        let response = response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(&item.title);
            ui.label(item.date.format("%A %-d %B %Y").to_string());
            ui.label(look_label(item.look));
            if let Mark::Meeting(_) = highlighted {
                ui.label(format!("{} attending", item.attendance));
                ui.label(format!("{} commitments announced", item.commitments));
                ui.weak("Click to open the meeting");
            } else {
                ui.weak("Click to select, then Schedule this session");
            }
        });
        if response.clicked() {
            view.selected = Some(highlighted);
            if let Mark::Meeting(id) = highlighted {
                out.command(Command::SelectMeeting(id));
            }
        }
    }
    if response.clicked() || response.drag_started() {
        response.request_focus();
    }
    let keys_for_us = response.has_focus() || ui.ctx().memory(|m| m.focused().is_none());
    if keys_for_us {
        keyboard(ui, view, figures, out);
    }
}

/// Arrows walk the sessions in date order (Up/Down: the nearest session
/// in the next lane), Enter opens the selected meeting.
fn keyboard(ui: &Ui, view: &mut View, figures: &TimelineFigures, out: &mut Outbox) {
    use egui::Key;
    let (left, right, up, down, enter) = ui.input(|i| {
        (
            i.key_pressed(Key::ArrowLeft),
            i.key_pressed(Key::ArrowRight),
            i.key_pressed(Key::ArrowUp),
            i.key_pressed(Key::ArrowDown),
            i.key_pressed(Key::Enter),
        )
    });
    let items = &figures.items;
    let current = view
        .selected
        .and_then(|mark| items.iter().position(|i| i.mark == mark));
    let next = if left || right {
        step_selection(items.len(), current, right)
    } else if up || down {
        current.and_then(|c| items.get(c)).and_then(|now| {
            let lane = if down {
                now.lane + 1
            } else {
                now.lane.checked_sub(1)?
            };
            items
                .iter()
                .enumerate()
                .filter(|(_, i)| i.lane == lane)
                .min_by(|(_, a), (_, b)| {
                    (a.day - now.day).abs().total_cmp(&(b.day - now.day).abs())
                })
                .map(|(index, _)| index)
        })
    } else {
        None
    };
    if let Some(item) = next.and_then(|n| items.get(n)) {
        view.selected = Some(item.mark);
        if let Some(axis) = view.axis.as_mut() {
            let x = axis.x_of(item.day);
            if x < 0.0 || x > view.width {
                *axis = axis.centred_on(item.day, view.width);
            }
        }
    }
    if enter && let Some(Mark::Meeting(id)) = view.selected {
        out.command(Command::SelectMeeting(id));
    }
}
