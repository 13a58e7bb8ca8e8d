//! The dashboard by the keyboard: the since-last-session meeting chosen by
//! typing, and a commitment it lists followed with Enter.

use coalition_desk::ui::command::Tab;
use egui::Key;

use super::{sample, show_panel};
use crate::keyboard::{press, tab_to, tab_to_where, type_keys};

#[test]
fn a_meeting_is_chosen_by_typing_and_a_listed_commitment_opened_with_enter() {
    let mut h = sample();
    show_panel(&mut h, Key::Num5);
    assert_eq!(h.state().settings().tab, Tab::Dashboard);
    tab_to(&mut h, "Meeting", false);
    type_keys(&mut h, "defence ministers");
    press(&mut h, Key::Enter);
    tab_to_where(
        &mut h,
        |name| name.contains(": Example"),
        false,
        "a commitment the meeting moved",
    );
    press(&mut h, Key::Enter);
    assert_eq!(h.state().settings().tab, Tab::Commitments);
}
