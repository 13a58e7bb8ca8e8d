//! Adding and deleting records through the whole window, end to end:
//! deleting a participant others refer to, and adding a participant,
//! meeting and commitment through the panels, with undo and redo.

use coalition_desk::document::Origin;
use coalition_desk::model::{AttendanceStatus, ParticipantId, PersonId, Record, Register};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::Startup;
use coalition_desk::ui::dialogs::Dialog;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, harness, register, today};

/// The sample's United Kingdom and its Defence Secretary.
const GBR: ParticipantId = ParticipantId(1);
const HEALEY: PersonId = PersonId(7);

#[test]
fn deleting_a_participant_others_refer_to_asks_mends_and_undoes() {
    let mut harness = harness(Startup::Sample);
    let before = register(&harness);
    click(&mut harness, "United Kingdom");
    assert_eq!(harness.state().workspace().participants.selected, Some(GBR));
    click(&mut harness, "Delete…");

    let Some(Dialog::ConfirmDelete { references, .. }) = &harness.state().dialog() else {
        panic!("a delete question: {:?}", harness.state().dialog());
    };
    let lines: Vec<String> = references
        .iter()
        .map(|r| format!("• {}", r.description))
        .collect();
    harness.get_by_label("Delete participant United Kingdom?");
    for line in &lines {
        harness.get_by_label(line);
    }
    let meeting = "meeting Coalition of the Willing — Defence ministers (2025-04-10)";
    for expected in [
        format!("• the attendance of {meeting}"),
        format!("• the convenors of {meeting}"),
        "• the participant of commitment Example — Training of Ukrainian personnel".to_string(),
        "• a role of person John Healey MP".to_string(),
        format!("• the chairs of {meeting} (person John Healey MP goes with it)"),
    ] {
        assert!(lines.contains(&expected), "{expected:?} in {lines:#?}");
    }

    click(&mut harness, "Cancel");
    assert!(harness.state().dialog().is_none());
    assert_eq!(register(&harness), before, "Cancel deletes nothing");
    assert!(!harness.state().workspace().document.is_dirty());

    harness
        .state_mut()
        .command(Command::Delete(Record::Participant(GBR)));
    harness.run();
    click(&mut harness, "Delete");
    assert!(harness.state().dialog().is_none());
    let after = register(&harness);
    assert!(after.participant(GBR).is_none());
    assert!(after.person(HEALEY).is_none(), "his only role was for it");
    assert!(after.commitments.values().all(|c| c.participant != GBR));
    let meeting = after.meetings.values().next().unwrap();
    assert!(!meeting.attendance.contains_key(&GBR));
    assert!(!meeting.convenors.contains(&GBR));
    assert!(!meeting.chairs.contains(&HEALEY));
    assert!(after.series.values().all(|s| !s.convenors.contains(&GBR)));
    assert_eq!(after.validate(today()), vec![], "the references are mended");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(register(&harness), before, "one undo restores it exactly");
    assert!(!harness.state().workspace().document.is_dirty());
}

