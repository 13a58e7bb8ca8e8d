//! Why the print preview could not show, save or print a document: the
//! one error of the window's printing, whose `Display` is the sentence
//! the preview shows (beside its pages or in its message line).

use crate::report::ReportError;

/// Why the print preview could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PreviewError {
    /// The document could not be made or typeset (the report's sentence).
    #[error("{0}")]
    Report(String),
    /// Every nation sheet is still being prepared on a thread of its own.
    #[error("The nation sheets are still being prepared.")]
    SheetsBeingPrepared,
    /// The thread preparing the nation sheets ended without them.
    #[error("The nation sheets could not be prepared. Try again.")]
    SheetsNotPrepared,
    /// The typesetting engine is gone (it could not be kept).
    #[error("The print engine is missing. Restart the program.")]
    EngineMissing,
    /// The pages asked for were not typeset.
    #[error("The report was not typeset. Try again.")]
    NotTypeset,
    /// The document's marking cannot be worked out, so no page is shown.
    #[error("No pages are shown until the document's marking can be worked out (see above).")]
    MarkingUnknown,
    /// The worker that typesets, saves and prints has stopped.
    #[error("The print worker has stopped. Save your work and restart the program.")]
    WorkerStopped,
    /// Print pressed before the print service said which printers there are.
    #[error("The printers are still being looked for. Press Print again in a moment.")]
    LookingForPrinters,
    /// The print service was not asked: no thread could ask it (the
    /// system's reason).
    #[error(
        "The printers could not be listed ({0}). Save the PDF and print it from another program."
    )]
    PrintersNotAsked(String),
    /// The print service was asked but its answer never came.
    #[error("The printers could not be listed. Save the PDF and print it from another program.")]
    PrintersNotListed,
    /// What the printing system said: no printer, a job refused, no
    /// viewer.
    #[error("{0}")]
    Printing(crate::printing::PrintError),
    /// The PDF could not be written where the officer chose (the
    /// storage's reason, its path last).
    #[error("The PDF was not saved (choose another name or folder with Save PDF…). {0}")]
    NotSaved(String),
    /// The printer's private copy of the PDF could not be written.
    #[error(
        "The PDF for the printer could not be written to the temporary folder ({0}). Save the PDF and print it from another program."
    )]
    PrivateCopyNotWritten(String),
}

impl From<ReportError> for PreviewError {
    fn from(error: ReportError) -> Self {
        PreviewError::Report(error.to_string())
    }
}
