//! The timeline by the keyboard: the arrows pick a session and Enter opens
//! it; a series is made, named and deleted.

use coalition_desk::ui::command::Tab;
use egui::Key;

use super::{sample, show_panel};
use crate::app_harness::register;
use crate::keyboard::{press, tab_to, type_keys};

#[test]
fn arrows_pick_a_session_and_enter_opens_it() {
    let mut h = sample();
    show_panel(&mut h, Key::Num4);
    assert_eq!(h.state().settings().tab, Tab::Timeline);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Enter);
    assert_eq!(h.state().settings().tab, Tab::Meetings);
}

#[test]
fn a_series_is_made_named_and_deleted_by_keys() {
    let mut h = sample();
    show_panel(&mut h, Key::Num4);
    let before = register(&h).series.len();
    tab_to(&mut h, "New series", false);
    press(&mut h, Key::Enter);
    assert_eq!(register(&h).series.len(), before + 1);
    let id = *register(&h).series.keys().max().unwrap();
    tab_to(&mut h, "Name", false);
    type_keys(&mut h, " of air defence");
    assert!(
        register(&h)
            .session_series(id)
            .unwrap()
            .name
            .ends_with(" of air defence"),
        "typed into the name"
    );
    tab_to(&mut h, "Delete series…", true);
    press(&mut h, Key::Enter);
    press(&mut h, Key::Enter);
    assert!(register(&h).session_series(id).is_none());
}
