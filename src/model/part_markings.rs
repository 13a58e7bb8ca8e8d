//! The parts of a meeting's record that may carry a marking of their own:
//! agenda items, decisions, action items and the restricted notes. A part
//! with no marking of its own carries the meeting's, so a register written
//! before parts were marked prints as it did. A printed record carries the
//! highest marking of the parts it includes, and an edition releasable at a
//! level leaves out the parts marked higher.

use super::validation::OnProblem;
use super::{Field, Meeting, MeetingId, Record, Register};

impl Meeting {
    /// The marking a part carries: its own, or the meeting's when it has
    /// none (a blank one counts as none: the editor never writes it).
    pub fn part_marking<'a>(&'a self, own: &'a Option<String>) -> &'a str {
        match own {
            Some(marking) if !marking.trim().is_empty() => marking,
            _ => &self.marking,
        }
    }

    /// Every part that may be marked apart from the meeting, where it is
    /// and its own marking (`None`: the meeting's). The restricted notes
    /// count only when there are some.
    pub fn marked_parts(&self) -> Vec<(Field, &Option<String>)> {
        let agenda = self
            .agenda
            .iter()
            .enumerate()
            .map(|(n, item)| (Field::Agenda(n), &item.marking));
        let decisions = self
            .decisions
            .iter()
            .enumerate()
            .map(|(n, decision)| (Field::Decision(n), &decision.marking));
        let actions = self
            .actions
            .iter()
            .enumerate()
            .map(|(n, action)| (Field::Action(n), &action.marking));
        let restricted = (!self.restricted_notes.trim().is_empty())
            .then_some((Field::RestrictedNotes, &self.restricted_marking));
        agenda
            .chain(decisions)
            .chain(actions)
            .chain(restricted)
            .collect()
    }
}

/// A part of a meeting as the officer names it: "agenda item 2",
/// "decision 1", "action 3", "the restricted notes".
pub fn part_name(field: Field) -> String {
    match field {
        Field::Agenda(n) => format!("agenda item {}", n + 1),
        Field::Decision(n) => format!("decision {}", n + 1),
        Field::Action(n) => format!("action {}", n + 1),
        Field::RestrictedNotes => "the restricted notes".into(),
        _ => "a part of the record".into(),
    }
}

impl Register {
    /// Why the parts of `record` (a meeting) carry markings a document
    /// cannot be ranked by, one sentence a part; empty for any other
    /// record and when every part's own marking is one of the levels.
    pub fn part_marking_refusals(&self, record: Record) -> Vec<String> {
        let Record::Meeting(id) = record else {
            return Vec::new();
        };
        let Some(meeting) = self.meeting(id) else {
            return Vec::new();
        };
        let levels = self.markings.join(", ");
        self.unknown_part_markings(meeting)
            .into_iter()
            .map(|(field, marking)| {
                format!(
                    "{}: {} is marked \u{201c}{marking}\u{201d}, which is not one of the \
                     register's levels ({levels}), so the document's marking cannot be worked out",
                    self.known_as(record),
                    part_name(field)
                )
            })
            .collect()
    }

    /// The parts of a meeting whose own marking is not a level of the
    /// register, with that marking.
    fn unknown_part_markings(&self, meeting: &Meeting) -> Vec<(Field, String)> {
        meeting
            .marked_parts()
            .into_iter()
            .filter_map(|(field, own)| {
                let marking = own.as_deref().filter(|m| !m.trim().is_empty())?;
                (!self.markings.iter().any(|level| level == marking))
                    .then(|| (field, marking.to_string()))
            })
            .collect()
    }

    /// `check`'s words for a part marked with something that is not a
    /// level, at the part, so the editor opens on it.
    pub(super) fn check_part_markings(
        &self,
        label: impl std::fmt::Display,
        id: MeetingId,
        meeting: &Meeting,
        report: &mut impl OnProblem,
    ) {
        if self.markings.is_empty() {
            // "The register has no marking levels" says it once.
            return;
        }
        for (field, marking) in self.unknown_part_markings(meeting) {
            report(
                Some(Record::Meeting(id)),
                Some(field),
                format!(
                    "{label}: {} is marked \"{marking}\", which is not one of the register's \
                     marking levels",
                    part_name(field)
                ),
            );
        }
    }
}
