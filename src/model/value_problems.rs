//! What is wrong with a date, a time or a time zone that did not read,
//! in the officer's words ("2025-02-30 is not a date: February 2025 has 28
//! days"), and the nearest name to one mistyped. The file's reader
//! (`file_values.rs`) and the window's (`typed_values.rs`) both say it.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// How a date is written, for messages.
const DATE_FORM: &str = "write dates as YYYY-MM-DD, e.g. 2025-04-10";

/// How a time is written, for messages.
const TIME_FORM: &str = "write times as HH:MM or HH:MM:SS, e.g. 09:30";

/// What is wrong with a date chrono refused.
pub(super) fn date_problem(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return format!("an empty text is not a date: {DATE_FORM}");
    }
    let numbers = |separator: char| -> Option<Vec<u32>> {
        let parts: Vec<&str> = text.split(separator).collect();
        let all_digits = parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
        all_digits.then(|| parts.iter().filter_map(|p| p.parse().ok()).collect())
    };
    if let Some(ymd) = numbers('-')
        && let [year, month, day] = ymd[..]
        && let Ok(year) = i32::try_from(year)
    {
        if !(1..=12).contains(&month) {
            return format!("{text} is not a date: months run from 01 to 12");
        }
        if let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) {
            let days = days_in_month(first);
            if day == 0 || day > days {
                return format!(
                    "{text} is not a date: {} {year} has {days} days",
                    first.format("%B")
                );
            }
        }
    }
    // 10/04/2025 or 10.04.2025: day first, as a European officer writes.
    for separator in ['/', '.'] {
        if let Some(dmy) = numbers(separator)
            && let [day, month, year] = dmy[..]
            && year >= 1000
            && let Ok(year) = i32::try_from(year)
        {
            let example = NaiveDate::from_ymd_opt(year, month, day)
                .or_else(|| NaiveDate::from_ymd_opt(year, day, month));
            if let Some(example) = example {
                return format!("{text} is not a date: write dates as YYYY-MM-DD, e.g. {example}");
            }
        }
    }
    format!("{text} is not a date: {DATE_FORM}")
}

pub(super) fn days_in_month(first: NaiveDate) -> u32 {
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.map_or(31, |next| {
        u32::try_from((next - first).num_days()).unwrap_or(31)
    })
}

/// What is wrong with a date and time chrono refused: the part at fault,
/// in the words its own reader would use.
pub(super) fn date_time_problem(text: &str) -> String {
    const FORM: &str = "write a date and time as YYYY-MM-DDTHH:MM:SS, e.g. 2025-05-02T10:15:00";
    let whole = text.trim();
    let Some((date, time)) = whole.split_once('T') else {
        return format!("{whole} is not a date and time: {FORM}");
    };
    let problem = if NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
        date_problem(date)
    } else if NaiveTime::parse_from_str(time, "%H:%M:%S%.f").is_err() {
        time_problem(time)
    } else {
        return format!("{whole} is not a date and time: {FORM}");
    };
    format!("{whole} is not a date and time ({problem})")
}

/// What is wrong with a time chrono refused.
pub(super) fn time_problem(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return format!("an empty text is not a time: {TIME_FORM}");
    }
    let parts: Vec<&str> = text.split(':').collect();
    let whole = |part: &str| -> Option<u32> {
        let digits = part.split('.').next().unwrap_or(part);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    if (2..=3).contains(&parts.len()) {
        let numbers: Vec<Option<u32>> = parts.iter().map(|part| whole(part)).collect();
        let limits = [("hours", 23), ("minutes", 59), ("seconds", 59)];
        if numbers.iter().all(Option::is_some) {
            for (number, (unit, highest)) in numbers.iter().flatten().zip(limits) {
                if *number > highest {
                    return format!("{text} is not a time: {unit} run from 00 to {highest}");
                }
            }
        }
    }
    format!("{text} is not a time: {TIME_FORM}")
}

/// What is wrong with a time zone name, and the nearest IANA name.
pub(super) fn time_zone_problem(text: &str) -> String {
    let names = chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name());
    if let Some(name) = names.clone().find(|name| name.eq_ignore_ascii_case(text)) {
        return format!(
            "{text} is not a time zone: IANA names are written with capitals, as {name}"
        );
    }
    match nearest(text, names) {
        Some(name) => format!("{text} is not a time zone: did you mean {name}?"),
        None => format!(
            "{text} is not a time zone: use an IANA name such as Europe/London or Europe/Paris"
        ),
    }
}

