//! A picker that finds its entry by typing, for every list long enough
//! that scrolling through it is slow (participants, people, meetings,
//! series, markings, an action's owner).
//!
//! It opens like any drop-down (click, or Space or Enter on it) with a
//! find field that has the keyboard: typed letters keep the entries whose
//! name holds them, case and accents aside ("cote" finds "Côte d'Ivoire",
//! "fra" finds "France" before "Central African Republic"); ↑/↓ move,
//! Enter chooses, Escape or Tab closes and gives the keyboard back to the
//! picker. Typing on the closed picker opens it with those letters.

use egui::{
    AsIdSalt, Button, ComboBox, Event, Id, InputState, Key, Modifiers, Popup, PopupCloseBehavior,
    Response, RichText, ScrollArea, TextEdit, Ui, WidgetText,
};

use crate::ui::repeated;

mod matching;

pub use matching::{Choice, folded, found};

/// How tall the list grows before it scrolls under the find field.
const LIST_HEIGHT: f32 = 300.0;

/// How far Page Up and Page Down move.
const PAGE: usize = 10;

/// What the open list remembers between frames.
#[derive(Clone, Debug, Default, PartialEq)]
struct ListState {
    /// Whether the list was open last frame: when not, it opens afresh.
    open: bool,
    /// What the officer has typed.
    typed: String,
    /// Which of the found entries Enter would choose.
    highlighted: usize,
    /// Letters typed on the closed picker, to start the find field with.
    seed: String,
    /// The picker's own id, as last drawn.
    button: Option<Id>,
    /// The find field is still to take the keyboard: not in the pass
    /// that only measures the list, which would give it up again.
    to_focus: bool,
    /// The frame the list opened in: the key that opened it (Enter on
    /// the picker) is not also the key that chooses.
    opened_in: u64,
}

impl ListState {
    fn load(ui: &Ui, id: Id) -> Self {
        ui.data(|d| d.get_temp::<ListState>(id)).unwrap_or_default()
    }

    fn store(self, ui: &Ui, id: Id) {
        ui.data_mut(|d| d.insert_temp(id, self));
    }
}

/// What happened in the open list this frame.
enum Outcome {
    Stays,
    Chosen(usize),
    Closed,
}

/// The entries of a picker: a list at hand, or how to make it. A picker
/// makes its list only while it is open, so a closed one costs a frame
/// nothing: on a register of 2,000 meetings and 420 people, the pickers
/// of one meeting editor (a "+ sitting for" per attendance row, each
/// listing all 420 people, an owner per action) built thousands of
/// labels a frame that no one saw.
pub trait Choices<T> {
    /// The list, made.
    type List: AsRef<[Choice<T>]>;
    /// Makes the list (called only while the picker's list is open).
    fn make(self) -> Self::List;
}

impl<'a, T> Choices<T> for &'a [Choice<T>] {
    type List = &'a [Choice<T>];
    fn make(self) -> Self::List {
        self
    }
}

impl<'a, T> Choices<T> for &'a Vec<Choice<T>> {
    type List = &'a [Choice<T>];
    fn make(self) -> Self::List {
        self.as_slice()
    }
}

impl<T, F: FnOnce() -> Vec<Choice<T>>> Choices<T> for F {
    type List = Vec<Choice<T>>;
    fn make(self) -> Self::List {
        self()
    }
}

/// Picks `value` from `choices`; `shown` is what the closed picker says.
/// Returns the picker's response, changed when the value changed.
pub fn find_choice_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    id_salt: impl AsIdSalt + Copy,
    shown: impl Into<WidgetText>,
    value: &mut T,
    choices: impl Choices<T>,
    width: Option<f32>,
) -> Response {
    picker_ui(ui, id_salt, shown, value, choices, (width, false))
}

/// [`find_choice_ui`] `width` wide whose closed picker wraps what it
/// says (a meeting's title can be a sentence).
pub fn find_choice_wrapped_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    id_salt: impl AsIdSalt + Copy,
    shown: impl Into<WidgetText>,
    value: &mut T,
    choices: impl Choices<T>,
    width: f32,
) -> Response {
    picker_ui(ui, id_salt, shown, value, choices, (Some(width), true))
}

