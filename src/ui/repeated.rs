//! Widgets drawn many times a frame, in cheaper forms of egui's own that
//! look and act the same. Each of the sixty attendance rows has four
//! buttons ("+", "+ new delegate", "+ sitting for", a delegate's ×), two
//! of them opening menus and all with tooltips, and while a screen reader
//! reads the window every row is laid out: egui's general layout of a
//! button's texts and icons, its building of a closed menu and its check
//! of whether to show the tooltip of a widget the pointer is not on were
//! a fifth of the meetings panel's frame.
//!
//! `PlainButton` is a button of one text laid out beforehand, drawn as
//! egui's `Button` draws such a button (the theme's frame, padding and
//! colours for its state); the image snapshots of the meetings panel hold
//! it to egui's look.

use std::sync::Arc;

use egui::containers::menu::MenuConfig;
use egui::emath::NumExt as _;
use egui::widget_style::WidgetState;
use egui::{
    Frame, Galley, Id, InnerResponse, Margin, Popup, Rect, Response, Sense, Ui, UiKind,
    UiStackInfo, Vec2, Widget, WidgetInfo,
};

/// A button showing `text`, laid out as `widgets::laid_out` lays out.
pub struct PlainButton {
    text: Arc<Galley>,
    small: bool,
}

impl PlainButton {
    pub fn new(text: Arc<Galley>) -> Self {
        PlainButton { text, small: false }
    }

    /// As high as the text, as `Button::small`.
    pub fn small(self) -> Self {
        PlainButton {
            small: true,
            ..self
        }
    }
}

impl PlainButton {
    /// The room the button takes in `ui`: its text and its frame's margin.
    pub fn size(&self, ui: &Ui) -> Vec2 {
        self.measured(ui, WidgetState::default()).size
    }

    /// Draws the button in `rect` (as large as `size`) without taking room
    /// in `ui`'s layout: inside something that took the room for it.
    pub fn place(self, ui: &mut Ui, rect: Rect) -> Response {
        let id = ui.next_auto_id();
        ui.skip_ahead_auto_ids(1);
        let measured = self.measured(ui, last_state(ui, id));
        self.show(ui, (id, rect), measured)
    }

    /// The button's look and size in `state`: the theme's, as a `Button`
    /// of one text has them.
    fn measured(&self, ui: &Ui, state: WidgetState) -> Measured {
        let visuals = *ui.style().visuals.widgets.state(state);
        let mut padding = Margin::from(ui.spacing().button_padding);
        let mut min_size = Vec2::new(0.0, ui.spacing().interact_size.y);
        if self.small {
            padding.top = 0;
            padding.bottom = 0;
            min_size = Vec2::ZERO;
        }
        let frame = if ui.visuals().button_frame {
            Frame {
                fill: visuals.weak_bg_fill,
                corner_radius: visuals.corner_radius,
                inner_margin: padding,
                ..Frame::default()
            }
            .apply_stroke_and_expansion_without_layout_shift(visuals.bg_stroke, visuals.expansion)
        } else {
            Frame::new()
        };
        let margin = frame.total_margin().sum();
        Measured {
            frame,
            size: (self.text.size() + margin).at_least(min_size),
            intrinsic_size: (self.text.intrinsic_size() + margin).at_least(min_size),
            text_colour: visuals.text_color(),
        }
    }

    /// Draws the button as widget `id` in `rect`, looking as `measured`.
    fn show(self, ui: &Ui, (id, rect): (Id, Rect), measured: Measured) -> Response {
        let mut response = ui.interact(rect, id, Sense::click());
        response.set_intrinsic_size(measured.intrinsic_size);
        if ui.is_rect_visible(rect) {
            let inner = rect - measured.frame.total_margin();
            ui.painter().add(measured.frame.paint(inner));
            let at = ui
                .layout()
                .align2()
                .align_size_within_rect(self.text.size(), inner)
                .min;
            ui.painter()
                .galley(at, Arc::clone(&self.text), measured.text_colour);
        }
        if let Some(cursor) = ui.visuals().interact_cursor
            && response.hovered()
        {
            ui.ctx().set_cursor_icon(cursor);
        }
        let text = self.text.text();
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), text));
        response
    }
}

/// A button's look and size in one state.
struct Measured {
    frame: Frame,
    size: Vec2,
    intrinsic_size: Vec2,
    text_colour: egui::Color32,
}

/// As a `Button`: styled for the state it was in last frame, and drawn
/// again once that is known.
fn last_state(ui: &Ui, id: Id) -> WidgetState {
    match ui.ctx().read_response(id) {
        Some(last) => last.widget_state(),
        None => {
            ui.ctx().request_repaint();
            WidgetState::default()
        }
    }
}

impl Widget for PlainButton {
    fn ui(self, ui: &mut Ui) -> Response {
        let id = ui.next_auto_id();
        let measured = self.measured(ui, last_state(ui, id));
        let (_, rect) = ui.allocate_space(measured.size);
        self.show(ui, (id, rect), measured)
    }
}

/// The menu `button` opens, as `Ui::menu_button` shows it for a button
/// outside a menu bar (none of the attendance rows' is in one).
pub fn menu<R>(
    ui: &Ui,
    button: &Response,
    config: Option<MenuConfig>,
    content: impl FnOnce(&mut Ui) -> R,
) -> Option<InnerResponse<R>> {
    if !may_open(button) {
        return None;
    }
    let config = config.unwrap_or_else(|| MenuConfig::find(ui));
    Popup::menu(button)
        .close_behavior(config.close_behavior)
        .style(config.style.clone())
        .info(UiStackInfo::new(UiKind::Menu).with_tag_value(MenuConfig::MENU_CONFIG_TAG, config))
        .show(content)
}

/// Whether the menu `button` opens can be shown this frame: it is open,
/// or the button was just clicked. Most frames neither is so, and egui's
/// `Popup` would only find that out after it was built.
pub fn may_open(button: &Response) -> bool {
    button.clicked() || Popup::is_id_open(&button.ctx, Popup::default_response_id(button))
}

/// `Response::on_hover_text`: the tooltip while the pointer is on the
/// widget, and `text` as its description for a screen reader. For a
/// widget the pointer is not on, egui would only describe it after
/// finding that out; this describes it at once.
pub fn hint(response: Response, text: &str) -> Response {
    if may_show_tooltip(&response) {
        return response.on_hover_text(text);
    }
    // What egui's private `Response::describe_for_accessibility` does.
    let ctx = &response.ctx;
    if ctx.has_accesskit_node(response.id) {
        ctx.accesskit_node_builder(response.id, |node| {
            if node.description().is_none() {
                node.set_description(text);
            }
            if node.role() != egui::Role::Label
                && node.labelled_by().is_empty()
                && node.label().is_none_or(str::is_empty)
            {
                node.set_label(text);
            }
        });
    }
    response
}

/// Whether egui could show `widget`'s tooltip this frame: the pointer is
/// on it, its tooltip is open, or everything is being shown (egui's own
/// first checks; for any other widget it shows none).
pub fn may_show_tooltip(widget: &Response) -> bool {
    widget.hovered()
        || widget.is_tooltip_open()
        || widget.ctx.memory(|memory| memory.everything_is_visible())
}
