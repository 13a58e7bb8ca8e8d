//! Stable record ids. A record keeps its id for life, so deleting or
//! re-sorting never re-points a reference.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
        )]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

record_id!(
    /// A nation or organisation taking part in the coalition.
    ParticipantId,
    "participant #"
);
record_id!(
    /// A representative who acts for a participant.
    PersonId,
    "person #"
);
record_id!(
    /// A run of regular sessions.
    SeriesId,
    "series #"
);
record_id!(
    /// One meeting, held or planned.
    MeetingId,
    "meeting #"
);
record_id!(
    /// One pledge by one participant.
    CommitmentId,
    "commitment #"
);
