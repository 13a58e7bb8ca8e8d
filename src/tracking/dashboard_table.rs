//! The dashboard's figures as tab-separated text, for the officer to paste
//! into a spreadsheet or a briefing: the same numbers the window shows,
//! with amounts as plain decimals (one column per currency, never summed
//! across currencies) so the spreadsheet can add them up again.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::dashboard::{DashboardFigures, Split, Totals};
use crate::model::Register;

/// Four tables one after the other, a blank line between them: firm and
/// announced per participant, capability area and route; commitments per
/// status; firm commitments accumulated by the date they became firm; and
/// pledged, firm and paid per currency.
pub fn figures_table(register: &Register, figures: &DashboardFigures) -> String {
    let currencies: BTreeSet<&str> = figures
        .per_status
        .values()
        .flat_map(|totals| totals.value.keys())
        .map(String::as_str)
        .collect();
    let mut lines = Vec::new();

    let mut heading = vec![
        "Group".to_string(),
        "Name".to_string(),
        "Firm commitments".to_string(),
        "Announced commitments".to_string(),
    ];
    for currency in &currencies {
        heading.push(format!("Firm {currency}"));
        heading.push(format!("Announced {currency}"));
    }
    lines.push(heading);
    let mut split_row = |group: &str, name: String, split: &Split| {
        let mut row = vec![
            group.to_string(),
            name,
            split.firm.count.to_string(),
            split.announced.count.to_string(),
        ];
        for currency in &currencies {
            row.push(amount_in(&split.firm.value, currency));
            row.push(amount_in(&split.announced.value, currency));
        }
        lines.push(row);
    };
    split_row("Overall", "All participants".into(), &figures.overall);
    for id in register.participants_by_name() {
        if let Some(split) = figures.per_participant.get(&id) {
            split_row("Participant", register.participant_name(id), split);
        }
    }
    for (area, split) in &figures.per_area {
        split_row("Capability area", area.clone(), split);
    }
    for (route, split) in &figures.per_route {
        split_row("Route", route.label().to_string(), split);
    }
    lines.push(Vec::new());

    let mut heading = vec!["Status".to_string(), "Commitments".to_string()];
    heading.extend(currencies.iter().map(|c| (*c).to_string()));
    lines.push(heading);
    for (status, totals) in &figures.per_status {
        lines.push(totals_row(status.label().to_string(), totals, &currencies));
    }
    lines.push(Vec::new());

    let mut heading = vec!["Firm by".to_string(), "Firm commitments so far".to_string()];
    heading.extend(currencies.iter().map(|c| (*c).to_string()));
    lines.push(heading);
    for point in &figures.firm_over_time {
        let so_far = Totals {
            count: point.count,
            value: point.value.clone(),
        };
        lines.push(totals_row(point.date.to_string(), &so_far, &currencies));
    }
    lines.push(Vec::new());

    lines.push(
        ["Currency", "Pledged", "Firm", "Paid"]
            .map(String::from)
            .to_vec(),
    );
    for (currency, totals) in &figures.money {
        lines.push(vec![
            currency.clone(),
            plain(totals.pledged),
            plain(totals.firm),
            plain(totals.paid),
        ]);
    }

    let mut text = String::new();
    for line in lines {
        let cells: Vec<String> = line.iter().map(|cell| cell_text(cell)).collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
    text
}

fn totals_row(first: String, totals: &Totals, currencies: &BTreeSet<&str>) -> Vec<String> {
    let mut row = vec![first, totals.count.to_string()];
    row.extend(currencies.iter().map(|c| amount_in(&totals.value, c)));
    row
}

/// "250000000.00": no grouping, which spreadsheets would read as text.
fn amount_in(value: &BTreeMap<String, Decimal>, currency: &str) -> String {
    plain(value.get(currency).copied().unwrap_or_default())
}

/// An amount as a spreadsheet reads it, with its cents.
fn plain(amount: Decimal) -> String {
    let mut amount = amount;
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    amount.to_string()
}

/// A tab or line break inside a name would split the row.
fn cell_text(cell: &str) -> String {
    cell.replace(['\t', '\n', '\r'], " ")
}
