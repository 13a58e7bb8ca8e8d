//! The rule that two meetings' documents never carry the same reference:
//! a reference names one document in the archive, in every language
//! edition, so two records under one reference cannot be told apart.
//!
//! A meeting's reference depends only on its series, number, date and
//! state and on the register's settings: the same things that decide the
//! numbering of its series, so the problem cache rechecks the whole
//! register whenever one of them moves (document/problems.rs), and a
//! meeting rechecked alone finds its clash by one pass over the others.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Meeting, MeetingId, Record, Register};

/// For each meeting whose reference an earlier meeting's documents already
/// carry: the reference, and that earlier meeting. The earliest of a
/// group is left alone, so each clash is reported once per later meeting.
pub(super) struct SharedReferences {
    later: BTreeMap<MeetingId, (String, MeetingId)>,
}

/// The order in which meetings claim a reference: by date, then by id.
type Claim = (NaiveDate, MeetingId);

impl SharedReferences {
    /// The clashes among every meeting of the register.
    pub(super) fn of_register(register: &Register) -> Self {
        let mut by_reference: BTreeMap<String, Vec<Claim>> = BTreeMap::new();
        for (&id, meeting) in &register.meetings {
            if let Some(reference) = reference_of(register, id, meeting) {
                by_reference
                    .entry(reference)
                    .or_default()
                    .push((meeting.date, id));
            }
        }
        let mut later = BTreeMap::new();
        for (reference, mut claims) in by_reference {
            claims.sort_unstable();
            if let Some((&(_, first), rest)) = claims.split_first() {
                for &(_, id) in rest {
                    later.insert(id, (reference.clone(), first));
                }
            }
        }
        SharedReferences { later }
    }

    /// Whether meeting `id` alone shares an earlier meeting's reference.
    pub(super) fn of_meeting(register: &Register, id: MeetingId) -> Self {
        let mut later = BTreeMap::new();
        if let Some(meeting) = register.meeting(id)
            && let Some(reference) = reference_of(register, id, meeting)
        {
            let mine = (meeting.date, id);
            let first = register
                .meetings
                .iter()
                .filter(|&(&other, m)| {
                    other != id && (m.date, other) < mine && m.counts_in_numbering()
                })
                .filter(|&(&other, m)| {
                    reference_of(register, other, m).as_deref() == Some(reference.as_str())
                })
                .map(|(&other, m)| (m.date, other))
                .min();
            if let Some((_, first)) = first {
                later.insert(id, (reference, first));
            }
        }
        SharedReferences { later }
    }

    /// What is wrong with meeting `id`'s reference, worded to follow its
    /// label. The earlier meeting is named by its series and date only:
    /// those are what a change to it rechecks every meeting for.
    pub(super) fn problem(&self, register: &Register, id: MeetingId) -> Option<String> {
        let (reference, first) = self.later.get(&id)?;
        let meeting = register.meeting(id)?;
        let earlier = register.meeting(*first)?;
        let earlier_series = earlier.series;
        let earlier = match earlier.series {
            Some(series) if register.session_series(series).is_some() => format!(
                "the session of {} on {}",
                register.mentioned(Record::Series(series)),
                earlier.date
            ),
            _ => format!("the meeting on {}", earlier.date),
        };
        let unnamed_series = meeting
            .series
            .filter(|&series| Some(series) != earlier_series)
            .and_then(|series| register.session_series(series).map(|s| (series, s)))
            .filter(|(_, s)| s.short_name.trim().is_empty());
        let mend = match (unnamed_series, meeting.series, meeting.number) {
            // Two series without short names print their sessions alike.
            (Some((series, _)), _, _) => format!(
                "give {} a short name",
                register.mentioned(Record::Series(series))
            ),
            (None, Some(_), None) => "give it its number in the series".to_string(),
            (None, Some(_), Some(_)) => "give it its own number in the series".to_string(),
            (None, None, _) => "make it a session of a series".to_string(),
        };
        Some(format!(
            "would print under the reference {reference}, which the documents of {earlier} \
             already carry: two documents never share a reference, so {mend} or change the \
             register's reference pattern"
        ))
    }
}

/// The reference meeting `id`'s documents carry before any revision, when
/// they carry one: a cancelled or postponed meeting passes its number to
/// the session held in its place, and a pattern that cannot be read is a
/// problem of its own.
fn reference_of(register: &Register, id: MeetingId, meeting: &Meeting) -> Option<String> {
    if !meeting.counts_in_numbering() {
        return None;
    }
    register
        .meeting_reference(id, None)?
        .ok()
        .filter(|reference| !reference.trim().is_empty())
}
