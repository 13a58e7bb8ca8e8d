//! The since-last-session report as data, on the small register.

use coalition_desk::report::{
    ActionEntry, AttendanceChange, ChangeEntry, DocumentOptions, MoneyChange, since_report,
};

use super::fixture::*;

fn entry(date: &str, participant: &str, item: &str, detail: &str) -> ChangeEntry {
    ChangeEntry {
        date: date.into(),
        participant: participant.into(),
        item: item.into(),
        detail: detail.into(),
    }
}

fn action(text: &str, owner: &str, due: &str) -> ActionEntry {
    ActionEntry {
        text: text.into(),
        owner: Some(owner.into()),
        due: Some(due.into()),
        raised_at: "No. 4 (7 May 2026)".into(),
    }
}

fn money(currency: &str, measure: &str, before: &str, now: &str, difference: &str) -> MoneyChange {
    MoneyChange {
        currency: currency.into(),
        measure: measure.into(),
        before: before.into(),
        now: now.into(),
        difference: difference.into(),
    }
}

#[test]
fn what_moved_between_the_two_sessions() {
    let r = register();
    let report = since_report(&r, PLANNED, &DocumentOptions::default(), today()).unwrap();
    assert_eq!(report.head.reference, "CoW/DM/2026/05/SINCE");
    assert_eq!(report.head.marking, "SECRET");
    assert_eq!(
        report.window,
        "From No. 4 (7 May 2026) to No. 5 (4 June 2026)"
    );
    assert_eq!(
        report.new_commitments,
        [
            entry("", "France", "Demining teams", "Pledged: EUR 50,000,000.00"),
            entry(
                "",
                "United Kingdom",
                "Long-range drones",
                "Pledged: GBP 10,000,000.00"
            ),
        ]
    );
    assert_eq!(
        report.status_steps,
        [
            entry(
                "20 May 2026",
                "United Kingdom",
                "Air defence missiles",
                "Pledged → Committed"
            ),
            entry(
                "25 May 2026",
                "United Kingdom",
                "Air defence missiles",
                "Committed → In delivery"
            ),
        ]
    );
    assert_eq!(
        report.deliveries,
        [entry(
            "28 May 2026",
            "United Kingdom",
            "Air defence missiles",
            "EUR 100,000,000.00 paid"
        )]
    );
    assert_eq!(
        report.became_overdue,
        [
            entry(
                "30 May 2026",
                "France",
                "Demining teams",
                "Due and not delivered"
            ),
            entry(
                "2 June 2026",
                "United Kingdom",
                "Long-range drones",
                "Due and not delivered"
            ),
        ]
    );
    assert_eq!(
        report.actions_opened,
        [
            action(
                "Circulate the procurement plan",
                "United Kingdom",
                "20 May 2026"
            ),
            action("Report on demining", "France", "25 May 2026"),
            action("Brief on the target list", "Secretariat", "1 July 2026"),
        ]
    );
    assert_eq!(
        report.actions_done,
        [action("Report on demining", "France", "25 May 2026")]
    );
    assert_eq!(
        report.actions_open,
        [
            action(
                "Circulate the procurement plan",
                "United Kingdom",
                "20 May 2026"
            ),
            action("Brief on the target list", "Secretariat", "1 July 2026"),
        ]
    );
    let change = |participant: &str, before: &str, now: &str| AttendanceChange {
        participant: participant.into(),
        before: before.into(),
        now: now.into(),
    };
    assert_eq!(
        report.attendance,
        [
            change("France", "Apologies", "Invited"),
            change("United Kingdom", "Present", "Confirmed"),
            change("NATO", "Observer", "Apologies"),
        ]
    );
    assert_eq!(
        report.money,
        [
            money(
                "EUR",
                "Pledged",
                "EUR 400,000,000.00",
                "EUR 450,000,000.00",
                "+EUR 50,000,000.00"
            ),
            money(
                "EUR",
                "Firm",
                "EUR 0.00",
                "EUR 400,000,000.00",
                "+EUR 400,000,000.00"
            ),
            money(
                "EUR",
                "Paid",
                "EUR 0.00",
                "EUR 100,000,000.00",
                "+EUR 100,000,000.00"
            ),
            money(
                "GBP",
                "Pledged",
                "GBP 0.00",
                "GBP 10,000,000.00",
                "+GBP 10,000,000.00"
            ),
            money("GBP", "Firm", "GBP 0.00", "GBP 0.00", "GBP 0.00"),
            money("GBP", "Paid", "GBP 0.00", "GBP 0.00", "GBP 0.00"),
        ]
    );
}

#[test]
fn the_official_edition_leaves_the_secret_pledge_out_of_every_section_and_total() {
    let r = register();
    let options = DocumentOptions {
        edition: Some("OFFICIAL".into()),
        ..DocumentOptions::default()
    };
    let report = since_report(&r, PLANNED, &options, today()).unwrap();
    assert_eq!(report.head.marking, "OFFICIAL");
    let printed = serde_json::to_string(&report).unwrap();
    assert!(!printed.contains("Long-range drones"), "{printed}");
    assert!(!printed.contains("GBP"), "{printed}");
    assert!(!printed.contains("Brief on the target list"), "{printed}");
    assert_eq!(report.new_commitments.len(), 1);
}

#[test]
fn the_first_session_of_a_series_has_nothing_to_compare_with() {
    let r = register();
    let report = since_report(&r, HELD, &DocumentOptions::default(), today()).unwrap();
    assert_eq!(
        report.window,
        "Up to No. 4 (7 May 2026): the series has no earlier session"
    );
    assert_eq!(report.previous, None);
    assert!(report.attendance.is_empty());
    assert!(report.actions_opened.is_empty());
}
