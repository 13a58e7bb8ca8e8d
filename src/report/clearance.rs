//! Whether a document may leave the building. A printed record carries the
//! highest marking of what it includes; a record with no marking, or with a
//! marking that is not one of the register's levels, cannot be ranked, so
//! the document's own marking cannot be known and it is refused. Other
//! problems in the records it includes are warnings: the officer sees them
//! before printing. Problems elsewhere in the register do not matter here.

use chrono::NaiveDate;

use crate::model::{Problem, Record, Register};

/// What stands between a document and the printer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clearance {
    /// Why the document cannot be printed or exported; empty when it can.
    pub refusals: Vec<String>,
    /// Problems in the included records the officer should see first.
    pub warnings: Vec<String>,
}

impl Clearance {
    /// The clearance of a document that includes exactly `records`.
    pub fn of(register: &Register, records: &[Record], today: NaiveDate) -> Clearance {
        let mut clearance = Clearance::default();
        // A document leaves with a reference or not at all.
        if let Err(error) = crate::model::check_reference_pattern(&register.reference_pattern) {
            clearance.refusals.push(error.to_string());
        }
        for &record in records {
            let refused = register.marking_refusals(&[record]);
            let problems: Vec<Problem> = match record {
                Record::Meeting(id) => register.meeting_problems_of(id, today),
                Record::Commitment(id) => register.commitment_problems_of(id, today),
                _ => Vec::new(),
            };
            // The marking problem `check` reports is the refusal said
            // again; the rest are warnings.
            clearance.warnings.extend(
                problems
                    .into_iter()
                    .filter(|p| refused.is_empty() || !p.message.contains("marking"))
                    .map(|p| p.message),
            );
            clearance.refusals.extend(refused);
        }
        clearance
    }

    /// Whether the document may be printed or exported.
    pub fn allows(&self) -> bool {
        self.refusals.is_empty()
    }
}
