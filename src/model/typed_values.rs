//! Reading what the officer types into the window's fields. The file is
//! strict (dates only as 2025-04-10, see `file_values`); a person typing is
//! not, so a date may also be typed as 10/04/2025 or 10 Apr 2025, and an
//! amount with commas between the thousands. Every refusal is a sentence
//! that names the text and says what is wrong with it.

use std::str::FromStr;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use rust_decimal::Decimal;

use super::{ValueError, amounts, value_problems};

/// The ways a date may be typed, for messages.
const DATE_FORMS: &str = "type it as 2025-04-10, 10/04/2025 or 10 Apr 2025";

/// A date typed as 2025-04-10, 10/04/2025, 10.04.2025, 10 Apr 2025 or
/// 10 April 2025. Slashed dates read day first, as a European officer
/// writes them.
pub fn read_date(text: &str) -> Result<NaiveDate, ValueError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(format!("An empty text is not a date: {DATE_FORMS}.").into());
    }
    let numbers = |separator: char| -> Option<[u32; 3]> {
        let parts: Vec<&str> = text.split(separator).map(str::trim).collect();
        let all_digits = parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
        if !all_digits {
            return None;
        }
        let mut numbers = parts.iter().filter_map(|p| p.parse::<u32>().ok());
        Some([numbers.next()?, numbers.next()?, numbers.next()?])
    };
    if let Some([year, month, day]) = numbers('-') {
        return calendar_date(text, year, month, day);
    }
    for separator in ['/', '.'] {
        if let Some([day, month, year]) = numbers(separator) {
            if year < 1000 {
                return Err(format!(
                    "{text} is not a date: write the year in full, e.g. 10/04/2025."
                )
                .into());
            }
            return calendar_date(text, year, month, day);
        }
    }
    if let Some(date) = with_month_name(text) {
        return date;
    }
    Err(format!("{text} is not a date: {DATE_FORMS}.").into())
}

/// "10 Apr 2025" or "10 April 2025", any case.
fn with_month_name(text: &str) -> Option<Result<NaiveDate, ValueError>> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [day, month, year] = words[..] else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let month = month_number(month)?;
    let Ok(year) = year.parse::<u32>() else {
        return Some(Err(format!(
            "{text} is not a date: write the year in full, e.g. 10 Apr 2025."
        )
        .into()));
    };
    Some(calendar_date(text, year, month, day))
}

fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let found = MONTHS
        .iter()
        .position(|month| month.starts_with(&word) || (word == "sept" && *month == "september"))?;
    u32::try_from(found + 1).ok()
}

/// The day, or why there is no such day ("February 2025 has 28 days").
fn calendar_date(text: &str, year: u32, month: u32, day: u32) -> Result<NaiveDate, ValueError> {
    if !(1..=12).contains(&month) {
        return Err(format!("{text} is not a date: months run from 1 to 12.").into());
    }
    let year = i32::try_from(year).map_err(|_| format!("{text} is not a date: {DATE_FORMS}."))?;
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Err(format!("{text} is not a date: {DATE_FORMS}.").into());
    };
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = value_problems::days_in_month(first);
        format!(
            "{text} is not a date: {} {year} has {days} days.",
            first.format("%B")
        )
        .into()
    })
}

/// A time of day typed as 09:30 (or 9:30, or 09:30:00).
pub fn read_time(text: &str) -> Result<NaiveTime, ValueError> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map_err(|_| sentence(value_problems::time_problem(text)))
}

/// An exact amount to record, typed as 1500000.00 or 1,500,000.00: a comma,
/// space or underscore only between groups of three digits, and more than
/// zero (see `amounts::read_written`).
pub fn read_amount(text: &str) -> Result<Decimal, ValueError> {
    amounts::read_to_record(text).map_err(sentence)
}

/// A whole number from `lowest` to `highest`, e.g. a cadence's "every
/// 2 weeks" or a count of sessions.
pub fn read_whole_number(text: &str, lowest: i64, highest: i64) -> Result<i64, ValueError> {
    let text = text.trim();
    let range = format!("type a whole number from {lowest} to {highest}");
    let Ok(number) = text.parse::<i64>() else {
        if text.is_empty() {
            return Err(format!("An empty text is not a number: {range}.").into());
        }
        return Err(format!("{text} is not a whole number: {range}.").into());
    };
    if number < lowest || number > highest {
        return Err(format!("{text} is out of range: {range}.").into());
    }
    Ok(number)
}

