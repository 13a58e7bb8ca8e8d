//! The register: one coalition's records. Plain data, no I/O and no UI.

mod commitment;
mod ids;
mod meeting;
mod participant;
mod person;
mod record_problems;
mod references;
mod register;
mod series;
pub(crate) mod text_values;
pub(crate) mod unique_ids;
mod validation;
mod workflow;

pub use commitment::{
    Commitment, CommitmentStatus, Delivery, Money, Quantity, Route, StatusChange,
};
pub use ids::{CommitmentId, MeetingId, ParticipantId, PersonId, SeriesId};
pub use meeting::{
    ActionItem, AgendaItem, Attendance, AttendanceStatus, Decision, Meeting, MeetingFormat,
    MeetingState,
};
pub use participant::{Participant, ParticipantKind};
pub use person::{Person, Role};
pub use references::{Record, Reference};
pub use register::{DEFAULT_CAPABILITY_AREAS, DEFAULT_MARKINGS, Register};
pub use series::{OccurrenceChange, SeriesException, SessionSeries};
pub use validation::Problem;
pub use workflow::{StatusMove, WorkflowError};