/// The candidate closest to `word`, when it is close enough to be what
/// was meant: the same letters but for case and underscores, or a few
/// letters off for its length.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let plain = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let wanted = plain(word);
    let (distance, best) = candidates
        .into_iter()
        .map(|candidate| (edit_distance(&wanted, &plain(candidate)), candidate))
        .min_by_key(|(distance, _)| *distance)?;
    let close_enough = distance <= 1 || distance * 3 <= wanted.chars().count().max(3);
    close_enough.then_some(best)
}

/// Edit distance over characters, where swapping two neighbours counts
/// as one edit ("titel" is one from "title"): optimal string alignment.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    // Three rows: the one before last, the last and the current.
    let mut before: Vec<usize> = vec![0; width];
    let mut last: Vec<usize> = (0..width).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = Vec::with_capacity(width);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let substitute = last.get(j).map_or(usize::MAX, |d| d + cost);
            let delete = last.get(j + 1).map_or(usize::MAX, |d| d + 1);
            let insert = current.get(j).map_or(usize::MAX, |d| d + 1);
            let mut best = substitute.min(delete).min(insert);
            let swapped = i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca);
            if swapped && let Some(d) = before.get(j - 1) {
                best = best.min(d + 1);
            }
            current.push(best);
        }
        before = std::mem::replace(&mut last, current);
    }
    last.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_say_what_is_wrong() {
        assert_eq!(
            date_problem("2025-02-30"),
            "2025-02-30 is not a date: February 2025 has 28 days"
        );
        assert_eq!(
            date_problem("2024-02-30"),
            "2024-02-30 is not a date: February 2024 has 29 days"
        );
        assert_eq!(
            date_problem("2025-13-01"),
            "2025-13-01 is not a date: months run from 01 to 12"
        );
        assert_eq!(
            date_problem("10/04/2025"),
            "10/04/2025 is not a date: write dates as YYYY-MM-DD, e.g. 2025-04-10"
        );
        assert_eq!(
            date_problem("next week"),
            "next week is not a date: write dates as YYYY-MM-DD, e.g. 2025-04-10"
        );
    }

    #[test]
    fn times_say_what_is_wrong() {
        assert_eq!(
            time_problem("25:00:00"),
            "25:00:00 is not a time: hours run from 00 to 23"
        );
        assert_eq!(
            time_problem("10:60"),
            "10:60 is not a time: minutes run from 00 to 59"
        );
        assert_eq!(
            time_problem("10:00:61"),
            "10:00:61 is not a time: seconds run from 00 to 59"
        );
        assert_eq!(
            time_problem("9am"),
            "9am is not a time: write times as HH:MM or HH:MM:SS, e.g. 09:30"
        );
    }

    #[test]
    fn a_date_and_time_says_which_part_is_wrong() {
        assert_eq!(
            date_time_problem("2026-13-07T07:32:23"),
            "2026-13-07T07:32:23 is not a date and time (2026-13-07 is not a date: months run \
             from 01 to 12)"
        );
        assert_eq!(
            date_time_problem("2026-12-07T25:00:00"),
            "2026-12-07T25:00:00 is not a date and time (25:00:00 is not a time: hours run from \
             00 to 23)"
        );
        assert_eq!(
            date_time_problem("yesterday"),
            "yesterday is not a date and time: write a date and time as YYYY-MM-DDTHH:MM:SS, \
             e.g. 2025-05-02T10:15:00"
        );
    }

    #[test]
    fn the_nearest_name_is_offered_only_when_close() {
        assert_eq!(
            nearest("restricted_note", ["notes", "restricted_notes"]),
            Some("restricted_notes")
        );
        assert_eq!(
            nearest("timeZone", ["time_zone", "title"]),
            Some("time_zone")
        );
        assert_eq!(
            nearest("Presnt", ["Present", "Represented"]),
            Some("Present")
        );
        assert_eq!(nearest("banana", ["title", "participant"]), None);
        assert_eq!(nearest("titel", ["title", "participant"]), Some("title"));
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
    }

    #[test]
    fn time_zones_suggest_the_nearest_iana_name() {
        assert_eq!(
            time_zone_problem("Europe/Londn"),
            "Europe/Londn is not a time zone: did you mean Europe/London?"
        );
        assert_eq!(
            time_zone_problem("europe/paris"),
            "europe/paris is not a time zone: IANA names are written with capitals, as Europe/Paris"
        );
    }
}
