//! A meeting by the keyboard: made, put in a series, given an agenda item
//! and an action with its owner found by typing, then deleted.

use coalition_desk::model::ActionOwner;
use egui::Key;

use super::{palette, sample, show_panel};
use crate::app_harness::register;
use crate::keyboard::{press, tab_to, type_keys};

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
