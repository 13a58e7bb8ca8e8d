//! A print job as the officer sets it up (printer, copies, sides) and what
//! became of it, in words.

/// Printing on one side of the paper or both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sides {
    #[default]
    OneSided,
    /// Both sides, turned on the long edge as a document is read.
    TwoSided,
}

/// The most copies one job asks for: enough for a room of delegations,
/// and a slip of the keyboard (1000) is not a ream of paper.
pub const MOST_COPIES: u32 = 99;

/// What the officer chose in the print preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintSettings {
    pub printer: String,
    /// 1 to `MOST_COPIES`.
    pub copies: u32,
    pub sides: Sides,
}

impl PrintSettings {
    /// One copy, one-sided, on `printer`.
    pub fn on(printer: impl Into<String>) -> Self {
        PrintSettings {
            printer: printer.into(),
            copies: 1,
            sides: Sides::OneSided,
        }
    }

    /// "1 copy, one-sided", "3 copies, two-sided".
    pub fn describe(&self) -> String {
        let copies = if self.copies == 1 {
            "1 copy".to_string()
        } else {
            format!("{} copies", self.copies)
        };
        let sides = match self.sides {
            Sides::OneSided => "one-sided",
            Sides::TwoSided => "two-sided",
        };
        format!("{copies}, {sides}")
    }
}

/// What became of a job the print service took, as far as it could be
/// followed in the seconds after it was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JobOutcome {
    /// The print service reports the job completed.
    Printed { printer: String, job: String },
    /// The job waits in the printer's queue; `stopped` is the printer's own
    /// reason when it has stopped (its error, such as "Unable to connect
    /// to printer").
    Queued {
        printer: String,
        job: String,
        stopped: Option<String>,
    },
    /// The job left the queue without being listed as completed: it was
    /// cancelled, or the print service keeps no history.
    LeftQueue { printer: String, job: String },
    /// The print service took the file but named no job to follow (as on
    /// Windows, where the PDF viewer prints it).
    Handed { printer: String },
}

impl JobOutcome {
    /// The outcome as the officer reads it, with what to do next.
    pub fn words(&self) -> String {
        match self {
            JobOutcome::Printed { printer, job } => format!(
                "Printed on \u{201c}{printer}\u{201d} (job {job}). Collect the pages from the printer now."
            ),
            JobOutcome::Queued {
                printer,
                job,
                stopped: Some(reason),
            } => format!(
                "Queued as {job}, but the printer \u{201c}{printer}\u{201d} has stopped: \u{201c}{reason}\u{201d}. The job prints once the printer is working again; ask whoever looks after the printers, or cancel the job and save the PDF instead."
            ),
            JobOutcome::Queued {
                printer,
                job,
                stopped: None,
            } => format!(
                "Queued as {job} on \u{201c}{printer}\u{201d}: it has not printed yet. Collect the pages as soon as they are out."
            ),
            JobOutcome::LeftQueue { printer, job } => format!(
                "Job {job} has left the queue of \u{201c}{printer}\u{201d} without being reported as printed. Look at the printer; if nothing came out, print again or save the PDF."
            ),
            JobOutcome::Handed { printer } => format!(
                "Handed to the printer \u{201c}{printer}\u{201d}. Collect the pages from the printer now."
            ),
        }
    }

    /// Whether the officer should look at it as a problem.
    pub fn is_problem(&self) -> bool {
        matches!(
            self,
            JobOutcome::Queued {
                stopped: Some(_),
                ..
            } | JobOutcome::LeftQueue { .. }
        )
    }
}
