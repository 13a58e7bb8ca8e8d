//! Each panel with its record open, at 1024×700 and at 150 % on 1280×800.

use coalition_desk::model::{ActionItem, ActionOwner, AgendaItem, Decision, Register};
use coalition_desk::ui::command::{Command, Tab};
use egui_kittest::kittest::Queryable;

use super::{AppHarness, LARGE_TEXT, SMALL, Size, assert_nothing_cut, show, window};
use crate::ui_layout::{Opened, long_names};

const LONG_ACTION: &str = "Circulate the revised draft of the winter support package to every \
                           delegation, with the annex on air defence deliveries, and collect \
                           comments before the next session";

/// The long-names register, its opened meeting with an agenda, decisions,
/// actions (one owned by the long-named participant, due) and notes.
fn register() -> (Register, Opened) {
    let (mut register, opened) = long_names();
    let owner = opened.participant;
    let meeting = register.meetings.get_mut(&opened.meeting).unwrap();
    meeting.agenda = (1..=4)
        .map(|n| AgendaItem {
            title: format!("Item {n}: air and missile defence, deliveries before winter"),
            minutes: Some(20),
            notes: "The chairs open; delegations report on deliveries since the last session."
                .into(),
            ..AgendaItem::default()
        })
        .collect();
    meeting.decisions = vec![Decision {
        text: "The coalition pools the interceptor stocks until the spring.".into(),
        ..Decision::default()
    }];
    meeting.actions = vec![
        ActionItem {
            text: LONG_ACTION.into(),
            owner: Some(ActionOwner::Participant(owner)),
            due: Some(meeting.date + chrono::Days::new(30)),
            ..ActionItem::default()
        },
        ActionItem {
            text: "Book the room".into(),
            owner: Some(ActionOwner::Secretariat),
            ..ActionItem::default()
        },
    ];
    meeting.statement = "The coalition met and agreed the winter package.".into();
    meeting.restricted_notes = "Figures were given orally.".into();
    (register, opened)
}

fn opened(size: Size, tab: Tab) -> AppHarness {
    let (register, opened) = register();
    opened_at(size, tab, &opened, register)
}

/// The window at `size` on `tab`, with that tab's record of `opened` open.
fn opened_at(size: Size, tab: Tab, opened: &Opened, register: Register) -> AppHarness {
    let mut harness = window(size, register);
    show(&mut harness, tab);
    let app = harness.state_mut();
    match tab {
        Tab::Participants => app.command(Command::SelectParticipant(opened.participant)),
        Tab::Meetings => app.command(Command::SelectMeeting(opened.meeting)),
        Tab::Commitments => app.command(Command::SelectCommitment(opened.commitment)),
        Tab::Timeline => app.command(Command::SelectSeries(opened.series)),
        Tab::Dashboard | Tab::Register => {}
    }
    harness.run();
    harness.run();
    harness
}

fn panel(size: Size, tab: Tab, name: &str) {
    let mut harness = opened(size, tab);
    assert_nothing_cut(&mut harness, size, name);
}

#[test]
fn participants_at_1024() {
    panel(SMALL, Tab::Participants, "participants");
}

#[test]
fn participants_at_150_percent() {
    panel(LARGE_TEXT, Tab::Participants, "participants");
}

#[test]
fn meetings_at_1024() {
    panel(SMALL, Tab::Meetings, "meetings");
}

#[test]
fn meetings_at_150_percent() {
    panel(LARGE_TEXT, Tab::Meetings, "meetings");
}

#[test]
fn commitments_at_1024() {
    panel(SMALL, Tab::Commitments, "commitments");
}

#[test]
fn commitments_at_150_percent() {
    panel(LARGE_TEXT, Tab::Commitments, "commitments");
}

#[test]
fn timeline_at_1024() {
    panel(SMALL, Tab::Timeline, "timeline");
}

#[test]
fn timeline_at_150_percent() {
    panel(LARGE_TEXT, Tab::Timeline, "timeline");
}

#[test]
fn dashboard_at_1024() {
    panel(SMALL, Tab::Dashboard, "dashboard");
}

#[test]
fn dashboard_at_150_percent() {
    panel(LARGE_TEXT, Tab::Dashboard, "dashboard");
}

#[test]
fn register_at_1024() {
    panel(SMALL, Tab::Register, "register");
}

#[test]
fn register_at_150_percent() {
    panel(LARGE_TEXT, Tab::Register, "register");
}

/// The Circulate form of the open meeting's record: sixty delegations to
/// choose from and the date comments are due, none drawn over another.
fn circulate(size: Size) {
    let mut harness = opened(size, Tab::Meetings);
    harness.get_by_label("Circulate…").scroll_to_me();
    harness.run();
    harness.get_by_label("Circulate…").click();
    harness.run();
    harness.run();
    harness.get_by_label("Comments due").scroll_to_me();
    harness.run();
    let due = harness.get_by_label("Comments due").rect();
    let overlapping: Vec<String> = harness
        .query_all_by_role(egui::accesskit::Role::CheckBox)
        .filter(|checkbox| checkbox.rect().intersects(due.shrink(1.0)))
        .map(|checkbox| format!("{checkbox:?}"))
        .collect();
    assert!(
        overlapping.is_empty(),
        "Comments due {due:?} is drawn over {overlapping:#?}"
    );
    assert_nothing_cut(&mut harness, size, "circulate");
}

#[test]
fn circulate_at_1024() {
    circulate(SMALL);
}

#[test]
fn circulate_at_150_percent() {
    circulate(LARGE_TEXT);
}

/// Opened after another was scrolled to its status form, a commitment
/// shows its participant and title first (the trial found the editor
/// opening scrolled past them).
#[test]
fn a_commitment_opens_at_its_top_after_another_was_scrolled() {
    use egui::accesskit::Role;
    let (register, opened) = register();
    let other = *register
        .commitments
        .keys()
        .find(|id| **id != opened.commitment)
        .unwrap();
    let mut harness = opened_at(SMALL, Tab::Commitments, &opened, register);
    // The editor's box, right of the filter bar's of the same name.
    let participant_shows = |harness: &AppHarness| {
        let rect = harness
            .get_all_by_role_and_label(Role::ComboBox, "Participant")
            .map(|node| node.rect())
            .max_by(|a, b| a.left().total_cmp(&b.left()))
            .unwrap();
        rect.top() >= 0.0 && rect.bottom() <= SMALL.pixels.y
    };
    assert!(participant_shows(&harness));
    harness.get_by_label("Delivery note").scroll_to_me();
    harness.run();
    assert!(
        !participant_shows(&harness),
        "the editor was not scrolled down to the status form"
    );
    harness
        .state_mut()
        .command(Command::SelectCommitment(other));
    harness.run();
    harness.run();
    assert!(
        participant_shows(&harness),
        "the next commitment opened scrolled past its participant"
    );
}
