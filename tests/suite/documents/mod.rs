//! The documents sent before a session (issue 22): the meeting pack, the
//! since-last-session report and the nation sheets, as data, as PDF read
//! back, from the command line and in the file.

mod cli;
pub mod fixture;
mod format;
mod length;
mod pack_data;
mod pdf;
mod sheet_data;
mod since_data;
