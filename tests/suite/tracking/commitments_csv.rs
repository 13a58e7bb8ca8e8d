//! Commitments out to CSV and back: round trip, bad rows with reasons,
//! and a status change on import as a dated step.

use crate::common::{register, today};
use coalition_desk::document::{Document, Origin};
use coalition_desk::model::{Commitment, CommitmentId, CommitmentStatus, Quantity};
use coalition_desk::tracking::{self};

use super::fixture::*;

#[test]
fn csv_round_trip_restores_every_commitment() {
    let original = two_sessions();
    let bytes = tracking::export_commitments(&original, today()).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("Україна") || text.contains("United Kingdom"));
    let mut changed = original.clone();
    for c in changed.commitments.values_mut() {
        c.title.push_str(" (edited)");
        c.conditions = "changed".into();
    }
    let preview = tracking::import_commitments(&changed, &bytes, today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.accepted.len(), original.commitments.len());
    let mut doc = Document::new(changed, Origin::Untitled);
    doc.apply(preview.edit()).unwrap();
    assert_eq!(doc.register().commitments, original.commitments);
    // One undo takes the whole import back.
    assert!(doc.undo());
    assert!(
        doc.register()
            .commitments
            .values()
            .all(|c| c.title.ends_with("(edited)"))
    );
}

#[test]
fn csv_import_lists_bad_rows_with_reasons() {
    let r = register();
    let csv = "\u{feff}id,participant,announced at,title,description,area,route,quantity,unit,delivered,value,currency,conditions,due,status,marking\n\
        ,FRA,,Field hospital,,Medical,Direct contribution,2,hospitals,,,,,2025-09-01,Pledged,\n\
        ,XXX,,Unknown nation,,Medical,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,,,Medical,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,Bad area,,Cooking,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,Too much,,Medical,Direct contribution,2,trucks,3,,,,,Committed,\n\
        ,GBR,,Bad date,,Medical,Direct contribution,,,,,,,31/12/2025,Pledged,\n\
        ,GBR,,Bad money,,Funding,Direct contribution,,,,lots,EUR,,,Pledged,\n\
        999,GBR,,Missing id,,Funding,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,Bad status,,Funding,Direct contribution,,,,,,,,Promised,\n\
        ,GBR,,Grouped wrong,,Medical,Direct contribution,\"1,2,3\",trucks,,,,,,Pledged,\n\
        ,GBR,,Nothing,,Funding,Direct contribution,,,,0,EUR,,,Pledged,\n\
        ,GBR,,Absurd,,Funding,Direct contribution,,,,79228162514264337593543950335,EUR,,,Pledged,\n\
        ,GBR,,Grouped right,,Medical,Direct contribution,\"1,200\",trucks,,,,,,Pledged,\n\
        ,GBR,,Approved\u{202e}devorppa,,Medical,Direct contribution,,,,,,,,Pledged,\n";
    let preview = tracking::import_commitments(&r, csv.as_bytes(), today()).unwrap();
    assert_eq!(preview.accepted.len(), 2);
    assert_eq!(
        preview.accepted[1].commitment.quantity,
        Some(Quantity {
            amount: dec("1200"),
            unit: "trucks".into()
        }),
        "a comma between groups of three reads"
    );
    let hospital = &preview.accepted[0];
    assert!(hospital.is_new);
    assert_eq!(hospital.id, CommitmentId(r.fresh_id()));
    assert_eq!(
        hospital.commitment.quantity,
        Some(Quantity {
            amount: dec("2"),
            unit: "hospitals".into()
        })
    );
    assert_eq!(hospital.commitment.history.len(), 1);
    let reasons: Vec<(u64, &str)> = preview
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (3, "no participant with code \"XXX\""),
            (4, "the title is empty"),
            (5, "unknown capability area \"Cooking\""),
            (6, "delivered 3 is more than the 2 committed"),
            (7, "due date \"31/12/2025\" is not YYYY-MM-DD"),
            (
                8,
                "value: lots is not an amount: type a number such as 1,500,000.00"
            ),
            (
                9,
                "there is no commitment #999 to update; leave the id empty to add it"
            ),
            (10, "unknown status \"Promised\""),
            (
                11,
                "quantity: 1,2,3 is not an amount: a comma may stand only between groups of three \
                 digits, as in 1,500,000; type a number such as 1,500,000.00"
            ),
            (12, "value 0 is not more than zero"),
            (
                13,
                "value: 79228162514264337593543950335 is too large to be an amount: the \
                 register holds amounts below 1,000,000,000,000,000"
            ),
            (
                15,
                "the title holds a right-to-left override (U+202E): remove it"
            ),
        ]
    );
    let missing = tracking::import_commitments(&r, b"id,title\n1,x\n", today());
    assert!(missing.is_err());
}

#[test]
fn csv_status_change_on_import_is_a_dated_step() {
    let r = register();
    let bytes = tracking::export_commitments(&r, today()).unwrap();
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace(",Proposed,", ",Pledged,");
    let preview = tracking::import_commitments(&r, text.as_bytes(), today()).unwrap();
    let drones = preview
        .accepted
        .iter()
        .find(|row| row.id == CommitmentId(22))
        .unwrap();
    let c: &Commitment = &drones.commitment;
    assert_eq!(c.status, CommitmentStatus::Pledged);
    let last = c.history.last().unwrap();
    assert_eq!(
        (last.date, last.note.as_str()),
        (today(), "Imported from CSV")
    );
}
