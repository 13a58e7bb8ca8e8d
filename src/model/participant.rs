use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Whether a participant is a state or an international organisation; the
/// printed attendance lists nations first, then organisations.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ParticipantKind {
    #[default]
    Nation,
    Organisation,
}

impl ParticipantKind {
    pub const ALL: [ParticipantKind; 2] = [ParticipantKind::Nation, ParticipantKind::Organisation];

    pub fn label(self) -> &'static str {
        match self {
            ParticipantKind::Nation => "Nation",
            ParticipantKind::Organisation => "Organisation",
        }
    }
}

/// A nation or an organisation that takes part in the coalition.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    /// ISO 3166 alpha-3 for nations (`GBR`), a short code such as `NATO`
    /// or `EU-COM` for organisations. Unique within the register.
    pub code: String,
    pub kind: ParticipantKind,
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub joined: Option<NaiveDate>,
    pub notes: String,
    /// What the secretariat means to raise with this participant, printed
    /// on its nation sheet and on no other document. Left out of the file
    /// when empty, so files from before it read and write as they were.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub points_to_raise: String,
    /// The points' own protective marking, one of the register's levels;
    /// `None` is the register's lowest level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points_marking: Option<String>,
}
