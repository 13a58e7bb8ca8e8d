//! Dates, times and amounts as the officer types them: a date may be typed
//! day first or with the month's name; a text that does not read stays on
//! screen in red with the reason beside it and changes nothing until it is
//! corrected; a status change or a delivery takes its day from the meeting
//! it is made at. A series' time zone and cadence are typed the same way.

use std::str::FromStr;

use crate::common::{FRA, MINISTERS, State, context, date, harness};
use chrono::NaiveTime;
use coalition_desk::model::{Commitment, CommitmentId, CommitmentStatus, Meeting};
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::commitments::CommitmentsPanel;
use coalition_desk::ui::meetings::MeetingsPanel;
use coalition_desk::ui::participants::ParticipantsPanel;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use rust_decimal::Decimal;

/// The missiles: pledged, 5,000 of them for EUR 1,600,000,000, due at the
/// end of 2025.
const MISSILES: CommitmentId = CommitmentId(20);
/// The drones: proposed, no quantity.
const DRONES: CommitmentId = CommitmentId(22);

fn commitments(selected: CommitmentId) -> Harness<'static, State<CommitmentsPanel>> {
    let mut harness = harness(CommitmentsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.state_mut().panel.selected = Some(selected);
    harness.run();
    harness
}

fn commitment(harness: &Harness<'_, State<CommitmentsPanel>>, id: CommitmentId) -> Commitment {
    harness.state().doc.register().commitments[&id].clone()
}

