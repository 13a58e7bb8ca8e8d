//! Colour is never the only sign (WCAG 1.4.1): each state drawn in its
//! colour is also written out — a commitment's status and its overdue due
//! date, a meeting's state, who attended, and a marking the register does
//! not know.

use crate::common::{FRA, GBR, MINISTERS, State, context, harness};
use coalition_desk::edit::Edit;
use coalition_desk::model::ActionItem;
use coalition_desk::ui::commitments::CommitmentsPanel;
use coalition_desk::ui::meetings::MeetingsPanel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn meetings<'a>() -> Harness<'a, State<MeetingsPanel>> {
    let mut harness = harness(MeetingsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.set_size(egui::vec2(1100.0, 2400.0));
    harness
}

#[test]
fn a_commitments_status_and_overdue_are_written_out() {
    let mut harness = harness(CommitmentsPanel::default(), |ui, state, out| {
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.run();
    for status in ["Pledged", "In delivery", "Proposed", "Withdrawn"] {
        harness.get_by_label(status);
    }
    // France's demining teams were due on 1 May; today is 1 June.
    harness.get_by_label("2025-05-01 overdue");
    assert_eq!(
        harness.state().doc.register().commitments[&coalition_desk::model::CommitmentId(21)]
            .participant,
        FRA
    );
}

#[test]
fn a_meetings_state_and_its_attendance_are_written_out() {
    let mut harness = meetings();
    harness.state_mut().panel.open(MINISTERS);
    harness.run();
    harness.get_by_label("Held");
    harness.get_by_label("present 3");
}

#[test]
fn a_marking_that_is_not_a_level_says_so() {
    let mut harness = meetings();
    let state = harness.state_mut();
    let mut meeting = state.doc.register().meeting(MINISTERS).unwrap().clone();
    meeting.actions = vec![ActionItem {
        text: "Circulate the statement".into(),
        owner: Some(GBR.into()),
        marking: Some("COSMIC TOP SECRET".into()),
        ..ActionItem::default()
    }];
    state
        .doc
        .apply(Edit::Meeting(MINISTERS, Some(meeting)))
        .unwrap();
    state.panel.open(MINISTERS);
    harness.run();
    let said = harness
        .query_all_by(|node| {
            [node.label(), node.value()]
                .into_iter()
                .flatten()
                .any(|text| text.contains("COSMIC TOP SECRET (not a level)"))
        })
        .count();
    assert!(said > 0, "the unknown marking is not named as such");
}
