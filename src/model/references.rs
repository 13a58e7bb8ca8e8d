//! Who refers to whom, so that a delete can say what it touches and the
//! edit that performs it can mend every reference in the same undo step.

use serde::{Deserialize, Serialize};

use super::{
    ActionOwner, CommitmentId, Meeting, MeetingId, ParticipantId, PersonId, Register, SeriesId,
};

/// Any record of the register that can be deleted. Written in the file
/// (in a merge's conflicts) as `Meeting(4)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Record {
    Participant(ParticipantId),
    Person(PersonId),
    Series(SeriesId),
    Meeting(MeetingId),
    Commitment(CommitmentId),
}

/// One place that refers to a record, in words the officer understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The record that holds the reference.
    pub holder: Record,
    /// E.g. "attendance at Defence ministers (2025-04-10)".
    pub description: String,
}

impl Register {
    /// Every place that refers to `target`, sorted by holder and wording.
    /// For a participant this includes the places that name people whose
    /// only roles are for it, since deleting it deletes them too.
    pub fn references_to(&self, target: Record) -> Vec<Reference> {
        let mut found = Vec::new();
        let mut add = |holder: Record, what: &str| {
            found.push(Reference {
                holder,
                description: format!("{what} of {}", self.describe(holder)),
            });
        };
        for (&id, person) in &self.people {
            if let Record::Participant(p) = target
                && person.roles.iter().any(|r| r.participant == p)
            {
                add(Record::Person(id), "a role");
            }
        }
        for (&id, series) in &self.series {
            if let Record::Participant(p) = target
                && series.convenors.contains(&p)
            {
                add(Record::Series(id), "the convenors");
            }
        }
        for (&id, meeting) in &self.meetings {
            for what in self.places_in_meeting(id, meeting, target) {
                add(Record::Meeting(id), what);
            }
        }
        for (&id, commitment) in &self.commitments {
            let holder = Record::Commitment(id);
            match target {
                Record::Participant(p) if commitment.participant == p => {
                    add(holder, "the participant");
                }
                Record::Meeting(m) => {
                    if commitment.announced_at == Some(m) {
                        add(holder, "the meeting where announced");
                    }
                    if commitment.history.iter().any(|h| h.meeting == Some(m)) {
                        add(holder, "the status history");
                    }
                }
                _ => {}
            }
        }
        if let Record::Participant(p) = target {
            for (&id, person) in &self.people {
                if !person.roles.is_empty() && person.roles.iter().all(|r| r.participant == p) {
                    let person = Record::Person(id);
                    for reference in self.references_to(person) {
                        found.push(Reference {
                            holder: reference.holder,
                            description: format!(
                                "{} ({} goes with it)",
                                reference.description,
                                self.describe(person)
                            ),
                        });
                    }
                }
            }
        }
        found.sort_by(|a, b| (a.holder, &a.description).cmp(&(b.holder, &b.description)));
        found
    }

    /// The places in meeting `id` that refer to `target`, as "the
    /// convenors", "the delegates", ...
    fn places_in_meeting(
        &self,
        id: MeetingId,
        meeting: &Meeting,
        target: Record,
    ) -> Vec<&'static str> {
        let attending = || meeting.attendance.values();
        let owns = |owner| meeting.actions.iter().any(|a| a.owner == Some(owner));
        let places: Vec<(bool, &'static str)> = match target {
            Record::Participant(p) => vec![
                (meeting.convenors.contains(&p), "the convenors"),
                (meeting.attendance.contains_key(&p), "the attendance"),
                (
                    attending().any(|a| a.represented_by == Some(p)),
                    "the representatives",
                ),
                (owns(ActionOwner::Participant(p)), "an action's owner"),
                // Kept as written: the record's history is not mended.
                (
                    meeting
                        .minutes
                        .history
                        .iter()
                        .any(|step| step.circulated_to.contains(&p)),
                    "the record's circulation list",
                ),
            ],
            Record::Person(person) => vec![
                (meeting.chairs.contains(&person), "the chairs"),
                (
                    attending().any(|a| a.delegates.contains(&person)),
                    "the delegates",
                ),
                (
                    attending().any(|a| a.stand_ins.contains(&person)),
                    "the stand-ins",
                ),
                (
                    meeting.agenda.iter().any(|item| item.lead == Some(person)),
                    "an agenda item's lead",
                ),
                (owns(ActionOwner::Person(person)), "an action's owner"),
            ],
            Record::Series(s) => vec![(meeting.series == Some(s), "the series")],
            Record::Meeting(m) => {
                // Either way round: an action carried to the meeting,
                // or one the meeting shows from the session it was
                // raised at, which goes with that session.
                let carried_from_target = self.meeting(m).is_some_and(|target| {
                    target.actions.iter().any(|a| a.carried_to.contains(&id))
                });
                let carried = meeting.actions.iter().any(|a| a.carried_to.contains(&m))
                    || carried_from_target;
                let approved = meeting
                    .minutes
                    .history
                    .iter()
                    .any(|step| step.approved_at == Some(m));
                vec![
                    (m != id && approved, "the record's approval"),
                    (m != id && carried, "the carried-over actions"),
                ]
            }
            Record::Commitment(_) => Vec::new(),
        };
        places
            .into_iter()
            .filter_map(|(refers, place)| refers.then_some(place))
            .collect()
    }
}
