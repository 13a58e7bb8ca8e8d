//! Following commitments once they are recorded: dashboard figures, what
//! changed since the last session and CSV exchange. Plain data
//! computed from the register; no egui, and time comes in as `today`.

pub mod activity;
pub mod commitments_csv;
mod commitments_import;
pub mod dashboard;
pub mod dashboard_table;
pub mod since;
pub mod spreadsheet_cells;

pub use activity::{Activity, attendance_by_participant, participant_activity};
pub use commitments_csv::export_commitments;
pub use commitments_import::{ImportPreview, RejectedRow, import_commitments};
pub use dashboard::{DashboardCache, DashboardFigures, Split, Totals, dashboard_figures};
pub use dashboard_table::figures_table;
pub use since::{SessionChanges, since_last_session};

use std::path::PathBuf;

/// What can go wrong while tracking, reported once to the officer.
#[derive(Debug, thiserror::Error)]
pub enum TrackingError {
    #[error("There is no meeting {0} in this register")]
    NoSuchMeeting(crate::model::MeetingId),
    /// A total past the largest decimal.
    #[error(transparent)]
    TotalTooLarge(#[from] crate::model::totals::TotalTooLarge),
    /// A record the export includes has a marking that is missing or not
    /// one of the register's levels; each line says which.
    #[error("The export was refused:\n  {}", .0.join("\n  "))]
    Refused(Vec<String>),
    #[error("Could not write the CSV: {0}")]
    CsvWrite(#[source] csv::Error),
    #[error("Could not read the CSV: {0}")]
    CsvRead(#[source] csv::Error),
    #[error("The CSV has no \"{0}\" column")]
    MissingColumn(&'static str),
    #[error("Could not write the CSV ({source}): {}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("Could not read the CSV ({source}): {}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}
