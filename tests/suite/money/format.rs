//! The file: a payment is written as `paid`, only when there is one, and
//! a register that records payments is written as format version 3, so a
//! build from before payments says the file is newer instead of failing
//! on `paid`. Files without payments keep version 1 (or 2) and their shape.

use coalition_desk::model::{CommitmentId, Delivery};
use coalition_desk::storage::{self, written_version};

use super::{FUND, dec, payment, with_fund};
use crate::common::{date, register};

fn version_line(text: &str) -> &str {
    text.lines().nth(2).unwrap_or("").trim()
}

#[test]
fn deliveries_of_a_quantity_keep_the_shape_and_version_they_had() {
    let mut r = register();
    r.commitments
        .get_mut(&CommitmentId(20))
        .unwrap()
        .deliveries
        .push(Delivery {
            date: date(2025, 5, 2),
            amount: dec("500"),
            ..Delivery::default()
        });
    assert_eq!(written_version(&r), 1);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    storage::save(&path, &r, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(version_line(&text), "version: 1,");
    assert!(text.contains("amount: \"500\","), "{text}");
    assert!(!text.contains("paid"), "{text}");
    // Read and written again, byte for byte.
    let loaded = storage::load(&path).unwrap();
    assert_eq!(loaded.register, r);
    storage::save(&path, &loaded.register, None).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_register_with_payments_is_written_as_version_3_and_reads_back() {
    let mut r = with_fund();
    assert_eq!(written_version(&r), 1);
    r.commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(payment((2025, 5, 2), "120000000.00"))
        .unwrap();
    assert_eq!(written_version(&r), 3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("paid.ron");
    storage::save(&path, &r, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(version_line(&text), "version: 3,");
    assert!(text.contains("paid: \"120000000.00\","), "{text}");
    // A payment alone carries no quantity of zero.
    assert!(!text.contains("amount: \"0\""), "{text}");
    let loaded = storage::load(&path).unwrap();
    assert_eq!(
        loaded.newer_version, None,
        "this build reads what it writes"
    );
    assert_eq!(loaded.register, r);
}

#[test]
fn a_payment_typed_by_hand_reads_and_a_float_is_refused() {
    let r = with_fund();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typed.ron");
    storage::save(&path, &r, None).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    // The fund is the last commitment: its marking closes the record.
    let typed = text.replacen(
        "title: \"Drone coalition fund\",",
        "title: \"Drone coalition fund\",\n\t\t\t\tdeliveries: [(date: \"2025-05-02\", paid: \"120000000.00\", note: \"First tranche\")],",
        1,
    );
    std::fs::write(&path, &typed).unwrap();
    let loaded = storage::load(&path).unwrap().register;
    let fund = &loaded.commitments[&FUND];
    assert_eq!(fund.paid_so_far(), dec("120000000.00"));
    assert_eq!(fund.delivered_so_far(), dec("0"));
    assert_eq!(fund.deliveries[0].date, date(2025, 5, 2));

    std::fs::write(
        &path,
        typed.replace("paid: \"120000000.00\"", "paid: 120000000.0"),
    )
    .unwrap();
    let error = storage::load(&path).unwrap_err().to_string();
    assert!(
        error.contains("is written as a number: write amounts as text"),
        "{error}"
    );
}
