use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::ids;
use super::{
    Commitment, CommitmentId, Conflict, Meeting, MeetingId, MergeMark, Participant, ParticipantId,
    Person, PersonId, SaveMark, SeriesId, SessionSeries,
};

/// The UK scheme, lowest first. NATO and EU levels can be added.
pub const DEFAULT_MARKINGS: [&str; 3] = ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"];

/// Drawn from the capability coalitions.
pub const DEFAULT_CAPABILITY_AREAS: [&str; 15] = [
    "Air",
    "Air & missile defence",
    "Maritime",
    "Land",
    "Artillery",
    "Armour",
    "Drones",
    "Demining",
    "IT/cyber",
    "Training",
    "Logistics",
    "Intelligence",
    "Medical",
    "Funding",
    "Other",
];

/// One coalition's register: everything kept in one file. Collections are
/// maps keyed by stable id, so the file is ordered and diffs cleanly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Register {
    /// The coalition's name, printed on every report.
    pub name: String,
    /// The coalition's short name for document references ("CoW").
    pub short_name: String,
    /// How a printed document's reference is built; see
    /// `document_references`.
    pub reference_pattern: String,
    /// Which register this is, made once when the register is created and
    /// kept by every copy of it, so that a merge can tell a copy of this
    /// register from another coalition's (which it refuses). Empty (and
    /// left out of the file) in a register made before identities, which
    /// any copy may be merged with, as before.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub identity: String,
    /// The short code of the office that keeps this copy ("LON"). New
    /// records get ids that carry it, so they never collide with records
    /// another office's copy adds. Empty (and left out of the file) in a
    /// copy that hands out plain numbers, as every copy did before.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub office: String,
    /// The next free serial: the number the next new record gets, alone
    /// or after the office's code. Ids are never reused, even after a
    /// delete.
    pub next_id: u64,
    /// Protective marking levels, lowest first.
    pub markings: Vec<String>,
    pub capability_areas: Vec<String>,
    #[serde(with = "super::unique_ids")]
    pub participants: BTreeMap<ParticipantId, Participant>,
    #[serde(with = "super::unique_ids")]
    pub people: BTreeMap<PersonId, Person>,
    #[serde(with = "super::unique_ids")]
    pub series: BTreeMap<SeriesId, SessionSeries>,
    #[serde(with = "super::unique_ids")]
    pub meetings: BTreeMap<MeetingId, Meeting>,
    #[serde(with = "super::unique_ids")]
    pub commitments: BTreeMap<CommitmentId, Commitment>,
    /// What a merge of two copies left for the officer to settle; empty
    /// (and left out of the file) when there is nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    /// The merges this copy came from, oldest first, each once: what
    /// tells `merge` that the copy given as the common copy of two others
    /// is older than the last one they had in common. Empty (and left out
    /// of the file) in a copy never merged, or written before merges were
    /// marked; such a copy merges as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<MergeMark>,
    /// The saves this copy comes from, by saving session (see
    /// `model::save_marks`): what tells `merge` that the copy given as the
    /// common copy of two others is not the last one they had in common.
    /// Empty (and left out of the file) in a copy never saved by a
    /// program that marks its saves; such a copy merges as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub saves: Vec<SaveMark>,
}

impl Default for Register {
    fn default() -> Self {
        Register {
            name: String::new(),
            short_name: String::new(),
            reference_pattern: super::DEFAULT_REFERENCE_PATTERN.to_string(),
            identity: String::new(),
            office: String::new(),
            next_id: 1,
            markings: DEFAULT_MARKINGS.iter().map(|m| m.to_string()).collect(),
            capability_areas: DEFAULT_CAPABILITY_AREAS
                .iter()
                .map(|a| a.to_string())
                .collect(),
            participants: BTreeMap::new(),
            people: BTreeMap::new(),
            series: BTreeMap::new(),
            meetings: BTreeMap::new(),
            commitments: BTreeMap::new(),
            conflicts: Vec::new(),
            merges: Vec::new(),
            saves: Vec::new(),
        }
    }
}

impl Register {
    /// An empty register with the default markings and capability areas.
    pub fn new(name: impl Into<String>) -> Self {
        Register {
            name: name.into(),
            ..Register::default()
        }
    }

