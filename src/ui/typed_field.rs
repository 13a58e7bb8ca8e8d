//! Fields the officer types into and the core reads: amounts, times, time
//! zones, and (in `date_field`) dates. A text the core refuses stays on
//! screen in red with the reason under it, for as long as it takes to
//! correct, and the value it was meant for is left as it was: nothing is
//! replaced by 0 or put back without a word.

use chrono::NaiveTime;
use chrono_tz::Tz;
use egui::response::Flags;
use egui::{Response, TextEdit, Ui};
use rust_decimal::Decimal;

use super::shown_error;
use crate::model::{amounts, typed_values};
use crate::ui::shown_error::FieldRefusal;

/// The narrowest a refused text's reason wraps at; a wider field and
/// its calendar give it their width.
const REASON_WIDTH: f32 = 140.0;

/// Marks, beside a field's id, that it holds a refused text.
const REFUSED: &str = "refused";

/// How a typed value is shown, read back and explained.
pub(super) struct TypedField<'a, T> {
    pub id_salt: &'a str,
    pub width: f32,
    pub hint: &'a str,
    pub help: &'a str,
    pub show: &'a dyn Fn(&T) -> String,
    pub read: &'a dyn Fn(&str) -> Result<T, FieldRefusal>,
}

/// What the officer typed, and the value shown when they typed it: when
/// the value changes from elsewhere (undo, another record) the draft no
/// longer belongs to it and is dropped.
#[derive(Clone)]
struct Draft {
    text: String,
    shown: String,
}

/// The widget's response, saying it changed exactly when the value did:
/// a text field that holds an unreadable text has changed, its value not.
pub(super) fn changed_when(mut response: Response, changed: bool) -> Response {
    response.flags.set(Flags::CHANGED, changed);
    response
}

/// A value typed as text, with `beside` drawn to the right of the field:
/// a calendar, say, which answers the text it puts in the field, read as
/// if typed. Returns the text field's response, changed when the value
/// changed.
pub(super) fn typed_ui<T: PartialEq>(
    ui: &mut Ui,
    field: TypedField<'_, T>,
    value: &mut T,
    beside: impl FnOnce(&mut Ui, &T) -> Option<String>,
) -> Response {
    let id = ui.make_persistent_id(field.id_salt).with("typed");
    ui.vertical(|ui| {
        let shown = (field.show)(value);
        let draft = ui
            .data(|d| d.get_temp::<Draft>(id))
            .filter(|draft| draft.shown == shown);
        let mut text = draft.map_or(shown, |draft| draft.text);
        let row = ui.horizontal(|ui| {
            let reading = (field.read)(&text);
            let response = ui.add(
                TextEdit::singleline(&mut text)
                    .id_salt(field.id_salt)
                    .desired_width(field.width)
                    .hint_text(field.hint)
                    .text_color_opt(
                        reading
                            .is_err()
                            .then_some(shown_error::colour(ui.visuals())),
                    ),
            );
            let response = response.on_hover_text(field.help);
            (response, beside(ui, value))
        });
        let row_width = row.response.rect.width();
        let (response, picked) = row.inner;
        let edited = response.changed() || picked.is_some();
        if let Some(picked) = picked {
            text = picked;
        }
        let mut changed = false;
        let reason = match (field.read)(&text) {
            Ok(new) => {
                if edited && new != *value {
                    *value = new;
                    changed = true;
                }
                None
            }
            Err(reason) => Some(reason),
        };
        let shown = (field.show)(value);
        let settled = text == shown || (reason.is_none() && !response.has_focus());
        if settled {
            ui.data_mut(|d| d.remove::<Draft>(id));
        } else {
            ui.data_mut(|d| d.insert_temp(id, Draft { text, shown }));
        }
        let refused_id = response.id.with(REFUSED);
        ui.data_mut(|d| {
            if reason.is_some() {
                d.insert_temp(refused_id, true);
            } else {
                d.remove::<bool>(refused_id);
            }
        });
        if let Some(reason) = reason {
            // Wrapped about the field's own width: a reason as wide as it
            // likes would push the row's next field off the panel, and one
            // that wraps at the grid's width resizes the grid for frames.
            ui.scope(|ui| {
                ui.set_max_width(row_width.max(REASON_WIDTH));
                shown_error::label(ui, reason.to_string());
            });
        }
        changed_when(response, changed)
    })
    .inner
}

/// Whether the typed field `field` answered holds a text it refused: a
/// form's button that would use the field's value waits until it reads.
pub fn holds_refused_text(ui: &Ui, field: &Response) -> bool {
    ui.data(|d| d.get_temp::<bool>(field.id.with(REFUSED)))
        .unwrap_or(false)
}

