//! Typesetting off the UI thread. One worker thread owns the print engine
//! (fonts are loaded once, on the first job) and answers each job with an
//! outcome; the window polls for it every frame and never waits.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

use crate::report::{AttendanceRecord, MeetingSummary, PrintEngine};

/// What to typeset.
#[derive(Clone, Debug)]
pub enum PrintData {
    Summary(Box<MeetingSummary>),
    Attendance(Box<AttendanceRecord>),
}

impl PrintData {
    /// The records the document includes, whose problems the preview shows.
    pub fn includes(&self) -> &[crate::model::Record] {
        match self {
            PrintData::Summary(summary) => &summary.includes,
            PrintData::Attendance(record) => &record.includes,
        }
    }
}

/// What to do with the PDF once typeset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Destination {
    /// Write it to this file.
    File(PathBuf),
    /// Write it to this temporary file and send it to the system printer.
    Printer(PathBuf),
}

/// How a job ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Saved(PathBuf),
    Printed {
        printer_said: String,
    },
    /// The PDF exists at `pdf` but the printer could not take it.
    PrintFailed {
        pdf: PathBuf,
        reason: String,
    },
    Failed(String),
}

struct Job {
    data: PrintData,
    destination: Destination,
}

/// The handle the window keeps; the thread ends when it is dropped.
pub struct PrintWorker {
    jobs: Sender<Job>,
    outcomes: Receiver<Outcome>,
}

impl PrintWorker {
    /// Starts the worker; `wake` is called after each job so the window
    /// repaints and picks up the outcome.
    pub fn start(wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_queue) = channel::<Job>();
        let (outcome_sender, outcomes) = channel();
        std::thread::Builder::new()
            .name("print".into())
            .spawn(move || {
                let mut engine: Option<PrintEngine> = None;
                for job in job_queue {
                    let outcome = run(&mut engine, job);
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

    /// Queues a job. False when the worker is gone.
    pub fn submit(&self, data: PrintData, destination: Destination) -> bool {
        self.jobs.send(Job { data, destination }).is_ok()
    }

    /// The outcome of the job in hand, if it has finished.
    pub fn poll(&self) -> Option<Outcome> {
        match self.outcomes.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Outcome::Failed("the print worker stopped".into()))
            }
        }
    }
}

fn run(engine: &mut Option<PrintEngine>, job: Job) -> Outcome {
    if engine.is_none() {
        match PrintEngine::new() {
            Ok(built) => *engine = Some(built),
            Err(error) => return Outcome::Failed(error.to_string()),
        }
    }
    let Some(engine) = engine.as_ref() else {
        return Outcome::Failed("the print engine is missing".into());
    };
    let pdf = match &job.data {
        PrintData::Summary(summary) => engine.meeting_summary_pdf(summary),
        PrintData::Attendance(record) => engine.attendance_pdf(record),
    };
    let pdf = match pdf {
        Ok(pdf) => pdf,
        Err(error) => return Outcome::Failed(error.to_string()),
    };
    let path = match &job.destination {
        Destination::File(path) | Destination::Printer(path) => path.clone(),
    };
    if let Err(error) = std::fs::write(&path, &pdf) {
        return Outcome::Failed(format!(
            "the PDF could not be written: {error}: {}",
            path.display()
        ));
    }
    match job.destination {
        Destination::File(path) => Outcome::Saved(path),
        Destination::Printer(path) => match send_to_printer(&path) {
            Ok(printer_said) => Outcome::Printed { printer_said },
            Err(reason) => Outcome::PrintFailed { pdf: path, reason },
        },
    }
}

/// Hands the PDF to the system's print spooler: `lp` on Linux and macOS,
/// the shell's Print verb on Windows.
fn send_to_printer(pdf: &std::path::Path) -> Result<String, String> {
    let mut command = if cfg!(windows) {
        let mut command = std::process::Command::new("powershell");
        command
            .args([
                "-NoProfile",
                "-Command",
                "Start-Process",
                "-Verb",
                "Print",
                "-FilePath",
            ])
            .arg(pdf);
        command
    } else {
        let mut command = std::process::Command::new("lp");
        command.arg(pdf);
        command
    };
    let output = command.output().map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => {
            "no print command (lp) was found on this computer".to_string()
        }
        _ => format!("the print command could not run: {error}"),
    })?;
    let said = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_string();
    if output.status.success() {
        Ok(said(&output.stdout))
    } else {
        let stderr = said(&output.stderr);
        Err(if stderr.is_empty() {
            format!("the printer refused the job ({})", output.status)
        } else {
            stderr
        })
    }
}
