//! Every rule `check` knows, one file each: a small valid register typed
//! as the README shows, changed in one place so that it breaks exactly
//! that rule, read as a file is read, and checked on a fixed day. The
//! message is the officer's: it names the record and says what is wrong.

use std::path::Path;

use chrono::NaiveDate;
use coalition_desk::model::{ISO_4217_CODES, is_iso_4217};
use coalition_desk::storage;

/// The day the checks run on: after the two held sessions, before the
/// planned one.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
}

/// Valid on `today()`. Poland's air policing is half delivered; the United
/// Kingdom's training is pledged. The liaison officer holds a role for
/// both nations and sits at no table.
pub const VALID: &str = r#"CoalitionRegister(
    format: "coalition-desk",
    version: 1,
    register: (
        name: "Coalition (check rules)",
        next_id: 20,
        participants: {
            1: (name: "United Kingdom", code: "GBR", kind: Nation),
            2: (name: "Poland", code: "POL", kind: Nation),
            3: (name: "NATO", code: "NATO", kind: Organisation),
        },
        people: {
            4: (
                name: "John Healey MP",
                roles: [(title: "Defence Secretary", participant: 1, from: Some("2024-07-05"))],
            ),
            5: (
                name: "Władysław Kosiniak-Kamysz",
                roles: [(title: "Minister of National Defence", participant: 2, from: Some("2023-12-13"))],
            ),
            6: (
                name: "Liaison officer",
                roles: [
                    (title: "Liaison to the United Kingdom", participant: 1, from: Some("2024-01-01")),
                    (title: "Liaison to Poland", participant: 2, from: Some("2024-01-01")),
                ],
            ),
        },
        series: {
            7: (name: "Defence ministers", time_zone: "Europe/London", convenors: [1]),
        },
        meetings: {
            8: (
                title: "Defence ministers",
                series: Some(7),
                number: Some(1),
                date: "2025-04-10",
                time_zone: "Europe/London",
                state: Held,
                convenors: [1],
                attendance: {
                    1: (status: Present, delegates: [4]),
                    2: (status: Present, delegates: [5]),
                    3: (status: Observer),
                },
                marking: "OFFICIAL",
            ),
            9: (
                title: "Defence ministers (May)",
                series: Some(7),
                number: Some(2),
                date: "2025-05-08",
                time_zone: "Europe/London",
                state: Held,
                attendance: {
                    1: (status: Represented, delegates: [4], note: "By video link"),
                },
                marking: "OFFICIAL-SENSITIVE",
            ),
            10: (
                title: "Defence ministers (June)",
                series: Some(7),
                number: Some(3),
                date: "2025-06-12",
                time_zone: "Europe/London",
                state: Planned,
                marking: "OFFICIAL",
            ),
        },
        commitments: {
            11: (
                participant: 2,
                announced_at: Some(8),
                title: "Air policing",
                area: "Air",
                route: DirectContribution,
                quantity: Some((amount: "50", unit: "sorties")),
                value: Some((amount: "1500000.00", currency: "EUR")),
                status: InDelivery,
                history: [
                    (date: "2025-04-10", status: Pledged, meeting: Some(8)),
                    (date: "2025-05-08", status: Committed, meeting: Some(9)),
                    (date: "2025-05-20", status: InDelivery, note: "First delivery"),
                ],
                marking: "OFFICIAL",
                deliveries: [(date: "2025-05-20", amount: "20", note: "First rotation", meeting: None)],
            ),
            12: (
                participant: 1,
                announced_at: Some(9),
                title: "Training instructors",
                area: "Training",
                route: StrengtheningUkrainianCapacity,
                quantity: Some((amount: "200", unit: "instructors")),
                value: Some((amount: "2500000.00", currency: "GBP")),
                conditions: "Once a ceasefire holds",
                status: Pledged,
                history: [(date: "2025-04-10", status: Pledged, meeting: Some(8))],
                marking: "OFFICIAL",
            ),
        },
    ),
)
"#;

