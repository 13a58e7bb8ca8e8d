//! Reports as plain data, then as PDF. `meeting_summary` and
//! `attendance_record` read the register and return values a test can
//! compare in full and the window can preview; `PrintEngine` typesets those
//! same values with typst. No egui here.

mod agenda;
mod attendance;
mod clearance;
mod edition;
mod format;
mod glyphs;
mod head;
mod long_words;
mod minutes;
mod pack;
mod pages;
mod pdf;
mod pending;
mod sheet;
mod since;
mod since_money;
mod summary;
mod summary_actions;
mod summary_attendance;
mod summary_commitments;
mod summary_movements;

pub use attendance::{AttendanceRecord, AttendanceRow, Presence, SessionColumn, attendance_record};
pub use clearance::Clearance;
pub use edition::{Edition, EditionParts, edition_parts, unknown_level};
pub use head::{DocumentHead, DocumentOptions};
pub use minutes::{ChangeLine, MinutesStanding, minutes_revision, minutes_standing, revision_mark};
pub use pack::{InvitedDelegation, MeetingPack, PackAgendaItem, PreviousMinutes, meeting_pack};
pub use pages::{PagePixels, TypesetReport};
pub use pdf::PrintEngine;
pub use pending::{ActionDue, CommitmentDue, ParticipantDues};
pub use sheet::{
    DUE_SOON_DAYS, GridCell, LastSession, Listed, MOST_LISTED, MOST_ON_A_SHEET, NationSheet,
    NationSheets, SESSIONS_IN_GRID, SeriesAttendance, StageLine, nation_sheets,
    nation_sheets_going_on,
};
pub use since::{
    ActionEntry, AttendanceChange, ChangeEntry, MoneyChange, SinceReport, since_report,
};
pub use summary::{AgendaLine, MeetingDetails, MeetingSummary, SummaryOptions, meeting_summary};
pub use summary_actions::ActionLine;
pub use summary_attendance::{AttendanceGroup, AttendanceLine, Delegate, stand_in_on};
pub use summary_commitments::{CommitmentLine, CurrencyTotal, MoneyLine};
pub use summary_movements::MovementLine;

use serde::{Deserialize, Serialize};

use crate::model::{MeetingId, ParticipantId, SeriesId};

/// The sheet size a report is typeset on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Paper {
    #[default]
    A4,
    /// US Letter, for partners who print on it.
    Letter,
}

impl Paper {
    /// Both sizes, for pickers.
    pub const ALL: [Paper; 2] = [Paper::A4, Paper::Letter];

    /// The name on a picker.
    pub fn label(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "US Letter",
        }
    }
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("There is no {0} in the register")]
    NoSuchMeeting(MeetingId),
    #[error("There is no {0} in the register")]
    NoSuchSeries(SeriesId),
    #[error("There is no {0} in the register")]
    NoSuchParticipant(ParticipantId),
    /// The document would misstate its marking; each line says why.
    #[error("The document cannot be printed:\n  {}", .0.join("\n  "))]
    Refused(Vec<String>),
    /// No such edition of the record: the level is unknown, or below the
    /// meeting's own marking.
    #[error("{0}")]
    Edition(String),
    /// A total past the largest decimal.
    #[error(transparent)]
    TotalTooLarge(#[from] crate::model::totals::TotalTooLarge),
    #[error("The report data could not be prepared ({0})")]
    Data(#[from] serde_json::Error),
    /// The template failed; a bug in the program, not in the register.
    #[error("The report could not be typeset ({0})")]
    Typesetting(String),
}
