//! The timeline's layout as pure functions, without a window: time to x,
//! lanes, axis labels, culling, hit-testing and the per-meeting figures.

use chrono::{NaiveDate, NaiveTime};
use coalition_desk::calendar::timeline::{
    Look, Mark, TickUnit, TimeAxis, axis_ticks, date_of, day_number, fit_all_days, item_at,
    participant_trace, step_selection, tick_unit, timeline_figures, visible_items,
};
use coalition_desk::model::{
    Attendance, AttendanceStatus, Commitment, CommitmentId, Meeting, MeetingId, MeetingState,
    ParticipantId, Register, SeriesId, SessionSeries,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn register() -> Register {
    let mut r = Register::new("Coalition");
    for (id, name) in [(1, "Zeta planning"), (2, "Defence ministers")] {
        r.series.insert(
            SeriesId(id),
            SessionSeries {
                name: name.into(),
                cadence: "FREQ=MONTHLY;BYMONTHDAY=1;COUNT=3".into(),
                first: Some(date(2025, 5, 1)),
                ..SessionSeries::default()
            },
        );
    }
    let meeting = |series, day, state| Meeting {
        title: "Session".into(),
        series,
        date: day,
        start: NaiveTime::from_hms_opt(12, 0, 0),
        state,
        ..Meeting::default()
    };
    let mut held = meeting(Some(SeriesId(2)), date(2025, 4, 10), MeetingState::Held);
    held.attendance
        .insert(ParticipantId(7), Attendance::default());
    held.attendance.insert(
        ParticipantId(8),
        Attendance {
            status: AttendanceStatus::Apologies,
            ..Attendance::default()
        },
    );
    r.meetings.insert(MeetingId(10), held);
    r.meetings.insert(
        MeetingId(11),
        meeting(None, date(2025, 3, 1), MeetingState::Cancelled),
    );
    r.meetings.insert(
        MeetingId(12),
        meeting(Some(SeriesId(99)), date(2025, 5, 1), MeetingState::Planned),
    );
    for (id, who) in [(20, 7), (21, 7), (22, 8)] {
        r.commitments.insert(
            CommitmentId(id),
            Commitment {
                participant: ParticipantId(who),
                announced_at: Some(MeetingId(10)),
                ..Commitment::default()
            },
        );
    }
    r
}

#[test]
fn lanes_are_series_by_name_then_one_offs_and_items_are_day_sorted() {
    let figures = timeline_figures(&register(), date(2025, 4, 15));
    let names: Vec<_> = figures.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        ["Defence ministers", "Zeta planning", "One-off meetings"]
    );
    assert!(figures.items.windows(2).all(|w| w[0].day <= w[1].day));
    let held = figures
        .items
        .iter()
        .find(|i| i.mark == Mark::Meeting(MeetingId(10)))
        .unwrap();
    assert_eq!(
        (held.lane, held.look, held.attendance, held.commitments),
        (0, Look::Held, 1, 3)
    );
    assert_eq!(
        held.day,
        day_number(date(2025, 4, 10)) + 0.5,
        "noon is half a day in"
    );
    let orphan = figures
        .items
        .iter()
        .find(|i| i.mark == Mark::Meeting(MeetingId(12)))
        .unwrap();
    assert_eq!(
        orphan.lane, 2,
        "a meeting of a missing series goes to the one-off lane"
    );
    let projected: Vec<_> = figures
        .items
        .iter()
        .filter(|i| i.look == Look::Projected)
        .map(|i| (i.lane, i.date))
        .collect();
    assert_eq!(projected.len(), 6, "three per series from today on");
    assert!(projected.contains(&(1, date(2025, 7, 1))));
}

#[test]
fn a_participant_trace_counts_attendance_and_own_commitments() {
    let trace = participant_trace(&register(), ParticipantId(8));
    assert!(trace.attended.is_empty(), "apologies is not attending");
    assert_eq!(trace.commitments.get(&MeetingId(10)), Some(&1));
}

#[test]
fn time_to_x_and_back_and_zoom_keeps_the_pointer_day() {
    let mut axis = TimeAxis {
        origin: 1000.0,
        px_per_day: 2.0,
    };
    assert_eq!(axis.x_of(1010.0), 20.0);
    assert_eq!(axis.day_at(20.0), 1010.0);
    axis.zoom_around(300.0, 4.0);
    assert_eq!(axis.px_per_day, 8.0);
    assert!((axis.day_at(300.0) - 1150.0).abs() < 1e-9);
    axis.pan(80.0);
    assert!(
        (axis.day_at(300.0) - 1140.0).abs() < 1e-9,
        "content moves right, earlier days show"
    );
    axis.zoom_around(0.0, 1e9);
    assert_eq!(
        axis.px_per_day,
        coalition_desk::calendar::timeline::MAX_PX_PER_DAY
    );
}

#[test]
fn fit_shows_both_ends_inside_the_width() {
    let axis = TimeAxis::fit(1000.0, 2000.0, 800.0);
    assert!(axis.x_of(1000.0) > 0.0 && axis.x_of(2000.0) < 800.0);
    let single = TimeAxis::fit(1000.0, 1000.0, 800.0);
    assert!(
        (single.x_of(1000.0) - 400.0).abs() < 1e-6,
        "one day sits in the middle"
    );
}

