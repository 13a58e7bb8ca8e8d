//! Reaching the officer's printers, with no window: which printers there
//! are, a job sent with its copies and sides, and what became of it in
//! words. CUPS is reached through its command-line tools (`lpstat`, `lp`);
//! where they are missing the officer is told so and offered Save PDF.
//! The window's print preview (`ui::print`) uses this through its worker.

pub mod cups;
mod job;
pub mod save_location;
mod spooler;

pub use cups::Printer;
pub use job::{JobOutcome, MOST_COPIES, PrintSettings, Sides};
pub use spooler::{PrintError, PrivatePdf, Spooler, open_in_viewer, printer_failure};