/// Replaces the text of the field `label` names with `text`, as the
/// officer does: click in, select all, type.
fn retype<S>(harness: &mut Harness<'_, S>, label: &str, text: &str) {
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

/// Leaves the field that has the keyboard.
fn leave<S>(harness: &mut Harness<'_, S>) {
    harness.key_press(Key::Escape);
    harness.run();
}

/// Whether `words` are on screen: under the field, and again in the
/// field's own description for a screen reader.
fn shows<S>(harness: &Harness<'_, S>, words: &str) {
    assert!(
        harness.query_all_by_label_contains(words).next().is_some(),
        "{words} is shown"
    );
}

fn text_of<S>(harness: &Harness<'_, S>, label: &str) -> Option<String> {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .accesskit_node()
        .value()
}

#[test]
fn a_date_typed_day_first_is_applied_and_then_shown_as_the_register_writes_it() {
    let mut harness = commitments(MISSILES);
    retype(&mut harness, "Due", "10/04/2025");
    assert_eq!(commitment(&harness, MISSILES).due, Some(date(2025, 4, 10)));
    leave(&mut harness);
    assert_eq!(text_of(&harness, "Due").as_deref(), Some("2025-04-10"));

    retype(&mut harness, "Due", "1 Sep 2026");
    assert_eq!(commitment(&harness, MISSILES).due, Some(date(2026, 9, 1)));
}

#[test]
fn a_date_that_does_not_exist_says_why_in_red_and_changes_nothing_until_corrected() {
    let mut harness = commitments(MISSILES);
    let before = commitment(&harness, MISSILES);
    retype(&mut harness, "Due", "2025-02-30");
    harness.get_by_label("2025-02-30 is not a date: February 2025 has 28 days.");
    assert_eq!(commitment(&harness, MISSILES), before);
    assert!(!harness.state().doc.is_dirty(), "nothing was applied");

    // The officer's text and the reason stay when the field is left.
    leave(&mut harness);
    assert_eq!(text_of(&harness, "Due").as_deref(), Some("2025-02-30"));
    harness.get_by_label_contains("February 2025 has 28 days");
    assert_eq!(commitment(&harness, MISSILES), before);

    retype(&mut harness, "Due", "28 Feb 2025");
    assert_eq!(commitment(&harness, MISSILES).due, Some(date(2025, 2, 28)));
    assert!(
        harness
            .query_by_label_contains("February 2025 has 28 days")
            .is_none(),
        "the reason goes with the mistake"
    );
}

#[test]
fn letters_in_an_amount_are_refused_beside_the_field_and_the_value_kept() {
    let mut harness = commitments(MISSILES);
    retype(&mut harness, "Value", "abc");
    harness.get_by_label_contains("abc is not an amount");
    leave(&mut harness);
    assert_eq!(text_of(&harness, "Value").as_deref(), Some("abc"));
    let value = commitment(&harness, MISSILES).value.expect("a value");
    assert_eq!(value.amount, Decimal::from_str("1600000000").unwrap());
    assert!(!harness.state().doc.is_dirty(), "nothing became 0");

    retype(&mut harness, "Value", "1750000000");
    let value = commitment(&harness, MISSILES).value.expect("a value");
    assert_eq!(value.amount, Decimal::from_str("1750000000").unwrap());
    // Once left, it reads as every amount on screen does.
    leave(&mut harness);
    assert_eq!(text_of(&harness, "Value").as_deref(), Some("1,750,000,000"));
}

#[test]
fn an_amount_grouped_wrong_or_not_above_zero_is_refused_in_red() {
    let mut harness = commitments(MISSILES);
    let before = commitment(&harness, MISSILES);
    for (typed, reason) in [
        (
            "1,2,3",
            "1,2,3 is not an amount: a comma may stand only between groups of three digits",
        ),
        (
            "0",
            "0 is not an amount to record: type a number more than zero.",
        ),
        ("-40", "-40 is not an amount to record"),
        (
            "99999999999999999999",
            "99999999999999999999 is too large to be an amount",
        ),
    ] {
        retype(&mut harness, "Value", typed);
        shows(&harness, reason);
        assert_eq!(commitment(&harness, MISSILES), before, "{typed}");
    }
    assert!(!harness.state().doc.is_dirty());
    retype(&mut harness, "Value", "1,600,000,001");
    let value = commitment(&harness, MISSILES).value.expect("a value");
    assert_eq!(value.amount, Decimal::from_str("1600000001").unwrap());
}

/// Opens the picker `label` names and picks the ministers' meeting in it.
fn pick_the_ministers_meeting(harness: &mut Harness<'_, State<CommitmentsPanel>>, label: &str) {
    // Low in a long editor (a delivery has its payment row too), the list
    // would open below the window's edge.
    harness
        .get_by_role_and_label(Role::ComboBox, label)
        .scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(Role::ComboBox, label).click();
    harness.run();
    let title = harness.state().doc.register().meeting_title(MINISTERS);
    // The history names the meeting too, as text; the list's entry is a button.
    harness.get_by_role_and_label(Role::Button, &title).click();
    harness.run();
}

#[test]
fn a_status_change_is_dated_by_the_meeting_it_is_made_at() {
    let mut harness = commitments(DRONES);
    // Today is 2025-06-01; the ministers met on 2025-04-10.
    assert_eq!(text_of(&harness, "On").as_deref(), Some("2025-06-01"));
    pick_the_ministers_meeting(&mut harness, "At meeting");
    assert_eq!(harness.state().panel.status_form.meeting, Some(MINISTERS));
    assert_eq!(text_of(&harness, "On").as_deref(), Some("2025-04-10"));
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    let drones = commitment(&harness, DRONES);
    assert_eq!(drones.status, CommitmentStatus::Pledged);
    let step = drones.history.last().expect("the step");
    assert_eq!(
        (step.date, step.meeting),
        (date(2025, 4, 10), Some(MINISTERS))
    );
}

/// The officer types a commitment on 1 June that was announced at the
/// ministers' meeting of 10 April: naming the meeting dates its first step
/// by it, so it can be pledged on 10 April instead of being refused as
/// "before the last step (2025-06-01)".
#[test]
fn a_commitment_typed_after_its_meeting_is_pledged_on_the_meeting_day() {
    let mut harness = commitments(DRONES);
    let (typed, edit) = coalition_desk::new_records::commitment(
        harness.state().doc.register(),
        Some(FRA),
        crate::common::today(),
    )
    .expect("a participant");
    harness.state_mut().doc.apply(edit).unwrap();
    harness.state_mut().panel.selected = Some(typed);
    harness.run();
    assert_eq!(
        text_of(&harness, "First step on").as_deref(),
        Some("2025-06-01"),
        "created today"
    );
    pick_the_ministers_meeting(&mut harness, "Announced at");
    assert_eq!(commitment(&harness, typed).announced_at, Some(MINISTERS));
    assert_eq!(
        commitment(&harness, typed).history[0].date,
        date(2025, 4, 10)
    );
    assert_eq!(
        text_of(&harness, "First step on").as_deref(),
        Some("2025-04-10")
    );

    pick_the_ministers_meeting(&mut harness, "At meeting");
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    assert_eq!(harness.state().panel.status_form.status_refusal, None);
    let pledged = commitment(&harness, typed);
    assert_eq!(pledged.status, CommitmentStatus::Pledged);
    assert_eq!(
        pledged.history.iter().map(|h| h.date).collect::<Vec<_>>(),
        [date(2025, 4, 10), date(2025, 4, 10)]
    );
}

#[test]
fn a_step_cannot_be_dated_after_today() {
    let mut harness = commitments(DRONES);
    let before = commitment(&harness, DRONES);
    retype(&mut harness, "On", "2025-06-02");
    shows(&harness, "2025-06-02 is after today (2025-06-01)");
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Change status")
            .accesskit_node()
            .is_disabled(),
        "the step waits for a day that has happened"
    );
    assert_eq!(commitment(&harness, DRONES), before);
    retype(&mut harness, "On", "2025-05-01");
    assert!(
        harness
            .query_all_by_label_contains("is after today")
            .next()
            .is_none()
    );
    retype(&mut harness, "First step on", "2025-06-02");
    shows(&harness, "2025-06-02 is after today");
    assert_eq!(commitment(&harness, DRONES), before);
}

