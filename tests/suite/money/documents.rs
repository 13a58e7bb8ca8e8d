//! Pledged, firm and paid per currency wherever money is totalled: the
//! dashboard, the meeting summary, the commitments CSV and the
//! since-last-session view.

use coalition_desk::model::{
    CommitmentId, CommitmentStatus, Meeting, MeetingId, MeetingState, MoneyTotals, SeriesId,
    SessionSeries,
};
use coalition_desk::report::{self, MoneyLine, SummaryOptions};
use coalition_desk::tracking;

use super::{FUND, dec, payment, with_fund};
use crate::common::{MINISTERS, date};

/// The fund with its first tranche of EUR 120 million paid on 2 May.
fn paid_once() -> coalition_desk::model::Register {
    let mut r = with_fund();
    r.commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(payment((2025, 5, 2), "120000000"))
        .unwrap();
    r
}

#[test]
fn the_dashboard_shows_pledged_firm_and_paid_per_currency() {
    let r = paid_once();
    let figures = tracking::dashboard_figures(&r, date(2025, 6, 1)).unwrap();
    // Air defence missiles EUR 1.6 bn pledged; demining EUR 125,000,000.50
    // in delivery; the fund EUR 400 m firm with 120 m paid; the drone
    // production proposal (EUR 350 m) is not a pledge yet.
    assert_eq!(
        figures.money["EUR"],
        MoneyTotals {
            pledged: dec("2125000000.50"),
            firm: dec("525000000.50"),
            paid: dec("120000000"),
        }
    );
    let table = tracking::figures_table(&r, &figures);
    assert!(
        table.ends_with(
            "Currency\tPledged\tFirm\tPaid\nEUR\t2125000000.50\t525000000.50\t120000000.00\n"
        ),
        "{table}"
    );
}

#[test]
fn the_meeting_summary_totals_pledged_firm_and_paid_per_currency() {
    let r = paid_once();
    let summary =
        report::meeting_summary(&r, MINISTERS, &SummaryOptions::default(), date(2025, 6, 1))
            .unwrap();
    assert_eq!(
        summary.money,
        Some(vec![MoneyLine {
            currency: "EUR".into(),
            pledged: "EUR 2,125,000,000.50".into(),
            firm: "EUR 525,000,000.50".into(),
            paid: "EUR 120,000,000.00".into(),
        }])
    );
    // The money prints: the page's text carries the three figures.
    let pdf = report::PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    let text = crate::report_pdf::pages(&pdf).concat();
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    assert!(
        text.contains(&squash(
            "EUR EUR 2,125,000,000.50 EUR 525,000,000.50 EUR 120,000,000.00"
        )),
        "{text}"
    );
}

#[test]
fn the_commitments_csv_has_a_paid_column_beside_the_value_and_imports_it() {
    let r = paid_once();
    let bytes = tracking::export_commitments(&r, date(2025, 6, 1)).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.contains(",value,currency,paid,conditions,"),
        "{header}"
    );
    let fund_row = text
        .lines()
        .find(|l| l.contains("Drone coalition fund"))
        .unwrap();
    assert!(fund_row.contains(",400000000,EUR,120000000,"), "{fund_row}");

    // Typed into the spreadsheet: EUR 200 million paid by now.
    let edited = text.replace(",400000000,EUR,120000000,", ",400000000,EUR,200000000,");
    let preview = tracking::import_commitments(&r, edited.as_bytes(), date(2025, 6, 1)).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let fund = &preview
        .accepted
        .iter()
        .find(|row| row.id == FUND)
        .unwrap()
        .commitment;
    assert_eq!(fund.paid_so_far(), dec("200000000"));
    let last = fund.deliveries.last().unwrap();
    assert_eq!((last.paid, last.date), (dec("80000000"), date(2025, 6, 1)));

    // More than the value is refused with the row's reason.
    let over = text.replace(",400000000,EUR,120000000,", ",400000000,EUR,400000001,");
    let preview = tracking::import_commitments(&r, over.as_bytes(), date(2025, 6, 1)).unwrap();
    assert_eq!(
        preview
            .rejected
            .iter()
            .map(|r| r.reason.as_str())
            .collect::<Vec<_>>(),
        ["paid 400000001 is more than the 400000000 EUR committed"]
    );
    // A file from before the column imports as it did.
    let old: String = text
        .lines()
        .map(|line| {
            // No cell of this register holds a comma: split plainly.
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(13);
            cells.join(",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let preview = tracking::import_commitments(&r, old.as_bytes(), date(2025, 6, 1)).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
}

#[test]
fn since_last_session_shows_payments_and_the_money_of_the_window() {
    let mut r = paid_once();
    let series = SeriesId(40);
    r.series.insert(
        series,
        SessionSeries {
            name: "Defence ministers".into(),
            ..SessionSeries::default()
        },
    );
    r.meetings.get_mut(&MINISTERS).unwrap().series = Some(series);
    let next = MeetingId(41);
    r.meetings.insert(
        next,
        Meeting {
            title: "Defence ministers".into(),
            series: Some(series),
            date: date(2025, 6, 5),
            state: MeetingState::Planned,
            marking: "OFFICIAL".into(),
            ..Meeting::default()
        },
    );
    // A new money pledge in the window, made firm in it.
    let mut boats = r.commitments[&FUND].clone();
    boats.title = "Patrol boat fund".into();
    boats.announced_at = None;
    boats.deliveries.clear();
    boats.history.truncate(1);
    boats.history[0].date = date(2025, 5, 3);
    boats.status = CommitmentStatus::Pledged;
    boats.value.as_mut().unwrap().amount = dec("50000000");
    boats
        .move_status(
            super::to(CommitmentStatus::Committed, (2025, 5, 10), ""),
            crate::common::today(),
        )
        .unwrap();
    r.commitments.insert(CommitmentId(43), boats);

    let changes = tracking::since_last_session(&r, next).unwrap();
    let payment = changes
        .deliveries
        .iter()
        .find(|d| d.commitment == FUND)
        .unwrap();
    assert_eq!(payment.text(), "EUR 120,000,000.00 paid");
    assert_eq!(
        changes.money["EUR"],
        MoneyTotals {
            pledged: dec("50000000"),
            firm: dec("50000000"),
            paid: dec("120000000"),
        }
    );
    let csv = String::from_utf8(tracking::since::changes_csv(&r, &changes).unwrap()).unwrap();
    assert!(
        csv.contains("Delivery,2025-05-02,FRA,Drone coalition fund,\"EUR 120,000,000.00 paid\""),
        "{csv}"
    );
    assert!(
        csv.contains("Money,,,EUR,\"pledged EUR 50,000,000.00, firm EUR 50,000,000.00, paid EUR 120,000,000.00\""),
        "{csv}"
    );
}
