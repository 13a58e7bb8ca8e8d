//! The Register panel by the keyboard: the register renamed and a
//! capability area added, with no click.

use egui::{Key, Modifiers};

use super::{sample, show_panel};
use crate::app_harness::register;
use crate::keyboard::{press, press_with, tab_to, type_keys};

#[test]
fn the_register_is_renamed_and_an_area_added_by_keys() {
    let mut h = sample();
    show_panel(&mut h, Key::Num6);

    tab_to(&mut h, "Name", false);
    press_with(&mut h, Modifiers::COMMAND, Key::A);
    type_keys(&mut h, "Coalition of the Willing, by keys");
    assert_eq!(register(&h).name, "Coalition of the Willing, by keys");

    tab_to(&mut h, "New capability area", false);
    type_keys(&mut h, "Cyber defence");
    tab_to(&mut h, "Add area", false);
    press(&mut h, Key::Enter);
    assert_eq!(
        register(&h).capability_areas.last().map(String::as_str),
        Some("Cyber defence")
    );
}