#[test]
fn a_delivery_has_its_own_day_and_meeting() {
    let mut harness = commitments(MISSILES);
    // Deliveries count against firm commitments: commit it first, at the
    // ministers' meeting, since a delivery is never dated before the step
    // that made it firm.
    pick_the_ministers_meeting(&mut harness, "At meeting");
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    assert_eq!(
        commitment(&harness, MISSILES).status,
        CommitmentStatus::Committed
    );
    retype(&mut harness, "Delivered now", "500");
    pick_the_ministers_meeting(&mut harness, "Reported at");
    assert_eq!(
        text_of(&harness, "Delivered on").as_deref(),
        Some("2025-04-10")
    );
    retype(&mut harness, "Delivered on", "12/04/2025");
    // The form runs below the window's edge.
    harness
        .get_by_role_and_label(Role::Button, "Record delivery")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Record delivery")
        .click();
    harness.run();
    assert_eq!(harness.state().panel.status_form.delivery_refusal, None);
    let missiles = commitment(&harness, MISSILES);
    let delivery = missiles.deliveries.last().expect("the delivery");
    assert_eq!(delivery.date, date(2025, 4, 12));
    assert_eq!(delivery.meeting, Some(MINISTERS));
    assert_eq!(delivery.amount, Decimal::from(500));
    // The history reads it with its unit.
    harness.get_by_label("Delivered 500 missiles");
}

fn meetings() -> Harness<'static, State<MeetingsPanel>> {
    let mut harness = harness(MeetingsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.state_mut().panel.open(MINISTERS);
    harness.run();
    harness
}

fn ministers(harness: &Harness<'_, State<MeetingsPanel>>) -> Meeting {
    harness.state().doc.register().meetings[&MINISTERS].clone()
}

#[test]
fn a_time_out_of_the_clock_or_an_end_before_the_start_is_refused_beside_the_field() {
    let mut harness = meetings();
    retype(&mut harness, "Time", "25:99");
    harness.get_by_label("25:99 is not a time: hours run from 00 to 23.");
    leave(&mut harness);
    assert_eq!(text_of(&harness, "Time").as_deref(), Some("25:99"));
    assert_eq!(ministers(&harness).start, None);

    retype(&mut harness, "Time", "14:00");
    leave(&mut harness);
    let two = NaiveTime::from_hms_opt(14, 0, 0).unwrap();
    assert_eq!(ministers(&harness).start, Some(two));

    retype(&mut harness, "End time", "9:30");
    harness.get_by_label("09:30 is not after the start at 14:00: type a later end.");
    leave(&mut harness);
    assert_eq!(ministers(&harness).end, None);
    assert_eq!(text_of(&harness, "End time").as_deref(), Some("9:30"));

    retype(&mut harness, "End time", "16:30");
    assert_eq!(ministers(&harness).end, NaiveTime::from_hms_opt(16, 30, 0));
}

