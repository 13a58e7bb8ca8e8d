//! Strict reading of values (issue 9, item 7): a date, time, time zone,
//! status or amount that is not what its field holds is refused with the
//! value, what is wrong with it and the record it is in. The register
//! these tests break is strict_reading's hand-typed one.

use super::strict_reading::{read, refused, typed};

fn value_refusal(from: &str, to: &str) -> String {
    let text = typed("", "", "", "").replacen(from, to, 1);
    assert_ne!(text, typed("", "", "", ""), "{from}");
    refused(&text).0
}

#[test]
fn an_impossible_date_says_why() {
    assert_eq!(
        value_refusal("date: \"2025-04-10\"", "date: \"2025-02-30\""),
        "`date` in meeting #12: 2025-02-30 is not a date: February 2025 has 28 days"
    );
    assert_eq!(
        value_refusal("from: \"2023-07-26\"", "from: \"10/04/2025\""),
        "`from` in a role of person #205: 10/04/2025 is not a date: \
         write dates as YYYY-MM-DD, e.g. 2025-04-10"
    );
}

#[test]
fn an_impossible_time_says_why() {
    assert_eq!(
        value_refusal("state: Held", "start: \"25:00:00\", state: Held"),
        "`start` in meeting #12: 25:00:00 is not a time: hours run from 00 to 23"
    );
    assert_eq!(
        value_refusal("state: Held", "end: \"10:75\", state: Held"),
        "`end` in meeting #12: 10:75 is not a time: minutes run from 00 to 59"
    );
    // A time without seconds reads.
    let text = typed("", ", start: \"09:30\"", "", "");
    let meeting = read(&text)
        .unwrap()
        .register
        .meetings
        .into_values()
        .next()
        .unwrap();
    assert_eq!(meeting.start, chrono::NaiveTime::from_hms_opt(9, 30, 0));
}

#[test]
fn an_unknown_time_zone_suggests_the_nearest() {
    assert_eq!(
        value_refusal("\"Europe/London\"", "\"Europe/Londn\""),
        "`time_zone` in meeting #12: Europe/Londn is not a time zone: did you mean Europe/London?"
    );
}

#[test]
fn an_unknown_status_names_the_allowed_ones() {
    assert_eq!(
        value_refusal("status: Present", "status: Presnt"),
        "`status` in the attendance of participant #3 at meeting #12: Presnt is not one of \
         Present, Represented, Apologies, Observer, Invited or Confirmed — did you mean Present?"
    );
}

#[test]
fn an_amount_written_as_a_number_is_refused() {
    assert_eq!(
        value_refusal("amount: \"200\"", "amount: 1500000.0"),
        "`amount` in the quantity of commitment #40: 1500000.0 is written as a number: \
         write amounts as text, e.g. amount: \"1500000.0\", so that no digit is lost"
    );
    assert_eq!(
        value_refusal("amount: \"200\"", "amount: 200"),
        "`amount` in the quantity of commitment #40: 200 is written as a number: \
         write amounts as text, e.g. amount: \"200\", so that no digit is lost"
    );
    assert!(
        value_refusal("amount: \"200\"", "amount: \"1,500\"")
            .contains("\"1,500\" is not an amount"),
    );
}

#[test]
fn an_unquoted_date_shows_the_form_to_use() {
    assert_eq!(
        value_refusal("date: \"2025-04-10\"", "date: 2025-04-10"),
        "`date` in meeting #12: 2025-04-10 is not text in double quotes: \
         write e.g. date: \"2025-04-10\""
    );
}
