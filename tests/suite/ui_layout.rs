//! The window as the officer works in it, with long names and a record
//! open: every list and editor share the window, the commitments table
//! keeps all its columns, and each panel is snapshotted at 1024×700 and
//! 1920×1080.

use std::str::FromStr;

use chrono::NaiveDate;
use coalition_desk::generate::{self, GenerateOptions};
use coalition_desk::model::{
    Attendance, AttendanceStatus, Commitment, CommitmentId, CommitmentStatus, MeetingId,
    MeetingState, Money, ParticipantId, Person, PersonId, Quantity, Register, Role, SeriesId,
    StatusChange,
};
use coalition_desk::ui::Command;
use coalition_desk::ui::app::{CoalitionDeskApp, Settings, Startup};
use coalition_desk::ui::command::Tab;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_decimal::Decimal;

type AppHarness = Harness<'static, CoalitionDeskApp>;

const LONG_MEETING: &str = "Coalition of the Willing — Defence ministers with the Chiefs \
                            of Defence, the EU Commission and NATO at Lancaster House";
const LONG_COMMITMENT: &str =
    "200 instructors for the combined-arms training of Ukrainian brigades in Poland";
const LONG_ROLE: &str =
    "Deputy Prime Minister, Minister of Defence and Minister for Strategic Industries";
const LONG_SERIES: &str = "Capability coalition: integrated air and missile defence (IAMD)";
const DELEGATES: usize = 120;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// What the records the tests open are.
pub(crate) struct Opened {
    pub(crate) meeting: MeetingId,
    pub(crate) commitment: CommitmentId,
    /// Who holds the long role and sent the 120 delegates.
    pub(crate) participant: ParticipantId,
    pub(crate) series: SeriesId,
}

/// A generated register as an officer's would read: every meeting is
/// "Coalition of the Willing — …", one has a very long title (and its
/// series a long name), one delegation sent 120 people, one commitment
/// has a long title and a value in dollars, and one person holds a
/// long-titled office.
pub(crate) fn long_names() -> (Register, Opened) {
    let mut register = generate::register(GenerateOptions {
        meetings: 24,
        commitments: 120,
        seed: 1,
    });
    register.name = "Coalition of the Willing".into();
    for meeting in register.meetings.values_mut() {
        meeting.title = format!("Coalition of the Willing — {}", meeting.title);
    }
    let (&meeting_id, _) = register
        .meetings
        .iter()
        .filter(|(_, m)| m.state == MeetingState::Held && m.series.is_some())
        .max_by_key(|(_, m)| m.date)
        .expect("a held meeting");
    let meeting = register.meetings.get_mut(&meeting_id).unwrap();
    meeting.title = LONG_MEETING.into();
    let date = meeting.date;
    let series = meeting.series.expect("generated meetings are in series");
    let (&participant, _) = meeting.attendance.iter().next().unwrap();
    register.series.get_mut(&series).unwrap().name = LONG_SERIES.into();
    let mut delegates = Vec::new();
    for n in 1..=DELEGATES {
        let id = PersonId(register.next_id);
        register.next_id += 1;
        register.people.insert(
            id,
            Person {
                name: format!("Delegate {n:03} Longname-Surname"),
                roles: vec![Role {
                    title: "Adviser".into(),
                    participant,
                    from: Some(date - chrono::Days::new(30)),
                    to: None,
                    head_of_delegation: false,
                }],
                notes: String::new(),
            },
        );
        delegates.push(id);
    }
    if let Some(first) = delegates.first() {
        register.people.get_mut(first).unwrap().roles[0].title = LONG_ROLE.into();
    }
    register
        .meetings
        .get_mut(&meeting_id)
        .unwrap()
        .attendance
        .insert(
            participant,
            Attendance {
                status: AttendanceStatus::Present,
                delegates,
                ..Attendance::default()
            },
        );
    let commitment = CommitmentId(register.next_id);
    register.next_id += 1;
    register.commitments.insert(
        commitment,
        Commitment {
            participant,
            announced_at: Some(meeting_id),
            title: LONG_COMMITMENT.into(),
            area: "Training".into(),
            quantity: Some(Quantity {
                amount: Decimal::from(200),
                unit: "instructors".into(),
            }),
            value: Some(Money {
                amount: Decimal::from_str("120000000.00").unwrap(),
                currency: "USD".into(),
            }),
            due: NaiveDate::from_ymd_opt(2027, 3, 31),
            status: CommitmentStatus::Committed,
            history: vec![StatusChange {
                date,
                status: CommitmentStatus::Committed,
                note: "Announced at the session, with the training plan attached".into(),
                meeting: Some(meeting_id),
            }],
            marking: "OFFICIAL".into(),
            ..Commitment::default()
        },
    );
    let opened = Opened {
        meeting: meeting_id,
        commitment,
        participant,
        series,
    };
    (register, opened)
}

/// The whole window at `size` with the long-names register open.
fn window(width: f32, height: f32) -> (AppHarness, Opened) {
    let (register, opened) = long_names();
    let app = CoalitionDeskApp::with_settings(Settings::default(), Startup::Empty, today());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .with_max_steps(30)
        .renderer(crate::cpu_renderer::CpuRenderer::default())
        .build_ui_state(|ui, app: &mut CoalitionDeskApp| app.frame_ui(ui), app);
    harness.run();
    harness.state_mut().open_register(register);
    harness.run();
    (harness, opened)
}

fn show(harness: &mut AppHarness, tab: Tab) {
    harness.state_mut().command(Command::ShowTab(tab));
    harness.run();
}

