//! Every question answered by the keyboard: Enter gives the answer that
//! keeps the officer's work or does what they asked, Escape cancels.

use coalition_desk::ui::command::Command;
use egui::Key;

use super::sample;
use crate::app_harness::{command, register};
use crate::keyboard::{press, type_keys};

#[test]
fn unsaved_changes_enter_saves_escape_goes_back() {
    let mut h = sample();
    // A change not saved: a new participant.
    command(&mut h, Command::NewParticipant);
    type_keys(&mut h, "Polska");
    command(&mut h, Command::New);
    // Escape: nothing happens, the sample stays open with its changes.
    press(&mut h, Key::Escape);
    assert!(h.state().workspace().on_top().is_none());
    assert!(!register(&h).participants.is_empty(), "still the sample");
    assert!(h.state().document().is_dirty());
    command(&mut h, Command::New);
    press(&mut h, Key::Tab);
    press(&mut h, Key::Enter);
    // Discard was one Tab from Save: the new, empty register is open.
    assert!(register(&h).participants.is_empty());
}
