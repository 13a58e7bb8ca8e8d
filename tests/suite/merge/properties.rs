//! The merge over generated registers and random edits on two sides:
//! merging in an untouched copy changes nothing, merging into an untouched
//! copy gives the other, and no record or history entry either side has is
//! ever lost.

use chrono::NaiveDateTime;
use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::merge::merge;
use coalition_desk::model::*;
use proptest::prelude::*;

/// One change an office makes to its copy.
#[derive(Clone, Debug)]
pub(super) enum Change {
    Retitle(usize, String),
    Delete(usize),
    Step(usize, u32),
    AddCommitment(String),
    AddParticipant(String),
    Attend(usize, usize),
    Rename(String),
}

pub(super) fn change() -> impl Strategy<Value = Change> {
    let title = "[A-Z][a-z]{1,8}";
    prop_oneof![
        (any::<usize>(), title).prop_map(|(n, t)| Change::Retitle(n, t)),
        any::<usize>().prop_map(Change::Delete),
        (any::<usize>(), 0u32..400).prop_map(|(n, days)| Change::Step(n, days)),
        title.prop_map(Change::AddCommitment),
        title.prop_map(Change::AddParticipant),
        (any::<usize>(), any::<usize>()).prop_map(|(m, p)| Change::Attend(m, p)),
        title.prop_map(Change::Rename),
    ]
}

fn nth<K: Copy, V>(map: &std::collections::BTreeMap<K, V>, n: usize) -> Option<K> {
    map.keys().nth(n % map.len().max(1)).copied()
}

/// Makes `change` in `register`; a record added gets the register's next
/// number, or `first_id` when that is higher (a range of its own).
pub(super) fn apply(register: &mut Register, change: &Change, first_id: u64) {
    match change {
        Change::Retitle(n, title) => {
            if let Some(id) = nth(&register.commitments, *n) {
                register.commitments.get_mut(&id).unwrap().title = title.clone();
            }
        }
        Change::Delete(n) => {
            if let Some(id) = nth(&register.commitments, *n) {
                register.commitments.remove(&id);
            }
        }
        Change::Step(n, days) => {
            if let Some(id) = nth(&register.commitments, *n) {
                let on = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
                    + chrono::Days::new(u64::from(*days));
                let commitment = register.commitments.get_mut(&id).unwrap();
                commitment.change_status(CommitmentStatus::Committed, on, "Signed", None);
            }
        }
        Change::AddCommitment(title) => {
            let id = CommitmentId(register.fresh_id().max(first_id));
            let participant = nth(&register.participants, 0).unwrap();
            register.commitments.insert(
                id,
                Commitment {
                    participant,
                    title: title.clone(),
                    ..Commitment::default()
                },
            );
            register.next_id = id.0 + 1;
        }
        Change::AddParticipant(name) => {
            let id = ParticipantId(register.fresh_id().max(first_id));
            register.participants.insert(
                id,
                Participant {
                    name: name.clone(),
                    ..Participant::default()
                },
            );
            register.next_id = id.0 + 1;
        }
        Change::Attend(m, p) => {
            let (Some(meeting), Some(participant)) =
                (nth(&register.meetings, *m), nth(&register.participants, *p))
            else {
                return;
            };
            let meeting = register.meetings.get_mut(&meeting).unwrap();
            meeting.attendance.entry(participant).or_default().status = AttendanceStatus::Observer;
        }
        Change::Rename(name) => register.name = name.clone(),
    }
}

pub(super) fn now() -> NaiveDateTime {
    chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

pub(super) fn copies() -> impl Strategy<Value = (Register, Register, Register)> {
    (
        1u64..4,
        prop::collection::vec(change(), 0..8),
        prop::collection::vec(change(), 0..8),
    )
        .prop_map(|(seed, ours_changes, theirs_changes)| {
            let base = register(GenerateOptions {
                meetings: 4,
                commitments: 12,
                seed,
            });
            let mut ours = base.clone();
            for change in &ours_changes {
                apply(&mut ours, change, 0);
            }
            let mut theirs = base.clone();
            for change in &theirs_changes {
                apply(&mut theirs, change, 0);
            }
            (base, ours, theirs)
        })
}

/// Whether `merged` still has `side`'s commitment `id` (under its id, or
/// renumbered with its title and history), or keeps it in a conflict.
fn kept(merged: &Register, side: &Commitment, id: CommitmentId) -> bool {
    let in_conflict = merged
        .conflicts
        .iter()
        .any(|c| c.record == Some(Record::Commitment(id)) && c.field.is_empty());
    let here = merged
        .commitment(id)
        .is_some_and(|c| side.history.iter().all(|h| c.history.contains(h)));
    let renumbered = merged
        .commitments
        .values()
        .any(|c| c.title == side.title && c.history == side.history);
    here || renumbered || in_conflict
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merging_in_an_untouched_copy_keeps_ours((base, ours, _) in copies()) {
        let merged = merge(&base, &ours, &base, "LON", "PAR", now());
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(merged.register, ours);
    }

    #[test]
    fn merging_into_an_untouched_copy_gives_theirs((base, _, theirs) in copies()) {
        let merged = merge(&base, &base, &theirs, "LON", "PAR", now());
        prop_assert!(merged.conflicts.is_empty());
        prop_assert_eq!(merged.register, theirs);
    }

    #[test]
    fn merging_never_loses_a_record_or_a_history_entry((base, ours, theirs) in copies()) {
        let merged = merge(&base, &ours, &theirs, "LON", "PAR", now()).register;
        for (side, other) in [(&ours, &theirs), (&theirs, &ours)] {
            for (&id, commitment) in &side.commitments {
                // Deleted by the other side and untouched by this one: gone by rule.
                let deleted_by_other = !other.commitments.contains_key(&id)
                    && base.commitment(id) == Some(commitment);
                prop_assert!(
                    deleted_by_other || kept(&merged, commitment, id),
                    "commitment {} lost", id
                );
            }
            for participant in side.participants.values() {
                prop_assert!(
                    merged.participants.values().any(|p| p.name == participant.name),
                    "participant {} lost", participant.name
                );
            }
        }
    }
}