fn snapshot(harness: &mut AppHarness, name: &str) {
    harness.remove_cursor();
    harness.run();
    harness.snapshot(name);
}

/// Shows `tab` with its record open, as the officer would have it.
fn open(harness: &mut AppHarness, tab: Tab, opened: &Opened) {
    show(harness, tab);
    let opening = match tab {
        Tab::Participants => Some(Command::SelectParticipant(opened.participant)),
        Tab::Meetings => Some(Command::SelectMeeting(opened.meeting)),
        Tab::Commitments => Some(Command::SelectCommitment(opened.commitment)),
        Tab::Timeline => Some(Command::SelectSeries(opened.series)),
        Tab::Dashboard | Tab::Register => None,
    };
    if let Some(opening) = opening {
        harness.state_mut().command(opening);
    }
    harness.run();
    harness.run();
}

fn panel_snapshot(tab: Tab, name: &str, width: f32, height: f32) {
    let (mut harness, opened) = window(width, height);
    open(&mut harness, tab, &opened);
    snapshot(&mut harness, &format!("layout_{name}_{width}"));
}

#[test]
fn participants_snapshot_1024() {
    panel_snapshot(Tab::Participants, "participants", 1024.0, 700.0);
}

#[test]
fn participants_snapshot_1920() {
    panel_snapshot(Tab::Participants, "participants", 1920.0, 1080.0);
}

#[test]
fn meetings_snapshot_1024() {
    panel_snapshot(Tab::Meetings, "meetings", 1024.0, 700.0);
}

#[test]
fn meetings_snapshot_1920() {
    panel_snapshot(Tab::Meetings, "meetings", 1920.0, 1080.0);
}

#[test]
fn commitments_snapshot_1024() {
    panel_snapshot(Tab::Commitments, "commitments", 1024.0, 700.0);
}

#[test]
fn commitments_snapshot_1920() {
    panel_snapshot(Tab::Commitments, "commitments", 1920.0, 1080.0);
}

#[test]
fn timeline_snapshot_1024() {
    panel_snapshot(Tab::Timeline, "timeline", 1024.0, 700.0);
}

#[test]
fn timeline_snapshot_1920() {
    panel_snapshot(Tab::Timeline, "timeline", 1920.0, 1080.0);
}

#[test]
fn a_delegation_of_120_wraps_within_the_window_at_1024() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Meetings, &opened);
    let register = harness.state().workspace().document.register().clone();
    let name = register.participant_name(opened.participant);
    let removes: Vec<egui::Rect> = register.meeting(opened.meeting).unwrap().attendance
        [&opened.participant]
        .delegates
        .iter()
        .map(|person| {
            let who = register.person_name(*person);
            let label = format!("Remove {who} from {name}'s delegates");
            harness.get_by_label(&label).rect()
        })
        .collect();
    assert_eq!(removes.len(), DELEGATES);
    for rect in &removes {
        assert!(
            rect.right() <= 1024.0,
            "a delegate runs off the window: {rect:?}"
        );
    }
    let mut lines: Vec<i32> = removes.iter().map(|r| r.center().y as i32).collect();
    lines.dedup();
    assert!(lines.len() >= 10, "120 delegates on {} lines", lines.len());
}

#[test]
fn a_long_office_reads_whole_in_its_role_box_at_1024() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Participants, &opened);
    let role = harness
        .get_all_by_label("Role title")
        .find(|node| node.value().as_deref() == Some(LONG_ROLE))
        .expect("the long office is shown");
    role.scroll_to_me();
    harness.run();
    let role = harness
        .get_all_by_label("Role title")
        .find(|node| node.value().as_deref() == Some(LONG_ROLE))
        .unwrap();
    let rect = role.rect();
    let font = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    let text = harness
        .ctx
        .fonts_mut(|f| f.layout_no_wrap(LONG_ROLE.into(), font, egui::Color32::BLACK))
        .size();
    assert!(rect.right() <= 1024.0, "the role box runs off: {rect:?}");
    // Either the box is as wide as the words or they wrap onto more lines.
    assert!(
        rect.width() >= text.x || rect.height() >= 2.0 * text.y,
        "the role box {rect:?} cuts words {text:?} long"
    );
}

#[test]
fn the_meetings_list_names_each_meeting_by_number_and_what_differs() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Meetings, &opened);
    let register = harness.state().workspace().document.register().clone();
    let (_, ministers) = register
        .meetings
        .iter()
        .filter(|(id, _)| **id != opened.meeting)
        .find(|(_, m)| m.title == "Coalition of the Willing — Defence ministers")
        .expect("a session of the ministers");
    let number = ministers.number.expect("numbered in its series");
    let label = format!("No. {number} · Defence ministers");
    let row = harness.get_by_label(&label).rect();
    assert!(
        row.right() <= 1024.0 / 2.0,
        "the row is in the list: {row:?}"
    );
}

#[test]
fn the_print_buttons_leave_the_meeting_heading_whole_at_1024() {
    let (mut harness, opened) = window(1024.0, 700.0);
    open(&mut harness, Tab::Meetings, &opened);
    let heading = harness.get_by_label(LONG_MEETING).rect();
    assert!(
        heading.right() <= 1024.0,
        "the heading runs off: {heading:?}"
    );
    for button in ["Print summary…", "Print attendance…", "Delete…"] {
        let rect = harness.get_by_label(button).rect();
        assert!(
            !rect.intersects(heading),
            "{button} {rect:?} covers the heading {heading:?}"
        );
    }
}

mod commitments;
