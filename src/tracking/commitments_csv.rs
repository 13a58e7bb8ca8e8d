//! Commitments to and from CSV, UTF-8 with a byte-order mark so
//! spreadsheets show accents: the columns and the export here, the import
//! in `commitments_import.rs`. Import is a preview first: every row is
//! checked, bad rows are listed with their reason, and the good ones become
//! one edit the officer may confirm.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::TrackingError;
use super::spreadsheet_cells::neutralised;

use crate::model::{MeetingId, Register};

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The columns, in file order. `id` is empty for a commitment to add.
pub const COLUMNS: [&str; 20] = [
    "id",
    "participant",
    "participant name",
    "announced at",
    "title",
    "description",
    "area",
    "route",
    "quantity",
    "unit",
    "delivered",
    "value",
    "currency",
    "paid",
    "conditions",
    "due",
    "status",
    "status since",
    "overdue",
    "marking",
];

/// The columns holding an amount: written as bare numbers, never behind
/// the `'` that keeps a text cell from being read as a formula.
const AMOUNT_COLUMNS: [&str; 4] = ["quantity", "delivered", "value", "paid"];

/// Every commitment with all its fields and current status, in id order.
/// Refused when a commitment's marking is missing or not one of the
/// register's levels: the marking column would state what cannot be ranked.
pub fn export_commitments(register: &Register, today: NaiveDate) -> Result<Vec<u8>, TrackingError> {
    let included = register.commitment_records();
    let refusals = register.marking_refusals(&included);
    if !refusals.is_empty() {
        return Err(TrackingError::Refused(refusals));
    }
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    writer
        .write_record(COLUMNS)
        .map_err(TrackingError::CsvWrite)?;
    // Amounts stay bare numbers ("1600000000.00") beside their unit and
    // currency columns, not "EUR 1,600,000,000.00": a spreadsheet sums them
    // as numbers in any locale, and the file imports back exactly.
    let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    for (id, c) in &register.commitments {
        let quantity = c.quantity.as_ref();
        let value = c.value.as_ref();
        let record: [String; 20] = [
            id.text(),
            register.participant_code(c.participant),
            register.participant_name(c.participant),
            c.announced_at.map(MeetingId::text).unwrap_or_default(),
            c.title.clone(),
            c.description.clone(),
            c.area.clone(),
            c.route.label().to_string(),
            text(quantity.map(|q| q.amount)),
            quantity.map(|q| q.unit.clone()).unwrap_or_default(),
            text(quantity.map(|_| c.delivered_so_far())),
            text(value.map(|v| v.amount)),
            value.map(|v| v.currency.clone()).unwrap_or_default(),
            text(value.map(|_| c.paid_so_far())),
            c.conditions.clone(),
            c.due.map(|d| d.to_string()).unwrap_or_default(),
            c.status.label().to_string(),
            c.history
                .last()
                .map(|h| h.date.to_string())
                .unwrap_or_default(),
            if c.is_overdue(today) { "yes" } else { "" }.to_string(),
            c.marking.clone(),
        ];
        // Every text cell is neutralised; the amounts are written by this
        // program as plain unsigned numbers, and stay numbers a sheet sums.
        let cells = COLUMNS.iter().zip(record).map(|(column, cell)| {
            if AMOUNT_COLUMNS.contains(column) {
                cell
            } else {
                neutralised(&cell)
            }
        });
        writer
            .write_record(cells)
            .map_err(TrackingError::CsvWrite)?;
    }
    writer
        .into_inner()
        .map_err(|e| TrackingError::CsvWrite(e.into_error().into()))
}
