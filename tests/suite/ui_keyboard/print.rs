//! The print preview by the keyboard: a meeting opened from its row in
//! the list, its summary previewed with Enter, the preview closed with
//! Escape.

use coalition_desk::ui::on_top::OnTop;
use egui::Key;

use super::{sample, show_panel};
use crate::app_harness::AppHarness;
use crate::keyboard::{press, tab_to, tab_to_where};
use egui_kittest::kittest::Queryable;

fn previewing(h: &AppHarness) -> bool {
    matches!(h.state().workspace().on_top(), Some(OnTop::PrintPreview(_)))
}

/// Presses Enter on the focused Print button, then lets the print service
/// answer: the preview asks it for its printers on a thread of its own,
/// and on a busy machine the answer (and the repaint it asks for) comes
/// frames later than `run` waits.
fn open_preview(h: &mut AppHarness) {
    h.key_press(Key::Enter);
    h.run_steps(2);
    let started = std::time::Instant::now();
    while h.query_by_label("Looking for printers…").is_some() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "the printers were never listed"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.run();
}

#[test]
fn a_meetings_summary_is_previewed_with_enter_and_escape_closes_it() {
    let mut h = sample();
    show_panel(&mut h, Key::Num2);
    // The meetings' rows take the keyboard, named by title and date.
    tab_to_where(
        &mut h,
        |name| name.starts_with("Coalition of the Willing — Defence ministers ("),
        false,
        "the defence ministers' meeting",
    );
    press(&mut h, Key::Enter);
    tab_to(&mut h, "Print summary…", false);
    open_preview(&mut h);
    assert!(previewing(&h), "the preview is open");
    press(&mut h, Key::Escape);
    assert!(!previewing(&h), "Escape closed it");
}
