//! Which merges each copy comes from, and the common copy that must hold
//! them. A merge whose result differs from both copies leaves a
//! [`MergeMark`] in it; every later merge keeps the marks of both copies.
//! Two copies that both hold a mark both come from that merge's result,
//! so their last common copy holds it too: a common copy given without it
//! is an older one, and merging from it would take what that merge
//! settled for changes made since (a record both copies now hold looks
//! added twice and is duplicated; an edit one office made since looks
//! like no change and is dropped).
//!
//! Only that is refused. A common copy holding a mark that one copy lacks
//! is not refused: git hands the driver such a base when it cherry-picks,
//! reverts or merges two common ancestors into one first, and it is then
//! the right one to merge from.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use chrono::NaiveDateTime;
use xxhash_rust::xxh3::Xxh3;

use crate::model::{MergeMark, Register, SaveMark, common_saves, united_saves};

/// A common copy older than the last copy the two copies had in common.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OlderBase {
    /// The latest merge both copies come from that the common copy given
    /// does not hold: the copy it made (or one made from it) is the one
    /// to merge from.
    pub expected: MergeMark,
}

impl fmt::Display for OlderBase {
    /// One sentence, the same on the command line and in the window.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "The common copy is older than the last copy the two copies had in common: both \
             come from {}, which the common copy does not hold, so merging from it would \
             duplicate records or drop the other office's edits",
            self.expected.described()
        )
    }
}

/// Whether `base` may be the last common copy of `ours` and `theirs`:
/// refused when both come from a merge that `base` does not hold. Copies
/// from before merges were marked hold none, and pass.
pub fn check_base(base: &Register, ours: &Register, theirs: &Register) -> Result<(), OlderBase> {
    if ours.merges.is_empty() || theirs.merges.is_empty() {
        return Ok(());
    }
    let in_theirs: BTreeSet<&str> = theirs.merges.iter().map(|m| m.mark.as_str()).collect();
    let in_base: BTreeSet<&str> = base.merges.iter().map(|m| m.mark.as_str()).collect();
    let missing = ours
        .merges
        .iter()
        .filter(|m| in_theirs.contains(m.mark.as_str()) && !in_base.contains(m.mark.as_str()))
        .max_by(|a, b| (a.merged, &a.mark).cmp(&(b.merged, &b.mark)));
    match missing {
        Some(expected) => Err(OlderBase {
            expected: expected.clone(),
        }),
        None => Ok(()),
    }
}

/// A common copy that is not the last copy the two copies had in common,
/// as the saves they come from tell (see `model::save_marks`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotLastCommon {
    /// The common copy holds a save that `missing_from` (OURS or THEIRS)
    /// does not come from: it is a later copy of one side, and merging
    /// from it drops that side's edits or takes back the other's.
    Later {
        save: SaveMark,
        missing_from: Side,
        expected: Option<SaveMark>,
    },
    /// Both copies come from a save the common copy does not hold: it is
    /// an older copy, and what both have since shared looks changed twice.
    Older {
        save: SaveMark,
        expected: Option<SaveMark>,
    },
}

/// One of the two copies merged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

impl NotLastCommon {
    /// The refusal as one sentence, the copies named `ours` and `theirs`
    /// (their files on the command line, "this copy" and the partner's in
    /// the window).
    pub fn sentence(&self, ours: &str, theirs: &str) -> String {
        let (what, expected) = match self {
            NotLastCommon::Later {
                save,
                missing_from,
                expected,
            } => {
                let missing = match missing_from {
                    Side::Ours => ours,
                    Side::Theirs => theirs,
                };
                (
                    format!(
                        "The common copy is not the last copy the two copies had in common: it \
                         holds {}, which {missing} does not come from, so it was made after the \
                         two copies parted, and merging from it would drop edits or take them \
                         back",
                        save.described()
                    ),
                    expected,
                )
            }
            NotLastCommon::Older { save, expected } => (
                format!(
                    "The common copy is older than the last copy the two copies had in common: \
                     both come from {}, which the common copy does not hold, so merging from it \
                     would duplicate records or drop the other office's edits",
                    save.described()
                ),
                expected,
            ),
        };
        match expected {
            Some(save) => format!(
                "{what}; the last copy both come from is the one {} made",
                save.described()
            ),
            None => format!(
                "{what}; the last copy both come from is one from before either copy's saves \
                 were marked"
            ),
        }
    }
}

