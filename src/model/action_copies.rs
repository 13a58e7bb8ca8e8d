//! Copies of one action. Files written before an action carried over
//! stayed one action hold, in each later session of a series, a copy of
//! every action still open in the session before. They open as they were;
//! `check` names each group of copies once, at its last copy, and the
//! officer makes them one (`edit::make_actions_one`).

use std::collections::{BTreeMap, BTreeSet};

use super::carried::ActionAt;
use super::{ActionItem, Field, MeetingId, MeetingState, Problem, Record, Register, SeriesId};

/// One action written again in each later session: where each copy is,
/// oldest first, the first being where it was raised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyGroup {
    pub copies: Vec<ActionAt>,
}

/// Whether `copy` reads as a copy of `action`: what carrying it over
/// copied, and what no one changes on a copy without meaning another
/// action (its text, owner and due date).
fn same_action(action: &ActionItem, copy: &ActionItem) -> bool {
    action.due == copy.due
        && action.owner == copy.owner
        && !action.text.trim().is_empty()
        && action.text.trim() == copy.text.trim()
}

/// The sessions of one series as actions were carried between them: for
/// each, the session before it whose open actions it took up.
struct Carrying {
    before: BTreeMap<MeetingId, MeetingId>,
}

impl Carrying {
    fn of(register: &Register, series: SeriesId) -> Self {
        let mut sessions: Vec<_> = register
            .meetings
            .iter()
            .filter(|(_, m)| m.series == Some(series))
            .map(|(&id, m)| ((m.date, m.start, id), m.state != MeetingState::Cancelled))
            .collect();
        sessions.sort_unstable();
        let mut before = BTreeMap::new();
        // The latest session not cancelled on an earlier day, as
        // `Register::session_before` chooses it.
        let mut latest: Option<MeetingId> = None;
        let mut pending: Option<MeetingId> = None;
        let mut day = None;
        for ((date, _, id), counts) in sessions {
            if day != Some(date) {
                if pending.is_some() {
                    latest = pending;
                }
                pending = None;
                day = Some(date);
            }
            if let Some(previous) = latest {
                before.insert(id, previous);
            }
            if counts {
                pending = Some(id);
            }
        }
        Carrying { before }
    }

    fn after(&self, id: MeetingId) -> impl Iterator<Item = MeetingId> + '_ {
        self.before
            .iter()
            .filter(move |(_, previous)| **previous == id)
            .map(|(next, _)| *next)
    }
}

impl Register {
    /// The copies of the action at `at`, when there are any: the same
    /// action written in the sessions before and after it, each the
    /// session the next took its open actions from. `None` for an action
    /// written once.
    pub fn copy_group(&self, at: ActionAt) -> Option<CopyGroup> {
        let meeting = self.meeting(at.meeting)?;
        let action = meeting.actions.get(at.index)?;
        let series = meeting.series?;
        // Most actions are written once: a look for a twin in the series
        // spares ordering its sessions (`check` asks for every action).
        let twin = self.meetings.iter().any(|(&other, m)| {
            other != at.meeting
                && m.series == Some(series)
                && m.actions.iter().any(|a| same_action(action, a))
        });
        if !twin {
            return None;
        }
        let carrying = Carrying::of(self, series);
        let find = |id: MeetingId| {
            let index = self
                .meeting(id)?
                .actions
                .iter()
                .position(|a| same_action(action, a))?;
            Some(ActionAt { meeting: id, index })
        };
        let mut copies = vec![at];
        let mut here = at.meeting;
        while let Some(copy) = carrying.before.get(&here).and_then(|&id| find(id)) {
            copies.insert(0, copy);
            here = copy.meeting;
        }
        here = at.meeting;
        while let Some(copy) = carrying.after(here).find_map(find) {
            copies.push(copy);
            here = copy.meeting;
        }
        (copies.len() > 1).then_some(CopyGroup { copies })
    }

