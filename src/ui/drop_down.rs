//! Drop-down lists the keyboard can leave. egui closes a list only on a
//! pointer's click: Enter or Space on an entry chose it but left the list
//! open over the form, and Escape closed it with the keyboard nowhere, so
//! Tab started again at the menu bar (issue 21: every flow by keyboard).
//! Every fixed list of the window draws its entries with [`entry`] and
//! ends with [`keep_the_keyboard`].

use egui::{Response, Ui, WidgetText};

/// One entry of a list: chosen by a click, Enter or Space, which closes
/// the list; `picked` says so to [`keep_the_keyboard`].
pub(crate) fn entry<V: PartialEq>(
    ui: &mut Ui,
    current: &mut V,
    value: V,
    text: impl Into<WidgetText>,
    picked: &mut bool,
) -> Response {
    let response = ui.selectable_value(current, value, text);
    *picked |= close_on_choice(ui, &response);
    response
}

/// Closes a drop-down list once `entry` is chosen, and says whether it
/// was. Enter or Space on an entry chooses it as a click does, but egui
/// closes the list only on a pointer's click: by the keyboard the list
/// stayed open over the preview. The caller gives the keyboard back to
/// the list's button, which would otherwise go nowhere.
pub(crate) fn close_on_choice(ui: &Ui, entry: &egui::Response) -> bool {
    if entry.clicked() {
        ui.close();
    }
    entry.clicked()
}

/// Gives the keyboard back to a drop-down list's button once the list
/// closes with it inside: after an entry was `picked`, or Escape, which
/// leaves the keyboard nowhere (Tab would start again at the menu bar).
pub(crate) fn keep_the_keyboard(ui: &Ui, list: &egui::Response, picked: bool) {
    let open = egui::ComboBox::is_open(ui.ctx(), list.id);
    let was_open_id = list.id.with("coalition-desk-was-open");
    let was_open = ui
        .data(|d| d.get_temp::<bool>(was_open_id))
        .unwrap_or(false);
    let closed_on_nothing = was_open && !open && ui.memory(|m| m.focused().is_none());
    if picked || closed_on_nothing {
        list.request_focus();
    }
    ui.data_mut(|d| d.insert_temp(was_open_id, open));
}
