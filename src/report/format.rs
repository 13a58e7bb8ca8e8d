//! How dates, times and amounts read on a printed page.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use rust_decimal::Decimal;

use crate::model::{Money, Quantity};

/// "10 April 2025".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// "09:00–11:30 (Europe/London)", or `None` when no time is recorded.
pub fn times(start: Option<NaiveTime>, end: Option<NaiveTime>, zone: Tz) -> Option<String> {
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    let span = match (start, end) {
        (Some(start), Some(end)) => format!("{}–{}", hm(start), hm(end)),
        (Some(start), None) => format!("from {}", hm(start)),
        (None, Some(end)) => format!("until {}", hm(end)),
        (None, None) => return None,
    };
    Some(format!("{span} ({})", zone.name()))
}

/// Groups the whole part of a decimal in threes: 250000000.00 → 250,000,000.00.
pub fn grouped(amount: Decimal) -> String {
    let text = amount.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match fraction {
        Some(fraction) => format!("{sign}{out}.{fraction}"),
        None => format!("{sign}{out}"),
    }
}

/// "EUR 250,000,000.00".
pub fn money(value: &Money) -> String {
    format!("{} {}", value.currency, grouped(value.amount))
}

/// "200 instructors".
pub fn quantity(quantity: &Quantity) -> String {
    format!("{} {}", grouped(quantity.amount), quantity.unit)
        .trim_end()
        .to_string()
}
