//! The record's life in the window: approve the sample meeting's record,
//! find its content read-only (but its actions still markable done),
//! revise it with a reason, and print the revision.

use coalition_desk::model::{MeetingId, MinutesState};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::on_top::OnTop;
use coalition_desk::ui::print::PrintData;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::app_harness::{AppHarness, click, register, today};

const DEFENCE_MINISTERS: MeetingId = MeetingId(11);

/// The sample in the whole window. The print preview's pages arrive from a
/// worker thread, each with a repaint, so how many frames settle it
/// depends on the machine's load.
fn harness() -> AppHarness {
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Sample, today());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness
}

/// The sample meeting's record circulated on `month`-`day`, with comments
/// due on `due_month`-`due_day` (2025).
fn circulation(month: u32, day: u32, due_month: u32, due_day: u32) -> Command {
    let date = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    Command::MoveMinutes(
        DEFENCE_MINISTERS,
        coalition_desk::model::MinutesMove::Circulate {
            to: vec![coalition_desk::model::ParticipantId(1)],
            comments_due: date(due_month, due_day),
        },
        date(month, day),
    )
}

fn run(harness: &mut AppHarness, command: Command) {
    harness.state_mut().command(command);
    harness.run();
}

fn disabled(harness: &AppHarness, label: &str) -> bool {
    harness.get_by_label(label).accesskit_node().is_disabled()
}

fn type_into(harness: &mut AppHarness, label: &str, text: &str) {
    let field = harness.get_by_label(label);
    field.focus();
    field.type_text(text);
    harness.run();
}