/// Whether `base` holds exactly the saves the last copy `ours` and
/// `theirs` had in common holds: not one either copy lacks (a later
/// copy), and every one both hold (else an older copy). Copies whose
/// saves were never marked hold none and pass, as before.
pub fn check_saves(
    base: &Register,
    ours: &Register,
    theirs: &Register,
) -> Result<(), Box<NotLastCommon>> {
    // By session once, so that a copy holding a great many marks costs
    // a lookup each, not a scan.
    fn counts(register: &Register) -> BTreeMap<&str, u32> {
        register
            .saves
            .iter()
            .map(|save| (save.session.as_str(), save.saves))
            .collect()
    }
    let held = |counts: &BTreeMap<&str, u32>, save: &SaveMark| {
        counts.get(save.session.as_str()).copied().unwrap_or(0)
    };
    let common = common_saves(&ours.saves, &theirs.saves);
    let expected = common.iter().max_by_key(|save| save.saved).cloned();
    for (copy, side) in [(ours, Side::Ours), (theirs, Side::Theirs)] {
        let in_copy = counts(copy);
        if let Some(save) = base
            .saves
            .iter()
            .filter(|save| save.saves > held(&in_copy, save))
            .max_by_key(|save| save.saved)
        {
            return Err(Box::new(NotLastCommon::Later {
                save: save.clone(),
                missing_from: side,
                expected,
            }));
        }
    }
    let in_base = counts(base);
    match common
        .iter()
        .filter(|save| save.saves > held(&in_base, save))
        .max_by_key(|save| save.saved)
    {
        Some(save) => Err(Box::new(NotLastCommon::Older {
            save: save.clone(),
            expected,
        })),
        None => Ok(()),
    }
}

/// Gives `out`, merged from `ours` and `theirs` (from a common copy
/// holding `base_marks`), the marks of both copies, and a mark of its own
/// when it is a copy neither had: a merge that `took` nothing from theirs
/// left ours as it was, and one into an untouched copy gave theirs, and
/// neither made a new common copy. `likeness` says whether a register is
/// theirs and names the ids each copy holds (see `merge::finish`).
pub(super) fn mark(
    out: &mut Register,
    (ours, theirs): (&Register, &Register),
    took: bool,
    (like_theirs, held): super::Likeness<'_>,
    base_marks: &[MergeMark],
    offices: [&str; 2],
    now: NaiveDateTime,
) {
    let united = united(&ours.merges, &theirs.merges);
    let saves = united_saves(&ours.saves, &theirs.saves);
    let like_theirs = !took || {
        out.merges.clone_from(&theirs.merges);
        out.saves.clone_from(&theirs.saves);
        like_theirs(out)
    };
    out.merges = united;
    // The result comes from every save either copy came from.
    out.saves = saves;
    if like_theirs {
        return;
    }
    let mut offices: Vec<String> = offices.iter().map(|office| office.to_string()).collect();
    offices.sort();
    offices.dedup();
    let new = MergeMark {
        mark: fingerprint(out, ours, theirs, base_marks, &offices, now, held),
        merged: now,
        offices,
    };
    out.merges = united_with(std::mem::take(&mut out.merges), [new]);
}

/// Whether `out` is `theirs`: cheap differences first, the whole
/// comparison only when the result may well be theirs.
pub(super) fn plausibly_equal(out: &Register, theirs: &Register) -> bool {
    let plausible = out.next_id == theirs.next_id
        && out.conflicts.len() == theirs.conflicts.len()
        && out.participants.len() == theirs.participants.len()
        && out.people.len() == theirs.people.len()
        && out.series.len() == theirs.series.len()
        && out.meetings.len() == theirs.meetings.len()
        && out.commitments.len() == theirs.commitments.len();
    plausible && out == theirs
}

