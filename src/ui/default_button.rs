//! Where the keyboard is in a question or a review on top: on the answer
//! Enter should give (the one that keeps the officer's work or does what
//! they asked: Save, Delete, Recover, Save As…, OK, Import), so Enter
//! confirms, Tab moves between the answers and Escape cancels.

use egui::{Context, Id, Response, Ui, WidgetText};

/// The buttons of one window on top, and which of them Enter presses.
#[derive(Default)]
pub struct DefaultButton {
    buttons: Vec<Id>,
    default: Option<Response>,
}

impl DefaultButton {
    /// A button of the window; `default` for the one Enter presses.
    pub fn button(&mut self, ui: &mut Ui, label: impl Into<WidgetText>, default: bool) -> Response {
        let response = ui.button(label);
        self.add(response, default)
    }

    /// A button drawn by the caller (one that may be disabled).
    pub fn add(&mut self, response: Response, default: bool) -> Response {
        self.buttons.push(response.id);
        if default && response.enabled() {
            self.default = Some(response.clone());
        }
        response
    }

    /// Gives the default button the keyboard while nothing of the window
    /// has it (it has just opened, or the keyboard was left below it); a
    /// field of the window the officer is typing in keeps it.
    pub fn take_the_keyboard(&self, ctx: &Context) {
        let Some(default) = &self.default else {
            return;
        };
        let focused = ctx.memory(|m| m.focused());
        // Read without `read_response`, which would also judge the frame's
        // clicks against the widget.
        let layer_of = |id| {
            ctx.viewport(|viewport| {
                viewport
                    .this_pass
                    .widgets
                    .get(id)
                    .or_else(|| viewport.prev_pass.widgets.get(id))
                    .map(|widget| widget.layer_id)
            })
        };
        let inside = focused
            .is_some_and(|id| self.buttons.contains(&id) || layer_of(id) == Some(default.layer_id));
        if !inside {
            default.request_focus();
        }
    }
}