fn notice(harness: &AppHarness) -> String {
    harness
        .state()
        .notice()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn record_state(harness: &AppHarness) -> MinutesState {
    register(harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .minutes
        .state()
}

#[test]
fn approve_a_record_find_it_read_only_revise_it_and_print_rev_1() {
    let mut harness = harness();
    run(&mut harness, Command::SelectMeeting(DEFENCE_MINISTERS));
    assert!(!disabled(&harness, "Title"), "a draft is edited in place");
    harness.get_by_label("Record:");
    harness.get_by_label("Circulate…");

    // The sample has no later session: circulated, the record is approved
    // by written procedure once comments were due.
    run(&mut harness, circulation(4, 14, 5, 1));
    click(&mut harness, "Approve…");
    type_into(&mut harness, "By", "The defence ministers");
    click(&mut harness, "Approve");
    assert_eq!(record_state(&harness), MinutesState::Approved);
    let approval = register(&harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .minutes
        .clone();
    assert_eq!(
        approval.approval().unwrap().approved_by,
        "The defence ministers"
    );
    let status = notice(&harness);
    assert_eq!(
        status,
        "Approved the record of Coalition of the Willing — Defence ministers (2025-04-10) \
         (Undo takes it back)"
    );

    // Read-only: the content's fields are disabled, and the only move
    // open is a revision.
    assert!(disabled(&harness, "Title"));
    assert!(harness.query_by_label("Approve…").is_none());
    harness.get_by_label_contains("its content is read-only");
    // An action can still be marked done: follow-up, not the record.
    let was_done = register(&harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .actions[0]
        .done;
    harness
        .get_all_by_label("Done")
        .next()
        .unwrap()
        .scroll_to_me();
    harness.run();
    harness.get_all_by_label("Done").next().unwrap().click();
    harness.run();
    let meeting = register(&harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .clone();
    assert_eq!(meeting.actions[0].done, !was_done, "{}", notice(&harness));

    click(&mut harness, "Revise…");
    type_into(&mut harness, "Reason", "The location was not recorded");
    click(&mut harness, "Open the revision");
    let record = register(&harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .minutes
        .clone();
    assert_eq!(record.state(), MinutesState::Draft, "{}", notice(&harness));
    assert_eq!(record.revision(), 1);
    assert_eq!(record.revisions[0].reason, "The location was not recorded");
    assert!(!disabled(&harness, "Title"), "a revision opens the content");

    run(&mut harness, Command::PrintSummary(DEFENCE_MINISTERS));
    click(&mut harness, "Change log annex");
    let state = harness.state();
    let Some(OnTop::PrintPreview(preview)) = state.workspace().on_top() else {
        panic!("the print preview is open");
    };
    let Ok(PrintData::Summary(summary)) = preview.data(state.workspace().document.register())
    else {
        panic!("the summary is ready to print");
    };
    assert!(
        summary.minutes.draft,
        "revision 1 is a draft until approved"
    );
    assert_eq!(summary.minutes.revision.as_deref(), Some("REV 1"));
    assert!(summary.minutes.line.contains("REV 1"));
    assert!(summary.minutes.changes.is_some(), "the annex is asked for");
}

#[test]
fn a_refused_move_is_said_in_the_status_line_and_changes_nothing() {
    let mut harness = harness();
    let before = register(&harness);
    run(
        &mut harness,
        Command::MoveMinutes(
            DEFENCE_MINISTERS,
            coalition_desk::model::MinutesMove::Revise {
                reason: "Typo".into(),
            },
            today(),
        ),
    );
    assert_eq!(register(&harness), before);
    assert_eq!(
        notice(&harness),
        "The record of Coalition of the Willing — Defence ministers (2025-04-10) was not \
         changed: Only an approved record can be revised; this one is Draft"
    );
}

#[test]
fn snapshot_of_an_approved_revised_record() {
    use coalition_desk::model::MinutesMove;

    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Sample, today());
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .with_context_setup(coalition_desk::ui::fonts::install)
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 5, d).unwrap();
    let approve = || MinutesMove::Approve {
        at: None,
        by: "The defence ministers".into(),
    };
    run(&mut harness, circulation(5, 1, 5, 8));
    run(
        &mut harness,
        Command::MoveMinutes(DEFENCE_MINISTERS, approve(), day(8)),
    );
    let reason = "The location was not recorded".to_string();
    run(
        &mut harness,
        Command::MoveMinutes(DEFENCE_MINISTERS, MinutesMove::Revise { reason }, day(20)),
    );
    let mut meeting = register(&harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .clone();
    meeting.location = "Lancaster House, London".into();
    harness
        .state_mut()
        .edit(coalition_desk::edit::Edit::Meeting(
            DEFENCE_MINISTERS,
            Some(meeting),
        ));
    run(&mut harness, circulation(5, 21, 5, 22));
    run(
        &mut harness,
        Command::MoveMinutes(DEFENCE_MINISTERS, approve(), day(22)),
    );
    run(&mut harness, Command::SelectMeeting(DEFENCE_MINISTERS));
    click(&mut harness, "History and revisions");
    harness.remove_cursor();
    harness.run();
    assert!(disabled(&harness, "Title"));
    harness.snapshot("record_approved_revised");
}

#[test]
fn a_meeting_not_yet_held_offers_no_move_of_its_record() {
    let mut harness = harness();
    let mut meeting = register(&harness)
        .meeting(DEFENCE_MINISTERS)
        .unwrap()
        .clone();
    meeting.state = coalition_desk::model::MeetingState::Planned;
    harness
        .state_mut()
        .edit(coalition_desk::edit::Edit::Meeting(
            DEFENCE_MINISTERS,
            Some(meeting),
        ));
    run(&mut harness, Command::SelectMeeting(DEFENCE_MINISTERS));
    assert!(harness.query_by_label("Circulate…").is_none());
    assert!(harness.query_by_label("Approve…").is_none());
    harness.get_by_label("(circulated and approved once the meeting is held)");
    // Held again, the moves are back.
    run(&mut harness, Command::Undo);
    harness.get_by_label("Circulate…");
}

#[test]
fn an_approved_records_meeting_cannot_be_deleted_and_the_button_says_why() {
    let mut harness = harness();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2025, 5, d).unwrap();
    run(&mut harness, Command::SelectMeeting(DEFENCE_MINISTERS));
    assert!(
        !disabled(&harness, "Delete…"),
        "a draft's meeting can be deleted"
    );
    run(&mut harness, circulation(5, 1, 5, 8));
    run(
        &mut harness,
        Command::MoveMinutes(
            DEFENCE_MINISTERS,
            coalition_desk::model::MinutesMove::Approve {
                at: None,
                by: "The defence ministers".into(),
            },
            day(8),
        ),
    );
    assert_eq!(
        register(&harness).meetings[&DEFENCE_MINISTERS]
            .minutes
            .state(),
        MinutesState::Approved
    );
    assert!(disabled(&harness, "Delete…"), "nothing to ask, then refuse");
    harness.get_by_label("Delete…").hover();
    harness.run();
    harness.get_by_label_contains("is approved, so the meeting cannot be deleted");
}