#[test]
fn labels_adapt_from_years_to_days() {
    assert_eq!(tick_unit(0.05), TickUnit::Years(5));
    assert_eq!(tick_unit(1.0), TickUnit::Months(3));
    assert_eq!(tick_unit(3.0), TickUnit::Months(1));
    assert_eq!(tick_unit(12.0), TickUnit::Weeks);
    assert_eq!(tick_unit(100.0), TickUnit::Days);
    let start = day_number(date(2025, 4, 1));
    let months = axis_ticks(
        &TimeAxis {
            origin: start,
            px_per_day: 3.0,
        },
        300.0,
    );
    let labels: Vec<_> = months.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Apr 2025", "May", "Jun", "Jul"]);
    let days = axis_ticks(
        &TimeAxis {
            origin: start,
            px_per_day: 100.0,
        },
        250.0,
    );
    let labels: Vec<_> = days.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["Tue 1 Apr 2025", "Wed 2", "Thu 3"]);
    assert!(days[0].major);
    let years = axis_ticks(
        &TimeAxis {
            origin: day_number(date(2020, 6, 1)),
            px_per_day: 0.3,
        },
        800.0,
    );
    assert_eq!(
        years.first().map(|t| t.label.as_str()),
        Some("2020"),
        "the year the left edge is in"
    );
    assert_eq!(years.len(), 8);
    assert_eq!(
        date_of(day_number(date(2025, 4, 10)) + 0.7),
        date(2025, 4, 10)
    );
}

#[test]
fn culling_keeps_only_items_on_screen() {
    let figures = timeline_figures(&register(), date(2025, 4, 15));
    let axis = TimeAxis {
        origin: day_number(date(2025, 4, 1)),
        px_per_day: 10.0,
    };
    let range = visible_items(&figures.items, &axis, 200.0, 0.0);
    let shown: Vec<_> = figures.items[range].iter().map(|i| i.mark).collect();
    assert_eq!(
        shown,
        [Mark::Meeting(MeetingId(10))],
        "20 days from 1 April"
    );
    let far = TimeAxis {
        origin: day_number(date(2030, 1, 1)),
        px_per_day: 10.0,
    };
    assert!(visible_items(&figures.items, &far, 200.0, 0.0).is_empty());
}

#[test]
fn hit_testing_finds_the_mark_in_its_lane_only() {
    let figures = timeline_figures(&register(), date(2025, 4, 15));
    let axis = TimeAxis {
        origin: day_number(date(2025, 4, 1)),
        px_per_day: 10.0,
    };
    let x = axis.x_of(day_number(date(2025, 4, 10)) + 0.5);
    let hit = item_at(&figures.items, &axis, x + 3.0, 0, 8.0).unwrap();
    assert_eq!(figures.items[hit].mark, Mark::Meeting(MeetingId(10)));
    assert_eq!(item_at(&figures.items, &axis, x, 1, 8.0), None);
    assert_eq!(item_at(&figures.items, &axis, x + 30.0, 0, 8.0), None);
}

#[test]
fn arrows_step_through_sessions_and_stop_at_the_ends() {
    assert_eq!(step_selection(0, None, true), None);
    assert_eq!(step_selection(3, None, true), Some(0));
    assert_eq!(step_selection(3, None, false), Some(2));
    assert_eq!(step_selection(3, Some(2), true), Some(2));
    assert_eq!(step_selection(3, Some(0), false), Some(0));
    assert_eq!(step_selection(3, Some(1), true), Some(2));
}

#[test]
fn at_week_scale_the_axis_says_the_year() {
    let weeks = axis_ticks(
        &TimeAxis {
            origin: day_number(date(2025, 12, 10)),
            px_per_day: 12.0,
        },
        600.0,
    );
    let labels: Vec<_> = weeks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "8 Dec 2025",
            "15 Dec",
            "22 Dec",
            "29 Dec",
            "5 Jan 2026",
            "12 Jan",
            "19 Jan",
            "26 Jan"
        ]
    );
}

#[test]
fn fit_all_fits_the_meetings_not_a_cadence_that_never_ends() {
    let mut r = register();
    // A cadence with no end projects two years ahead of today.
    if let Some(series) = r.series.get_mut(&SeriesId(2)) {
        series.cadence = "FREQ=WEEKLY".into();
    }
    let today = date(2025, 6, 1);
    let figures = timeline_figures(&r, today);
    assert!(
        figures.items.iter().any(|i| i.date > date(2027, 1, 1)),
        "projected sessions run on past 2027"
    );
    assert_eq!(
        fit_all_days(&figures, today),
        (
            day_number(date(2025, 3, 1)) + 0.5,
            day_number(date(2025, 5, 1)) + 0.5
        ),
        "the first and last meetings, held or planned"
    );
    let empty = timeline_figures(&Register::new("Empty"), today);
    assert_eq!(
        fit_all_days(&empty, today),
        (day_number(today) - 90.0, day_number(today) + 90.0)
    );
}
