//! Commitments read back from the CSV the export writes (or a
//! spreadsheet made from it): every row checked, a bad row listed with its
//! reason, the good ones one edit the officer may confirm.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::TrackingError;
use super::commitments_csv::{BOM, COLUMNS};
use super::spreadsheet_cells::restored;
use crate::edit::Edit;
use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, Delivery, MeetingId, Money, Quantity, Register,
    Route, parse_id, serial_of, with_serial,
};
use crate::model::{ValueError, amounts, hidden_characters};

/// A row the import refused, with the reason in the officer's words.
#[derive(Clone, Debug, PartialEq)]
pub struct RejectedRow {
    /// Line in the file, counting the header as line 1.
    pub line: u64,
    pub reason: String,
}

/// A row the import accepted.
#[derive(Clone, Debug, PartialEq)]
pub struct AcceptedRow {
    pub line: u64,
    pub id: CommitmentId,
    /// False when the row updates an existing commitment.
    pub is_new: bool,
    pub commitment: Commitment,
}

/// What an import would do; nothing is applied until the officer confirms.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    pub accepted: Vec<AcceptedRow>,
    pub rejected: Vec<RejectedRow>,
}

impl ImportPreview {
    /// The accepted rows as one edit, so the import is one undo step.
    pub fn edit(&self) -> Edit {
        Edit::Batch(
            self.accepted
                .iter()
                .map(|row| Edit::Commitment(row.id, Some(row.commitment.clone())))
                .collect(),
        )
    }
}

/// Reads commitments from CSV (with or without a byte-order mark). A row
/// whose id names an existing commitment updates it; an empty id adds one.
/// Status or delivery changes are recorded as steps dated `today`.
pub fn import_commitments(
    register: &Register,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportPreview, TrackingError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let headers = reader.headers().map_err(TrackingError::CsvRead)?.clone();
    let mut columns = [0usize; 20];
    for (slot, name) in columns.iter_mut().zip(COLUMNS) {
        // Only what is needed to rebuild a commitment is required; files
        // written before payments were recorded have no `paid`.
        let optional = matches!(
            name,
            "participant name" | "status since" | "overdue" | "paid"
        );
        match headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
        {
            Some(i) => *slot = i,
            None if optional => *slot = usize::MAX,
            None => return Err(TrackingError::MissingColumn(name)),
        }
    }
    let mut preview = ImportPreview::default();
    let first_new = register.fresh_id();
    let mut serial = serial_of(first_new);
    for (index, record) in reader.records().enumerate() {
        let line = index as u64 + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                preview.rejected.push(RejectedRow {
                    line,
                    reason: format!("unreadable row: {error}"),
                });
                continue;
            }
        };
        let row = Row {
            record: &record,
            columns: &columns,
        };
        match row_commitment(register, &row, today) {
            Ok((Some(id), commitment)) => preview.accepted.push(AcceptedRow {
                line,
                id,
                is_new: false,
                commitment,
            }),
            Ok((None, commitment)) => {
                preview.accepted.push(AcceptedRow {
                    line,
                    id: CommitmentId(with_serial(first_new, serial).unwrap_or(serial)),
                    is_new: true,
                    commitment,
                });
                serial += 1;
            }
            Err(reason) => preview.rejected.push(RejectedRow {
                line,
                reason: reason.to_string(),
            }),
        }
    }
    Ok(preview)
}

/// One CSV record with the file's column positions.
struct Row<'r> {
    record: &'r csv::StringRecord,
    /// Position of each of `COLUMNS` in the file; `usize::MAX` when absent.
    columns: &'r [usize; 20],
}

impl<'r> Row<'r> {
    /// The trimmed text of a column, empty when missing, without the `'`
    /// the export puts before a cell that starts like a formula.
    fn field(&self, name: &str) -> &'r str {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.columns.get(i))
            .and_then(|&column| self.record.get(column))
            .map(|cell| restored(cell.trim()))
            .unwrap_or("")
    }
}

