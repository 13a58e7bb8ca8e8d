//! The commitments table beside its editor: every column stays, a value
//! keeps its currency, the divider has limits, and a long meeting chosen
//! in the editor wraps instead of widening it.

use coalition_desk::ui::Command;
use coalition_desk::ui::command::Tab;
use coalition_desk::ui::commitments::SortColumn;
use egui::accesskit::Role as A11yRole;
use egui_kittest::kittest::Queryable;

use super::{AppHarness, open, show, window};

/// Where the table's header button for `column` is: the button of that
/// name in the header row (the editor has a "Due" button of its own).
fn header(harness: &AppHarness, column: SortColumn) -> Option<egui::Rect> {
    let row = harness
        .get_by_role_and_label(A11yRole::Button, SortColumn::Participant.label())
        .rect()
        .center()
        .y;
    harness
        .get_all_by_role_and_label(A11yRole::Button, column.label())
        .map(|node| node.rect())
        .find(|rect| (rect.center().y - row).abs() < 1.0)
}

#[test]
fn every_commitment_column_stays_beside_the_editor_at_1024() {
    let (mut harness, opened) = window(1024.0, 700.0);
    show(&mut harness, Tab::Commitments);
    harness
        .state_mut()
        .command(Command::SelectCommitment(opened.commitment));
    harness.run();
    harness.run();
    let editor_left = harness
        .get_by_role_and_label(A11yRole::TextInput, "Title")
        .rect()
        .left();
    assert!(
        editor_left > 1024.0 * 0.45,
        "the editor takes the table's room: it starts at {editor_left}"
    );
    for column in SortColumn::ALL {
        let rect = header(&harness, column);
        let rect = rect.unwrap_or_else(|| panic!("no {} header", column.label()));
        harness
            .get_all_by_role_and_label(A11yRole::Button, column.label())
            .find(|node| node.rect() == rect)
            .unwrap()
            .scroll_to_me();
        harness.run();
        let rect = header(&harness, column).unwrap();
        assert!(
            rect.left() >= 0.0 && rect.right() <= editor_left,
            "the {} header is at {rect:?}, the editor starts at {editor_left}",
            column.label()
        );
    }
}

#[test]
fn the_longest_value_shows_whole_with_its_currency_at_1024() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Commitments, &opened);
    let value = "USD 120,000,000.00";
    harness.get_by_label(value).scroll_to_me();
    harness.run();
    let cell = harness.get_by_label(value).rect();
    let status = header(&harness, SortColumn::Status).expect("the Status header");
    let value_header = header(&harness, SortColumn::Value).expect("the Value header");
    assert!(
        cell.left() >= value_header.left() - 1.0 && cell.right() <= status.left(),
        "the value {cell:?} does not fit between its header {value_header:?} and Status {status:?}"
    );
}

/// Where the commitment editor's left edge (its divider) is: just left of
/// its heading, by the panel's margin.
fn editor_edge(harness: &AppHarness) -> f32 {
    let heading = harness.get_by_label("Commitment").rect();
    heading.left() - harness.ctx.global_style().spacing.window_margin.leftf()
}

#[test]
fn dragging_the_divider_stops_at_half_the_window() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Commitments, &opened);
    let edge = editor_edge(&harness);
    let y = 400.0;
    harness.hover_at(egui::pos2(edge, y));
    harness.run();
    harness.drag_at(egui::pos2(edge, y));
    harness.run();
    for x in [edge - 100.0, 300.0, 60.0] {
        harness.hover_at(egui::pos2(x, y));
        harness.run();
    }
    harness.drop_at(egui::pos2(60.0, y));
    harness.run();
    let dragged = editor_edge(&harness);
    assert!(
        dragged < edge - 50.0,
        "the divider did not move: {edge} → {dragged}"
    );
    assert!(
        dragged >= 1024.0 / 2.0 - 20.0,
        "the editor took more than half the window: its edge is at {dragged}"
    );
}

#[test]
fn a_long_meeting_chosen_for_a_status_change_leaves_the_editor_its_width() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Commitments, &opened);
    let editor_left = |harness: &AppHarness| {
        harness
            .get_by_role_and_label(A11yRole::TextInput, "Title")
            .rect()
            .left()
    };
    let before = editor_left(&harness);
    let title = harness
        .state()
        .workspace()
        .document
        .register()
        .meeting_title(opened.meeting);
    let at_meeting = |h: &AppHarness| {
        h.get_by_role_and_label(A11yRole::ComboBox, "At meeting")
            .rect()
    };
    harness
        .get_by_role_and_label(A11yRole::ComboBox, "At meeting")
        .scroll_to_me();
    harness.run();
    let closed = at_meeting(&harness);
    harness
        .get_by_role_and_label(A11yRole::ComboBox, "At meeting")
        .click();
    harness.run();
    // The option in the open list (the history names the meeting too).
    harness
        .get_all_by_role_and_label(A11yRole::Button, &title)
        .next()
        .unwrap()
        .click();
    harness.run();
    harness.run();
    assert!(
        at_meeting(&harness).height() > closed.height(),
        "the chosen meeting's title wraps in its box"
    );
    let after = editor_left(&harness);
    assert!(
        (after - before).abs() < 1.0,
        "the editor moved from {before} to {after} over the table"
    );
}
