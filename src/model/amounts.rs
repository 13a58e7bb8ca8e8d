//! How an amount reads wherever the officer sees one: the commitments table,
//! the dashboard, the print preview and the printed page all show money as
//! "EUR 250,000,000.00" and quantities as "200 instructors", so a sum reads
//! the same on screen and on paper.

use rust_decimal::Decimal;

use super::{Money, Quantity};

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
    fn quantities_read_number_then_unit() {
        assert_eq!(quantity_of(d("200"), "instructors"), "200 instructors");
        assert_eq!(quantity_of(d("1500"), ""), "1,500");
    }
}
