//! The one date field of the window: typed as 2025-04-10, 10/04/2025 or
//! 10 Apr 2025 (the core reads it), with egui_extras' calendar beside it
//! for whoever prefers to pick. A date the core refuses stays in red with
//! the reason under it and changes nothing.

use chrono::{Datelike, NaiveDate};
use egui::{Response, Ui};

use super::typed_field::{TypedField, read_optional, typed_ui};
use crate::model::typed_values;
use crate::ui::shown_error::FieldRefusal;

/// What the calendar button says; the calendar emoji is in none of the
/// bundled fonts, so it would draw as a box.
const CALENDAR: &str = "Calendar";

const HELP: &str = "Type a date such as 2025-04-10, 10/04/2025 or 10 Apr 2025, \
                    or pick it on the calendar";

const OPTIONAL_HELP: &str = "Type a date such as 2025-04-10, 10/04/2025 or 10 Apr 2025, \
                             pick it on the calendar, or empty the field for no date";

fn to_jiff(date: NaiveDate) -> jiff::civil::Date {
    // Every date the model holds fits jiff's range except far-off years; those
    // fall back to jiff's default rather than panicking.
    let month = i8::try_from(date.month()).unwrap_or(1);
    let day = i8::try_from(date.day()).unwrap_or(1);
    i16::try_from(date.year())
        .ok()
        .and_then(|year| jiff::civil::Date::new(year, month, day).ok())
        .unwrap_or_default()
}

fn from_jiff(date: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        date.year().into(),
        u32::try_from(date.month()).ok()?,
        u32::try_from(date.day()).ok()?,
    )
}

/// The calendar beside a date field, opening on `date`; the day the
/// officer saves, even the one it opened on (an absent date's default).
fn calendar_ui(ui: &mut Ui, id_salt: &str, date: NaiveDate) -> Option<NaiveDate> {
    let mut picked = to_jiff(date);
    let salt = format!("{id_salt}_calendar");
    let response = ui
        .add(
            egui_extras::DatePickerButton::new(&mut picked)
                .id_salt(&salt)
                .show_icon(false)
                .format(CALENDAR),
        )
        .on_hover_text("Pick the date on a calendar");
    response.changed().then(|| from_jiff(picked)).flatten()
}

/// A date that must be given.
pub fn date_ui(ui: &mut Ui, id_salt: &str, date: &mut NaiveDate) -> Response {
    checked_date_ui(ui, id_salt, date, |_| Ok(()))
}

/// A date that must be given and pass `check`, e.g. a step of a record's
/// life, which cannot be dated after today.
pub fn checked_date_ui(
    ui: &mut Ui,
    id_salt: &str,
    date: &mut NaiveDate,
    check: impl Fn(NaiveDate) -> Result<(), FieldRefusal>,
) -> Response {
    let read = |text: &str| -> Result<NaiveDate, FieldRefusal> {
        let date = typed_values::read_date(text)?;
        check(date)?;
        Ok(date)
    };
    let field = TypedField {
        id_salt,
        width: 96.0,
        hint: "2025-04-10",
        help: HELP,
        show: &|date: &NaiveDate| date.to_string(),
        read: &read,
    };
    typed_ui(ui, field, date, |ui, date| {
        calendar_ui(ui, id_salt, *date).map(|picked| picked.to_string())
    })
}

/// The check on a day something happened: today at the latest. Today is a
/// default, never a constraint beyond this.
pub fn not_after(today: NaiveDate) -> impl Fn(NaiveDate) -> Result<(), FieldRefusal> {
    move |date| {
        if date > today {
            Err(FieldRefusal::new(format!(
                "{date} is after today ({today}): type the day it happened."
            )))
        } else {
            Ok(())
        }
    }
}

/// A date that may be absent: an empty field means none. The calendar
/// opens on `default` while there is no date (a meeting's day, say).
pub fn optional_date_ui(
    ui: &mut Ui,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    default: NaiveDate,
) -> Response {
    checked_optional_date_ui(ui, id_salt, date, default, |_| Ok(()))
}

/// An optional date that must also pass `check`, e.g. a role's end after
/// its start.
pub fn checked_optional_date_ui(
    ui: &mut Ui,
    id_salt: &str,
    date: &mut Option<NaiveDate>,
    default: NaiveDate,
    check: impl Fn(NaiveDate) -> Result<(), FieldRefusal>,
) -> Response {
    let read = |text: &str| read_optional(text, typed_values::read_date, &check);
    let field = TypedField {
        id_salt,
        width: 96.0,
        hint: "no date",
        help: OPTIONAL_HELP,
        show: &|date: &Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default(),
        read: &read,
    };
    typed_ui(ui, field, date, |ui, date| {
        calendar_ui(ui, id_salt, date.unwrap_or(default)).map(|picked| picked.to_string())
    })
}

/// The check on the first day of a span (a role, say): not after its last.
pub fn starts_by(from: NaiveDate, to: Option<NaiveDate>) -> Result<(), FieldRefusal> {
    match to {
        Some(to) if from > to => Err(FieldRefusal::new(format!(
            "{from} is after the end on {to}: change the end first, or type an earlier day."
        ))),
        _ => Ok(()),
    }
}

/// The check on the last day of a span: not before its first.
pub fn ends_by(from: Option<NaiveDate>, to: NaiveDate) -> Result<(), FieldRefusal> {
    match from {
        Some(from) if to < from => Err(FieldRefusal::new(format!(
            "{to} is before the start on {from}: type a later day."
        ))),
        _ => Ok(()),
    }
}
