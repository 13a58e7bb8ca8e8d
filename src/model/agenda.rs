//! The agenda as a secretariat writes it: items numbered 1, 2, 2.1 …,
//! moved together with their sub-items, and timed from the meeting's
//! start. The file keeps each item's level; the numbers and the times are
//! worked out here, never stored, so a move can never leave a stale one.

use chrono::{NaiveTime, TimeDelta};

use super::{AgendaItem, Meeting};

/// The deepest level an item can sit at: 0 is an item ("2"), 1 a
/// sub-item ("2.1"), 2 a sub-item of a sub-item ("2.1.1"). Agendas
/// deeper than that are not written.
pub const DEEPEST_LEVEL: u8 = 2;

/// Each item's level as numbered. A file written by hand may say any
/// level; an item is never numbered deeper than one below the item
/// before it (the first item is at the top), nor past
/// [`DEEPEST_LEVEL`].
pub fn agenda_levels(agenda: &[AgendaItem]) -> Vec<u8> {
    let mut levels: Vec<u8> = Vec::with_capacity(agenda.len());
    for item in agenda {
        let most = levels.last().map_or(0, |&before| before + 1);
        levels.push(item.level.min(most).min(DEEPEST_LEVEL));
    }
    levels
}

/// Each item's number: "1", "2", "2.1", "2.2", "3" …
pub fn agenda_numbers(agenda: &[AgendaItem]) -> Vec<String> {
    let mut counters: Vec<u32> = Vec::new();
    agenda_levels(agenda)
        .into_iter()
        .map(|level| {
            let depth = usize::from(level) + 1;
            counters.truncate(depth);
            counters.resize(depth, 0);
            if let Some(last) = counters.last_mut() {
                *last += 1;
            }
            let parts: Vec<String> = counters.iter().map(u32::to_string).collect();
            parts.join(".")
        })
        .collect()
}

/// A change to the agenda's order or outline. Each moves an item with its
/// sub-items, which always go where their item goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaMove {
    /// Above the item before it at the same level, under the same parent.
    Up(usize),
    /// Below the item after it at the same level, under the same parent.
    Down(usize),
    /// One level in: a sub-item of the item above it.
    Indent(usize),
    /// One level out, staying where it is; the sub-items after it at its
    /// old level become its own.
    Outdent(usize),
    /// Just before `target`, at the target's level (a drag and drop).
    Before { item: usize, target: usize },
    /// Just after `target` and its sub-items, at the target's level.
    After { item: usize, target: usize },
}

/// Where the sub-items of item `i` end: the place of the first item after
/// it that is not one of them.
fn block_end(levels: &[u8], i: usize) -> usize {
    let Some(&level) = levels.get(i) else {
        return i;
    };
    levels
        .iter()
        .enumerate()
        .skip(i + 1)
        .find(|&(_, &l)| l <= level)
        .map_or(levels.len(), |(j, _)| j)
}

/// The item before `i` at its level under the same parent.
fn sibling_before(levels: &[u8], i: usize) -> Option<usize> {
    let level = *levels.get(i)?;
    let (j, &l) = levels
        .iter()
        .enumerate()
        .take(i)
        .rev()
        .find(|&(_, &l)| l <= level)?;
    (l == level).then_some(j)
}

/// The item after `i` (and its sub-items) at its level under the same parent.
fn sibling_after(levels: &[u8], i: usize) -> Option<usize> {
    let level = *levels.get(i)?;
    let j = block_end(levels, i);
    (levels.get(j) == Some(&level)).then_some(j)
}

/// Whether the move can be made: the buttons that cannot are greyed.
pub fn can_move(agenda: &[AgendaItem], change: AgendaMove) -> bool {
    let levels = agenda_levels(agenda);
    match change {
        AgendaMove::Up(i) => sibling_before(&levels, i).is_some(),
        AgendaMove::Down(i) => sibling_after(&levels, i).is_some(),
        AgendaMove::Indent(i) => can_indent(&levels, i),
        AgendaMove::Outdent(i) => levels.get(i).is_some_and(|&level| level > 0),
        AgendaMove::Before { item, target } | AgendaMove::After { item, target } => {
            let mut trial = agenda.to_vec();
            as_numbered(&mut trial, &levels);
            let after = matches!(change, AgendaMove::After { .. });
            place(&mut trial, &levels, item, target, after)
        }
    }
}

