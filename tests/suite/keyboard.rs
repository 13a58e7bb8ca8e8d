//! The keyboard alone: key presses and typing into whatever has focus,
//! and Tab until a control has it, counting the presses. No clicks.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

/// Presses `key` and lets the window answer.
pub fn press<S>(harness: &mut Harness<'_, S>, key: Key) {
    harness.key_press(key);
    harness.run();
}

/// Presses `key` with `modifiers` held (Ctrl+S, Shift+Tab).
pub fn press_with<S>(harness: &mut Harness<'_, S>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run();
}

/// Types `text` as the keyboard does, into whatever has focus.
pub fn type_keys<S>(harness: &mut Harness<'_, S>, text: &str) {
    harness.event(egui::Event::Text(text.into()));
    harness.run();
}

/// The accessible name of whatever has the keyboard.
pub fn focused<S>(harness: &Harness<'_, S>) -> Option<String> {
    harness
        .query_by(|node| node.is_focused())
        .map(|node| node.accesskit_node().label().unwrap_or_default())
}

/// Presses Tab (or Shift+Tab when `back`) until the control named `label`
/// has the keyboard; how many presses it took. Fails the test when the
/// Tab order never reaches it.
pub fn tab_to<S>(harness: &mut Harness<'_, S>, label: &str, back: bool) -> usize {
    tab_to_where(harness, |name| name == label, back, label)
}

/// Like [`tab_to`], for the first control whose name `wanted` accepts;
/// `what` describes it for the failure.
pub fn tab_to_where<S>(
    harness: &mut Harness<'_, S>,
    wanted: impl Fn(&str) -> bool,
    back: bool,
    what: &str,
) -> usize {
    let modifiers = if back {
        Modifiers::SHIFT
    } else {
        Modifiers::NONE
    };
    for presses in 1..=150 {
        press_with(harness, modifiers, Key::Tab);
        if focused(harness).is_some_and(|name| wanted(&name)) {
            return presses;
        }
    }
    panic!(
        "Tab never reached {what:?}; the keyboard is on {:?}",
        focused(harness)
    );
}
