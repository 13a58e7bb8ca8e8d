//! The generated session series and their meetings, held up to the day
//! the generated register stands on and planned after it.

use std::collections::{BTreeMap, VecDeque};

use chrono::{Days, NaiveDate, NaiveTime};

use crate::model::{
    ActionItem, ActionOwner, AgendaItem, Attendance, AttendanceStatus, Decision, Meeting,
    MeetingFormat, MeetingId, MeetingState, ParticipantId, Register, SeriesId, SessionSeries,
};

use super::Making;
use super::dice::Dice;
use super::participants::Holders;
use super::vocabulary::SERIES;

/// How many days of history the meetings are spread over.
const SPAN_DAYS: u64 = 3650;

/// One series per cadence in the vocabulary, all starting on the first day.
pub(super) fn series(making: &mut Making, participants: &[ParticipantId]) -> Vec<SeriesId> {
    let mut series_ids = Vec::new();
    for (name, short_name, cadence) in SERIES {
        let sid = SeriesId(making.ids.next());
        let mut series = SessionSeries {
            name: name.to_string(),
            short_name: short_name.to_string(),
            cadence: cadence.to_string(),
            first: Some(making.start),
            start: NaiveTime::from_hms_opt(10, 0, 0),
            end: NaiveTime::from_hms_opt(12, 30, 0),
            location: "Brussels".into(),
            format: MeetingFormat::Hybrid,
            convenors: participants.iter().take(2).copied().collect(),
            ..SessionSeries::default()
        };
        // The first session is the first day the cadence gives from the
        // start, not the start itself (`check` asks for that).
        let year = making.start + Days::new(366);
        series.first = crate::model::recurrence::occurrences(sid, &series, making.start, year)
            .ok()
            .and_then(|found| found.first().map(|o| o.date))
            .or(series.first);
        making.register.series.insert(sid, series);
        series_ids.push(sid);
    }
    series_ids
}

/// `count` meetings spread evenly over the span, most of them in a series
/// and then on the next day its cadence gives that no other session of it
/// has taken (`check` reports a series meeting off its cadence); a
/// meeting whose series has no such day left is a one-off. Returns each
/// meeting's id and date, for commitments to be announced at.
pub(super) fn meetings(
    making: &mut Making,
    count: usize,
    participants: &[ParticipantId],
    holders: &Holders,
    series_ids: &[SeriesId],
) -> Vec<(MeetingId, NaiveDate)> {
    let Making {
        register,
        dice,
        ids,
        start,
        now,
    } = making;
    let mut meeting_ids = Vec::new();
    let mut numbers: BTreeMap<SeriesId, u32> = BTreeMap::new();
    let span_end = *start + Days::new(SPAN_DAYS);
    let mut cadence_days = cadence_days(register, series_ids, *start, span_end);
    for n in 0..count {
        let mid = MeetingId(ids.next());
        let offset = (n as u64 * SPAN_DAYS) / count.max(1) as u64;
        let mut date = *start + Days::new(offset);
        let picked = (!dice.chance(10))
            .then(|| dice.pick(series_ids).copied())
            .flatten();
        let series = picked.and_then(|s| {
            let days = cadence_days.get_mut(&s)?;
            while days.front().is_some_and(|day| *day < date) {
                days.pop_front();
            }
            date = days.pop_front()?;
            Some(s)
        });
        let number = series.map(|s| {
            let count = numbers.entry(s).or_default();
            *count += 1;
            *count
        });
        let held = date < *now;
        let attendance = attendance(dice, participants, holders, date, held);
        let agenda = agenda();
        register.meetings.insert(
            mid,
            Meeting {
                title: match series.and_then(|s| register.series.get(&s)) {
                    Some(s) => s.name.clone(),
                    None => "Extraordinary session".into(),
                },
                series,
                number,
                date,
                start: NaiveTime::from_hms_opt(10, 0, 0),
                end: NaiveTime::from_hms_opt(12, 30, 0),
                location: "Brussels".into(),
                format: MeetingFormat::Hybrid,
                state: if held {
                    MeetingState::Held
                } else {
                    MeetingState::Planned
                },
                convenors: participants.iter().take(2).copied().collect(),
                attendance,
                agenda,
                decisions: vec![Decision {
                    text: "Continue to meet regularly.".into(),
                    marking: None,
                }],
                actions: vec![ActionItem {
                    text: "Circulate updated contribution tables".into(),
                    owner: participants.first().copied().map(ActionOwner::Participant),
                    due: Some(date + Days::new(14)),
                    done: held,
                    marking: None,
                    carried_to: Vec::new(),
                }],
                statement: "The coalition met to review progress on commitments.".into(),
                marking: "OFFICIAL".into(),
                ..Meeting::default()
            },
        );
        meeting_ids.push((mid, date));
    }
    meeting_ids
}

/// Each series' sessions from `start` to `end` as its cadence gives them,
/// the cancelled ones left out, earliest first.
fn cadence_days(
    register: &Register,
    series_ids: &[SeriesId],
    start: NaiveDate,
    end: NaiveDate,
) -> BTreeMap<SeriesId, VecDeque<NaiveDate>> {
    series_ids
        .iter()
        .map(|&sid| {
            let days = register
                .series
                .get(&sid)
                .and_then(|s| crate::model::recurrence::occurrences(sid, s, start, end).ok())
                .unwrap_or_default()
                .into_iter()
                .filter(|o| !o.cancelled)
                .map(|o| o.date)
                .collect();
            (sid, days)
        })
        .collect()
}

/// Every generated meeting's agenda: four timed items.
fn agenda() -> Vec<AgendaItem> {
    (1..=4)
        .map(|item| AgendaItem {
            title: format!("Agenda item {item}: capability review"),
            lead: None,
            notes: "Discussion of national contributions and delivery timelines.".into(),
            outcome: "Noted; secretariat to follow up.".into(),
            minutes: Some(30),
            marking: None,
            ..AgendaItem::default()
        })
        .collect()
}

/// Most participants come to a meeting, sent by whoever holds office that
/// day; a held meeting records who came, a planned one who is expected.
fn attendance(
    dice: &mut Dice,
    participants: &[ParticipantId],
    holders: &Holders,
    date: NaiveDate,
    held: bool,
) -> BTreeMap<ParticipantId, Attendance> {
    let mut attendance = BTreeMap::new();
    for &participant in participants {
        if dice.chance(15) {
            continue;
        }
        let status = match (dice.below(20), held) {
            (0, _) => AttendanceStatus::Apologies,
            (1, true) => AttendanceStatus::Represented,
            (2, true) => AttendanceStatus::Observer,
            (_, true) => AttendanceStatus::Present,
            // Who is expected at a session not yet held.
            (1 | 2, false) => AttendanceStatus::Invited,
            (_, false) => AttendanceStatus::Confirmed,
        };
        let delegates = holders
            .get(&participant)
            .and_then(|line| {
                line.iter()
                    .find(|(_, from, to)| *from <= date && to.is_none_or(|to| date <= to))
            })
            .filter(|_| status != AttendanceStatus::Apologies)
            .map(|(person, _, _)| vec![*person])
            .unwrap_or_default();
        attendance.insert(
            participant,
            Attendance {
                status,
                delegates,
                ..Attendance::default()
            },
        );
    }
    attendance
}
