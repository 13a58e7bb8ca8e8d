//! The agenda as a secretariat writes it: numbers 1, 2, 2.1 … that follow
//! every move, start times planned from the meeting's start, the total,
//! and the warning when the agenda runs past the meeting's end.

use chrono::NaiveTime;
use coalition_desk::model::agenda::{
    AgendaMove, agenda_numbers, agenda_schedule, agenda_timing, can_move, move_agenda_item,
};
use coalition_desk::model::{AgendaItem, Field, Meeting, MeetingState};
use coalition_desk::report::{self, PrintEngine, SummaryOptions};

use crate::common::{MINISTERS, register};

/// Items titled "a", "b" … at the given levels.
fn outline(levels: &[u8]) -> Vec<AgendaItem> {
    levels
        .iter()
        .zip('a'..)
        .map(|(&level, title)| AgendaItem {
            title: title.to_string(),
            level,
            ..AgendaItem::default()
        })
        .collect()
}

/// "a 1, b 2, c 2.1": each title with its number.
fn numbered(agenda: &[AgendaItem]) -> String {
    let numbers = agenda_numbers(agenda);
    let parts: Vec<String> = agenda
        .iter()
        .zip(numbers)
        .map(|(item, n)| format!("{} {n}", item.title))
        .collect();
    parts.join(", ")
}

fn moved(levels: &[u8], change: AgendaMove) -> String {
    let mut agenda = outline(levels);
    assert!(move_agenda_item(&mut agenda, change), "{change:?} refused");
    numbered(&agenda)
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

#[test]
fn numbers_follow_the_outline() {
    assert_eq!(
        numbered(&outline(&[0, 0, 1, 1, 2, 0])),
        "a 1, b 2, c 2.1, d 2.2, e 2.2.1, f 3"
    );
    // A hand-written file that jumps levels is numbered one level down at
    // most, and never starts with a sub-item.
    assert_eq!(
        numbered(&outline(&[1, 2, 0, 2, 7])),
        "a 1, b 1.1, c 2, d 2.1, e 2.1.1"
    );
    // A move that cannot be made leaves even such a file as it was.
    let mut odd = outline(&[1, 2, 0]);
    assert!(!move_agenda_item(&mut odd, AgendaMove::Up(0)));
    assert_eq!(odd, outline(&[1, 2, 0]));
}

#[test]
fn moving_up_and_down_takes_the_sub_items_along() {
    let levels = [0, 0, 1, 1, 0];
    assert_eq!(
        moved(&levels, AgendaMove::Up(1)),
        "b 1, c 1.1, d 1.2, a 2, e 3"
    );
    assert_eq!(
        moved(&levels, AgendaMove::Down(1)),
        "a 1, e 2, b 3, c 3.1, d 3.2"
    );
    // A sub-item moves among its parent's sub-items only.
    assert_eq!(
        moved(&levels, AgendaMove::Down(2)),
        "a 1, b 2, d 2.1, c 2.2, e 3"
    );
    let agenda = outline(&levels);
    for refused in [
        AgendaMove::Up(0),
        AgendaMove::Up(2),
        AgendaMove::Down(3),
        AgendaMove::Down(4),
        AgendaMove::Up(9),
    ] {
        assert!(!can_move(&agenda, refused), "{refused:?}");
    }
}

#[test]
fn indenting_and_outdenting() {
    assert_eq!(moved(&[0, 0, 0], AgendaMove::Indent(1)), "a 1, b 1.1, c 2");
    // Indenting an item takes its sub-items one level in with it.
    assert_eq!(
        moved(&[0, 0, 1], AgendaMove::Indent(1)),
        "a 1, b 1.1, c 1.1.1"
    );
    // Outdenting keeps the item in its place; the sub-items after it
    // become its own.
    assert_eq!(
        moved(&[0, 1, 1, 1], AgendaMove::Outdent(2)),
        "a 1, b 1.1, c 2, d 2.1"
    );
    let agenda = outline(&[0, 1, 0, 1, 2]);
    for refused in [
        AgendaMove::Indent(0),
        // The first sub-item has no sibling above to go under.
        AgendaMove::Indent(1),
        // Its sub-item would go past the deepest level.
        AgendaMove::Indent(3),
        AgendaMove::Indent(4),
        AgendaMove::Outdent(0),
    ] {
        assert!(!can_move(&agenda, refused), "{refused:?}");
    }
}

#[test]
fn dropping_an_item_before_or_after_another() {
    let levels = [0, 0, 1, 1, 0];
    assert_eq!(
        moved(&levels, AgendaMove::Before { item: 4, target: 1 }),
        "a 1, e 2, b 3, c 3.1, d 3.2"
    );
    // Dropped beside a sub-item, an item becomes one.
    assert_eq!(
        moved(&levels, AgendaMove::Before { item: 0, target: 3 }),
        "b 1, c 1.1, a 1.2, d 1.3, e 2"
    );
    // After an item means after its sub-items too.
    assert_eq!(
        moved(&levels, AgendaMove::After { item: 0, target: 1 }),
        "b 1, c 1.1, d 1.2, a 2, e 3"
    );
    assert_eq!(
        moved(&levels, AgendaMove::After { item: 2, target: 1 }),
        "a 1, b 2, d 2.1, c 3, e 4"
    );
    let agenda = outline(&levels);
    // Not onto its own sub-items, and not where it already is.
    assert!(!can_move(
        &agenda,
        AgendaMove::Before { item: 1, target: 2 }
    ));
    assert!(!can_move(&agenda, AgendaMove::After { item: 1, target: 0 }));
}

fn timed_meeting(minutes: &[Option<u16>]) -> Meeting {
    Meeting {
        start: Some(time(9, 30)),
        end: Some(time(11, 0)),
        agenda: minutes
            .iter()
            .map(|&minutes| AgendaItem {
                minutes,
                ..AgendaItem::default()
            })
            .collect(),
        ..Meeting::default()
    }
}

#[test]
fn schedule_from_the_meetings_start() {
    let meeting = timed_meeting(&[Some(20), None, Some(45), Some(25)]);
    let schedule = agenda_schedule(&meeting);
    assert_eq!(
        schedule.starts,
        vec![
            Some(time(9, 30)),
            Some(time(9, 50)),
            Some(time(9, 50)),
            Some(time(10, 35))
        ]
    );
    assert_eq!(schedule.total_minutes, 90);
    assert_eq!(schedule.planned_end, Some(time(11, 0)));
    // Ending exactly at the meeting's end is no overrun.
    assert_eq!(schedule.overrun, None);
    assert_eq!(
        agenda_timing(&meeting).unwrap(),
        "The agenda takes 1 h 30 min, from 09:30 to 11:00."
    );
    let no_start = Meeting {
        start: None,
        ..meeting
    };
    assert_eq!(agenda_schedule(&no_start).starts, vec![None; 4]);
    assert_eq!(
        agenda_timing(&no_start).unwrap(),
        "The agenda takes 1 h 30 min."
    );
}

#[test]
fn overrun_names_the_first_item_past_the_end() {
    let mut meeting = timed_meeting(&[Some(30), Some(45), Some(40)]);
    meeting.agenda[2].level = 1;
    let overrun = agenda_schedule(&meeting).overrun.unwrap();
    assert_eq!(overrun.minutes, 25);
    assert_eq!(overrun.from_item, 2);
    assert_eq!(
        agenda_timing(&meeting).unwrap(),
        "The agenda takes 1 h 55 min, from 09:30 to 11:25: it runs 25 min past the \
         meeting's end at 11:00, from item 2.1 on."
    );
}

#[test]
fn a_planned_meeting_that_overruns_is_a_register_problem() {
    let mut register = register();
    let meeting = register.meetings.get_mut(&MINISTERS).unwrap();
    meeting.start = Some(time(9, 30));
    meeting.end = Some(time(10, 0));
    meeting.agenda = timed_meeting(&[Some(20), Some(20)]).agenda;
    meeting.state = MeetingState::Planned;
    let today = crate::common::today();
    let problems = register.meeting_problems_of(MINISTERS, today);
    let overrun: Vec<_> = problems
        .iter()
        .filter(|p| p.field == Some(Field::Agenda(1)))
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        overrun,
        [
            "The meeting “Defence ministers” (2025-04-10): the agenda runs 10 min past the \
             meeting's end at 10:00, from item 2 on."
        ]
    );
    // A held meeting's agenda is history: nothing to mend.
    let meeting = register.meetings.get_mut(&MINISTERS).unwrap();
    meeting.state = MeetingState::Held;
    let problems = register.meeting_problems_of(MINISTERS, today);
    assert!(problems.iter().all(|p| p.field != Some(Field::Agenda(1))));
}

