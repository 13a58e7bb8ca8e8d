//! Behaviour of the core model: validation, commitments, register queries,
//! edits and their reverses, deletes that mend references, and the open
//! document's undo history and dirty flag.

mod deletes;
mod document;
mod edits;
mod fixture;
mod minutes_life;
mod minutes_life_problems;
mod records;
mod sample;
mod undo_labels;
mod validation;
mod validation_cases;
