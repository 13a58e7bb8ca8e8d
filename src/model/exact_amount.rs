//! Amounts are exact decimals, written in the file as strings ("1500000.00").
//! A bare number with a decimal point is a float to the reader: digits may
//! already be lost, so it is refused with the form to use rather than kept
//! as something close. A whole number is exact and is taken as written.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};

/// Reads an amount: a decimal string or a whole number, never a float.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(ExactAmount)
}

struct ExactAmount;

impl Visitor<'_> for ExactAmount {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount written as a string, such as \"1500000.00\"")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        Decimal::from_str(text)
            .or_else(|_| Decimal::from_scientific(text))
            .map_err(|_| {
                E::custom(format!(
                    "amount \"{text}\" is not a number: write digits with an optional point, such as \"1500000.00\""
                ))
            })
    }

    fn visit_i64<E: de::Error>(self, whole: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(whole))
    }

    fn visit_u64<E: de::Error>(self, whole: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(whole))
    }

    fn visit_f64<E: de::Error>(self, float: f64) -> Result<Decimal, E> {
        Err(E::custom(format!(
            "amount {float} is written as a bare number with a point, which cannot be kept exactly: write it in quotes, such as \"{float}\""
        )))
    }
}