/// The base with each `(from, to)` made once; `from` must occur exactly
/// once, so a case cannot change more than it says.
fn broken(changes: &[(&str, &str)]) -> String {
    let mut text = VALID.to_string();
    for (from, to) in changes {
        assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once");
        text = text.replacen(from, to, 1);
    }
    text
}

/// What `validate` says about `text` on `today()`, message by message.
fn problems(text: &str) -> Vec<String> {
    let parsed = storage::from_str(text, Path::new("rules.ron")).expect("the file reads");
    parsed
        .register
        .validate(today())
        .into_iter()
        .map(|p| p.message)
        .collect()
}

mod commitments;
mod records;

/// A rule, the change that breaks it and what `check` says.
pub struct Rule {
    name: &'static str,
    changes: &'static [(&'static str, &'static str)],
    message: &'static str,
}

/// Where the cases here and in the rule tables change the base.
const TRAINING_HISTORY: &str =
    "history: [(date: \"2025-04-10\", status: Pledged, meeting: Some(8))],";
const AIR_DELIVERY: &str = "deliveries: [(date: \"2025-05-20\", amount: \"20\", note: \"First rotation\", meeting: None)],";

#[test]
fn the_base_register_is_valid() {
    assert_eq!(problems(VALID), Vec::<String>::new());
}

