//! The saves a copy of the register comes from. Each program that saves
//! a changed register (the window with one file open, one `approve`, one
//! `merge`) is a saving session with a random name, and numbers its saves
//! 1, 2, 3…; the copy keeps, for every session it comes from, how many of
//! its saves it holds. A merge keeps the larger count of each session.
//!
//! Why: a three-way merge is only right from the last copy both copies
//! had in common, and a file given as that copy may be a later copy of
//! one side (merging from it drops that side's edits or takes back the
//! other's) or an older one (what both have since shared looks changed
//! twice). Content cannot tell those from a fast-forward; the counts can.
//! The last common copy holds, of each session, the smaller of the two
//! copies' counts, and nothing else (see [`common_saves`]).
//!
//! Counts per session rather than a count per office or workstation: two
//! copies of one file edited on one workstation are two lines of saves,
//! and a session is one program with one file open, which saves one
//! after the other.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// How many saves of one saving session a copy holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SaveMark {
    /// The session's name: 16 hex digits, random, made when it first
    /// saved.
    pub session: String,
    /// How many of the session's saves the copy holds: the copy comes
    /// from its save of that number, and through it from the earlier ones.
    pub saves: u32,
    /// The office code of the copy that session saved (`office`), empty
    /// when it named none: for the officer reading a refusal.
    pub office: String,
    /// When that save was made, on the saving machine's clock: for the
    /// officer reading a refusal, never compared.
    #[serde(deserialize_with = "super::file_values::date_time")]
    pub saved: NaiveDateTime,
}

impl SaveMark {
    /// The save as an officer recognises it: "LON's save of 2025-05-02
    /// 10:15:00 (save 3 of session 4be1c0d9)"; the session's first digits
    /// tell apart two saves made in one minute, or by offices that name
    /// no code.
    pub fn described(&self) -> String {
        let whose = if self.office.is_empty() {
            "the save".to_string()
        } else {
            format!("{}'s save", self.office)
        };
        let session: String = self.session.chars().take(8).collect();
        format!(
            "{whose} of {} (save {} of session {session})",
            self.saved.format("%Y-%m-%d %H:%M:%S"),
            self.saves
        )
    }
}

/// The saves of both `a` and `b`: of each session, the mark holding more
/// saves. Ordered by session, so that equal lists mean equal lineages.
pub fn united_saves(a: &[SaveMark], b: &[SaveMark]) -> Vec<SaveMark> {
    let mut by_session: BTreeMap<&str, &SaveMark> = BTreeMap::new();
    for mark in a.iter().chain(b) {
        let kept = by_session.entry(&mark.session).or_insert(mark);
        if mark.saves > kept.saves {
            *kept = mark;
        }
    }
    by_session.into_values().cloned().collect()
}

/// The saves the last copy `a` and `b` had in common holds: of each
/// session both come from, the mark holding fewer saves (its time is that
/// save's, known from the copy that stopped there).
pub fn common_saves(a: &[SaveMark], b: &[SaveMark]) -> Vec<SaveMark> {
    let in_b: BTreeMap<&str, &SaveMark> = b.iter().map(|m| (m.session.as_str(), m)).collect();
    let mut common: Vec<SaveMark> = a
        .iter()
        .filter_map(|mark| {
            let other = in_b.get(mark.session.as_str())?;
            Some(if other.saves < mark.saves {
                (*other).clone()
            } else {
                mark.clone()
            })
        })
        .collect();
    common.sort_by(|x, y| x.session.cmp(&y.session));
    common
}

/// One program's saves of one file, numbered from 1. Its name is made by
/// the caller (the core has no randomness of its own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavingSession {
    name: String,
    saves: u32,
}

impl SavingSession {
    /// A session named `name` (16 hex digits, random) that has not saved.
    pub fn new(name: String) -> Self {
        SavingSession { name, saves: 0 }
    }

    /// Marks `marks` (the register's `saves`) as holding this session's
    /// next save, made `now` of a copy kept by `office`.
    pub fn mark_next(&mut self, marks: &mut Vec<SaveMark>, office: &str, now: NaiveDateTime) {
        self.saves = self.saves.saturating_add(1);
        let mark = SaveMark {
            session: self.name.clone(),
            saves: self.saves,
            office: office.to_string(),
            saved: now,
        };
        match marks.iter_mut().find(|m| m.session == self.name) {
            Some(kept) => *kept = mark,
            None => {
                let at = marks.partition_point(|m| m.session < self.name);
                marks.insert(at, mark);
            }
        }
    }
}
