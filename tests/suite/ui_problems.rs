//! Going to what needs attention: a problem clicked in the problems list
//! opens its record with the keyboard in the field at fault, and a search
//! hit in a meeting's minutes opens the meeting at that item.

use coalition_desk::edit::Edit;
use coalition_desk::model::{MeetingId, ParticipantId, Register};
use coalition_desk::ui::command::Tab;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, click, harness, register};
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};

fn participant_named(register: &Register, name: &str) -> ParticipantId {
    register
        .participants
        .iter()
        .find(|(_, p)| p.name == name)
        .map(|(id, _)| *id)
        .unwrap()
}

/// Types as the keyboard does, into whatever has focus: no click first.
fn type_keys(harness: &mut AppHarness, text: &str) {
    harness.event(egui::Event::Text(text.into()));
    harness.run();
}

/// The sample in a window that can be looked at (for the snapshot).
fn seen_harness() -> AppHarness {
    let app = CoalitionDeskApp::with_settings(
        Settings::default(),
        Startup::Sample,
        crate::app_harness::today(),
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

#[test]
fn clicking_a_problem_opens_the_participant_with_the_keyboard_in_its_code() {
    let mut harness = seen_harness();
    let france = participant_named(&register(&harness), "France");
    let mut without_code = register(&harness).participants[&france].clone();
    without_code.code.clear();
    harness
        .state_mut()
        .edit(Edit::Participant(france, Some(without_code)));
    harness.run();
    // From another panel, as the officer would be.
    click(&mut harness, "Commitments");

    click(&mut harness, "1 problem");
    harness.snapshot("problems_list");
    click(&mut harness, "France has no code");

    let app = harness.state();
    assert_eq!(app.settings().tab, Tab::Participants);
    assert_eq!(app.workspace().participants.selected, Some(france));
    let code = harness.get_by_label("Code");
    assert!(code.is_focused(), "the Code field has the keyboard");
    type_keys(&mut harness, "FRA");
    assert_eq!(register(&harness).participants[&france].code, "FRA");
    // Mended: the list has nothing left to show, and goes.
    assert!(harness.query_by_label("France has no code").is_none());
    assert!(!harness.state().workspace().problems_shown);
}

#[test]
fn clicking_a_commitment_problem_opens_it_at_its_title() {
    let mut harness = harness(Startup::Sample);
    let (id, mut commitment) = {
        let register = register(&harness);
        let (id, c) = register.commitments.iter().next().unwrap();
        (*id, c.clone())
    };
    commitment.title.clear();
    harness
        .state_mut()
        .edit(Edit::Commitment(id, Some(commitment.clone())));
    harness.run();
    let by = register(&harness).participants[&commitment.participant]
        .name
        .clone();

    click(&mut harness, "1 problem");
    click(&mut harness, &format!("A commitment of {by} has no title"));

    let app = harness.state();
    assert_eq!(app.settings().tab, Tab::Commitments);
    assert_eq!(app.workspace().commitments.selected, Some(id));
    assert!(
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
            .is_focused()
    );
    type_keys(&mut harness, "Air policing");
    assert_eq!(register(&harness).commitments[&id].title, "Air policing");
}

/// The meeting of the sample that decided `words`, and the decision's place.
fn decision_with(register: &Register, words: &str) -> (MeetingId, usize) {
    register
        .meetings
        .iter()
        .find_map(|(id, m)| {
            m.decisions
                .iter()
                .position(|d| d.text.contains(words))
                .map(|i| (*id, i))
        })
        .unwrap()
}

#[test]
fn a_decision_found_by_search_opens_its_meeting_at_that_decision() {
    let mut harness = harness(Startup::Sample);
    let (meeting, n) = decision_with(&register(&harness), "meet regularly");
    assert!(n > 0, "the second decision, so the place matters");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
    harness.run();
    let field = harness.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Find participants, people, meetings, agenda, decisions, actions, notes, commitments",
    );
    field.type_text("meet regularly");
    harness.run();
    harness.get_by_label_contains("Decision  Continue to meet regularly");
    harness.key_press(Key::Enter);
    harness.run();

    let app = harness.state();
    assert!(app.on_top().is_none());
    assert_eq!(app.settings().tab, Tab::Meetings);
    assert_eq!(app.workspace().meetings.selected, Some(meeting));
    let label = format!("Decision {}", n + 1);
    assert!(
        harness.get_by_label(&label).is_focused(),
        "the decision has the keyboard"
    );
    // And it is in view, below the editor's heading, not scrolled past.
    let rect = harness.get_by_label(&label).rect();
    assert!(
        rect.top() > 0.0 && rect.bottom() < 800.0,
        "the decision is on screen: {rect:?}"
    );
    assert!(
        !harness.get_by_label("Decision 1").is_focused(),
        "and not the first one"
    );
}

#[test]
fn an_action_and_the_notes_are_found_too() {
    let mut harness = harness(Startup::Sample);
    let sample = register(&harness);
    let meeting = *sample.meetings.keys().next().unwrap();
    let mut minuted = sample.meetings[&meeting].clone();
    minuted.actions.push(coalition_desk::model::ActionItem {
        text: "Circulate the draft communiqué to capitals".into(),
        ..Default::default()
    });
    let action = minuted.actions.len();
    minuted.notes = "Estonia attended through its embassy".into();
    harness
        .state_mut()
        .edit(Edit::Meeting(meeting, Some(minuted)));
    harness.run();

    let find = |harness: &mut AppHarness, words: &str, kind: &str| {
        // The box keeps its text between showings; start afresh.
        harness.key_press_modifiers(Modifiers::COMMAND, Key::K);
        harness.run();
        let find = harness.get_by_role_and_label(
            egui::accesskit::Role::TextInput,
            "Find participants, people, meetings, agenda, decisions, actions, notes, commitments",
        );
        find.focus();
        harness.run();
        harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
        harness
            .get_by_role_and_label(
                egui::accesskit::Role::TextInput,
                "Find participants, people, meetings, agenda, decisions, actions, notes, commitments",
            )
            .type_text(words);
        harness.run();
        harness.get_by_label_contains(&format!("{kind}  "));
        harness.key_press(Key::Enter);
        harness.run();
        assert!(harness.state().on_top().is_none());
        assert_eq!(harness.state().settings().tab, Tab::Meetings);
        assert_eq!(harness.state().workspace().meetings.selected, Some(meeting));
    };
    find(&mut harness, "communiqué to capitals", "Action");
    let label = format!("Action {action}");
    assert!(harness.get_by_label(&label).is_focused());

    find(&mut harness, "through its embassy", "Notes");
    assert!(
        harness
            .get_by_role_and_label(
                egui::accesskit::Role::MultilineTextInput,
                "Secretariat notes"
            )
            .is_focused()
    );
}

#[test]
fn a_persons_problem_opens_their_participant_at_the_role() {
    let mut harness = harness(Startup::Sample);
    let sample = register(&harness);
    let (id, mut person) = sample
        .people
        .iter()
        .find(|(_, p)| p.roles.len() == 1)
        .map(|(id, p)| (*id, p.clone()))
        .unwrap();
    let speaks_for = person.roles[0].participant;
    person.roles[0].from = Some(crate::app_harness::today());
    person.roles[0].to = Some(crate::app_harness::today() - chrono::Days::new(1));
    harness
        .state_mut()
        .edit(Edit::Person(id, Some(person.clone())));
    harness.run();

    // The role may also leave the person's seats at meetings without one:
    // however many, the count opens the list.
    let count = harness.state_mut().problems().len();
    let count = match count {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    click(&mut harness, &count);
    let problem = format!("{}'s role", person.name);
    harness.get_by_label_contains(&problem).click();
    harness.run();

    let app = harness.state();
    assert_eq!(app.settings().tab, Tab::Participants);
    assert_eq!(app.workspace().participants.selected, Some(speaks_for));
    let titles = harness.get_all_by_label("Role title");
    let focused: Vec<bool> = titles.map(|t| t.is_focused()).collect();
    assert!(focused.contains(&true), "a role title has the keyboard");
    // The keyboard is in that role's title: typing goes there.
    type_keys(&mut harness, ", Envoy");
    let title = register(&harness).people[&id].roles[0].title.clone();
    assert_eq!(title, format!("{}, Envoy", person.roles[0].title));
}

#[test]
fn a_problem_above_the_meeting_editor_puts_the_keyboard_in_its_field() {
    let mut harness = harness(Startup::Sample);
    let sample = register(&harness);
    let (id, meeting) = sample.meetings.iter().next().unwrap();
    let mut untitled = meeting.clone();
    untitled.title.clear();
    harness.state_mut().edit(Edit::Meeting(*id, Some(untitled)));
    harness.run();
    click(&mut harness, "Meetings");
    harness
        .state_mut()
        .command(coalition_desk::ui::Command::SelectMeeting(*id));
    harness.run();

    // In the editor, not the problems list: that stays closed.
    assert!(!harness.state().workspace().problems_shown);
    click(
        &mut harness,
        &format!("A meeting on {} has no title", meeting.date),
    );
    assert!(
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Title")
            .is_focused()
    );
    type_keys(&mut harness, "Defence ministers");
    assert_eq!(register(&harness).meetings[id].title, "Defence ministers");
}
