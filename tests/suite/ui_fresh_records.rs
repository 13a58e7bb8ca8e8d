//! A new record made by mistake and left untouched is not kept: moving
//! away from it or saving takes it back, as if it had never been made.
//! One the officer typed into stays.

use egui_kittest::kittest::Queryable;

use crate::app_harness::{click, harness, harness_for, register, sample, saved_sample};
use coalition_desk::storage;
use coalition_desk::ui::app::Startup;
use egui::{Key, Modifiers};

#[test]
fn a_new_participant_left_for_another_is_not_kept() {
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Participants");
    click(&mut harness, "New participant");
    assert_eq!(
        register(&harness).participants.len(),
        sample().participants.len() + 1,
        "made at once, so its form can take the keyboard"
    );
    click(&mut harness, "France");
    let app = harness.state();
    assert_eq!(
        app.workspace().document.register().participants,
        sample().participants
    );
    assert_eq!(app.workspace().document.undo_label(), None);
    assert!(!app.workspace().document.is_dirty());
    assert!(
        !app.workspace().document.can_redo(),
        "nothing to bring back"
    );
    assert_eq!(
        app.notice().map(|n| n.text.as_str()),
        Some("The new participant was not kept: nothing was entered in it")
    );
}

#[test]
fn a_new_participant_left_untouched_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = saved_sample(dir.path());
    let mut harness = harness_for(&path);
    click(&mut harness, "Participants");
    click(&mut harness, "New participant");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(
        storage::load(&path).unwrap().register.participants,
        sample().participants
    );
    assert_eq!(register(&harness).participants, sample().participants);
    assert!(!harness.state().workspace().document.is_dirty());
}

#[test]
fn a_new_commitment_left_for_another_tab_is_not_kept() {
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Commitments");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    harness.run();
    harness.event(egui::Event::Text("New commitment".into()));
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        register(&harness).commitments.len(),
        sample().commitments.len() + 1
    );
    click(&mut harness, "Dashboard");
    assert_eq!(register(&harness).commitments, sample().commitments);
}

#[test]
fn a_new_participant_typed_into_is_kept() {
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Participants");
    click(&mut harness, "New participant");
    harness.event(egui::Event::Text("Polska".into()));
    harness.run();
    click(&mut harness, "France");
    let register = register(&harness);
    assert_eq!(register.participants.len(), sample().participants.len() + 1);
    assert!(register.participants.values().any(|p| p.name == "Polska"));
    assert!(harness.query_by_label_contains("was not kept").is_none());
}

/// Issue 20: every kind a New command makes is covered, the series of the
/// timeline's "New series", the person of "Add person" and the session of
/// "New meeting in series" included.
#[test]
fn a_new_series_person_or_session_left_untouched_is_not_kept() {
    use coalition_desk::model::{ParticipantId, SeriesId};
    use coalition_desk::ui::Command;
    let mut harness = harness(Startup::Sample);
    let commands = [
        (Command::NewSeries, "session series", "Meetings"),
        (Command::NewPerson(ParticipantId(1)), "person", "Meetings"),
        (
            Command::NewMeetingInSeries(SeriesId(9)),
            "meeting",
            "Timeline",
        ),
    ];
    for (command, noun, elsewhere) in commands {
        let records = |h: &crate::app_harness::AppHarness| {
            let r = register(h);
            (r.series, r.people, r.meetings)
        };
        let before = records(&harness);
        crate::app_harness::command(&mut harness, command.clone());
        assert_ne!(records(&harness), before, "{command:?} made a record");
        click(&mut harness, elsewhere);
        assert_eq!(records(&harness), before, "{command:?} was taken back");
        assert_eq!(
            harness.state().notice().map(|n| n.text.clone()),
            Some(format!(
                "The new {noun} was not kept: nothing was entered in it"
            ))
        );
    }
}

#[test]
fn a_person_added_and_named_stays() {
    let mut harness = harness(Startup::Sample);
    click(&mut harness, "Participants");
    click(&mut harness, "France");
    click(&mut harness, "Add person");
    // The keyboard is in the new person's name.
    harness.event(egui::Event::Text("Catherine Vautrin".into()));
    harness.run();
    click(&mut harness, "Meetings");
    let people = register(&harness).people.len();
    assert_eq!(people, sample().people.len() + 1);
}