fn picker_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    id_salt: impl AsIdSalt + Copy,
    shown: impl Into<WidgetText>,
    value: &mut T,
    choices: impl Choices<T>,
    (width, wrap): (Option<f32>, bool),
) -> Response {
    let state_id = ui.make_persistent_id(("find-choice", id_salt));
    open_on_typing(ui, state_id);
    let mut combo = ComboBox::from_id_salt(id_salt)
        .selected_text(shown.into())
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        // The list scrolls by itself under the find field.
        .height(f32::INFINITY);
    if let Some(width) = width {
        // Never wider than the row leaves, so nothing is pushed off the
        // window's edge at 1024 px or 150 % text.
        combo = combo.width(super::widgets::fit_width(ui, width));
    }
    if wrap {
        combo = combo.wrap();
    }
    let shown = combo.show_ui(ui, |ui| {
        let list = choices.make();
        let list = list.as_ref();
        let current = list.iter().position(|c| c.value == *value);
        let outcome = list_ui(ui, state_id, list, current);
        let chosen = match outcome {
            Outcome::Chosen(i) => list.get(i).map(|c| c.value.clone()),
            Outcome::Stays | Outcome::Closed => None,
        };
        (outcome, chosen)
    });
    let mut response = shown.response;
    let (outcome, chosen) = shown.inner.unzip();
    if let Some(Some(chosen)) = chosen
        && chosen != *value
    {
        *value = chosen;
        response.mark_changed();
    }
    after_list(ui, state_id, &response, outcome);
    response
}

/// A button (such as "+" beside a list of convenors) that opens the list
/// and gives back the entry chosen, once.
pub fn find_to_add_ui<T: Clone>(
    ui: &mut Ui,
    id_salt: impl AsIdSalt + Copy,
    button: impl egui::Widget,
    choices: impl Choices<T>,
) -> (Response, Option<T>) {
    let state_id = ui.make_persistent_id(("find-to-add", id_salt));
    open_on_typing(ui, state_id);
    let response = ui.add(button);
    let outcome = repeated::may_open(&response)
        .then(|| {
            Popup::menu(&response)
                .id(popup_of(response.id))
                .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
                .show(|ui| {
                    let list = choices.make();
                    let list = list.as_ref();
                    let outcome = list_ui(ui, state_id, list, None);
                    let added = match outcome {
                        Outcome::Chosen(i) => list.get(i).map(|c| c.value.clone()),
                        Outcome::Stays | Outcome::Closed => None,
                    };
                    (outcome, added)
                })
        })
        .flatten()
        .map(|r| r.inner);
    let (outcome, added) = outcome.unzip();
    let added = added.flatten();
    after_list(ui, state_id, &response, outcome);
    (response, added)
}

/// The id of the list a button opens: egui's own rule for a drop-down,
/// used for both kinds so letters typed on either open it.
fn popup_of(button: Id) -> Id {
    button.with("popup")
}

/// Letters typed while the closed picker has the keyboard open it, and
/// start the find field with them. The picker's id is last frame's.
fn open_on_typing(ui: &Ui, state_id: Id) {
    // Most frames nothing is typed: no picker's state need be looked at.
    let letters = |event: &Event| matches!(event, Event::Text(text) if !text.trim().is_empty());
    if !ui.input(|input| input.events.iter().any(letters)) {
        return;
    }
    let mut state = ListState::load(ui, state_id);
    let Some(button) = state.button else {
        return;
    };
    let popup = popup_of(button);
    if !ui.memory(|m| m.has_focus(button)) || Popup::is_id_open(ui.ctx(), popup) {
        return;
    }
    let typed = ui.input_mut(|input| {
        let mut typed = String::new();
        input.events.retain(|event| match event {
            // A space is how a drop-down opens, not a letter to find.
            Event::Text(text) if letters(event) => {
                typed.push_str(text);
                false
            }
            _ => true,
        });
        typed
    });
    if typed.is_empty() {
        return;
    }
    state.seed = typed;
    state.store(ui, state_id);
    Popup::open_id(ui.ctx(), popup);
}

/// After the list: remembers the picker's id, and when the list closed,
/// forgets what was typed and gives the keyboard back to the picker, so
/// Tab goes on to the next field of the form.
fn after_list(ui: &Ui, state_id: Id, picker: &Response, outcome: Option<Outcome>) {
    let kept = ListState::load(ui, state_id);
    let mut state = kept.clone();
    state.button = Some(picker.id);
    match outcome {
        Some(Outcome::Stays) => {}
        Some(Outcome::Chosen(_) | Outcome::Closed) => {
            Popup::close_id(ui.ctx(), popup_of(picker.id));
            picker.request_focus();
            state.open = false;
            state.typed.clear();
        }
        None => {
            state.open = false;
            state.typed.clear();
        }
    }
    // A closed picker keeps the same state frame after frame.
    if state != kept {
        state.store(ui, state_id);
    }
}

/// Keys the open list acts on, taken before the find field sees them.
#[derive(Default)]
struct ListKeys {
    down: usize,
    up: usize,
    choose: bool,
    close: bool,
}

