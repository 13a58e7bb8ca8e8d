use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ParticipantId;

/// A representative. People change office, so each role is dated: the
/// register must still say who spoke for whom on the day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub roles: Vec<Role>,
    pub notes: String,
}

/// One office held by a person on behalf of a participant.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Role {
    /// "Defence Secretary", "Chief of Defence", ...
    pub title: String,
    pub participant: ParticipantId,
    /// First day in office; `None` when not known.
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub from: Option<NaiveDate>,
    /// Last day in office; `None` while still in office.
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub to: Option<NaiveDate>,
    /// The office heads the participant's delegation (its minister, or the
    /// official who leads it at the coalition's sessions): the nation sheet
    /// names whoever holds it on the day as head of delegation.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub head_of_delegation: bool,
}

impl Role {
    /// Whether the role was held on `date` (both ends inclusive).
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }
}

impl Person {
    /// The role through which this person acted for `participant` on `date`.
    pub fn role_for(&self, participant: ParticipantId, date: NaiveDate) -> Option<&Role> {
        self.roles
            .iter()
            .find(|role| role.participant == participant && role.held_on(date))
    }

    /// The role held on `date`, for any participant; the newest if several.
    pub fn role_on(&self, date: NaiveDate) -> Option<&Role> {
        self.roles.iter().rev().find(|role| role.held_on(date))
    }

    /// A person first met as a delegate: `name`, holding `title` for
    /// `participant` from `from` (the meeting's date) on. `None` for a
    /// blank name, since the officer could not find the person again.
    pub fn delegate(
        name: &str,
        title: &str,
        participant: ParticipantId,
        from: NaiveDate,
    ) -> Option<Self> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        Some(Self {
            name: name.to_owned(),
            roles: vec![Role {
                title: title.trim().to_owned(),
                participant,
                from: Some(from),
                to: None,
                head_of_delegation: false,
            }],
            notes: String::new(),
        })
    }
}
