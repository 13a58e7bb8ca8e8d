//! Typesetting off the UI thread. One worker thread owns the print engine
//! (fonts are loaded once, on the first job) and the last typeset report,
//! so the pages the preview draws and the PDF that is saved or printed are
//! one and the same. The window polls for answers every frame and never
//! waits.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use super::PreviewError;
use crate::printing::{JobOutcome, PrintSettings, PrivatePdf, Spooler};
use crate::report::{
    AttendanceRecord, MeetingPack, MeetingSummary, NationSheets, PagePixels, PrintEngine,
    SinceReport, TypesetReport,
};
use crate::storage::{self, WrittenFrom};

/// What to typeset.
#[derive(Clone, Debug)]
pub enum PrintData {
    Summary(Box<MeetingSummary>),
    Attendance(Box<AttendanceRecord>),
    Pack(Box<MeetingPack>),
    Since(Box<SinceReport>),
    Sheets(Box<NationSheets>),
}

impl PrintData {
    /// The records the document includes, whose problems the preview shows.
    pub fn includes(&self) -> &[crate::model::Record] {
        match self {
            PrintData::Summary(summary) => &summary.includes,
            PrintData::Attendance(record) => &record.includes,
            PrintData::Pack(pack) => &pack.includes,
            PrintData::Since(report) => &report.includes,
            PrintData::Sheets(sheets) => &sheets.includes,
        }
    }

    /// The marking every page carries.
    pub fn marking(&self) -> &str {
        match self {
            PrintData::Summary(summary) => &summary.marking,
            PrintData::Attendance(record) => &record.marking,
            PrintData::Pack(pack) => &pack.head.marking,
            PrintData::Since(report) => &report.head.marking,
            PrintData::Sheets(sheets) => &sheets.head.marking,
        }
    }

    /// The document as the officer names it: "summary “…”".
    pub fn name(&self) -> String {
        match self {
            PrintData::Summary(summary) => format!("summary \u{201c}{}\u{201d}", summary.title),
            PrintData::Attendance(record) => {
                format!("attendance record \u{201c}{}\u{201d}", record.series)
            }
            PrintData::Pack(pack) => format!("meeting pack \u{201c}{}\u{201d}", pack.head.title),
            PrintData::Since(report) => {
                format!(
                    "since-last-session report \u{201c}{}\u{201d}",
                    report.head.title
                )
            }
            PrintData::Sheets(sheets) => {
                format!("nation sheets \u{201c}{}\u{201d}", sheets.head.title)
            }
        }
    }
}

/// What to do with the PDF once typeset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// Write it to this file.
    File(PathBuf),
    /// Send it to a printer as `settings` say, as a job with this file name.
    Printer {
        settings: PrintSettings,
        file_name: String,
    },
}

/// A job for the worker. `generation` names one typesetting of one
/// preview's data; later jobs refer to it.
enum Job {
    /// Typeset the data and say how many pages it has.
    Typeset { generation: u64, data: PrintData },
    /// Draw one page of that typesetting.
    Page {
        generation: u64,
        index: usize,
        pixels_per_pt: f32,
    },
    /// Write the PDF of that typesetting (typeset again from `data` if the
    /// worker has moved on to another).
    Output {
        generation: u64,
        data: PrintData,
        destination: Destination,
    },
}

/// What the print worker sends back: pages typeset, a file saved or
/// printed, or why not (what an overlay decided is `on_top::Outcome`).
#[derive(Debug)]
pub enum WorkerReply {
    /// The data of `generation` typeset into pages of these sizes (in
    /// points), or why it could not be.
    Typeset {
        generation: u64,
        pages: Result<Vec<[f32; 2]>, PreviewError>,
    },
    /// One page drawn.
    Page {
        generation: u64,
        index: usize,
        pixels_per_pt: f32,
        pixels: PagePixels,
    },
    Saved(PathBuf),
    /// The printer took the PDF; what became of the job.
    Printed(JobOutcome),
    /// The printer could not take the PDF; it is kept, private, for the
    /// officer to open in a viewer.
    PrintFailed {
        pdf: PrivatePdf,
        reason: PreviewError,
    },
    Failed(PreviewError),
}

/// The handle the window keeps; the thread ends when it is dropped.
pub struct PrintWorker {
    jobs: Sender<Job>,
    outcomes: Receiver<WorkerReply>,
}

/// What the worker thread keeps between jobs.
struct Desk {
    spooler: Spooler,
    engine: Option<PrintEngine>,
    typeset: Option<(u64, TypesetReport)>,
}

