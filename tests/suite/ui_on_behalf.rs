//! On behalf of whom, in the whole window: in the sample's held meeting
//! the officer records Ukraine as represented by NATO, and the UK's
//! Defence Secretary (no official of Ukraine) as sitting for it, from the
//! meeting's attendance editor.

use coalition_desk::model::{AttendanceStatus, MeetingId, ParticipantId, PersonId};
use coalition_desk::report::{self, SummaryOptions};
use coalition_desk::ui::Command;
use egui_kittest::kittest::Queryable;

use crate::app_harness::{AppHarness, harness, register, today};

const MEETING: MeetingId = MeetingId(11);
const NATO: ParticipantId = ParticipantId(5);
const UKRAINE: ParticipantId = ParticipantId(6);
const HEALEY: PersonId = PersonId(7);

fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run_steps(STEPS);
}

/// Frames enough for the meeting editor's scrolling to settle: a row far
/// down the attendance is scrolled to before it is clicked.
const STEPS: usize = 8;

fn click(harness: &mut AppHarness, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run_steps(STEPS);
    harness.get_by_label(label).click();
    harness.run_steps(STEPS);
}

#[test]
fn a_stand_in_and_the_representing_participant_are_named_in_the_attendance_editor() {
    let mut harness = harness(coalition_desk::ui::app::Startup::Sample);
    click(&mut harness, "Meetings");
    run(&mut harness, Command::SelectMeeting(MEETING));

    click(&mut harness, "Attendance of Ukraine");
    click(&mut harness, "Represented");
    click(&mut harness, "Who represented Ukraine");
    click(&mut harness, "NATO");
    click(&mut harness, "Add someone sitting for Ukraine");
    // The menu names the person with the office they hold, and for whom.
    click(
        &mut harness,
        "John Healey MP, Secretary of State for Defence (Defence Secretary), United Kingdom",
    );

    let saved = register(&harness);
    let ukraine = &saved.meetings[&MEETING].attendance[&UKRAINE];
    assert_eq!(ukraine.status, AttendanceStatus::Represented);
    assert_eq!(ukraine.represented_by, Some(NATO));
    assert_eq!(ukraine.stand_ins, vec![HEALEY]);
    assert!(ukraine.delegates.is_empty(), "not one of its officials");
    // Shown on the row, and accepted by check: no role for Ukraine needed.
    harness.get_by_label("John Healey MP, for Ukraine");
    assert_eq!(saved.validate(today()), Vec::new());
    // The summary prints it as the editor recorded it.
    let summary =
        report::meeting_summary(&saved, MEETING, &SummaryOptions::default(), today()).unwrap();
    let line = summary
        .attendance
        .unwrap()
        .into_iter()
        .flat_map(|group| group.lines)
        .find(|line| line.participant == "Ukraine")
        .unwrap();
    assert_eq!(line.status, "Represented by NATO");
    assert_eq!(line.stand_ins[0].name, "John Healey MP");

    // Recorded as present after all: who represented it goes with the
    // status; the stand-in stays until taken off.
    click(&mut harness, "Attendance of Ukraine");
    click(&mut harness, "Present");
    let ukraine = register(&harness).meetings[&MEETING].attendance[&UKRAINE].clone();
    assert_eq!(ukraine.represented_by, None);
    assert_eq!(ukraine.stand_ins, vec![HEALEY]);
    click(&mut harness, "Remove John Healey MP, sitting for Ukraine");
    let ukraine = register(&harness).meetings[&MEETING].attendance[&UKRAINE].clone();
    assert!(ukraine.stand_ins.is_empty());
}

/// The dashboard counts attendance by the one rule: NATO, an observer at
/// the sample's session, is counted as attending, and shown apart.
#[test]
fn the_dashboard_counts_an_observer_as_attending() {
    let settings = coalition_desk::ui::app::Settings {
        tab: coalition_desk::ui::command::Tab::Dashboard,
        ..coalition_desk::ui::app::Settings::default()
    };
    let app = coalition_desk::ui::app::CoalitionDeskApp::with_settings(
        settings,
        coalition_desk::ui::app::Startup::Sample,
        today(),
    );
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(
            |ui, app: &mut coalition_desk::ui::app::CoalitionDeskApp| app.frame_ui(ui),
            app,
        );
    let mut meeting = register(&harness).meetings[&MEETING].clone();
    meeting.attendance.get_mut(&NATO).unwrap().status = AttendanceStatus::Observer;
    harness
        .state_mut()
        .edit(coalition_desk::edit::Edit::Meeting(MEETING, Some(meeting)));
    harness.run_steps(STEPS);
    harness
        .get_by_label("Attendance at held sessions")
        .scroll_to_me();
    harness.run_steps(STEPS);
    harness.remove_cursor();
    harness.run_steps(2);
    harness.snapshot("dashboard_attendance");
}
