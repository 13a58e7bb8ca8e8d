//! An action carried over to later sessions stays one action. It lives in
//! the meeting where it was raised, which lists the sessions it was
//! carried to (`ActionItem::carried_to`); a later session shows it from
//! there. Marking it done once therefore closes it everywhere it appears,
//! and every count (dashboard, search, documents) meets it once. An
//! approved record keeps its carried actions as they stood when it was
//! approved (`Meeting::carried_as_approved`).

use chrono::{NaiveDate, NaiveTime};

use super::{ActionItem, CarriedAction, Meeting, MeetingId, MeetingState, Register, SeriesId};

/// Where an action lives: the meeting it was raised in and its place in
/// that meeting's actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ActionAt {
    pub meeting: MeetingId,
    pub index: usize,
}

/// A carried-over action as a later session shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct CarriedOver {
    /// The meeting it was raised in.
    pub from: MeetingId,
    /// Where it lives, while it still does: where its "done" is kept.
    pub at: Option<ActionAt>,
    /// Text, owner, due date and marking as the session shows them (as
    /// approved, or as they stand); done as it stands where it lives.
    pub action: ActionItem,
}

impl Register {
    /// The session of `series` before `date` whose open actions the next
    /// session takes up: the latest one not cancelled.
    pub fn session_before(&self, series: SeriesId, date: NaiveDate) -> Option<MeetingId> {
        self.meetings
            .iter()
            .filter(|(_, m)| m.series == Some(series) && m.date < date)
            .filter(|(_, m)| m.state != MeetingState::Cancelled)
            .max_by_key(|(id, m)| (m.date, m.start, **id))
            .map(|(id, _)| *id)
    }

    /// The action at `at`, if it is still there.
    pub fn action(&self, at: ActionAt) -> Option<&ActionItem> {
        self.meeting(at.meeting)?.actions.get(at.index)
    }

    /// Where the actions carried over to meeting `id` live, the earliest
    /// meeting first and each meeting's in its order.
    pub fn carried_into(&self, id: MeetingId) -> Vec<ActionAt> {
        let mut found: Vec<((NaiveDate, Option<NaiveTime>), ActionAt)> = Vec::new();
        for (&from, meeting) in &self.meetings {
            if from == id {
                continue;
            }
            for (index, action) in meeting.actions.iter().enumerate() {
                if action.carried_to.contains(&id) {
                    let at = ActionAt {
                        meeting: from,
                        index,
                    };
                    found.push(((meeting.date, meeting.start), at));
                }
            }
        }
        found.sort();
        found.into_iter().map(|(_, at)| at).collect()
    }

    /// The carried-over actions meeting `id` shows: an approved record's
    /// as it approved them, any other's as they stand. Whether each is
    /// done is follow-up, not the record, so it is always as it stands
    /// where the action lives.
    pub fn carried_over(&self, id: MeetingId) -> Vec<CarriedOver> {
        let Some(meeting) = self.meeting(id) else {
            return Vec::new();
        };
        let live = self.carried_into(id);
        if !meeting.minutes.is_locked() {
            return live
                .into_iter()
                .filter_map(|at| {
                    let origin = self.meeting(at.meeting)?;
                    let action = origin.actions.get(at.index)?;
                    Some(CarriedOver {
                        from: at.meeting,
                        at: Some(at),
                        action: as_carried(origin, action),
                    })
                })
                .collect();
        }
        // The record's entries and the live actions from one meeting are
        // in the same order, so each entry pairs with the next unpaired.
        let mut paired = vec![false; live.len()];
        meeting
            .carried_as_approved
            .iter()
            .map(|entry| {
                let at = live
                    .iter()
                    .zip(paired.iter_mut())
                    .find(|(at, used)| !**used && at.meeting == entry.from)
                    .map(|(at, used)| {
                        *used = true;
                        *at
                    });
                let mut action = entry.action.clone();
                if let Some(now) = at.and_then(|at| self.action(at)) {
                    action.done = now.done;
                }
                CarriedOver {
                    from: entry.from,
                    at,
                    action,
                }
            })
            .collect()
    }

    /// The carried actions of meeting `id` as they stand, for its record
    /// to keep when it is approved.
    pub fn carried_as_they_stand(&self, id: MeetingId) -> Vec<CarriedAction> {
        self.carried_into(id)
            .into_iter()
            .filter_map(|at| {
                let origin = self.meeting(at.meeting)?;
                let action = origin.actions.get(at.index)?;
                Some(CarriedAction {
                    from: at.meeting,
                    action: as_carried(origin, action),
                })
            })
            .collect()
    }

    /// The actions a session after `previous` takes up: the ones raised
    /// there and the ones carried to it, as long as they are open.
    pub fn actions_to_carry(&self, previous: MeetingId) -> Vec<ActionAt> {
        let Some(meeting) = self.meeting(previous) else {
            return Vec::new();
        };
        let mut open: Vec<ActionAt> = self
            .carried_into(previous)
            .into_iter()
            .filter(|at| self.action(*at).is_some_and(|a| !a.done))
            .collect();
        open.extend(
            meeting
                .actions
                .iter()
                .enumerate()
                .filter(|(_, a)| !a.done)
                .map(|(index, _)| ActionAt {
                    meeting: previous,
                    index,
                }),
        );
        open
    }

    /// A session as a carried action names it: "No. 2 (3 December 2026)",
    /// or by title where it has no number.
    pub fn session_name(&self, id: MeetingId) -> String {
        let Some(meeting) = self.meeting(id) else {
            return "an earlier session".into();
        };
        let date = meeting.date.format("%-d %B %Y");
        match meeting.number {
            Some(number) => format!("No. {number} ({date})"),
            None if meeting.title.trim().is_empty() => format!("the session of {date}"),
            None => format!("\u{201c}{}\u{201d} ({date})", meeting.title.trim()),
        }
    }

    /// "carried over from No. 2 (3 December 2026)".
    pub fn carried_from(&self, from: MeetingId) -> String {
        format!("carried over from {}", self.session_name(from))
    }
}

impl Meeting {
    /// The actions the record shows, in its order: those carried over as
    /// approved, then its own. What an approved record fixes.
    pub fn recorded_actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.carried_as_approved
            .iter()
            .map(|entry| &entry.action)
            .chain(&self.actions)
    }
}

/// `action` of `origin` as a later session shows it: with the marking it
/// carries there written out, and without the sessions it went to.
pub fn as_carried(origin: &Meeting, action: &ActionItem) -> ActionItem {
    ActionItem {
        marking: Some(origin.part_marking(&action.marking).to_string()),
        carried_to: Vec::new(),
        ..action.clone()
    }
}
