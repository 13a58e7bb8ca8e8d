//! Widgets drawn many times a frame, in cheaper forms of egui's own that
//! look and act the same. Each of the sixty attendance rows has a status
//! list and four buttons ("+", "+ new delegate", "+ sitting for", a
//! delegate's ×), two of them opening menus and all with tooltips, and
//! while a screen reader reads the window every row is laid out: egui's
//! general layout of a button's texts and icons, its building of a closed
//! menu and its check of whether to show the tooltip of a widget the
//! pointer is not on were a fifth of the meetings panel's frame.
//!
//! `PlainButton` is a button of one text laid out beforehand, and
//! `drop_down` a short list's closed button, each drawn as egui's
//! `Button` or `ComboBox` draws itself (the theme's frame, padding and
//! colours for its state); the image snapshots of the meetings panel hold
//! them to egui's look.

use std::sync::Arc;

use egui::containers::menu::MenuConfig;
use egui::emath::GuiRounding as _;
use egui::emath::NumExt as _;
use egui::widget_style::WidgetState;
use egui::{
    Align2, Frame, Galley, Id, InnerResponse, Margin, Popup, PopupCloseBehavior, Rect, Response,
    Sense, Ui, UiKind, UiStackInfo, Vec2, Widget, WidgetInfo, WidgetText,
};

/// Words laid out on one line as a button or a label lays them out, for a
/// `PlainButton`, a `drop_down` or a chip: laid out once a frame for the
/// widgets that all say them (a "+" on each of sixty attendance rows)
/// rather than by each.
pub fn laid_out(ui: &Ui, text: impl Into<WidgetText>) -> Arc<Galley> {
    text.into().into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    )
}

/// A button showing `text`, laid out by `laid_out`.
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
        let frame = button_frame(ui, &visuals, padding);
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

/// A drop-down of a short fixed list (an attendance row's status): closed,
/// drawn as egui's `ComboBox` draws itself (`selected`, laid out with the
/// button's text style, then the ▼ at the right, at least `width` wide);
/// open, egui's own list with `contents`. Its id, its list's id, its
/// keyboard and what a screen reader reads are a `ComboBox`'s.
pub fn drop_down<R>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    (selected, width): (Arc<Galley>, f32),
    contents: impl FnOnce(&mut Ui) -> R,
) -> InnerResponse<Option<R>> {
    let button_id = ui.make_persistent_id(egui::IdSalt::new(id_salt));
    let popup_id = button_id.with("popup");
    let open = Popup::is_id_open(ui.ctx(), popup_id);
    let widgets = &ui.visuals().widgets;
    let (look, icon_look) = if open {
        (widgets.open, widgets.open)
    } else {
        let look = *widgets.state(last_state(ui, button_id));
        let icon_look = match ui.ctx().read_response(button_id) {
            Some(last) => *ui.style().interact(&last),
            None => widgets.inactive,
        };
        (look, icon_look)
    };
    let frame = button_frame(ui, &look, Margin::from(ui.spacing().button_padding));
    let margin = frame.total_margin();
    let (icon, gap) = (ui.spacing().icon_width, ui.spacing().icon_spacing);
    let min_size = Vec2::new(width, ui.spacing().interact_size.y);
    let inner = Vec2::new(selected.size().x + gap + icon, selected.size().y.max(icon));
    let (_, rect) = ui.allocate_space((inner + margin.sum()).at_least(min_size));
    let mut response = ui.interact(rect, button_id, Sense::click());
    let intrinsic = Vec2::new(
        selected.intrinsic_size().x + gap + icon,
        selected.intrinsic_size().y.max(icon),
    );
    response.set_intrinsic_size((intrinsic + margin.sum()).at_least(min_size));
    if ui.is_rect_visible(rect) {
        // As egui's atom layout places a text and a growing icon.
        let inner_rect = rect - margin;
        ui.painter().add(frame.paint(inner_rect));
        let grow = (inner_rect.width() - inner.x).max(0.0).floor_ui();
        let block = Vec2::new(inner_rect.width(), inner.y);
        let aligned = ui
            .layout()
            .align2()
            .align_size_within_rect(block, inner_rect);
        let mut cursor = aligned.min.x;
        let text_cell =
            Rect::from_x_y_ranges(cursor..=cursor + selected.size().x, aligned.y_range());
        let text_at = Align2::CENTER_CENTER
            .align_size_within_rect(selected.size(), text_cell)
            .min;
        ui.painter()
            .galley(text_at, Arc::clone(&selected), look.text_color());
        cursor += selected.size().x + gap;
        let icon_cell = Rect::from_x_y_ranges(cursor..=cursor + icon + grow, aligned.y_range());
        let icon_rect = Align2::RIGHT_CENTER
            .align_size_within_rect(Vec2::splat(icon), icon_cell)
            .expand(icon_look.expansion);
        let triangle = Rect::from_center_size(
            icon_rect.center(),
            Vec2::new(icon_rect.width() * 0.7, icon_rect.height() * 0.45),
        );
        ui.painter().add(egui::Shape::rotated_triangle(
            triangle,
            0.0,
            icon_look.fg_stroke.color,
        ));
    }
    let text = selected.text();
    response.widget_info(|| {
        let mut info = WidgetInfo::new(egui::Role::ComboBox);
        info.enabled = ui.is_enabled();
        info.current_text_value = Some(text.to_owned());
        info
    });
    let inner = may_open(&response)
        .then(|| {
            Popup::menu(&response)
                .id(popup_id)
                .width(response.rect.width())
                .close_behavior(PopupCloseBehavior::CloseOnClick)
                .show(|ui| {
                    ui.set_min_width(ui.available_width());
                    egui::ScrollArea::vertical()
                        .max_height(ui.spacing().combo_height)
                        .show(ui, |ui| {
                            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                            contents(ui)
                        })
                        .inner
                })
        })
        .flatten()
        .map(|shown| shown.inner);
    if inner.is_some() {
        ui.ctx().accesskit_node_builder(popup_id, |node| {
            node.set_role(egui::Role::ListBox);
        });
    }
    InnerResponse::new(inner, response)
}

/// A button's frame in `look`, with `padding` inside (a `Button`'s, as
/// the theme gives it).
fn button_frame(ui: &Ui, look: &egui::style::WidgetVisuals, padding: Margin) -> Frame {
    if ui.visuals().button_frame {
        Frame {
            fill: look.weak_bg_fill,
            corner_radius: look.corner_radius,
            inner_margin: padding,
            ..Frame::default()
        }
        .apply_stroke_and_expansion_without_layout_shift(look.bg_stroke, look.expansion)
    } else {
        Frame::new()
    }
}