impl ListKeys {
    fn take(input: &mut InputState) -> Self {
        let mut keys = ListKeys::default();
        keys.down += input.count_and_consume_key(Modifiers::NONE, Key::ArrowDown);
        keys.up += input.count_and_consume_key(Modifiers::NONE, Key::ArrowUp);
        keys.down += PAGE * input.count_and_consume_key(Modifiers::NONE, Key::PageDown);
        keys.up += PAGE * input.count_and_consume_key(Modifiers::NONE, Key::PageUp);
        keys.choose = input.consume_key(Modifiers::NONE, Key::Enter);
        keys.close = input.consume_key(Modifiers::NONE, Key::Escape)
            | input.consume_key(Modifiers::NONE, Key::Tab)
            | input.consume_key(Modifiers::SHIFT, Key::Tab);
        keys
    }

    fn moved(&self) -> bool {
        self.down > 0 || self.up > 0
    }
}

/// The line the officer types in to find an entry; it keeps the arrows,
/// Escape and Tab for the list. Just opened with letters already typed
/// (`opening`), it puts the cursor after them.
fn find_field_ui(ui: &mut Ui, field_id: Id, typed: &mut String, opening: bool) {
    let field = ui.add(
        TextEdit::singleline(typed)
            .id(field_id)
            .hint_text("Type to find")
            .desired_width(f32::INFINITY)
            .event_filter(egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
                tab: true,
            }),
    );
    let field = field.accessible_name("Type to find");
    if opening && !typed.is_empty() {
        // The seeded letters are kept, with the cursor after them.
        let mut edit = egui::text_edit::TextEditState::load(ui.ctx(), field.id).unwrap_or_default();
        let end = egui::text::CCursor::new(typed.chars().count());
        edit.cursor
            .set_char_range(Some(egui::text::CCursorRange::one(end)));
        edit.store(ui.ctx(), field.id);
    }
}

/// The find field and the entries it finds.
fn list_ui<T>(ui: &mut Ui, state_id: Id, choices: &[Choice<T>], current: Option<usize>) -> Outcome {
    let mut state = ListState::load(ui, state_id);
    let field_id = state_id.with("field");
    let opening = !state.open;
    if opening {
        state.open = true;
        state.typed = std::mem::take(&mut state.seed);
        state.highlighted = if state.typed.is_empty() {
            current.unwrap_or(0)
        } else {
            0
        };
        state.to_focus = true;
        state.opened_in = ui.ctx().cumulative_frame_nr();
    }
    if state.to_focus && !ui.is_sizing_pass() {
        state.to_focus = false;
        ui.memory_mut(|m| m.request_focus(field_id));
    }
    let has_keyboard = ui.memory(|m| m.has_focus(field_id));
    let keys = if has_keyboard && state.opened_in != ui.ctx().cumulative_frame_nr() {
        ui.input_mut(ListKeys::take)
    } else {
        ListKeys::default()
    };
    ui.set_min_width(260.0);
    let before = state.typed.clone();
    find_field_ui(ui, field_id, &mut state.typed, opening);
    let list = found(choices, &state.typed);
    if state.typed != before {
        state.highlighted = 0;
    }
    if !list.is_empty() {
        let last = list.len() - 1;
        state.highlighted = state
            .highlighted
            .saturating_add(keys.down)
            .saturating_sub(keys.up)
            .min(last);
    }
    let mut outcome = if keys.close {
        Outcome::Closed
    } else if keys.choose {
        list.get(state.highlighted)
            .map_or(Outcome::Stays, |&i| Outcome::Chosen(i))
    } else {
        Outcome::Stays
    };
    ui.separator();
    ScrollArea::vertical()
        .max_height(LIST_HEIGHT)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if list.is_empty() {
                ui.weak(format!("Nothing matches “{}”", state.typed.trim()));
            }
            let mut group = "";
            for (row, &i) in list.iter().enumerate() {
                let Some(choice) = choices.get(i) else {
                    continue;
                };
                if choice.group != group && state.typed.trim().is_empty() {
                    group = choice.group;
                    ui.label(RichText::new(group).small().weak());
                }
                let highlighted = row == state.highlighted;
                // The entry chosen now stands out, named as it always is.
                let text = if Some(i) == current {
                    RichText::new(&choice.label).strong()
                } else {
                    RichText::new(&choice.label)
                };
                let mut entry = ui.add(
                    Button::selectable(highlighted, text)
                        .min_size(egui::vec2(ui.available_width(), 0.0)),
                );
                if !choice.hint.is_empty() {
                    entry = entry.on_hover_text(&choice.hint);
                }
                if highlighted && (keys.moved() || opening || ui.is_sizing_pass()) {
                    entry.scroll_to_me(None);
                }
                if entry.clicked() {
                    outcome = Outcome::Chosen(i);
                }
            }
        });
    state.store(ui, state_id);
    outcome
}