#[test]
fn a_series_time_zone_and_cadence_are_typed_and_a_wrong_one_says_why() {
    let settings = Settings {
        tab: Tab::Timeline,
        ..Settings::default()
    };
    let app = CoalitionDeskApp::with_settings(settings, Startup::Empty, crate::common::today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness.get_by_label("New series").click();
    harness.run();
    let series = |harness: &Harness<'_, CoalitionDeskApp>| {
        let register = harness.state().workspace().document.register();
        register
            .series
            .values()
            .next()
            .cloned()
            .expect("the series")
    };
    let zone = series(&harness).time_zone;

    retype(&mut harness, "Time zone", "Europe/Londn");
    harness.get_by_label("Europe/Londn is not a time zone: did you mean Europe/London?");
    assert_eq!(series(&harness).time_zone, zone);
    retype(&mut harness, "Time zone", "Europe/Paris");
    assert_eq!(series(&harness).time_zone, chrono_tz::Tz::Europe__Paris);

    retype(&mut harness, "Every", "two");
    harness.get_by_label("two is not a whole number: type a whole number from 1 to 52.");
    let cadence = series(&harness).cadence;
    assert!(!cadence.contains("INTERVAL"), "{cadence}");
    retype(&mut harness, "Every", "2");
    let cadence = series(&harness).cadence;
    assert!(cadence.contains("INTERVAL=2"), "{cadence}");
}

#[test]
fn a_role_cannot_end_before_it_begins() {
    let mut harness = harness(ParticipantsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.state_mut().panel.open(FRA);
    harness.run();
    let role = |harness: &Harness<'_, State<ParticipantsPanel>>| {
        let register = harness.state().doc.register();
        let person = register.people.values().next().expect("the minister");
        person.roles.first().cloned().expect("the role")
    };
    // The minister took office on 2022-05-20.
    retype(&mut harness, "To", "01/01/2020");
    harness.get_by_label("2020-01-01 is before the start on 2022-05-20: type a later day.");
    assert_eq!(role(&harness).to, None);
    retype(&mut harness, "To", "21 Sep 2025");
    assert_eq!(role(&harness).to, Some(date(2025, 9, 21)));
}

/// How refused input looks: each field keeps its text in red with the
/// reason under it.
#[test]
fn snapshot_of_refused_input() {
    let mut harness = commitments(MISSILES);
    retype(&mut harness, "Value", "abc");
    retype(&mut harness, "Due", "2025-02-30");
    leave(&mut harness);
    harness.snapshot("commitment_refused_input");
}

#[test]
fn a_step_waits_while_its_day_or_amount_is_refused() {
    let mut harness = commitments(MISSILES);
    retype(&mut harness, "On", "31/04/2025");
    harness.get_by_label("31/04/2025 is not a date: April 2025 has 30 days.");
    let change = harness.get_by_role_and_label(Role::Button, "Change status");
    assert!(change.accesskit_node().is_disabled(), "not on the old day");
    retype(&mut harness, "On", "30/05/2025");
    harness
        .get_by_role_and_label(Role::Button, "Change status")
        .click();
    harness.run();
    let missiles = commitment(&harness, MISSILES);
    assert_eq!(missiles.status, CommitmentStatus::Committed);
    assert_eq!(
        missiles.history.last().map(|s| s.date),
        Some(date(2025, 5, 30))
    );

    // "500" applied keystroke by keystroke; "500x" must not deliver 500.
    retype(&mut harness, "Delivered now", "500x");
    let record = harness.get_by_role_and_label(Role::Button, "Record delivery");
    assert!(record.accesskit_node().is_disabled());
}