/// What an optional field holds once `text` is read: nothing when it is
/// empty, else the value `read` finds in it, once `check` lets it be.
pub fn read_optional<T: Copy, E: Into<FieldRefusal>>(
    text: &str,
    read: impl FnOnce(&str) -> Result<T, E>,
    check: impl FnOnce(T) -> Result<(), FieldRefusal>,
) -> Result<Option<T>, FieldRefusal> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let value = read(text).map_err(Into::into)?;
    check(value)?;
    Ok(Some(value))
}

/// A time of day typed as HH:MM (an empty field means no time) that
/// must also pass `check`, e.g. an end after the start.
pub fn checked_time_ui(
    ui: &mut Ui,
    id_salt: &str,
    time: &mut Option<NaiveTime>,
    check: impl Fn(NaiveTime) -> Result<(), FieldRefusal>,
) -> Response {
    let read = |text: &str| read_optional(text, typed_values::read_time, &check);
    let field = TypedField {
        id_salt,
        width: 64.0,
        hint: "HH:MM",
        help: "Type a time as HH:MM, e.g. 09:30, or leave it empty",
        show: &|time: &Option<NaiveTime>| {
            time.map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default()
        },
        read: &read,
    };
    typed_ui(ui, field, time, |_, _| None)
}

/// The check on a start time: before the end, when there is one.
pub fn starts_before(start: NaiveTime, end: Option<NaiveTime>) -> Result<(), FieldRefusal> {
    match end {
        Some(end) if start >= end => Err(FieldRefusal::new(format!(
            "{} is not before the end at {}: change the end first, or type an earlier start.",
            start.format("%H:%M"),
            end.format("%H:%M")
        ))),
        _ => Ok(()),
    }
}

/// The check on an end time: after the start, when there is one.
pub fn ends_after(start: Option<NaiveTime>, end: NaiveTime) -> Result<(), FieldRefusal> {
    match start {
        Some(start) if end <= start => Err(FieldRefusal::new(format!(
            "{} is not after the start at {}: type a later end.",
            end.format("%H:%M"),
            start.format("%H:%M")
        ))),
        _ => Ok(()),
    }
}

/// An exact amount to record, typed as text ("12500000.00"). Commas and
/// spaces between groups of three digits are accepted, and the field shows
/// them as every amount on screen does ("12,500,000.00"). The value the
/// field opened with reads as itself, so a form's empty draft (zero) is not
/// shown in red before anything is typed; typing a zero is refused.
pub fn decimal_ui(ui: &mut Ui, id_salt: &str, value: &mut Decimal) -> Response {
    let current = *value;
    let shown = amounts::grouped(current);
    let read = |text: &str| -> Result<Decimal, FieldRefusal> {
        if text.trim() == shown {
            return Ok(current);
        }
        typed_values::read_amount(text).map_err(FieldRefusal::from)
    };
    let field = TypedField {
        id_salt,
        width: 110.0,
        hint: "0.00",
        help: "Type a number more than zero, such as 1500000.00 or 1,500,000.00",
        show: &|amount: &Decimal| amounts::grouped(*amount),
        read: &read,
    };
    typed_ui(ui, field, value, |_, _| None)
}

/// A whole number typed as text, within `range`.
pub fn whole_number_ui<T>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut T,
    range: std::ops::RangeInclusive<i64>,
) -> Response
where
    T: Copy + PartialEq + Into<i64> + TryFrom<i64>,
{
    let (lowest, highest) = (*range.start(), *range.end());
    let help = format!("Type a whole number from {lowest} to {highest}");
    let read = |text: &str| -> Result<T, FieldRefusal> {
        let number = typed_values::read_whole_number(text, lowest, highest)?;
        T::try_from(number).map_err(|_| FieldRefusal::new(format!("{help}.")))
    };
    let field = TypedField {
        id_salt,
        width: 40.0,
        hint: "",
        help: &help,
        show: &|value: &T| (*value).into().to_string(),
        read: &read,
    };
    typed_ui(ui, field, value, |_, _| None)
}

/// A time zone typed by its IANA name, e.g. Europe/London.
pub fn time_zone_ui(ui: &mut Ui, id_salt: &str, zone: &mut Tz) -> Response {
    let field = TypedField {
        id_salt,
        width: 160.0,
        hint: "Europe/London",
        help: "Type an IANA time zone name such as Europe/London or Europe/Paris",
        show: &|zone: &Tz| zone.name().to_string(),
        read: &|text: &str| typed_values::read_time_zone(text).map_err(FieldRefusal::from),
    };
    typed_ui(ui, field, zone, |_, _| None)
}
