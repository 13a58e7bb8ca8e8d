//! Commitment tracking in the core: workflow, partial delivery, overdue,
//! dashboard totals, since last session, search and CSV.

mod commitments_csv;
mod csv_formulas;
mod dashboard;
mod fixture;
mod search;
mod since_last_session;
mod workflow;
