//! An action carried over to the next session stays one action (issue
//! 18, item 4): in the core, for files with copies, and across a merge.

mod copies;
pub mod fixture;
mod merge;
mod one_action;
