//! Small editors shared by the panels. Each edits a value in place and
//! returns the `Response` of the widget the officer acts on: `.changed()`
//! says whether the value changed (so a panel can compare and emit one
//! edit), and the caller names it for screen readers, usually through
//! [`form_row`], which ties it to the label the form shows.

use chrono::{Datelike, NaiveDate, NaiveTime};
use egui::response::Flags;
use egui::{Response, TextEdit, Ui};
use rust_decimal::Decimal;
use std::str::FromStr;

use crate::model::{MeetingId, ParticipantId, PersonId, Register};

/// The widget's response, saying it changed exactly when the value did:
/// a text field that holds an unparsable text has changed, its value not.
fn changed_when(mut response: Response, changed: bool) -> Response {
    response.flags.set(Flags::CHANGED, changed);
    response
}

fn to_jiff(date: NaiveDate) -> jiff::civil::Date {
    // Every date the model holds fits jiff's range except far-off years; those
    // fall back to today's era rather than panicking.
    jiff::civil::Date::new(date.year() as i16, date.month() as i8, date.day() as i8)
        .unwrap_or_default()
}

fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year().into(), date.month() as u32, date.day() as u32)
}

/// A date with egui_extras' picker.
pub fn date_ui(ui: &mut Ui, id_salt: &str, date: &mut NaiveDate) -> Response {
    let mut picked = to_jiff(*date);
    // The calendar emoji is in none of the bundled fonts, so it would draw as a box.
    let response = ui.add(
        egui_extras::DatePickerButton::new(&mut picked)
            .id_salt(id_salt)
            .show_icon(false),
    );
    let new = from_jiff(picked).filter(|new| new != date);
    if let Some(new) = new {
        *date = new;
    }
    // A row's label names the button; the date stays its value.
    let value = date.to_string();
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_value(value));
    changed_when(response, new.is_some())
}

/// A date that may be absent: "Set date" to give one, then a picker and ×
/// to clear it. Returns the picker, or "Set date" while there is no date.
pub fn optional_date_ui(
    ui: &mut Ui,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    today: NaiveDate,
) -> Response {
    ui.horizontal(|ui| match date {
        Some(value) => {
            let mut response = date_ui(ui, id_salt, value);
            if ui
                .small_button("×")
                .on_hover_text("Clear the date")
                .accessible_name("Clear the date")
                .clicked()
            {
                *date = None;
                response.mark_changed();
            }
            response
        }
        None => {
            let mut response = ui.button("Set date");
            if response.clicked() {
                *date = Some(today);
                response.mark_changed();
            }
            response
        }
    })
    .inner
}

/// How a typed value is shown, read back and explained.
struct TypedField<'a, T> {
    id_salt: &'a str,
    width: f32,
    hint: &'a str,
    help: &'a str,
    show: fn(&T) -> String,
    parse: fn(&str) -> Option<T>,
}

/// A value typed as text. While the field has focus the text is kept as
/// typed; a text that does not parse stays on screen in red, says why on
/// hover, and leaves the value unchanged.
fn typed_ui<T: PartialEq>(ui: &mut Ui, field: TypedField<'_, T>, value: &mut T) -> Response {
    let id = ui.scope_id().with(field.id_salt).with("typed");
    let mut text: String = ui
        .data_mut(|d| d.get_temp(id))
        .unwrap_or_else(|| (field.show)(value));
    let valid = (field.parse)(&text).is_some();
    let response = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(field.width)
            .hint_text(field.hint)
            .text_color_opt((!valid).then_some(ui.visuals().error_fg_color)),
    );
    let response = if valid {
        response
    } else {
        response.on_hover_text(field.help)
    };
    let mut changed = false;
    if response.changed()
        && let Some(new) = (field.parse)(&text)
        && new != *value
    {
        *value = new;
        changed = true;
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    changed_when(response, changed)
}

/// A time of day typed as HH:MM; an empty field means no time.
pub fn time_ui(ui: &mut Ui, id_salt: &str, time: &mut Option<NaiveTime>) -> Response {
    let field = TypedField {
        id_salt,
        width: 64.0,
        hint: "HH:MM",
        help: "Type a time as HH:MM, e.g. 09:30, or leave it empty",
        show: |time: &Option<NaiveTime>| {
            time.map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default()
        },
        parse: parse_time,
    };
    typed_ui(ui, field, time)
}

