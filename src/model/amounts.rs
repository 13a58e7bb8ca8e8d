//! How an amount reads wherever the officer sees one: the commitments table,
//! the dashboard, the print preview and the printed page all show money as
//! "EUR 250,000,000.00" and quantities as "200 instructors", so a sum reads
//! the same on screen and on paper.

use std::borrow::Cow;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Money, Quantity, ValueError};

/// The most digits an amount may have before its point: up to
/// 999,999,999,999,999 (under a thousand million million), far above any
/// pledge or count, yet far from where totals could overflow.
pub const MOST_WHOLE_DIGITS: usize = 15;

/// The most digits after the point: money has two, a quantity may be
/// 2.5 tonnes; six leave room without inviting nonsense.
pub const MOST_DECIMALS: usize = 6;

/// Where an amount was written, which decides the separators it may carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// The register file: digits and a point only, e.g. "1500000.00".
    InFile,
    /// Typed in the window or a CSV cell: a comma, a space or an
    /// underscore may stand between groups of three digits, as in
    /// 1,500,000.00; nowhere else.
    ByHand,
}

/// Reads an amount as it was written, or says in a sentence (without its
/// final full stop) why it cannot be one. Nothing is guessed: "1,2,3" is
/// refused rather than read as 123, and a number of absurd size is refused
/// before it can overflow a total.
pub fn read_written(text: &str, written: Written) -> Result<Decimal, ValueError> {
    let text = text.trim();
    // Made only for a refusal: a large register reads 300,000 amounts.
    let shown = || match written {
        Written::InFile => format!("\"{text}\""),
        Written::ByHand => text.to_owned(),
    };
    if text.is_empty() {
        return Err(ValueError::from(match written {
            Written::InFile => "an empty text is not an amount: write e.g. \"1500000.00\"",
            Written::ByHand => "An empty text is not an amount: type a number, e.g. 1500000.00",
        }));
    }
    let example = match written {
        Written::InFile => {
            "write digits with a point before any decimals and no separators, e.g. \"1500000.00\""
        }
        Written::ByHand => "type a number such as 1,500,000.00",
    };
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    if fraction.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return Err(format!("{} is not an amount: {example}", shown()).into());
    }
    let digits = match whole_digits(whole, written) {
        Ok(digits) => digits,
        Err(Some(separator)) => {
            let separator = match separator {
                ',' => "a comma",
                '_' => "an underscore",
                _ => "a space",
            };
            return Err(format!(
                "{} is not an amount: {separator} may stand only between groups of three \
                 digits, as in 1,500,000; {example}",
                shown()
            )
            .into());
        }
        Err(None) => return Err(format!("{} is not an amount: {example}", shown()).into()),
    };
    if digits.trim_start_matches('0').len() > MOST_WHOLE_DIGITS {
        return Err(format!(
            "{} is too large to be an amount: the register holds amounts below \
             1,000,000,000,000,000",
            shown()
        )
        .into());
    }
    let fraction = fraction.unwrap_or("");
    if fraction.len() > MOST_DECIMALS {
        return Err(format!(
            "{} has {} digits after the point: an amount has at most {MOST_DECIMALS}",
            shown(),
            fraction.len()
        )
        .into());
    }
    // Written without separators, the text is already the plain number.
    let plain = match digits {
        Cow::Borrowed(_) => Cow::Borrowed(text),
        Cow::Owned(digits) => {
            let sign = if unsigned.len() < text.len() { "-" } else { "" };
            Cow::Owned(if fraction.is_empty() {
                format!("{sign}{digits}")
            } else {
                format!("{sign}{digits}.{fraction}")
            })
        }
    };
    Decimal::from_str(&plain)
        .map_err(|_| ValueError::from(format!("{} is not an amount: {example}", shown())))
}

/// The digits of an amount's whole part with any separators taken out.
/// `Err(Some(c))` when the separator `c` stands out of place, `Err(None)`
/// when the text is not digits at all.
fn whole_digits(whole: &str, written: Written) -> Result<Cow<'_, str>, Option<char>> {
    if whole.is_empty() {
        return Err(None);
    }
    if whole.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Cow::Borrowed(whole));
    }
    let separator = whole.chars().find(|c| !c.is_ascii_digit()).ok_or(None)?;
    let allowed = matches!(separator, ',' | ' ' | '_' | '\u{a0}' | '\u{202f}');
    if written == Written::InFile || !allowed {
        return Err(None);
    }
    let groups: Vec<&str> = whole.split(separator).collect();
    if groups
        .iter()
        .any(|g| !g.bytes().all(|b| b.is_ascii_digit()))
    {
        // Letters, or a second kind of separator: not a number at all.
        return Err(None);
    }
    let first_fits = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
    let rest_fit = groups.iter().skip(1).all(|g| g.len() == 3);
    if first_fits && rest_fit {
        Ok(Cow::Owned(groups.concat()))
    } else {
        Err(Some(separator))
    }
}

/// Reads an amount to record, typed by hand: a quantity, a value or a
/// delivery, each more than zero.
pub fn read_to_record(text: &str) -> Result<Decimal, ValueError> {
    let amount = read_written(text, Written::ByHand)?;
    if amount <= Decimal::ZERO {
        return Err(format!(
            "{} is not an amount to record: type a number more than zero",
            text.trim()
        )
        .into());
    }
    Ok(amount)
}

