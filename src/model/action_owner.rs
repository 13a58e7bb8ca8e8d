//! Who owes an action: a participant, a person or the secretariat itself.
//!
//! Files written before people and the secretariat could own an action
//! give the owner as a bare participant id (`owner: 1`); they still read,
//! as that participant.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

use super::{ParticipantId, PersonId, Register};

/// The owner of an action item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActionOwner {
    /// A nation or organisation, as a whole.
    Participant(ParticipantId),
    /// One person, by name.
    Person(PersonId),
    /// The coalition's own secretariat.
    Secretariat,
}

impl From<ParticipantId> for ActionOwner {
    fn from(id: ParticipantId) -> Self {
        ActionOwner::Participant(id)
    }
}

impl From<PersonId> for ActionOwner {
    fn from(id: PersonId) -> Self {
        ActionOwner::Person(id)
    }
}

impl Register {
    /// The owner as the officer names it: "France", "Olena Kovalenko",
    /// "Secretariat".
    pub fn owner_name(&self, owner: ActionOwner) -> String {
        match owner {
            ActionOwner::Participant(id) => self.participant_name(id),
            ActionOwner::Person(id) => self.person_name(id),
            ActionOwner::Secretariat => "Secretariat".to_owned(),
        }
    }

    /// The owner in a column of codes: a participant's code, a person's
    /// name, "Secretariat".
    pub fn owner_short_name(&self, owner: ActionOwner) -> String {
        match owner {
            ActionOwner::Participant(id) => self.participant_code(id),
            ActionOwner::Person(id) => self.person_name(id),
            ActionOwner::Secretariat => "Secretariat".to_owned(),
        }
    }

    /// Whether the owner is a record of this register (the secretariat
    /// always is).
    pub fn owner_exists(&self, owner: ActionOwner) -> bool {
        match owner {
            ActionOwner::Participant(id) => self.participant(id).is_some(),
            ActionOwner::Person(id) => self.person(id).is_some(),
            ActionOwner::Secretariat => true,
        }
    }
}

impl fmt::Display for ActionOwner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActionOwner::Participant(id) => id.fmt(f),
            ActionOwner::Person(id) => id.fmt(f),
            ActionOwner::Secretariat => f.write_str("the secretariat"),
        }
    }
}

/// Reads `owner`: `Participant(1)`, `Person(5)`, `Secretariat`, or the
/// bare participant id older files wrote.
pub(crate) fn optional_owner<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<ActionOwner>, D::Error> {
    Option::<OwnerInFile>::deserialize(deserializer).map(|owner| owner.map(|o| o.0))
}

struct OwnerInFile(ActionOwner);

/// How an owner is written, for messages.
const OWNER_FORM: &str = "an action's owner is written Participant(1), Person(5) or Secretariat (a bare number is a participant id; an office's id is written in quotes, Person(\"LON-5\"))";

impl<'de> Deserialize<'de> for OwnerInFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Buffered first, so a bare number and a named owner can both be
        // told apart from what the file holds.
        let value = Either::deserialize(deserializer).map_err(|_| de::Error::custom(OWNER_FORM))?;
        Ok(OwnerInFile(match value {
            Either::Id(id) => ActionOwner::Participant(ParticipantId(id)),
            Either::Named(owner) => owner,
        }))
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Either {
    Id(u64),
    Named(ActionOwner),
}