#[test]
fn printed_agenda_has_numbers_start_times_and_durations() {
    let mut register = register();
    let meeting = register.meetings.get_mut(&MINISTERS).unwrap();
    meeting.start = Some(time(9, 30));
    meeting.end = Some(time(10, 30));
    meeting.agenda = vec![
        AgendaItem {
            title: "Opening remarks".into(),
            minutes: Some(15),
            ..AgendaItem::default()
        },
        AgendaItem {
            title: "Capability coalitions".into(),
            ..AgendaItem::default()
        },
        AgendaItem {
            title: "Air defence".into(),
            level: 1,
            minutes: Some(50),
            ..AgendaItem::default()
        },
    ];
    let summary = report::meeting_summary(
        &register,
        MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let lines = summary.agenda.clone().unwrap();
    let shown: Vec<_> = lines
        .iter()
        .map(|l| {
            (
                l.number.as_str(),
                l.level,
                l.start.as_deref(),
                l.minutes.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("1", 0, Some("09:30"), Some("15 min")),
            ("2", 0, Some("09:45"), None),
            ("2.1", 1, Some("09:45"), Some("50 min")),
        ]
    );
    let timing = "The agenda takes 1 h 5 min, from 09:30 to 10:35: it runs 5 min past the \
                  meeting's end at 10:30, from item 2.1 on.";
    assert_eq!(summary.agenda_timing.as_deref(), Some(timing));
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    let text = crate::report_pdf::pages(&pdf).concat();
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    for expected in [
        "1 09:30 15 min Opening remarks",
        "2 09:45 Capability coalitions",
        "2.1 09:45 50 min Air defence",
        timing,
    ] {
        assert!(
            text.contains(&squash(expected)),
            "missing {expected} in {text}"
        );
    }
}