impl PrintWorker {
    /// Starts the worker; `wake` is called after each job so the window
    /// repaints and picks up the outcome.
    pub fn start(wake: impl Fn() + Send + 'static, spooler: Spooler) -> Self {
        let (jobs, job_queue) = channel::<Job>();
        let (outcome_sender, outcomes) = channel();
        std::thread::Builder::new()
            .name("print".into())
            .spawn(move || {
                let mut desk = Desk {
                    spooler,
                    engine: None,
                    typeset: None,
                };
                for job in job_queue {
                    let Some(outcome) = desk.run(job) else {
                        continue;
                    };
                    if outcome_sender.send(outcome).is_err() {
                        return;
                    }
                    wake();
                }
            })
            .map_err(|error| tracing::warn!("the print worker did not start: {error}"))
            .ok();
        PrintWorker { jobs, outcomes }
    }

    /// Queues typesetting `data` as `generation`. False when the worker is gone.
    pub fn typeset(&self, generation: u64, data: PrintData) -> bool {
        self.jobs.send(Job::Typeset { generation, data }).is_ok()
    }

    /// Queues drawing one page of `generation`.
    pub fn page(&self, generation: u64, index: usize, pixels_per_pt: f32) -> bool {
        self.jobs
            .send(Job::Page {
                generation,
                index,
                pixels_per_pt,
            })
            .is_ok()
    }

    /// Queues writing the PDF of `generation` (made from `data`).
    pub fn output(&self, generation: u64, data: PrintData, destination: Destination) -> bool {
        self.jobs
            .send(Job::Output {
                generation,
                data,
                destination,
            })
            .is_ok()
    }

    /// The next answer, if one has arrived.
    pub fn poll(&self) -> Option<WorkerReply> {
        match self.outcomes.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(WorkerReply::Failed(PreviewError::WorkerStopped))
            }
        }
    }
}

impl Desk {
    fn run(&mut self, job: Job) -> Option<WorkerReply> {
        match job {
            Job::Typeset { generation, data } => {
                let pages = self
                    .typeset(generation, &data)
                    .map(TypesetReport::page_sizes);
                Some(WorkerReply::Typeset { generation, pages })
            }
            Job::Page {
                generation,
                index,
                pixels_per_pt,
            } => {
                // A page of a typesetting since replaced is no longer wanted.
                let (held, report) = self.typeset.as_ref()?;
                if *held != generation {
                    return None;
                }
                let pixels = report.page_pixels(index, pixels_per_pt)?;
                Some(WorkerReply::Page {
                    generation,
                    index,
                    pixels_per_pt,
                    pixels,
                })
            }
            Job::Output {
                generation,
                data,
                destination,
            } => Some(self.output(generation, &data, destination)),
        }
    }

    /// The typesetting `generation` of `data`, kept for its pages and PDF.
    fn typeset(
        &mut self,
        generation: u64,
        data: &PrintData,
    ) -> Result<&TypesetReport, PreviewError> {
        if self.engine.is_none() {
            self.engine = Some(PrintEngine::new()?);
        }
        let Some(engine) = self.engine.as_ref() else {
            return Err(PreviewError::EngineMissing);
        };
        if !matches!(&self.typeset, Some((held, _)) if *held == generation) {
            let report = match data {
                PrintData::Summary(summary) => engine.meeting_summary(summary),
                PrintData::Attendance(record) => engine.attendance(record),
                PrintData::Pack(pack) => engine.meeting_pack(pack),
                PrintData::Since(report) => engine.since_report(report),
                PrintData::Sheets(sheets) => engine.nation_sheets(sheets),
            }?;
            self.typeset = Some((generation, report));
        }
        match &self.typeset {
            Some((_, report)) => Ok(report),
            None => Err(PreviewError::NotTypeset),
        }
    }

    fn output(
        &mut self,
        generation: u64,
        data: &PrintData,
        destination: Destination,
    ) -> WorkerReply {
        let pdf = match self
            .typeset(generation, data)
            .and_then(|report| Ok(report.pdf()?))
        {
            Ok(pdf) => pdf,
            Err(reason) => return WorkerReply::Failed(reason),
        };
        match destination {
            // The preview does not know the register's file, so the PDF is
            // its owner's alone whatever it is marked: never more open
            // than any register it could have come from.
            Destination::File(path) => match storage::write_output(
                &path,
                &pdf,
                &WrittenFrom {
                    registers: Vec::new(),
                    owner_only: true,
                },
            ) {
                Ok(()) => WorkerReply::Saved(path),
                Err(error) => WorkerReply::Failed(PreviewError::NotSaved(error.to_string())),
            },
            Destination::Printer {
                settings,
                file_name,
            } => {
                let private = match PrivatePdf::write(&file_name, &pdf) {
                    Ok(private) => private,
                    Err(error) => {
                        let reason = PreviewError::PrivateCopyNotWritten(error.to_string());
                        return WorkerReply::Failed(reason);
                    }
                };
                // lp hands the file to the print service before it returns,
                // so the private copy goes as soon as it has.
                match self.spooler.print(private.path(), &settings, &file_name) {
                    Ok(outcome) => WorkerReply::Printed(outcome),
                    Err(reason) => WorkerReply::PrintFailed {
                        pdf: private,
                        reason: PreviewError::Printing(reason),
                    },
                }
            }
        }
    }
}