/// One row as a commitment, or why it cannot be one.
fn row_commitment(
    register: &Register,
    row: &Row<'_>,
    today: NaiveDate,
) -> Result<(Option<CommitmentId>, Commitment), ValueError> {
    let field = |name: &str| row.field(name);
    // The rule the file reader applies: a cell holding text that shows
    // differently from how it is stored is refused, never imported.
    for name in COLUMNS {
        if let Some((_, c)) = hidden_characters::first_refused(field(name)) {
            return Err(format!(
                "the {name} holds {}: remove it",
                hidden_characters::named(c)
            )
            .into());
        }
    }
    let id = row_id(register, field("id"))?;
    let mut c = id
        .and_then(|id| register.commitment(id))
        .cloned()
        .unwrap_or_default();
    let code = field("participant");
    c.participant = register
        .participants
        .iter()
        .find(|(_, p)| p.code.eq_ignore_ascii_case(code))
        .map(|(id, _)| *id)
        .ok_or_else(|| format!("no participant with code \"{code}\""))?;
    c.announced_at = match field("announced at") {
        "" => None,
        text => {
            let meeting = parse_id(&text.to_ascii_uppercase())
                .map(MeetingId)
                .filter(|m| register.meeting(*m).is_some());
            Some(meeting.ok_or_else(|| format!("no meeting {text} in the register"))?)
        }
    };
    c.title = field("title").to_string();
    if c.title.is_empty() {
        return Err("the title is empty".into());
    }
    c.description = field("description").to_string();
    c.area = known(field("area"), &register.capability_areas, "capability area")?;
    c.route = Route::ALL
        .into_iter()
        .find(|r| r.label().eq_ignore_ascii_case(field("route")))
        .ok_or_else(|| format!("unknown route \"{}\"", field("route")))?;
    c.quantity = positive(field("quantity"), "quantity")?.map(|amount| Quantity {
        amount,
        unit: field("unit").to_string(),
    });
    c.value = match positive(field("value"), "value")? {
        Some(amount) => {
            let currency = field("currency").to_uppercase();
            if !(currency.len() == 3 && currency.chars().all(|ch| ch.is_ascii_uppercase())) {
                return Err(format!("currency \"{currency}\" is not a three-letter code").into());
            }
            Some(Money { amount, currency })
        }
        None => None,
    };
    c.conditions = field("conditions").to_string();
    c.due = match field("due") {
        "" => None,
        text => Some(
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .map_err(|_| format!("due date \"{text}\" is not YYYY-MM-DD"))?,
        ),
    };
    c.marking = match field("marking") {
        "" => register.lowest_marking().to_string(),
        text => known(text, &register.markings, "marking")?,
    };
    let status = CommitmentStatus::ALL
        .into_iter()
        .find(|s| s.label().eq_ignore_ascii_case(field("status")))
        .ok_or_else(|| format!("unknown status \"{}\"", field("status")))?;
    if c.history.is_empty() || status != c.status {
        c.change_status(status, today, "Imported from CSV", None);
    }
    progress_from_row(&mut c, row, today)?;
    Ok((id, c))
}

/// The commitment a row updates: `None` for a new one (an empty id).
fn row_id(register: &Register, text: &str) -> Result<Option<CommitmentId>, ValueError> {
    Ok(match text {
        "" => None,
        text => {
            let id = CommitmentId(parse_id(&text.to_ascii_uppercase()).ok_or_else(|| {
                format!("id \"{text}\" is not a commitment id (17, or LON-17 for an office's)")
            })?);
            if register.commitment(id).is_none() {
                return Err(
                    format!("there is no {id} to update; leave the id empty to add it").into(),
                );
            }
            Some(id)
        }
    })
}

/// What the `column`'s figure `now` adds to what is recorded `so_far`;
/// refused when it is less, since a delivery is never taken back.
fn added(column: &str, now: Decimal, so_far: Decimal) -> Result<Decimal, ValueError> {
    let more = now - so_far;
    if more.is_sign_negative() && !more.is_zero() {
        return Err(format!("{column} {now} is less than the {so_far} already recorded").into());
    }
    Ok(more)
}

/// The delivered and paid columns as a delivery dated `today`: what they
/// add to what the commitment already records, never less than it, nor
/// more than committed.
fn progress_from_row(
    c: &mut Commitment,
    row: &Row<'_>,
    today: NaiveDate,
) -> Result<(), ValueError> {
    let field = |name: &str| row.field(name);
    let delivered = decimal(field("delivered"), "delivered")?.unwrap_or_default();
    if delivered.is_sign_negative() {
        return Err(format!("delivered {delivered} is below zero").into());
    }
    if let Some(quantity) = &c.quantity
        && delivered > quantity.amount
    {
        return Err(format!(
            "delivered {delivered} is more than the {} committed",
            quantity.amount
        )
        .into());
    }
    if delivered > Decimal::ZERO && c.quantity.is_none() {
        return Err("delivered is given but there is no quantity".into());
    }
    let difference = added("delivered", delivered, c.delivered_so_far())?;
    let paid_difference = match (decimal(field("paid"), "paid")?, &c.value) {
        (None, _) => Decimal::ZERO,
        (Some(paid), None) if paid.is_zero() => Decimal::ZERO,
        (Some(_), None) => return Err("paid is given but there is no value".into()),
        (Some(paid), Some(value)) => {
            if paid > value.amount {
                return Err(format!(
                    "paid {paid} is more than the {} {} committed",
                    value.amount, value.currency
                )
                .into());
            }
            added("paid", paid, c.paid_so_far())?
        }
    };
    if !difference.is_zero() || !paid_difference.is_zero() {
        c.deliveries.push(Delivery {
            date: today,
            amount: difference,
            paid: paid_difference,
            note: "Imported from CSV".into(),
            meeting: None,
        });
    }
    Ok(())
}

fn known(text: &str, list: &[String], what: &str) -> Result<String, ValueError> {
    list.iter()
        .find(|entry| entry.eq_ignore_ascii_case(text))
        .cloned()
        .ok_or_else(|| format!("unknown {what} \"{text}\"").into())
}

fn decimal(text: &str, what: &str) -> Result<Option<Decimal>, ValueError> {
    if text.is_empty() {
        return Ok(None);
    }
    let amount = amounts::read_written(text, amounts::Written::ByHand)
        .map_err(|reason| format!("{what}: {reason}"))?;
    if amount.is_sign_negative() {
        return Err(format!("{what} {amount} is below zero").into());
    }
    Ok(Some(amount))
}

/// An amount that must be more than zero when given: a quantity or a value.
fn positive(text: &str, what: &str) -> Result<Option<Decimal>, ValueError> {
    let amount = decimal(text, what)?;
    if amount.is_some_and(|a| a.is_zero()) {
        return Err(format!("{what} {text} is not more than zero").into());
    }
    Ok(amount)
}
