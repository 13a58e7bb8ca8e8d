//! Coalition Desk: the register of a coalition's sessions, attendance and
//! commitments. The core (`model`, `edit`, `document`, `storage`) has no
//! UI; `ui` is the egui window on top of it.

// Functions over 120 lines (clippy.toml) do more than one thing.
#![warn(clippy::too_many_lines)]

pub mod calendar;
pub mod cli;
pub mod document;
pub mod edit;
pub mod generate;
pub mod merge;
pub mod model;
pub mod new_records;
pub mod printing;
pub mod report;
pub mod revision_cache;
pub mod sample;
pub mod search;
pub mod storage;
pub mod tracking;
pub mod ui;
