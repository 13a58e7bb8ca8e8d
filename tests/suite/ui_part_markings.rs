//! A marking of its own for an agenda item, a decision, an action and the
//! restricted notes, chosen in the meeting editor beside each.

use crate::common::{MINISTERS, State, context, harness};
use coalition_desk::edit::Edit;
use coalition_desk::model::{ActionItem, AgendaItem, Decision, Meeting};
use coalition_desk::ui::meetings::MeetingsPanel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn meeting_harness<'a>() -> Harness<'a, State<MeetingsPanel>> {
    let mut harness = harness(MeetingsPanel::default(), |ui, state, out| {
        state.revision = state.doc.revision();
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.set_size(egui::vec2(1100.0, 2400.0));
    let state = harness.state_mut();
    let mut meeting = state.doc.register().meeting(MINISTERS).unwrap().clone();
    meeting.agenda = vec![AgendaItem {
        title: "Air defence".into(),
        ..AgendaItem::default()
    }];
    meeting.decisions = vec![Decision {
        text: "Pool the interceptor stocks.".into(),
        ..Decision::default()
    }];
    meeting.actions = vec![ActionItem {
        text: "Circulate the statement".into(),
        ..ActionItem::default()
    }];
    meeting.restricted_notes = "Figures given orally".into();
    state
        .doc
        .apply(Edit::Meeting(MINISTERS, Some(meeting)))
        .unwrap();
    state.panel.open(MINISTERS);
    harness.run();
    harness
}

fn meeting(harness: &Harness<'_, State<MeetingsPanel>>) -> Meeting {
    harness
        .state()
        .doc
        .register()
        .meeting(MINISTERS)
        .unwrap()
        .clone()
}

/// Opens the picker named `picker` and chooses `choice` in it.
fn choose(harness: &mut Harness<'_, State<MeetingsPanel>>, picker: &str, choice: &str) {
    harness.get_by_label(picker).click();
    harness.run();
    harness.get_by_label(choice).click();
    harness.run();
}

#[test]
fn each_part_takes_a_level_of_its_own_and_can_follow_the_meeting_again() {
    let mut harness = meeting_harness();
    let before = meeting(&harness);
    assert_eq!(
        before.agenda[0].marking, None,
        "a new part follows the meeting"
    );

    choose(&mut harness, "Marking of agenda item 1", "SECRET");
    choose(&mut harness, "Marking of decision 1", "OFFICIAL-SENSITIVE");
    choose(&mut harness, "Marking of action 1", "SECRET");
    choose(
        &mut harness,
        "Marking of the restricted notes",
        "OFFICIAL-SENSITIVE",
    );
    let marked = meeting(&harness);
    assert_eq!(marked.agenda[0].marking.as_deref(), Some("SECRET"));
    assert_eq!(
        marked.decisions[0].marking.as_deref(),
        Some("OFFICIAL-SENSITIVE")
    );
    assert_eq!(marked.actions[0].marking.as_deref(), Some("SECRET"));
    assert_eq!(
        marked.restricted_marking.as_deref(),
        Some("OFFICIAL-SENSITIVE")
    );
    // Nothing else of the record moved.
    assert_eq!(marked.agenda[0].title, before.agenda[0].title);
    assert_eq!(marked.marking, before.marking);

    choose(
        &mut harness,
        "Marking of decision 1",
        "As meeting (OFFICIAL)",
    );
    assert_eq!(meeting(&harness).decisions[0].marking, None);
}
