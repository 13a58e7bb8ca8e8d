//! The print preview by the keyboard: a meeting opened from its row in
//! the list, its summary previewed with Enter, the preview closed with
//! Escape.

use coalition_desk::ui::on_top::OnTop;
use egui::Key;

use super::{sample, show_panel};
use crate::app_harness::AppHarness;
use crate::keyboard::{press, tab_to, tab_to_where};

fn previewing(h: &AppHarness) -> bool {
    matches!(h.state().workspace().on_top(), Some(OnTop::PrintPreview(_)))
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
    press(&mut h, Key::Enter);
    assert!(previewing(&h), "the preview is open");
    press(&mut h, Key::Escape);
    assert!(!previewing(&h), "Escape closed it");
}
