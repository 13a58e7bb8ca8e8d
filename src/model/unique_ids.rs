//! Reading a map of records refuses an id that appears twice: a plain map
//! would keep the last record and silently drop the first, which in a
//! hand-edited file is data lost without a word. An id that two records of
//! different kinds share is found once the register is read
//! (`Register::shared_ids`) and refused by storage likewise.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::{
    CommitmentId, MeetingId, ParticipantId, PersonId, Record, Register, SeriesId, id_text,
    record_number,
};

/// `#[serde(with = "unique_ids")]` for the register's record maps.
pub fn deserialize<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Records<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for Records<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a map of records keyed by id")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut records = BTreeMap::new();
            while let Some(id) = map.next_key::<K>()? {
                let record = map.next_value::<V>()?;
                match records.entry(id) {
                    Entry::Vacant(slot) => {
                        slot.insert(record);
                    }
                    Entry::Occupied(slot) => {
                        return Err(serde::de::Error::custom(format!(
                            "{} appears twice; every record needs its own id",
                            slot.key()
                        )));
                    }
                }
            }
            Ok(records)
        }
    }

    deserializer.deserialize_map(Records(PhantomData))
}

/// Writes the map as usual (in id order).
pub fn serialize<S, K, V>(records: &BTreeMap<K, V>, serializer: S) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    K: Serialize,
    V: Serialize,
{
    records.serialize(serializer)
}

/// The kinds of record, each in its own map but all numbered from one
/// counter, so an id names one record of the register whatever its kind.
#[derive(Clone, Copy)]
enum Kind {
    Participant,
    Person,
    Series,
    Meeting,
    Commitment,
}

const KINDS: [Kind; 5] = [
    Kind::Participant,
    Kind::Person,
    Kind::Series,
    Kind::Meeting,
    Kind::Commitment,
];

impl Register {
    fn count_of(&self, kind: Kind) -> usize {
        match kind {
            Kind::Participant => self.participants.len(),
            Kind::Person => self.people.len(),
            Kind::Series => self.series.len(),
            Kind::Meeting => self.meetings.len(),
            Kind::Commitment => self.commitments.len(),
        }
    }

    fn ids_of(&self, kind: Kind) -> Box<dyn Iterator<Item = u64> + '_> {
        match kind {
            Kind::Participant => Box::new(self.participants.keys().map(|id| id.0)),
            Kind::Person => Box::new(self.people.keys().map(|id| id.0)),
            Kind::Series => Box::new(self.series.keys().map(|id| id.0)),
            Kind::Meeting => Box::new(self.meetings.keys().map(|id| id.0)),
            Kind::Commitment => Box::new(self.commitments.keys().map(|id| id.0)),
        }
    }

    fn record_of(&self, kind: Kind, raw: u64) -> Option<Record> {
        let record = match kind {
            Kind::Participant => Record::Participant(ParticipantId(raw)),
            Kind::Person => Record::Person(PersonId(raw)),
            Kind::Series => Record::Series(SeriesId(raw)),
            Kind::Meeting => Record::Meeting(MeetingId(raw)),
            Kind::Commitment => Record::Commitment(CommitmentId(raw)),
        };
        let there = match record {
            Record::Participant(id) => self.participants.contains_key(&id),
            Record::Person(id) => self.people.contains_key(&id),
            Record::Series(id) => self.series.contains_key(&id),
            Record::Meeting(id) => self.meetings.contains_key(&id),
            Record::Commitment(id) => self.commitments.contains_key(&id),
        };
        there.then_some(record)
    }

    /// Every pair of records of different kinds that share an id, in id
    /// order. The register's references name a kind as well as an id, so
    /// nothing is confused by it; but the format promises every record an
    /// id of its own, and a file typed by hand that breaks the promise is
    /// refused as one with an id twice in a map is. Each smaller map is
    /// looked up in the larger, so a large register costs a few lookups
    /// per meeting, participant and person.
    pub fn shared_ids(&self) -> Vec<(Record, Record)> {
        let mut shared = Vec::new();
        for (n, &first) in KINDS.iter().enumerate() {
            for &second in KINDS.iter().skip(n + 1) {
                let fewer = if self.count_of(first) <= self.count_of(second) {
                    first
                } else {
                    second
                };
                for raw in self.ids_of(fewer) {
                    if let (Some(a), Some(b)) =
                        (self.record_of(first, raw), self.record_of(second, raw))
                    {
                        shared.push((a, b));
                    }
                }
            }
        }
        shared.sort_by_key(|&(a, b)| (record_number(a), a, b));
        shared
    }

    /// The number of every record of every kind, participants first, each
    /// map in id order.
    pub fn record_numbers(&self) -> impl Iterator<Item = u64> + '_ {
        self.participants
            .keys()
            .map(|id| id.0)
            .chain(self.people.keys().map(|id| id.0))
            .chain(self.series.keys().map(|id| id.0))
            .chain(self.meetings.keys().map(|id| id.0))
            .chain(self.commitments.keys().map(|id| id.0))
    }

    /// Why the register cannot be opened as it is because two records share
    /// an id, naming the first such pair; `None` when every id is its own.
    pub fn shared_id_problem(&self) -> Option<String> {
        let shared = self.shared_ids();
        let (first, second) = *shared.first()?;
        let more = match shared.len() - 1 {
            0 => String::new(),
            1 => " (one more id is shared likewise)".to_string(),
            n => format!(" ({n} more ids are shared likewise)"),
        };
        Some(format!(
            "The id {} is used by two records, {} and {}: every record needs an id no other \
             record uses, so give one of them another (the next free one is {}) and change \
             what refers to it{more}",
            id_text(record_number(first)),
            self.with_kind(first),
            self.with_kind(second),
            id_text(self.fresh_id()),
        ))
    }

    /// A record named inside a sentence with its kind: a participant or a
    /// person is otherwise named by its name alone.
    fn with_kind(&self, record: Record) -> String {
        let words = self.mentioned(record).to_string();
        let kind = match record {
            Record::Participant(_) => "participant",
            Record::Person(_) => "person",
            _ => return words,
        };
        if words.starts_with("the ") || words.starts_with("a ") {
            words
        } else {
            format!("the {kind} {words}")
        }
    }
}