/// Groups the whole part of a decimal in threes and keeps every digit of
/// the fraction: 250000000.5 → 250,000,000.5.
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
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// A sum of money in its currency: "EUR 250,000,000.00". Whole sums get
/// their cents so that 45000000 and 250000000.00 line up; a sum typed with
/// more places than two keeps them, because an amount is never rounded.
pub fn money_in(currency: &str, amount: Decimal) -> String {
    let mut amount = amount;
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    format!("{currency} {}", grouped(amount))
}

/// "EUR 250,000,000.00".
pub fn money(value: &Money) -> String {
    money_in(&value.currency, value.amount)
}

/// "200 instructors"; a quantity without a unit is just the number.
pub fn quantity(quantity: &Quantity) -> String {
    quantity_of(quantity.amount, &quantity.unit)
}

/// A count of something: "1,500 rounds".
pub fn quantity_of(amount: Decimal, unit: &str) -> String {
    let number = grouped(amount);
    if unit.trim().is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn amounts_get_thousands_separators() {
        assert_eq!(grouped(d("12500000.00")), "12,500,000.00");
        assert_eq!(grouped(d("999")), "999");
        assert_eq!(grouped(d("1000")), "1,000");
        assert_eq!(grouped(d("-1234567.5")), "-1,234,567.5");
        assert_eq!(grouped(d("0.25")), "0.25");
    }

    #[test]
    fn money_reads_currency_first_with_cents() {
        assert_eq!(money_in("PLN", d("45000000")), "PLN 45,000,000.00");
        assert_eq!(money_in("EUR", d("250000000.00")), "EUR 250,000,000.00");
        assert_eq!(money_in("GBP", d("12.5")), "GBP 12.50");
        assert_eq!(money_in("USD", d("0.125")), "USD 0.125");
    }

    #[test]
    fn separators_stand_only_between_groups_of_three() {
        let typed = |t: &str| read_written(t, Written::ByHand);
        assert_eq!(typed("1,500,000.00"), Ok(d("1500000.00")));
        assert_eq!(typed(" 2 500 "), Ok(d("2500")));
        assert_eq!(typed("12_000"), Ok(d("12000")));
        assert_eq!(typed("999"), Ok(d("999")));
        assert_eq!(
            typed("1,2,3"),
            Err(
                "1,2,3 is not an amount: a comma may stand only between groups of three digits, \
                 as in 1,500,000; type a number such as 1,500,000.00"
                    .into()
            )
        );
        assert!(typed("1500,000").is_err());
        assert!(typed("1,5000").is_err());
        assert!(typed(",500").is_err());
        assert!(typed("1,,000").is_err());
        assert!(typed("1,500 000").is_err(), "two kinds of separator");
        assert!(typed("1.500.000,00").is_err(), "a decimal comma");
        assert!(typed("1e6").is_err());
        assert!(typed("12.").is_err());
        assert!(typed("abc").is_err());
        assert!(typed("").is_err());
    }

    #[test]
    fn the_file_takes_no_separators_at_all() {
        let in_file = |t: &str| read_written(t, Written::InFile);
        assert_eq!(in_file("1500000.00"), Ok(d("1500000.00")));
        assert_eq!(
            in_file("-5"),
            Ok(d("-5")),
            "check reports it; reading keeps it"
        );
        assert_eq!(
            in_file("1,500"),
            Err(
                "\"1,500\" is not an amount: write digits with a point before any decimals \
                 and no separators, e.g. \"1500000.00\""
                    .into()
            )
        );
        assert!(
            in_file("1_2_3").is_err(),
            "rust_decimal alone reads it as 123"
        );
        assert!(in_file("1e30").is_err());
    }

    #[test]
    fn absurd_sizes_are_refused_with_a_sentence() {
        let typed = |t: &str| read_written(t, Written::ByHand);
        assert_eq!(typed("999,999,999,999,999"), Ok(d("999999999999999")));
        assert_eq!(
            typed("79228162514264337593543950335"),
            Err(
                "79228162514264337593543950335 is too large to be an amount: the register \
                 holds amounts below 1,000,000,000,000,000"
                    .into()
            )
        );
        assert!(typed("1000000000000000").is_err());
        assert_eq!(
            typed("0000000000000000001"),
            Ok(d("1")),
            "leading zeros do not count"
        );
        assert_eq!(
            typed("0.1234567"),
            Err("0.1234567 has 7 digits after the point: an amount has at most 6".into())
        );
    }

    #[test]
    fn an_amount_to_record_is_more_than_zero() {
        assert_eq!(read_to_record("12"), Ok(d("12")));
        assert_eq!(
            read_to_record("0"),
            Err("0 is not an amount to record: type a number more than zero".into())
        );
        assert!(read_to_record("-5").is_err());
        assert!(read_to_record("0.00").is_err());
    }

    #[test]
    fn quantities_read_number_then_unit() {
        assert_eq!(quantity_of(d("200"), "instructors"), "200 instructors");
        assert_eq!(quantity_of(d("1500"), ""), "1,500");
    }
}
