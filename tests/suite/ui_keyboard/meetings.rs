//! A meeting by the keyboard: made, put in a series, given an agenda item
//! and an action with its owner found by typing, then deleted.

use coalition_desk::model::ActionOwner;
use egui::Key;
use egui_kittest::kittest::Queryable;

use super::{palette, sample, show_panel};
use crate::app_harness::register;
use crate::keyboard::{focused, press, tab_to, type_keys};

#[test]
fn a_meeting_is_made_filled_and_deleted_by_keys() {
    let mut h = sample();
    show_panel(&mut h, Key::Num2);
    palette(&mut h, "New meeting");
    let id = *register(&h).meetings.keys().max().unwrap();

    tab_to(&mut h, "Series", false);
    type_keys(&mut h, "chiefs");
    press(&mut h, Key::Enter);
    let series = register(&h).meeting(id).unwrap().series.unwrap();
    assert_eq!(
        register(&h).session_series(series).unwrap().name,
        "Chiefs of Defence planning"
    );

    tab_to(&mut h, "Add agenda item", false);
    press(&mut h, Key::Enter);
    type_keys(&mut h, "Air defence");
    tab_to(&mut h, "Add action", false);
    press(&mut h, Key::Enter);
    type_keys(&mut h, "Send the figures");
    tab_to(&mut h, "Owner of action 1", false);
    type_keys(&mut h, "secr");
    press(&mut h, Key::Enter);
    let meeting = register(&h).meeting(id).cloned().unwrap();
    assert_eq!(meeting.agenda[0].title, "Air defence");
    assert_eq!(meeting.actions[0].text, "Send the figures");
    assert_eq!(meeting.actions[0].owner, Some(ActionOwner::Secretariat));

    tab_to(&mut h, "Delete…", true);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    assert!(register(&h).meeting(id).is_none());
}

/// A drop-down list chosen from by the keyboard closes with the keyboard
/// back on it: egui closed a list only on a click, so Enter chose the
/// format and left its list open over the form, and Escape closed it with
/// the keyboard nowhere (Tab started again at the menu bar).
#[test]
fn a_list_chosen_from_by_keys_closes_and_keeps_the_keyboard() {
    let mut h = sample();
    show_panel(&mut h, Key::Num2);
    palette(&mut h, "New meeting");
    let id = *register(&h).meetings.keys().max().unwrap();
    let format = || register_format(id);
    tab_to(&mut h, "Format", false);
    let before = format()(&h);

    // Space opens the list; ↓ walks it until another format has the
    // keyboard; Enter chooses it, closes the list, and leaves the keyboard
    // on the list's button.
    press(&mut h, Key::Space);
    assert!(h.query_by_label("Hybrid").is_some(), "the list opened");
    let mut walked = 0;
    while focused(&h).as_deref() != Some("Hybrid") {
        press(&mut h, Key::ArrowDown);
        walked += 1;
        assert!(walked < 5, "↓ never reached Hybrid");
    }
    press(&mut h, Key::Enter);
    assert_ne!(format()(&h), before);
    assert!(
        h.query_by_label("Hybrid").is_none(),
        "Enter closed the list"
    );
    assert_eq!(focused(&h).as_deref(), Some("Format"));

    // Opened again and left by Escape: closed, the keyboard still there.
    press(&mut h, Key::Space);
    assert!(
        h.query_by_label("Virtual").is_some(),
        "the list opened again"
    );
    press(&mut h, Key::Escape);
    assert!(
        h.query_by_label("Virtual").is_none(),
        "Escape closed the list"
    );
    assert_eq!(focused(&h).as_deref(), Some("Format"));
}

/// The meeting's format as the register holds it.
fn register_format(
    id: coalition_desk::model::MeetingId,
) -> impl Fn(&crate::app_harness::AppHarness) -> coalition_desk::model::MeetingFormat {
    move |h| register(h).meeting(id).unwrap().format
}

/// Every Tab stop of the meetings list has a name a screen reader can
/// say: egui_extras makes each cell of a clickable row (and of its
/// header) a Tab stop of its own, and only the first had been named.
#[test]
fn every_tab_stop_of_the_meetings_list_has_a_name() {
    let mut h = sample();
    show_panel(&mut h, Key::Num2);
    tab_to(&mut h, "Filter meetings", false);
    for n in 1..=8 {
        press(&mut h, Key::Tab);
        let name = focused(&h).unwrap_or_default();
        assert!(!name.is_empty(), "Tab {n} after the filter has no name");
    }
}