/// A time zone typed by its IANA name, e.g. Europe/London.
pub fn read_time_zone(text: &str) -> Result<Tz, ValueError> {
    let text = text.trim();
    Tz::from_str(text).map_err(|_| sentence(value_problems::time_zone_problem(text)))
}

/// The file reader's messages, which begin with the officer's own text
/// and so keep its case, ended as sentences for the window.
fn sentence(message: impl Into<String>) -> ValueError {
    let mut message: String = message.into();
    if !message.ends_with(['.', '?']) {
        message.push('.');
    }
    ValueError::from(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_date_reads_in_the_ways_an_officer_types_it() {
        for text in [
            "2025-04-10",
            "10/04/2025",
            "10.04.2025",
            "10 Apr 2025",
            "10 April 2025",
            " 10 apr. 2025 ",
            "10 Apr, 2025",
            "2025-4-10",
        ] {
            assert_eq!(read_date(text), Ok(day(2025, 4, 10)), "{text}");
        }
        assert_eq!(read_date("1 Sept 2025"), Ok(day(2025, 9, 1)));
    }

    #[test]
    fn a_date_that_is_not_one_says_why() {
        for (typed, why) in [
            ("2025-02-30", "February 2025 has 28 days."),
            ("30/02/2024", "February 2024 has 29 days."),
            ("2025-13-01", "months run from 1 to 12."),
            ("10/04/25", "write the year in full, e.g. 10/04/2025."),
            ("31 Jun 2025", "June 2025 has 30 days."),
            (
                "next week",
                "type it as 2025-04-10, 10/04/2025 or 10 Apr 2025.",
            ),
        ] {
            let said = format!("{typed} is not a date: {why}");
            assert_eq!(read_date(typed), Err(said.into()), "{typed}");
        }
        assert!(
            read_date("10 Ma 2025").is_err(),
            "two letters name no month"
        );
        assert!(read_date("").is_err());
    }

    #[test]
    fn a_time_reads_with_or_without_seconds_and_says_why_not() {
        assert_eq!(
            read_time("09:30"),
            Ok(NaiveTime::from_hms_opt(9, 30, 0).unwrap())
        );
        assert_eq!(
            read_time("9:30:15"),
            Ok(NaiveTime::from_hms_opt(9, 30, 15).unwrap())
        );
        assert_eq!(
            read_time("25:99"),
            Err("25:99 is not a time: hours run from 00 to 23.".into())
        );
        assert_eq!(
            read_time("noon"),
            Err("noon is not a time: write times as HH:MM or HH:MM:SS, e.g. 09:30.".into())
        );
    }

    #[test]
    fn an_amount_takes_thousands_separators_and_refuses_letters() {
        assert_eq!(
            read_amount("1,500,000.00").ok(),
            Decimal::from_str("1500000.00").ok()
        );
        assert_eq!(read_amount(" 2 500 ").ok(), Decimal::from_str("2500").ok());
        assert_eq!(
            read_amount("abc"),
            Err("abc is not an amount: type a number such as 1,500,000.00.".into())
        );
        assert!(read_amount("").is_err());
    }

    #[test]
    fn a_whole_number_stays_in_its_range() {
        assert_eq!(read_whole_number(" 4 ", 1, 52), Ok(4));
        assert_eq!(
            read_whole_number("60", 1, 52),
            Err("60 is out of range: type a whole number from 1 to 52.".into())
        );
        assert_eq!(
            read_whole_number("two", 1, 52),
            Err("two is not a whole number: type a whole number from 1 to 52.".into())
        );
    }

    #[test]
    fn a_time_zone_suggests_the_nearest_name() {
        assert_eq!(read_time_zone("Europe/Paris"), Ok(Tz::Europe__Paris));
        assert_eq!(
            read_time_zone("Europe/Londn"),
            Err("Europe/Londn is not a time zone: did you mean Europe/London?".into())
        );
    }
}