    /// The id the next new record will get: the office's code and the
    /// next serial when the copy names its office, else a plain number.
    /// Adding the record (through an edit) moves the counter on.
    pub fn fresh_id(&self) -> u64 {
        let serial = self.fresh_serial(&self.office);
        // A code hand-edited into something else (which `check` reports)
        // hands out plain numbers rather than none.
        ids::office_id(&self.office, serial).unwrap_or(serial)
    }

    /// The next serial free for `office` (plain numbers when empty): past
    /// the counter, every plain number and every id of that office in use.
    pub fn fresh_serial(&self, office: &str) -> u64 {
        // Only the ends of the ranges that could collide are looked at, so
        // this stays a few tree lookups however large the register.
        fn past<K: Copy + Ord + From<u64> + Into<u64>, V>(
            map: &BTreeMap<K, V>,
            office: &str,
        ) -> u64 {
            let plain = map
                .range(..K::from(ids::FIRST_OFFICE_ID))
                .next_back()
                .map(|(&key, _)| key.into());
            let own = ids::office_range(office).and_then(|(first, last)| {
                map.range(K::from(first)..=K::from(last))
                    .next_back()
                    .map(|(&key, _)| ids::serial_of(key.into()))
            });
            plain.max(own).map_or(0, |serial| serial.saturating_add(1))
        }
        [
            past(&self.participants, office),
            past(&self.people, office),
            past(&self.series, office),
            past(&self.meetings, office),
            past(&self.commitments, office),
        ]
        .into_iter()
        .fold(self.next_id, u64::max)
    }

    /// The lowest level when the register has none (a hand-made file).
    pub fn lowest_marking(&self) -> &str {
        self.markings.first().map(String::as_str).unwrap_or("")
    }

    /// Rank of a marking level: higher means more protected. Unknown levels
    /// rank above every known one, so a typo never lowers a marking.
    pub fn marking_rank(&self, marking: &str) -> usize {
        self.markings
            .iter()
            .position(|level| level == marking)
            .unwrap_or(self.markings.len())
    }

    /// The highest of the given markings, by the register's order.
    pub fn highest_marking<'a>(
        &self,
        markings: impl IntoIterator<Item = &'a str>,
    ) -> Option<&'a str> {
        markings
            .into_iter()
            .filter(|m| !m.is_empty())
            .max_by_key(|m| self.marking_rank(m))
    }

    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.get(&id)
    }

    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.get(&id)
    }

    pub fn session_series(&self, id: SeriesId) -> Option<&SessionSeries> {
        self.series.get(&id)
    }

    pub fn meeting(&self, id: MeetingId) -> Option<&Meeting> {
        self.meetings.get(&id)
    }

    pub fn commitment(&self, id: CommitmentId) -> Option<&Commitment> {
        self.commitments.get(&id)
    }

    /// Meetings sorted by date, then start time, then id.
    pub fn meetings_by_date(&self) -> Vec<MeetingId> {
        let mut keyed: Vec<_> = self
            .meetings
            .iter()
            .map(|(id, m)| ((m.date, m.start, *id), *id))
            .collect();
        keyed.sort_unstable_by_key(|(key, _)| *key);
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    /// Participants sorted nations first, then by name.
    pub fn participants_by_name(&self) -> Vec<ParticipantId> {
        let mut keyed: Vec<_> = self
            .participants
            .iter()
            .map(|(id, p)| ((p.kind, p.name.to_lowercase(), *id), *id))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    /// People who hold (or held) a role for the participant, by name.
    pub fn people_of(&self, participant: ParticipantId) -> Vec<PersonId> {
        let mut keyed: Vec<_> = self
            .people
            .iter()
            .filter(|(_, person)| person.roles.iter().any(|r| r.participant == participant))
            .map(|(id, person)| ((person.name.to_lowercase(), *id), *id))
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, id)| id).collect()
    }

    /// Number of records of every kind, for the status bar and `check`.
    pub fn counts(&self) -> String {
        fn count(n: usize, one: &str, many: &str) -> String {
            format!("{n} {}", if n == 1 { one } else { many })
        }
        [
            count(self.participants.len(), "participant", "participants"),
            count(self.people.len(), "person", "people"),
            count(self.series.len(), "series", "series"),
            count(self.meetings.len(), "meeting", "meetings"),
            count(self.commitments.len(), "commitment", "commitments"),
        ]
        .join(", ")
    }
}