#[test]
fn each_rule_is_reported_alone_in_the_officers_words() {
    let mut failures = Vec::new();
    for rule in records::RULES.iter().chain(commitments::RULES) {
        let text = broken(rule.changes);
        if let Err(error) = storage::from_str(&text, Path::new("rules.ron")) {
            failures.push(format!("{}: the file does not read: {error}", rule.name));
            continue;
        }
        let found = problems(&text);
        if found != [rule.message] {
            failures.push(format!(
                "{}:\n  expected {:?}\n  found    {found:#?}",
                rule.name, rule.message
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_looks_like_a_rule_but_is_not() {
    for (name, changes) in [
        (
            "a move back with its reason",
            &[(
                TRAINING_HISTORY,
                "history: [\n                    (date: \"2025-04-10\", status: Pledged),\n                    (date: \"2025-05-08\", status: Committed),\n                    (date: \"2025-05-15\", status: Pledged, note: \"Parliament has not voted the funds\"),\n                ],",
            )][..],
        ),
        (
            "withdrawing is an exit, not a step back",
            &[
                (
                    TRAINING_HISTORY,
                    "history: [\n                    (date: \"2025-04-10\", status: Pledged),\n                    (date: \"2025-05-08\", status: Withdrawn),\n                ],",
                ),
                (
                    "status: Pledged,\n                history",
                    "status: Withdrawn,\n                history",
                ),
            ][..],
        ),
        (
            // Written before deliveries were recorded: nothing to compare.
            "Delivered with no deliveries listed",
            &[
                ("status: InDelivery,\n", "status: Delivered,\n"),
                (
                    "status: InDelivery, note: \"First delivery\"",
                    "status: Delivered, note: \"First delivery\"",
                ),
                (AIR_DELIVERY, ""),
            ][..],
        ),
        (
            // An agreed reduction, said in the step: Delivered with less.
            "Delivered with part of the quantity and the reason given",
            &[
                ("status: InDelivery,\n", "status: Delivered,\n"),
                (
                    "status: InDelivery, note: \"First delivery\"",
                    "status: Delivered, note: \"Reduced to 20 sorties by agreement\"",
                ),
            ][..],
        ),
        (
            // A money-only delivery: a payment against the value.
            "a payment alone against the value",
            &[("amount: \"20\", note", "paid: \"500000.00\", note")][..],
        ),
        (
            "Delivered with the whole quantity delivered",
            &[
                ("status: InDelivery,\n", "status: Delivered,\n"),
                (
                    "status: InDelivery, note: \"First delivery\"",
                    "status: Delivered, note: \"First delivery\"",
                ),
                ("amount: \"20\"", "amount: \"50\""),
            ][..],
        ),
        (
            // A cancelled session keeps the number it was planned with; the
            // session held instead may take it again.
            "a cancelled session's number used again",
            &[
                (
                    "date: \"2025-05-08\",\n                time_zone: \"Europe/London\",\n                state: Held,",
                    "date: \"2025-05-08\",\n                time_zone: \"Europe/London\",\n                state: Cancelled,",
                ),
                ("number: Some(3),", "number: Some(2),"),
                // Who was invited to it, not who came.
                ("1: (status: Represented,", "1: (status: Invited,"),
            ][..],
        ),
        (
            "invitations and apologies before a session is held",
            &[(
                "state: Planned,\n                marking",
                "state: Planned,\n                attendance: { 1: (status: Confirmed), 2: (status: Invited), 3: (status: Apologies) },\n                marking",
            )][..],
        ),
        (
            "two sessions on one day, numbered in either order",
            &[("date: \"2025-06-12\",", "date: \"2025-05-08\",")][..],
        ),
        (
            "a planned meeting dated after today",
            &[("date: \"2025-06-12\",", "date: \"2026-12-10\",")][..],
        ),
        (
            "a currency kept for commitments made while it was current",
            &[("currency: \"GBP\"", "currency: \"BGN\"")][..],
        ),
    ] {
        assert_eq!(problems(&broken(changes)), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn an_amount_that_does_not_read_as_written_is_refused_where_it_stands() {
    // rust_decimal alone reads "1_2_3" as 123 and "1e30" as a 31-digit
    // number that overflows a total: neither is what the officer meant.
    for (written, words) in [
        (
            "1_2_3",
            "\"1_2_3\" is not an amount: write digits with a point before any decimals and no separators, e.g. \"1500000.00\"",
        ),
        (
            "1,2,3",
            "\"1,2,3\" is not an amount: write digits with a point before any decimals and no separators",
        ),
        (
            "79228162514264337593543950335",
            "\"79228162514264337593543950335\" is too large to be an amount: the register holds amounts below 1,000,000,000,000,000",
        ),
        ("1e30", "\"1e30\" is not an amount"),
    ] {
        let changed = format!("amount: \"{written}\"");
        let text = broken(&[("amount: \"200\"", changed.as_str())]);
        let error = storage::from_str(&text, Path::new("rules.ron")).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(words), "{written}: {message}");
        let line = text.lines().position(|l| l.contains(&changed)).unwrap();
        assert_eq!(
            error.position().map(|(row, _)| row),
            Some(line + 1),
            "{written}"
        );
    }
}

#[test]
fn an_amount_written_as_a_float_is_refused_where_it_stands() {
    // Digits may be lost before any check could see them, so reading
    // refuses the file and says the form to use.
    let text = broken(&[("amount: \"2500000.00\"", "amount: 2500000.5")]);
    let error = storage::from_str(&text, Path::new("rules.ron")).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains(
            "2500000.5 is written as a number: write amounts as text, e.g. amount: \"2500000.5\", so that no digit is lost"
        ),
        "{message}"
    );
    let line = text
        .lines()
        .position(|l| l.contains("amount: 2500000.5"))
        .unwrap();
    assert_eq!(error.position().map(|(row, _)| row), Some(line + 1));

    // Amounts are text, whole or not: one form to type and to read.
    let whole = broken(&[("amount: \"200\"", "amount: 200")]);
    assert!(storage::from_str(&whole, Path::new("rules.ron")).is_err());
}

#[test]
fn the_currency_list_is_sorted_and_every_code_in_it_is_accepted() {
    assert!(ISO_4217_CODES.windows(2).all(|w| w[0] < w[1]));
    assert!(ISO_4217_CODES.iter().all(|code| is_iso_4217(code)));
    for code in ["EUR", "GBP", "USD", "UAH", "PLN", "NOK", "XCG", "ZWG"] {
        assert!(is_iso_4217(code), "{code}");
    }
    // Not codes, no longer codes, and "no currency".
    for code in ["XYZ", "eur", "EURO", "", "HRK", "XXX", "XTS"] {
        assert!(!is_iso_4217(code), "{code}");
    }
}
