//! A meeting's action items as the officer reads them: each text across
//! the editor, wrapping, with owner, due date and done beneath it.

use crate::common::{GBR, MINISTERS, State, context, date, harness};
use coalition_desk::edit::Edit;
use coalition_desk::model::ActionItem;
use coalition_desk::ui::meetings::MeetingsPanel;
use egui::accesskit::Role as A11yRole;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const LONG: &str = "Circulate the revised draft of the winter support package to every \
                    delegation, with the annex on air defence deliveries and the table of \
                    pledges by participant, and collect comments before the next session; the \
                    secretariat then consolidates them into one text for the ministers";

fn meeting_harness<'a>(width: f32, height: f32) -> Harness<'a, State<MeetingsPanel>> {
    let mut harness = harness(MeetingsPanel::default(), |ui, state, out| {
        state.revision = state.doc.revision();
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.set_size(egui::vec2(width, height));
    let state = harness.state_mut();
    let mut meeting = state.doc.register().meeting(MINISTERS).unwrap().clone();
    meeting.actions = vec![
        ActionItem {
            text: LONG.into(),
            owner: Some(GBR.into()),
            due: Some(date(2025, 7, 1)),
            done: false,
            marking: None,
            carried_to: Vec::new(),
        },
        ActionItem {
            text: "General secretariat to book the room".into(),
            owner: None,
            due: None,
            done: true,
            marking: None,
            carried_to: Vec::new(),
        },
    ];
    state
        .doc
        .apply(Edit::Meeting(MINISTERS, Some(meeting)))
        .unwrap();
    state.panel.open(MINISTERS);
    harness.run();
    harness
}

/// The text box of action `n`, and the box of its owner.
fn rects(harness: &Harness<'_, State<MeetingsPanel>>, n: usize) -> (egui::Rect, egui::Rect) {
    let text = harness
        .get_by_role_and_label(A11yRole::MultilineTextInput, &format!("Action {n}"))
        .rect();
    let owner = harness.get_by_label(&format!("Owner of action {n}")).rect();
    (text, owner)
}

fn reads_whole_and_aligned(width: f32, height: f32, snapshot: &str) {
    let mut harness = meeting_harness(width, height);
    harness.get_by_label("Action 2 done").scroll_to_me();
    harness.run();
    let (long, long_owner) = rects(&harness, 1);
    let (short, short_owner) = rects(&harness, 2);
    // The text takes the editor's width, not a column's first guess (the
    // list of meetings and the number and marking beside it take the rest).
    assert!(
        long.width() > width * 0.45,
        "action text is {} wide in a {width} window",
        long.width()
    );
    // The long text wraps onto more lines rather than running off.
    assert!(long.height() > short.height() * 1.5, "{long:?} {short:?}");
    assert!(long.right() <= width, "{long:?}");
    // Owner sits beneath its text, in the same place on every action.
    assert!(long_owner.top() >= long.bottom(), "{long_owner:?} {long:?}");
    assert!((long_owner.left() - short_owner.left()).abs() < 0.5);
    let done = |n: usize| {
        harness
            .get_by_label(&format!("Action {n} done"))
            .rect()
            .left()
    };
    assert!((done(1) - done(2)).abs() < 0.5);
    harness.remove_cursor();
    harness.run();
    harness.snapshot(snapshot);
}

#[test]
fn action_items_read_whole_at_1024() {
    reads_whole_and_aligned(1024.0, 700.0, "meeting_actions_1024");
}

#[test]
fn action_items_read_whole_at_1920() {
    reads_whole_and_aligned(1920.0, 1080.0, "meeting_actions_1920");
}