/// Whether item `i` can become a sub-item of the item above it: that item
/// is at its level or deeper, and no sub-item of its own would sink past
/// the deepest level.
fn can_indent(levels: &[u8], i: usize) -> bool {
    let above = i.checked_sub(1).and_then(|j| levels.get(j));
    let (Some(&level), Some(&above)) = (levels.get(i), above) else {
        return false;
    };
    let deepest = levels
        .get(i..block_end(levels, i))
        .and_then(|block| block.iter().max().copied());
    level <= above && deepest.is_some_and(|d| d < DEEPEST_LEVEL)
}

/// Sets every item to the level it is numbered at, so what the officer
/// sees is what moves.
fn as_numbered(agenda: &mut [AgendaItem], levels: &[u8]) {
    for (item, level) in agenda.iter_mut().zip(levels) {
        item.level = *level;
    }
}

/// Makes the move, renumbering by the way; returns whether anything moved.
/// A move that cannot be made (the first item up, an item dropped on one
/// of its own sub-items) leaves the agenda as it was.
pub fn move_agenda_item(agenda: &mut Vec<AgendaItem>, change: AgendaMove) -> bool {
    if !can_move(agenda, change) {
        return false;
    }
    let levels = agenda_levels(agenda);
    as_numbered(agenda, &levels);
    match change {
        AgendaMove::Up(i) => {
            let Some(before) = sibling_before(&levels, i) else {
                return false;
            };
            let end = block_end(&levels, i);
            match agenda.get_mut(before..end) {
                Some(span) => span.rotate_left(i - before),
                None => return false,
            }
            true
        }
        AgendaMove::Down(i) => match sibling_after(&levels, i) {
            Some(after) => move_agenda_item(agenda, AgendaMove::Up(after)),
            None => false,
        },
        AgendaMove::Indent(i) => shift(agenda, i..block_end(&levels, i), 1),
        AgendaMove::Outdent(i) => shift(agenda, i..block_end(&levels, i), -1),
        AgendaMove::Before { item, target } => place(agenda, &levels, item, target, false),
        AgendaMove::After { item, target } => place(agenda, &levels, item, target, true),
    }
}

/// Moves the items in `span` `by` levels in or out.
fn shift(agenda: &mut [AgendaItem], span: std::ops::Range<usize>, by: i16) -> bool {
    let Some(items) = agenda.get_mut(span) else {
        return false;
    };
    for item in items {
        let level = (i16::from(item.level) + by).clamp(0, i16::from(DEEPEST_LEVEL));
        item.level = u8::try_from(level).unwrap_or(0);
    }
    true
}

/// Takes item `item` and its sub-items out and puts them before `target`,
/// or after the target's own sub-items, at the target's level.
fn place(
    agenda: &mut Vec<AgendaItem>,
    levels: &[u8],
    item: usize,
    target: usize,
    after: bool,
) -> bool {
    let end = block_end(levels, item);
    let (Some(&from), Some(&to)) = (levels.get(item), levels.get(target)) else {
        return false;
    };
    if (item..end).contains(&target) {
        return false;
    }
    let before = agenda.clone();
    let mut block: Vec<AgendaItem> = agenda.drain(item..end).collect();
    let target = if target > item {
        target - block.len()
    } else {
        target
    };
    let at = if after {
        block_end(&agenda_levels(agenda), target)
    } else {
        target
    };
    let deepest = block.iter().map(|i| i.level).max().unwrap_or(from);
    // The block keeps its shape; one that would sink past the deepest
    // level keeps its shape by sitting as deep as it can.
    let by = i16::from(to) - i16::from(from);
    let by = by.min(i16::from(DEEPEST_LEVEL) - i16::from(deepest));
    let len = block.len();
    shift(&mut block, 0..len, by);
    let tail = agenda.split_off(at.min(agenda.len()));
    agenda.extend(block);
    agenda.extend(tail);
    *agenda != before
}

