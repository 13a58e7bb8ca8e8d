//! The agenda as the officer writes it in the meeting editor: items added,
//! moved up, indented to "2.1" and dragged, minutes typed, each item's
//! planned start shown, and a warning when the agenda runs past the end.

use chrono::NaiveTime;
use coalition_desk::edit::Edit;
use coalition_desk::model::Meeting;
use coalition_desk::ui::meetings::MeetingsPanel;
use egui::accesskit::Role;
use egui::{Key, Modifiers, PointerButton};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::{MINISTERS, State, context, harness};

fn agenda_harness<'a>() -> Harness<'a, State<MeetingsPanel>> {
    let mut harness = harness(MeetingsPanel::default(), |ui, state, out| {
        state.revision = state.doc.revision();
        let context = context(&state.doc, state.revision);
        state.panel.ui(ui, &context, out);
    });
    harness.set_size(egui::vec2(1024.0, 900.0));
    let state = harness.state_mut();
    let mut meeting = state.doc.register().meeting(MINISTERS).unwrap().clone();
    meeting.start = NaiveTime::from_hms_opt(9, 30, 0);
    meeting.end = NaiveTime::from_hms_opt(10, 30, 0);
    state
        .doc
        .apply(Edit::Meeting(MINISTERS, Some(meeting)))
        .unwrap();
    state.panel.open(MINISTERS);
    harness.run();
    harness
}

fn ministers(harness: &Harness<'_, State<MeetingsPanel>>) -> Meeting {
    harness.state().doc.register().meetings[&MINISTERS].clone()
}

fn click(harness: &mut Harness<'_, State<MeetingsPanel>>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Types `text` into the field `label` names, in place of what it held,
/// and leaves it.
fn retype(harness: &mut Harness<'_, State<MeetingsPanel>>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
}

fn titles(harness: &Harness<'_, State<MeetingsPanel>>) -> Vec<(String, u8)> {
    ministers(harness)
        .agenda
        .iter()
        .map(|item| (item.title.clone(), item.level))
        .collect()
}

/// Three items, "Maritime" moved up and "Air defence" indented under it.
fn three_items(harness: &mut Harness<'_, State<MeetingsPanel>>) {
    for (n, title) in ["Opening", "Air defence", "Maritime"].iter().enumerate() {
        click(harness, "Add agenda item");
        retype(harness, &format!("Agenda item {} title", n + 1), title);
    }
    click(harness, "Move agenda item 3 up");
    click(harness, "Move agenda item 3 in");
}

#[test]
fn items_are_numbered_timed_and_warned_about() {
    let mut harness = agenda_harness();
    three_items(&mut harness);
    assert_eq!(
        titles(&harness),
        [
            ("Opening".into(), 0),
            ("Maritime".into(), 0),
            ("Air defence".into(), 1)
        ]
    );
    harness.get_by_role_and_label(Role::TextInput, "Agenda item 2.1 title");
    // The indent was one edit: one undo takes it back, and only it.
    harness.state_mut().undo();
    harness.run();
    assert_eq!(ministers(&harness).agenda[2].level, 0);
    harness.get_by_role_and_label(Role::TextInput, "Agenda item 3 title");
    click(&mut harness, "Move agenda item 3 in");

    retype(&mut harness, "Minutes of agenda item 1", "20");
    retype(&mut harness, "Minutes of agenda item 2", "10");
    retype(&mut harness, "Minutes of agenda item 2.1", "45");
    let minutes: Vec<_> = ministers(&harness)
        .agenda
        .iter()
        .map(|i| i.minutes)
        .collect();
    assert_eq!(minutes, [Some(20), Some(10), Some(45)]);
    for start in ["09:30", "09:50", "10:00"] {
        harness.get_by_label(start);
    }
    harness.get_by_label(
        "⚠ The agenda takes 1 h 15 min, from 09:30 to 10:45: it runs 15 min past the \
         meeting's end at 10:30, from item 2.1 on.",
    );

    // Letters are refused beside the field, and the minutes kept.
    retype(&mut harness, "Minutes of agenda item 2.1", "forty");
    harness.get_by_label("forty is not a whole number: type a whole number from 0 to 600.");
    assert_eq!(ministers(&harness).agenda[2].minutes, Some(45));

    harness.get_by_label("Add agenda item").scroll_to_me();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("meeting_agenda");
}

#[test]
fn an_item_dragged_below_another_moves_there() {
    let mut harness = agenda_harness();
    three_items(&mut harness);
    // Drag "Opening" onto the lower half of "Maritime": it goes after
    // Maritime and its sub-item.
    let from = harness.get_by_label("Drag agenda item 1").rect().center();
    let onto = harness
        .get_by_role_and_label(Role::TextInput, "Agenda item 2 title")
        .rect();
    let notes = harness.get_by_label("Outcome of agenda item 2").rect();
    let to = egui::pos2(onto.center().x, notes.bottom() - 2.0);
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        let t = step as f32 / 4.0;
        harness.hover_at(from + (to - from) * t);
        harness.run();
    }
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    harness.remove_cursor();
    harness.run();
    assert_eq!(
        titles(&harness),
        [
            ("Maritime".into(), 0),
            ("Air defence".into(), 1),
            ("Opening".into(), 0)
        ]
    );
}

#[test]
fn the_add_button_stays_under_the_pointer_when_the_total_first_appears() {
    let mut harness = agenda_harness();
    click(&mut harness, "Add agenda item");
    // Measured from the item above it: typing scrolls the editor.
    let gap = |harness: &Harness<'_, State<MeetingsPanel>>| {
        let field = harness
            .get_by_role_and_label(Role::TextInput, "Minutes of agenda item 1")
            .rect();
        harness.get_by_label("Add agenda item").rect().top() - field.top()
    };
    let before = gap(&harness);
    retype(&mut harness, "Minutes of agenda item 1", "20");
    assert!(
        harness
            .query_by_label_contains("The agenda takes")
            .is_some(),
        "the total line shows once an item has its minutes"
    );
    assert_eq!(before, gap(&harness), "the button moved");
}