/// Whether `out` differs from `ours`, which it started as, in anything
/// but its records, whose changes a merge counts as it makes them.
pub(super) fn settings_differ(out: &Register, ours: &Register) -> bool {
    out.name != ours.name
        || out.short_name != ours.short_name
        || out.reference_pattern != ours.reference_pattern
        || out.identity != ours.identity
        || out.next_id != ours.next_id
        || out.markings != ours.markings
        || out.capability_areas != ours.capability_areas
        || out.conflicts != ours.conflicts
}

/// The marks of both lists, each once, oldest first.
fn united(ours: &[MergeMark], theirs: &[MergeMark]) -> Vec<MergeMark> {
    united_with(ours.to_vec(), theirs.iter().cloned())
}

fn united_with(first: Vec<MergeMark>, more: impl IntoIterator<Item = MergeMark>) -> Vec<MergeMark> {
    let mut by_mark: BTreeMap<String, MergeMark> = BTreeMap::new();
    for mark in first.into_iter().chain(more) {
        by_mark.entry(mark.mark.clone()).or_insert(mark);
    }
    let mut all: Vec<MergeMark> = by_mark.into_values().collect();
    all.sort_by(|a, b| (a.merged, &a.mark).cmp(&(b.merged, &b.mark)));
    all
}

/// A mark for this merge: from the register, when, the offices, the marks
/// each copy held and the ids each copy holds, so that two merges of
/// different copies never share one. It reads neither the clock nor any
/// randomness (the core may not), and it is the same whichever office
/// merges the same two copies, as their results are the same copy.
fn fingerprint(
    out: &Register,
    ours: &Register,
    theirs: &Register,
    base_marks: &[MergeMark],
    offices: &[String],
    now: NaiveDateTime,
    held: [u128; 2],
) -> String {
    fn text(hasher: &mut Xxh3, text: &str) {
        hasher.update(&(text.len() as u64).to_le_bytes());
        hasher.update(text.as_bytes());
    }
    let mut hasher = Xxh3::new();
    text(&mut hasher, &out.identity);
    text(&mut hasher, &now.format("%Y-%m-%dT%H:%M:%S").to_string());
    for office in offices {
        text(&mut hasher, office);
    }
    let marks_of = |marks: &[MergeMark]| -> String {
        marks
            .iter()
            .map(|m| m.mark.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut sides = [marks_of(&ours.merges), marks_of(&theirs.merges)];
    sides.sort();
    let [first, second] = sides;
    for side in [marks_of(base_marks), first, second] {
        text(&mut hasher, &side);
    }
    hasher.update(&out.next_id.to_le_bytes());
    // The ids each copy holds, not the result's: which of two sides a
    // conflict applies must not change the mark.
    let mut held = held;
    held.sort_unstable();
    for digest in held {
        hasher.update(&digest.to_le_bytes());
    }
    format!("{:032x}", hasher.digest128())
}

/// The ids a copy holds, every kind, as one number.
pub(super) fn ids_digest(register: &Register) -> u128 {
    digest(register.record_numbers())
}

/// The ids of each kind a copy holds, in order, for a copy not held
/// whole (`merge::apart`).
pub(super) struct Ids {
    pub participants: Vec<u64>,
    pub people: Vec<u64>,
    pub series: Vec<u64>,
    pub meetings: Vec<u64>,
    pub commitments: Vec<u64>,
}

/// [`ids_digest`] of the copy holding `ids`.
pub(super) fn ids_digest_of(ids: &Ids) -> u128 {
    digest(
        [
            &ids.participants,
            &ids.people,
            &ids.series,
            &ids.meetings,
            &ids.commitments,
        ]
        .into_iter()
        .flatten()
        .copied(),
    )
}

fn digest(ids: impl Iterator<Item = u64>) -> u128 {
    let mut hasher = Xxh3::new();
    for id in ids {
        hasher.update(&id.to_le_bytes());
    }
    hasher.digest128()
}
