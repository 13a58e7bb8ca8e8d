//! Reading the values the register file holds as text — dates, times,
//! time zones and amounts, in the one strict form the file writes them —
//! with errors that say what is wrong with the value, e.g.
//! "2025-02-30 is not a date: February 2025 has 28 days" where chrono says
//! "input is out of range". Used with `#[serde(deserialize_with)]`, so the
//! types stay chrono's and rust_decimal's and writing is unchanged. What
//! the officer types in the window is read by `typed_values.rs`, which
//! accepts more ways of writing the same value.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::ValueError;
use super::value_problems::{date_problem, date_time_problem, time_problem, time_zone_problem};

/// How every register is read: an optional field may be written bare
/// (`due: "2025-06-30"`) as well as `Some("2025-06-30")`, as a person
/// typing the file would. ron tries `Some(` first, so what Coalition
/// Desk writes reads as before. Storage reads files with it, and a merge
/// reads a value the officer typed for a conflict with it.
pub(crate) fn read_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

pub fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    Date::deserialize(deserializer).map(|date| date.0)
}

pub fn optional_date<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Date>::deserialize(deserializer).map(|date| date.map(|date| date.0))
}

pub fn optional_time<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveTime>, D::Error> {
    Option::<Time>::deserialize(deserializer).map(|time| time.map(|time| time.0))
}

pub fn time_zone<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Tz, D::Error> {
    deserializer.deserialize_str(TextVisitor(|text: &str| {
        Tz::from_str(text).map_err(|_| ValueError::from(time_zone_problem(text)))
    }))
}

/// When a merge or a save was made, written `2025-05-02T10:15:00`; a
/// wrong one says which part is wrong rather than chrono's "input is out
/// of range".
pub fn date_time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
    deserializer.deserialize_str(TextVisitor(|text: &str| {
        NaiveDateTime::from_str(text).map_err(|_| ValueError::from(date_time_problem(text)))
    }))
}

/// An exact decimal written as text. A number written bare is refused:
/// ron reads it as a float first, and a float loses digits.
pub fn amount<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(AmountVisitor)
}

struct Date(NaiveDate);

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_str(TextVisitor(|text: &str| {
                written_date(text)
                    .or_else(|| NaiveDate::from_str(text).ok())
                    .ok_or_else(|| ValueError::from(date_problem(text)))
            }))
            .map(Date)
    }
}

/// A date written as Coalition Desk writes it, `YYYY-MM-DD`, read
/// without chrono's general parser (a large register holds a million
/// dates); anything else, chrono reads as before.
fn written_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        bytes.get(range)?.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

struct Time(NaiveTime);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_str(TextVisitor(|text: &str| {
                NaiveTime::from_str(text).map_err(|_| ValueError::from(time_problem(text)))
            }))
            .map(Time)
    }
}

/// A string read by `parse`, whose error is the whole message.
struct TextVisitor<F>(F);

impl<'de, T, F: Fn(&str) -> Result<T, ValueError>> Visitor<'de> for TextVisitor<F> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text in double quotes")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.0)(text).map_err(E::custom)
    }
}

struct AmountVisitor;

impl AmountVisitor {
    fn bare<E: de::Error>(written: String) -> E {
        E::custom(format!(
            "{written} is written as a number: write amounts as text, \
             e.g. amount: \"{written}\", so that no digit is lost"
        ))
    }
}

impl<'de> Visitor<'de> for AmountVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount as text, e.g. \"1500000.00\"")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        super::amounts::read_written(text, super::amounts::Written::InFile).map_err(E::custom)
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Err(Self::bare(value.to_string()))
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Err(Self::bare(value.to_string()))
    }
    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Decimal, E> {
        Err(Self::bare(value.to_string()))
    }
    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Decimal, E> {
        Err(Self::bare(value.to_string()))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Err(Self::bare(format!("{value:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_date_reads_as_chrono_reads_it() {
        for text in [
            "2025-04-10",
            "2024-02-29",
            "2025-02-29",
            "0000-01-01",
            "9999-12-31",
            "2025-13-01",
            "2025-00-10",
            "2025-04-00",
            "2025-4-10",
            "+2025-04-10",
            "2025-04-1a",
            "2025/04/10",
            "20250-4-10",
            " 2025-04-1",
            "2025-04-10 ",
        ] {
            let fast = written_date(text);
            if fast.is_some() {
                assert_eq!(fast, NaiveDate::from_str(text).ok(), "{text}");
            }
            let read = written_date(text).or_else(|| NaiveDate::from_str(text).ok());
            assert_eq!(read, NaiveDate::from_str(text).ok(), "{text}");
        }
        assert!(written_date("2025-04-10").is_some());
    }
}
