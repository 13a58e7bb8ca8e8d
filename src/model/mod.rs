//! The register: one coalition's records. Plain data, no I/O and no UI.

mod action_copies;
mod action_owner;
pub mod agenda;
mod agenda_purpose;
pub mod amounts;
mod carried;
mod commitment;
mod commitment_problems;
mod conflict;
mod currencies;
mod delivery_problems;
mod document_references;
mod fields;
pub(crate) mod file_values;
pub mod hidden_characters;
mod ids;
mod markings;
mod meeting;
mod merge_marks;
mod minutes_life;
mod minutes_life_problems;
mod minutes_moves;
mod naming;
mod on_behalf_problems;
mod part_markings;
mod participant;
mod person;
mod progress;
mod record_problems;
pub mod recurrence;
mod reference_clashes;
mod references;
mod register;
mod save_marks;
mod series;
mod session_numbers;
pub mod text_limits;
pub mod totals;
pub mod typed_values;
pub(crate) mod unique_ids;
mod validation;
mod value_error;
pub(crate) mod value_problems;
mod workflow;

pub use action_copies::CopyGroup;
pub use action_owner::ActionOwner;
pub use agenda_purpose::AgendaPurpose;
pub use carried::{ActionAt, CarriedOver, as_carried};
pub use commitment::{
    Commitment, CommitmentStatus, Delivery, Money, Quantity, Route, StatusChange,
};
pub use conflict::{Conflict, record_number};
pub use currencies::{ISO_4217_CODES, is_iso_4217};
pub use document_references::{
    DEFAULT_REFERENCE_PATTERN, PatternError, REFERENCE_PLACEHOLDERS, ReferenceValues,
    check_reference_pattern, expand_reference,
};
pub use fields::Field;
pub use ids::{
    CommitmentId, ID_FORM, MAX_SERIAL, MeetingId, OFFICE_CODE_MAX, OFFICE_CODE_MIN, ParticipantId,
    PersonId, SeriesId, check_office_code, id_text, is_office_code, office_id, office_of, parse_id,
    serial_of, with_serial,
};
pub use meeting::{
    ActionItem, AgendaItem, Attendance, AttendanceStatus, CarriedAction, Decision, Meeting,
    MeetingFormat, MeetingState,
};
pub use merge_marks::MergeMark;
pub use minutes_life::{FieldChange, MinutesLife, MinutesState, MinutesStep, Revision};
pub use minutes_moves::{MinutesError, MinutesMove, MinutesPlace};
pub use naming::{KnownAs, NOT_IN_THE_REGISTER};
pub use part_markings::part_name;
pub use participant::{Participant, ParticipantKind};
pub use person::{Person, Role};
pub use progress::{MoneyTotals, money_totals};
pub use references::{Record, Reference};
pub use register::{DEFAULT_CAPABILITY_AREAS, DEFAULT_MARKINGS, Register};
pub use save_marks::{SaveMark, SavingSession, common_saves, united_saves};
pub use series::{OccurrenceChange, SeriesException, SessionSeries};
pub use validation::Problem;
pub use value_error::ValueError;
pub use workflow::{StatusMove, WorkflowError};