/// When each item is planned to start, and how the whole agenda fits the
/// meeting's times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaSchedule {
    /// Each item's planned start; `None` when the meeting has no start time.
    pub starts: Vec<Option<NaiveTime>>,
    /// The planned minutes of every item together.
    pub total_minutes: u32,
    /// When the last item is planned to end.
    pub planned_end: Option<NaiveTime>,
    /// How far the agenda runs past the meeting's end, when it does.
    pub overrun: Option<Overrun>,
}

/// An agenda planned to run past the meeting's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overrun {
    pub minutes: u32,
    /// The first item planned to end after the meeting does.
    pub from_item: usize,
    pub meeting_end: NaiveTime,
}

/// Plans the agenda from the meeting's start: each item starts when the
/// items before it have had their minutes. An item without minutes takes
/// none (a heading over its sub-items, say).
pub fn agenda_schedule(meeting: &Meeting) -> AgendaSchedule {
    let mut offsets = Vec::with_capacity(meeting.agenda.len());
    let mut total: u32 = 0;
    for item in &meeting.agenda {
        offsets.push(total);
        total = total.saturating_add(item.minutes.map_or(0, u32::from));
    }
    let at = |minutes: u32| {
        meeting.start.map(|start| {
            start
                .overflowing_add_signed(TimeDelta::minutes(i64::from(minutes)))
                .0
        })
    };
    let length = match (meeting.start, meeting.end) {
        (Some(start), Some(end)) if end > start => u32::try_from((end - start).num_minutes()).ok(),
        _ => None,
    };
    let overrun = match (length, meeting.end) {
        (Some(length), Some(meeting_end)) if total > length => {
            let from_item = meeting
                .agenda
                .iter()
                .zip(&offsets)
                .position(|(item, &offset)| {
                    offset.saturating_add(item.minutes.map_or(0, u32::from)) > length
                })
                .unwrap_or(0);
            Some(Overrun {
                minutes: total - length,
                from_item,
                meeting_end,
            })
        }
        _ => None,
    };
    AgendaSchedule {
        starts: offsets.iter().map(|&offset| at(offset)).collect(),
        total_minutes: total,
        planned_end: at(total),
        overrun,
    }
}

/// A length of time as an agenda gives it: "45 min", "2 h", "2 h 25 min".
pub fn minutes_text(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// The time an agenda is planned, in a sentence: "The agenda takes 2 h 25
/// min, from 09:30 to 11:55." and, when it overruns, by how much. None
/// while no item has minutes.
pub fn agenda_timing(meeting: &Meeting) -> Option<String> {
    let schedule = agenda_schedule(meeting);
    if schedule.total_minutes == 0 {
        return None;
    }
    let total = minutes_text(schedule.total_minutes);
    let hm = |t: NaiveTime| t.format("%H:%M").to_string();
    let span = match (meeting.start, schedule.planned_end) {
        (Some(start), Some(end)) => format!(", from {} to {}", hm(start), hm(end)),
        _ => String::new(),
    };
    let overrun = schedule
        .overrun
        .map(|overrun| format!(": it {}", overrun_text(meeting, overrun)))
        .unwrap_or_default();
    Some(format!("The agenda takes {total}{span}{overrun}."))
}

/// "runs 25 min past the meeting's end at 12:00, from item 2.1 on", to
/// end a sentence about the agenda.
pub fn overrun_text(meeting: &Meeting, overrun: Overrun) -> String {
    let numbers = agenda_numbers(&meeting.agenda);
    let from = numbers
        .get(overrun.from_item)
        .map(|n| format!(", from item {n} on"))
        .unwrap_or_default();
    format!(
        "runs {} past the meeting's end at {}{from}",
        minutes_text(overrun.minutes),
        overrun.meeting_end.format("%H:%M")
    )
}