    /// The groups of copies whose last copy is in meeting `id`, each
    /// once: where `check` names them.
    pub fn copy_groups_ending_in(&self, id: MeetingId) -> Vec<CopyGroup> {
        let Some(meeting) = self.meeting(id) else {
            return Vec::new();
        };
        if meeting.series.is_none() || meeting.actions.is_empty() {
            return Vec::new();
        }
        let mut groups: Vec<CopyGroup> = Vec::new();
        for index in 0..meeting.actions.len() {
            let at = ActionAt { meeting: id, index };
            if let Some(group) = self.copy_group(at)
                && group.copies.last() == Some(&at)
                && !groups.contains(&group)
            {
                groups.push(group);
            }
        }
        groups
    }

    /// Every group of copies, by the meeting of its last copy: what
    /// [`Register::copy_groups_ending_in`] gives for each meeting, found
    /// in one pass over each series (`check` of a large register would
    /// otherwise look through the series once per action).
    pub(super) fn copy_groups_by_meeting(&self) -> BTreeMap<MeetingId, Vec<CopyGroup>> {
        let series: BTreeSet<SeriesId> = self.meetings.values().filter_map(|m| m.series).collect();
        let mut found: BTreeMap<MeetingId, Vec<CopyGroup>> = BTreeMap::new();
        for series in series {
            let carrying = Carrying::of(self, series);
            let mut order: Vec<_> = self
                .meetings
                .iter()
                .filter(|(_, m)| m.series == Some(series))
                .map(|(&id, m)| ((m.date, m.start, id), m))
                .collect();
            order.sort_unstable_by_key(|(key, _)| *key);
            // The copies so far of each action, and the actions a later
            // session copied again.
            let mut chains: BTreeMap<ActionAt, Vec<ActionAt>> = BTreeMap::new();
            let mut continued: BTreeSet<ActionAt> = BTreeSet::new();
            for ((_, _, id), meeting) in order {
                let previous = carrying
                    .before
                    .get(&id)
                    .and_then(|&p| Some((p, self.meeting(p)?)));
                for (index, action) in meeting.actions.iter().enumerate() {
                    let mut chain = Vec::new();
                    if let Some((p, earlier)) = previous {
                        let mut same = earlier
                            .actions
                            .iter()
                            .enumerate()
                            .filter(|(_, a)| same_action(action, a))
                            .map(|(k, _)| ActionAt {
                                meeting: p,
                                index: k,
                            })
                            .peekable();
                        if let Some(first) = same.peek() {
                            chain = chains.get(first).cloned().unwrap_or_else(|| vec![*first]);
                        }
                        continued.extend(same);
                    }
                    let at = ActionAt { meeting: id, index };
                    chain.push(at);
                    chains.insert(at, chain);
                }
            }
            for (at, copies) in chains {
                if copies.len() > 1 && !continued.contains(&at) {
                    found
                        .entry(at.meeting)
                        .or_default()
                        .push(CopyGroup { copies });
                }
            }
        }
        found
    }

    /// What `check` says of a group of copies whose last is in meeting
    /// `id`: one sentence, at that copy. Reported after the meeting's
    /// other problems, by `validate` and by a meeting checked alone.
    pub(super) fn copies_problem(&self, id: MeetingId, group: &CopyGroup) -> Option<Problem> {
        let last = group.copies.last()?;
        Some(Problem {
            record: Some(Record::Meeting(id)),
            field: Some(Field::Action(last.index)),
            message: self.copies_sentence(group)?,
        })
    }

    /// The sentence `check` gives for a group of copies.
    pub(super) fn copies_sentence(&self, group: &CopyGroup) -> Option<String> {
        let last = group.copies.last()?;
        let action = self.action(*last)?;
        let label = self.named(Record::Meeting(last.meeting));
        let sessions: Vec<String> = group
            .copies
            .iter()
            .map(|at| self.session_name(at.meeting))
            .collect();
        let (earlier, final_one) = sessions.split_at(sessions.len().saturating_sub(1));
        Some(format!(
            "{label}: action {} \u{201c}{}\u{201d} is written {} times, in {} and {}, as \
             copies carried from session to session; make them one action with \
             \u{201c}Make one action\u{201d} under its action items",
            last.index + 1,
            action.text.trim(),
            group.copies.len(),
            earlier.join(", "),
            final_one.join(""),
        ))
    }
}
