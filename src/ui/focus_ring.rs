//! The ring around whatever has the keyboard, so an officer working by
//! Tab always sees where they are. egui shows a focused button only as if
//! pressed, and a table row (a meeting, a commitment) not at all.

use egui::{Color32, Context, CornerRadius, Stroke, StrokeKind};

/// The ring in the light theme: a dark blue that stands out at more than
/// 3:1 against the light panels and fields (WCAG 2.2, 1.4.11 and 2.4.7).
pub const LIGHT: Color32 = Color32::from_rgb(0x08, 0x42, 0xa0);
/// The ring in the dark theme: a light blue, likewise against the dark
/// panels and fields.
pub const DARK: Color32 = Color32::from_rgb(0x8a, 0xb4, 0xf8);
/// How thick the ring is drawn, in points.
pub const WIDTH: f32 = 2.0;

/// The ring's colour for the theme in use.
pub fn colour(dark_mode: bool) -> Color32 {
    if dark_mode { DARK } else { LIGHT }
}

/// Draws the ring around the focused widget, over its own layer, at the
/// end of the frame (after everything it could be hidden under). The
/// whole widget is ringed (a table row's own clip is its first cell's),
/// kept inside the window.
pub fn paint(ctx: &Context) {
    let Some(id) = ctx.memory(|m| m.focused()) else {
        return;
    };
    // Where the widget was drawn, read without `read_response`, which
    // would also judge the frame's clicks against it and could take the
    // keyboard away from a field that has just asked for it.
    let Some(widget) = ctx.viewport(|viewport| {
        viewport
            .this_pass
            .widgets
            .get(id)
            .or_else(|| viewport.prev_pass.widgets.get(id))
            .copied()
    }) else {
        return;
    };
    if !widget.rect.is_positive() {
        return;
    }
    let colour = colour(ctx.global_style().visuals.dark_mode);
    let painter = ctx
        .layer_painter(widget.layer_id)
        .with_clip_rect(ctx.content_rect());
    painter.rect_stroke(
        widget.rect.expand(1.0),
        CornerRadius::same(3),
        Stroke::new(WIDTH, colour),
        StrokeKind::Outside,
    );
}

/// Scrolls the scroll area whose content `ui` holds until the widget that
/// has just taken the keyboard shows whole. egui leaves a widget that Tab
/// reached wherever it is: the meeting editor's Print summary… stayed out
/// of sight above an editor scrolled down to its attendance, with the
/// officer pressing keys on a control they could not see (WCAG 2.2,
/// 2.4.11). Called last in a scroll area's content.
pub fn reveal(ui: &egui::Ui) {
    let ctx = ui.ctx();
    let seen = ui.scope_id().with("coalition-desk-focus-revealed");
    let focused = ctx.memory(|m| m.focused());
    let widget = focused.and_then(|id| ctx.viewport(|v| v.this_pass.widgets.get(id).copied()));
    let Some(widget) = widget
        .filter(|w| w.layer_id == ui.layer_id() && ui.min_rect().expand(1.0).contains_rect(w.rect))
    else {
        // The keyboard is elsewhere: coming back here is news again.
        ctx.data_mut(|d| d.remove::<egui::Id>(seen));
        return;
    };
    if ctx.data(|d| d.get_temp::<egui::Id>(seen)) == Some(widget.id) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(seen, widget.id));
    if !ui.clip_rect().contains_rect(widget.rect) {
        ui.scroll_to_rect(widget.rect, None);
    }
}