#[test]
fn adding_a_participant_meeting_and_commitment_through_the_panels() {
    let mut harness = harness(Startup::Sample);
    let before = register(&harness);

    click(&mut harness, "New participant");
    let participant = harness
        .state()
        .workspace()
        .participants
        .selected
        .expect("selected");
    for (label, text) in [("Name", "Polska"), ("Code", "POL")] {
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

    click(&mut harness, "Meetings");
    click(&mut harness, "New meeting");
    let meeting = harness
        .state()
        .workspace()
        .meetings
        .selected
        .expect("selected");
    // Attendance is recorded once the session is held.
    crate::common::set_meeting_state(&mut harness, "Held");
    click(&mut harness, "Attendance of Polska");
    click(&mut harness, "Present");

    click(&mut harness, "Commitments");
    click(&mut harness, "New commitment");
    let commitment = harness
        .state()
        .workspace()
        .commitments
        .selected
        .expect("selected");
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Title")
        .type_text("Air policing");
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();

    let full = register(&harness);
    let added = full.participant(participant).expect("the participant");
    assert_eq!(
        (added.name.as_str(), added.code.as_str()),
        ("Polska", "POL")
    );
    let added = full.meeting(meeting).expect("the meeting");
    assert_eq!(added.date, today());
    assert_eq!(
        added.attendance.get(&participant).map(|a| a.status),
        Some(AttendanceStatus::Present)
    );
    assert_eq!(added.attendance.len(), 1);
    let added = full.commitment(commitment).expect("the commitment");
    assert_eq!(added.title, "Air policing");
    assert_eq!(full.participants.len(), before.participants.len() + 1);
    assert_eq!(full.meetings.len(), before.meetings.len() + 1);
    assert_eq!(full.commitments.len(), before.commitments.len() + 1);
    assert_eq!(full.validate(today()), vec![]);

    // Undo back to the opened register, then redo all of it.
    let mut steps = 0;
    while harness.state().workspace().document.is_dirty() {
        assert!(steps < 20, "undo reaches the opened state");
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        steps += 1;
    }
    // Undo gives back every record; ids handed out stay used (the
    // register's next id only grows, so an id is never reused).
    let undone = register(&harness);
    assert!(undone.next_id >= full.next_id);
    assert_eq!(
        Register {
            next_id: before.next_id,
            ..undone
        },
        before
    );
    // New participant, name, code, new meeting, its state, attendance, new
    // commitment, title: typing in one field is one step.
    assert_eq!(steps, 8);
    for _ in 0..steps {
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        harness.run();
    }
    assert_eq!(register(&harness), full);
    assert!(harness.state().workspace().document.is_dirty());
    assert_eq!(harness.state().workspace().document.origin, Origin::Sample);
}

#[test]
fn undo_names_the_delete_and_the_status_line_says_it_was_undone() {
    let mut harness = harness(Startup::Sample);
    let before = register(&harness);
    click(&mut harness, "United Kingdom");
    click(&mut harness, "Delete…");
    click(&mut harness, "Delete");
    let deleted = "Deleted participant United Kingdom (Undo brings it back)";
    assert_eq!(status(&harness).as_deref(), Some(deleted));
    harness.get_by_label(deleted);

    click(&mut harness, "Edit");
    harness.get_by_label_contains("Undo delete participant United Kingdom");
    harness.key_press(Key::Escape);
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(register(&harness), before);
    assert_eq!(
        status(&harness).as_deref(),
        Some("Undid delete participant United Kingdom")
    );
    assert!(harness.query_by_label(deleted).is_none());
    harness.get_by_label("Undid delete participant United Kingdom");

    click(&mut harness, "Edit");
    harness.get_by_label_contains("Redo delete participant United Kingdom");
}

/// The notice on the status line, if any.
fn status(harness: &AppHarness) -> Option<String> {
    harness.state().notice().map(|n| n.text.clone())
}

#[test]
fn deleting_a_person_nothing_refers_to_still_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    let mut sample = crate::app_harness::sample();
    let adviser = PersonId(sample.fresh_id());
    sample.next_id = adviser.0 + 1;
    sample.people.insert(
        adviser,
        coalition_desk::model::Person {
            name: "Alex Adviser".into(),
            roles: vec![coalition_desk::model::Role {
                title: "Adviser".into(),
                participant: GBR,
                from: None,
                to: None,
                head_of_delegation: false,
            }],
            notes: String::new(),
        },
    );
    coalition_desk::storage::save(&path, &sample, None).unwrap();
    let mut harness = crate::app_harness::harness_for(&path);
    crate::app_harness::command(&mut harness, Command::Delete(Record::Person(adviser)));

    let Some(Dialog::ConfirmDelete { references, .. }) = &harness.state().dialog() else {
        panic!("a delete question: {:?}", harness.state().dialog());
    };
    assert!(references.is_empty());
    assert!(
        register(&harness).people.contains_key(&adviser),
        "asked, not deleted"
    );
    harness.get_by_label("Nothing else in the register refers to it. Undo brings it back.");

    click(&mut harness, "Delete");
    assert!(harness.state().dialog().is_none());
    assert!(!register(&harness).people.contains_key(&adviser));
}
