//! In the real window: the officer opens the money-only fund in the
//! commitment editor, records a payment and sees the progress line and the
//! status move; then marks it Delivered with less, which asks why.

use coalition_desk::model::CommitmentStatus;
use coalition_desk::ui::Command;
use coalition_desk::ui::command::Tab;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use super::{FUND, dec, with_fund};
use crate::app_harness::{AppHarness, harness_for, register, today};

fn type_into(harness: &mut AppHarness, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

fn press(harness: &mut AppHarness, button: &str) {
    harness
        .get_by_role_and_label(Role::Button, button)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::Button, button).click();
    harness.run();
}

#[test]
fn recording_a_payment_on_a_money_only_commitment_shows_progress_and_moves_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    coalition_desk::storage::save(&path, &with_fund(), None).unwrap();
    let mut harness = harness_for(&path);
    harness
        .state_mut()
        .command(coalition_desk::ui::Command::SelectCommitment(FUND));
    harness.run();
    harness.run();

    // A money-only pledge: the delivery section asks for money, not a
    // quantity, and says what is paid so far.
    harness.get_by_label("EUR 0.00 of 400,000,000.00 paid (0 %)");
    assert!(
        harness
            .query_by_role_and_label(Role::TextInput, "Delivered now")
            .is_none()
    );
    type_into(&mut harness, "Paid now", "120,000,000");
    press(&mut harness, "Record payment");

    let fund = register(&harness).commitments[&FUND].clone();
    assert_eq!(fund.paid_so_far(), dec("120000000"));
    assert_eq!(fund.status, CommitmentStatus::InDelivery);
    let last = fund.history.last().unwrap();
    assert_eq!((last.date, last.note.as_str()), (today(), "First delivery"));
    harness.get_by_label("EUR 120,000,000.00 of 400,000,000.00 paid (30 %)");
    harness.get_by_label("Paid EUR 120,000,000.00");

    // Delivered with less: refused until the reduction is explained.
    assert_eq!(
        harness.state().workspace().commitments.status_form.to,
        CommitmentStatus::Delivered
    );
    harness.get_by_label_contains("say why it is Delivered with less");
    press(&mut harness, "Change status");
    harness.get_by_label_contains("needs a reason in the note (an agreed reduction)");
    assert_eq!(
        register(&harness).commitments[&FUND].status,
        CommitmentStatus::InDelivery
    );
    type_into(
        &mut harness,
        "Reason",
        "Reduced to EUR 120 million by agreement",
    );
    press(&mut harness, "Change status");
    let fund = register(&harness).commitments[&FUND].clone();
    assert_eq!(fund.status, CommitmentStatus::Delivered);
    assert_eq!(
        fund.history.last().unwrap().note,
        "Reduced to EUR 120 million by agreement"
    );
}

#[test]
fn the_dashboard_shows_pledged_firm_and_paid_per_currency() {
    let mut paid = with_fund();
    paid.commitments
        .get_mut(&FUND)
        .unwrap()
        .record_delivery(super::payment((2025, 5, 2), "120000000"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coalition.ron");
    coalition_desk::storage::save(&path, &paid, None).unwrap();
    let mut harness = harness_for(&path);
    harness
        .state_mut()
        .command(Command::ShowTab(Tab::Dashboard));
    harness.run();
    harness.run();
    // The per-currency table: pledged (not withdrawn, firm or not), firm
    // and paid; the paid sum is also the headline's "Paid".
    harness.get_by_label("EUR 2,125,000,000.50");
    harness.get_by_label("EUR 525,000,000.50");
    assert_eq!(harness.get_all_by_label("EUR 120,000,000.00").count(), 2);
}