/// `Some(None)` for an empty text, `Some(Some(t))` for a valid time.
fn parse_time(text: &str) -> Option<Option<NaiveTime>> {
    let text = text.trim();
    if text.is_empty() {
        return Some(None);
    }
    NaiveTime::parse_from_str(text, "%H:%M").ok().map(Some)
}

/// An exact decimal typed as text ("12500000.00"). Commas and spaces as
/// thousands separators are accepted.
pub fn decimal_ui(ui: &mut Ui, id_salt: &str, value: &mut Decimal) -> Response {
    let field = TypedField {
        id_salt,
        width: 110.0,
        hint: "0.00",
        help: "Type a number such as 1500000.00 (commas are allowed)",
        show: Decimal::to_string,
        parse: parse_decimal,
    };
    typed_ui(ui, field, value)
}

fn parse_decimal(text: &str) -> Option<Decimal> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    Decimal::from_str(&cleaned).ok()
}

/// Picks one of a fixed set of values (an enum with labels).
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Response {
    let before = *value;
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for option in all {
                ui.selectable_value(value, *option, label(*option));
            }
        });
    changed_when(combo.response, *value != before)
}

/// Picks one of a list of strings kept in the register (areas, markings).
pub fn list_choice_ui(ui: &mut Ui, id_salt: &str, value: &mut String, all: &[String]) -> Response {
    let before = value.clone();
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(value.as_str())
        .show_ui(ui, |ui| {
            for option in all {
                ui.selectable_value(value, option.clone(), option);
            }
        });
    changed_when(combo.response, *value != before)
}

/// Picks a participant, or none when `allow_none`.
pub fn participant_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    value: &mut Option<ParticipantId>,
    allow_none: bool,
) -> Response {
    let before = *value;
    let text = value
        .map(|id| register.participant_name(id))
        .unwrap_or_else(|| "—".into());
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .show_ui(ui, |ui| {
            if allow_none {
                ui.selectable_value(value, None, "—");
            }
            for id in register.participants_by_name() {
                let name = register.participant_name(id);
                ui.selectable_value(value, Some(id), name);
            }
        });
    changed_when(combo.response, *value != before)
}

/// Picks a person; `candidates` limits the list (e.g. people of one nation).
pub fn person_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    value: &mut Option<PersonId>,
    candidates: &[PersonId],
) -> Response {
    let before = *value;
    let text = value
        .map(|id| register.person_name(id))
        .unwrap_or_else(|| "—".into());
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "—");
            for id in candidates {
                ui.selectable_value(value, Some(*id), register.person_name(*id));
            }
        });
    changed_when(combo.response, *value != before)
}

/// Picks a meeting, newest first, or none.
pub fn meeting_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    value: &mut Option<MeetingId>,
) -> Response {
    let before = *value;
    let text = value
        .map(|id| register.meeting_title(id))
        .unwrap_or_else(|| "—".into());
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(text)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "—");
            for id in register.meetings_by_date().into_iter().rev() {
                ui.selectable_value(value, Some(id), register.meeting_title(id));
            }
        });
    changed_when(combo.response, *value != before)
}

/// A row of a two-column form grid: the label the officer reads, then the
/// widget it names, so a screen reader (and a UI test) finds the widget by
/// that label. `add` returns the widget the label is for; where a row holds
/// several, the first the officer would use.
pub fn form_row(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui) -> Response) -> Response {
    let label = ui.label(label);
    let response = add(ui).labelled_by(label.id);
    ui.end_row();
    response
}

/// A one-line text field with its label, as one row of a form grid.
pub fn text_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    form_row(ui, label, |ui| {
        ui.add(TextEdit::singleline(text).desired_width(f32::INFINITY))
    })
}

/// A multi-line text field with its label, as one row of a form grid.
pub fn multiline_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    form_row(ui, label, |ui| {
        ui.add(
            TextEdit::multiline(text)
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        )
    })
}

/// Puts the keyboard in `field` with its `text` selected, so the officer's
/// first keystrokes replace a placeholder such as "New participant".
pub fn focus_field(ui: &Ui, field: &Response, text: &str) {
    field.request_focus();
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), field.id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    state.store(ui.ctx(), field.id);
}
