//! Every panel by the keyboard alone: each test walks one flow of the
//! officer's with Tab, Shift+Tab, Enter, Escape, Space, the arrows and
//! typing — no clicks — and checks the register (or the window) after.
//! `tab_to` fails when the Tab order never reaches a control, so a
//! control the mouse alone can reach fails its panel's test.

mod commitments;
mod dashboard;
mod dialogs;
mod focus;
mod meetings;
mod participants;
mod print;
mod register;
mod timeline;

use coalition_desk::ui::app::Startup;
use egui::{Key, Modifiers};

use crate::app_harness::{AppHarness, harness};
use crate::keyboard::{press, press_with, type_keys};

/// The sample register in the window, the keyboard nowhere yet.
fn sample() -> AppHarness {
    harness(Startup::Sample)
}

/// Runs an action from the command palette: Ctrl+Shift+P, its name,
/// Enter.
fn palette(harness: &mut AppHarness, action: &str) {
    press_with(harness, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    type_keys(harness, action);
    press(harness, Key::Enter);
}

/// Shows a panel by its shortcut (Ctrl+1 … Ctrl+6).
fn show_panel(harness: &mut AppHarness, key: Key) {
    press_with(harness, Modifiers::COMMAND, key);
}
