//! The years after those a VTIMEZONE describes change by change: the last
//! year's summer-time and winter changes carried on as yearly rules
//! (`RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`), so a series that runs to
//! 2100, or never ends, has its summer time in every year a calendar reader
//! expands it to, without the export describing centuries one by one.

use chrono::{Datelike, NaiveDate};

use super::Observance;
use crate::model::recurrence::weekday_code;

/// The changes of `last_year`, carried on as yearly rules from the year
/// after: a summer-time change and a winter one, each on the same weekday
/// of its month (the last Sunday of March, the first of November …) as in
/// the year before. Nothing when the zone has no summer time then, or when
/// its changes follow no such rule.
pub fn yearly_rules(found: &[Observance], last_year: i32) -> Vec<Observance> {
    let in_year = |year: i32| -> Vec<&Observance> {
        found
            .iter()
            .skip(1)
            .filter(|o| o.onset.year() == year)
            .collect()
    };
    let last = in_year(last_year);
    let before = in_year(last_year.saturating_sub(1));
    let [first_change, second_change] = last.as_slice() else {
        return Vec::new();
    };
    if first_change.daylight == second_change.daylight {
        return Vec::new();
    }
    let mut rules = Vec::new();
    for change in [first_change, second_change] {
        let (month, nth, weekday) = weekday_of_month(change.onset.date());
        // The same weekday of the month the year before, or it is no rule.
        let repeated = before.iter().any(|earlier| {
            earlier.daylight == change.daylight
                && earlier.onset.time() == change.onset.time()
                && Some(earlier.onset.date())
                    == nth_weekday(last_year.saturating_sub(1), month, nth, weekday)
        });
        let next = nth_weekday(last_year.saturating_add(1), month, nth, weekday);
        let (true, Some(next)) = (repeated, next) else {
            return Vec::new();
        };
        let day = match nth {
            -1 => "-1".to_string(),
            n => n.to_string(),
        };
        rules.push(Observance {
            onset: next.and_time(change.onset.time()),
            rule: Some(format!(
                "FREQ=YEARLY;BYMONTH={month};BYDAY={day}{}",
                weekday_code(weekday)
            )),
            ..(*change).clone()
        });
    }
    rules
}

/// The month, which of its weekdays (1 to 4, or -1 for the last) and the
/// weekday of `date`.
fn weekday_of_month(date: NaiveDate) -> (u32, i32, chrono::Weekday) {
    let month = date.month();
    let last_of_month = date
        .with_day(1)
        .and_then(|first| first.checked_add_months(chrono::Months::new(1)))
        .and_then(|next| next.pred_opt())
        .map_or(31, |last| last.day());
    let nth = if date.day() + 7 > last_of_month {
        -1
    } else {
        i32::try_from((date.day() - 1) / 7 + 1).unwrap_or(1)
    };
    (month, nth, date.weekday())
}

/// The `nth` `weekday` of `month` in `year` (-1: the last).
fn nth_weekday(year: i32, month: u32, nth: i32, weekday: chrono::Weekday) -> Option<NaiveDate> {
    if nth > 0 {
        return NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(nth).ok()?);
    }
    let mut day = NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    while day.weekday() != weekday {
        day = day.pred_opt()?;
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::time_zones::observances;
    use chrono_tz::Tz;

    #[test]
    fn the_last_years_changes_carry_on_as_yearly_rules() {
        let found = observances(Tz::Europe__London, 2024, 2030);
        let rules = yearly_rules(&found, 2030);
        let written: Vec<_> = rules
            .iter()
            .map(|o| (o.onset.to_string(), o.daylight, o.rule.clone().unwrap()))
            .collect();
        assert_eq!(
            written,
            [
                (
                    "2031-03-30 01:00:00".to_string(),
                    true,
                    "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".to_string()
                ),
                (
                    "2031-10-26 02:00:00".to_string(),
                    false,
                    "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".to_string()
                ),
            ]
        );
        // New York: the second Sunday of March, the first of November.
        let found = observances(Tz::America__New_York, 2029, 2030);
        let rules: Vec<_> = yearly_rules(&found, 2030)
            .into_iter()
            .map(|o| o.rule.unwrap())
            .collect();
        assert_eq!(
            rules,
            [
                "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"
            ]
        );
        // No summer time, no rule.
        let found = observances(Tz::Asia__Kolkata, 2029, 2030);
        assert!(yearly_rules(&found, 2030).is_empty());
    }
}
