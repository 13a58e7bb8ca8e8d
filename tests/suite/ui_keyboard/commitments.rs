//! Commitments by the keyboard: one made for a participant found by
//! typing and moved up the ladder to a status chosen with the arrows; a
//! payment recorded on a firm one.

use coalition_desk::model::{CommitmentId, CommitmentStatus};
use egui::Key;
use rust_decimal::Decimal;

use super::{palette, sample, show_panel};
use crate::app_harness::register;
use crate::keyboard::{focused, press, tab_to, tab_to_where, type_keys};

#[test]
fn a_commitment_is_made_for_a_participant_and_moved_on_by_keys() {
    let mut h = sample();
    show_panel(&mut h, Key::Num3);
    palette(&mut h, "New commitment");
    let id = *register(&h).commitments.keys().max().unwrap();
    let ukraine = register(&h)
        .participants_by_name()
        .into_iter()
        .find(|p| register(&h).participant_name(*p) == "Ukraine")
        .unwrap();
    // A new commitment starts with another participant.
    assert_ne!(register(&h).commitment(id).unwrap().participant, ukraine);

    // The new commitment's first field, its participant, has the keyboard.
    assert_eq!(focused(&h).as_deref(), Some("Participant"));
    // Found by its code, which the list does not show.
    type_keys(&mut h, "ukr");
    press(&mut h, Key::Enter);
    assert_eq!(register(&h).commitment(id).unwrap().participant, ukraine);
    assert_eq!(
        register(&h).commitment(id).unwrap().status,
        CommitmentStatus::Proposed
    );

    // Space opens the list, the arrows walk it from its top, Enter takes
    // the third status.
    tab_to(&mut h, "New status", false);
    press(&mut h, Key::Space);
    for _ in 0..3 {
        press(&mut h, Key::ArrowDown);
    }
    press(&mut h, Key::Enter);
    tab_to(&mut h, "Change status", false);
    press(&mut h, Key::Enter);
    assert_eq!(
        register(&h).commitment(id).unwrap().status,
        CommitmentStatus::Committed
    );
}

#[test]
fn a_payment_is_recorded_on_a_firm_commitment_by_keys() {
    const FUNDING: CommitmentId = CommitmentId(14);
    let mut h = sample();
    show_panel(&mut h, Key::Num3);
    // The table's rows take the keyboard, named by code and title.
    tab_to_where(
        &mut h,
        |name| name.ends_with(": Example — Funding for Ukrainian capacity"),
        false,
        "the funding commitment's row",
    );
    press(&mut h, Key::Enter);
    tab_to(&mut h, "Paid now", false);
    type_keys(&mut h, "1000000");
    tab_to(&mut h, "Record payment", false);
    press(&mut h, Key::Enter);
    let funding = register(&h).commitment(FUNDING).cloned().unwrap();
    assert_eq!(funding.deliveries.len(), 1);
    assert_eq!(funding.deliveries[0].paid, Decimal::from(1_000_000));
}

/// Every Tab stop of the commitments table has a name a screen reader can
/// say: the header cells by their column, each row's cells by the
/// participant's code and the title (egui_extras makes each cell of a
/// clickable row a Tab stop of its own, and only the first was named).
#[test]
fn every_tab_stop_of_the_commitments_table_has_a_name() {
    let mut h = sample();
    show_panel(&mut h, Key::Num3);
    tab_to_where(&mut h, |name| name.ends_with(" column"), false, "a column");
    for n in 1..=12 {
        press(&mut h, Key::Tab);
        let name = focused(&h).unwrap_or_default();
        assert!(!name.is_empty(), "Tab {n} in the table has no name");
    }
}
