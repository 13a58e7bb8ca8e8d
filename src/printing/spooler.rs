//! The system's printing, as the officer hears about it: the printers
//! there are (`lpstat -d -p`), sending a PDF to one (`lp`) and following
//! the job for a few seconds, and what to do when any of it fails. The
//! PDF handed over lives in a folder only the officer can read and is
//! removed once it is no longer needed. Where there is no CUPS (Windows),
//! PowerShell lists the printers and the PDF viewer prints.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use super::cups::{self, Printer};
use super::job::{JobOutcome, PrintSettings};

/// The programs that talk to the print service and open a PDF. Tests
/// point these at stand-ins; the program uses the system's own.
#[derive(Clone, Debug)]
pub struct Spooler {
    /// Lists the printers and the jobs: `lpstat`.
    pub lpstat: OsString,
    /// Takes a print job: `lp -d PRINTER -t TITLE -n COPIES -o sides=… -- FILE`.
    pub lp: OsString,
    /// Opens a PDF in the officer's viewer, where the system has no way of
    /// its own to say that none exists: `xdg-open FILE`.
    pub viewer: OsString,
    /// How long a job is followed after `lp` took it, to say whether it
    /// printed; after that it is reported as queued.
    pub follow: Duration,
}

impl Default for Spooler {
    fn default() -> Self {
        Spooler {
            lpstat: "lpstat".into(),
            lp: "lp".into(),
            viewer: "xdg-open".into(),
            follow: Duration::from_secs(4),
        }
    }
}

/// What to do when no printer can be used, said once for every such case.
const SAVE_INSTEAD: &str = "Save the PDF and print it from another program";

/// Why nothing could be printed, or no PDF shown, with what to do next.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PrintError {
    #[error(
        "No print service was found on this computer (there is no lpstat command). {save}.",
        save = SAVE_INSTEAD
    )]
    NoPrintService,
    /// The print service could not be asked (the system's reason).
    #[error("The print service could not be asked for its printers ({0}). {save}.", save = SAVE_INSTEAD)]
    CannotAsk(String),
    /// Windows could not list its printers (the system's reason).
    #[error("The printers could not be listed ({0}). {save}.", save = SAVE_INSTEAD)]
    CannotList(String),
    #[error("No printer is set up on this computer. {save}, or set a default printer.", save = SAVE_INSTEAD)]
    NoPrinter,
    #[error("No print command (lp) was found on this computer. {save}.", save = SAVE_INSTEAD)]
    NoPrintCommand,
    /// The print command could not be started (the system's reason).
    #[error("The print command could not be started ({0}). {save}.", save = SAVE_INSTEAD)]
    CannotStart(String),
    /// The print service refused: what it said, and the printer if one
    /// was named.
    #[error("{}", refusal(said, printer.as_deref()))]
    Refused {
        said: String,
        printer: Option<String>,
    },
    #[error(
        "No program for showing PDFs was found on this computer. Save the PDF with Save PDF… and open or print it from another program."
    )]
    NoViewer,
}

/// How often a followed job is looked at.
const LOOK_EVERY: Duration = Duration::from_millis(200);

impl Spooler {
    /// The printers, the default first, or a sentence saying why there are
    /// none and what to do next.
    pub fn printers(&self) -> Result<Vec<Printer>, PrintError> {
        if cfg!(windows) {
            return windows_printers();
        }
        let output = self
            .lpstat(&["-d", "-p"])
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => PrintError::NoPrintService,
                _ => PrintError::CannotAsk(error.to_string()),
            })?;
        let printers = cups::printers(&String::from_utf8_lossy(&output.stdout));
        let stderr = String::from_utf8_lossy(&output.stderr);
        // "No destinations added" comes with a failing status: no printer,
        // not a broken service.
        if printers.is_empty() && !output.status.success() && !stderr.trim().is_empty() {
            return Err(printer_failure(&stderr, None));
        }
        if printers.is_empty() {
            return Err(PrintError::NoPrinter);
        }
        Ok(printers)
    }

    /// Sends `pdf` as `settings` say under the job name `title`, then
    /// follows the job for up to `follow`: what became of it, or a
    /// sentence saying why the printer did not take it.
    pub fn print(
        &self,
        pdf: &Path,
        settings: &PrintSettings,
        title: &str,
    ) -> Result<JobOutcome, PrintError> {
        if cfg!(windows) {
            return windows_print(pdf, settings);
        }
        let output = Command::new(&self.lp)
            .args(cups::lp_arguments(settings, title))
            .arg(pdf)
            .env("LC_ALL", "C")
            .output()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => PrintError::NoPrintCommand,
                _ => PrintError::CannotStart(error.to_string()),
            })?;
        let said = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_string();
        if !output.status.success() {
            return Err(printer_failure(
                &said(&output.stderr),
                Some(&settings.printer),
            ));
        }
        let printer = settings.printer.clone();
        Ok(match cups::request_id(&said(&output.stdout)) {
            Some(job) => self.follow_job(printer, job),
            None => JobOutcome::Handed { printer },
        })
    }

    /// Watches `job` until it completes, leaves the queue or `follow` runs out.
    fn follow_job(&self, printer: String, job: String) -> JobOutcome {
        let started = Instant::now();
        loop {
            let pending = self.lpstat(&["-o", &printer]).ok();
            let waiting = pending
                .as_ref()
                .is_some_and(|o| cups::lists_job(&String::from_utf8_lossy(&o.stdout), &job));
            if !waiting {
                let completed = self
                    .lpstat(&["-W", "completed", "-o", &printer])
                    .ok()
                    .is_some_and(|o| cups::lists_job(&String::from_utf8_lossy(&o.stdout), &job));
                return if completed {
                    JobOutcome::Printed { printer, job }
                } else {
                    JobOutcome::LeftQueue { printer, job }
                };
            }
            if started.elapsed() >= self.follow {
                let stopped = self.lpstat(&["-p", &printer]).ok().and_then(|o| {
                    cups::stopped_reason(&String::from_utf8_lossy(&o.stdout), &printer)
                });
                return JobOutcome::Queued {
                    printer,
                    job,
                    stopped,
                };
            }
            std::thread::sleep(LOOK_EVERY);
        }
    }

    fn lpstat(&self, arguments: &[&str]) -> std::io::Result<std::process::Output> {
        Command::new(&self.lpstat)
            .args(arguments)
            // The answer is read, so it must be in the words parsed.
            .env("LC_ALL", "C")
            .output()
    }
}

/// Windows has no lpstat: the printers come from its printer list, one a
/// line as "default<TAB>name" or "other<TAB>name".
fn windows_printers() -> Result<Vec<Printer>, PrintError> {
    let output = Command::new("powershell")
        .args([
            "-NoProfile",
            "-Command",
            "Get-CimInstance Win32_Printer | ForEach-Object { $(if ($_.Default) {'default'} else {'other'}) + \"`t\" + $_.Name }",
        ])
        .output()
        .map_err(|error| PrintError::CannotList(error.to_string()))?;
    let mut printers: Vec<Printer> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_once('\t'))
        .map(|(kind, name)| Printer {
            name: name.trim().to_string(),
            is_default: kind == "default",
            stopped: None,
        })
        .filter(|printer| !printer.name.is_empty())
        .collect();
    printers.sort_by(|a, b| b.is_default.cmp(&a.is_default).then(a.name.cmp(&b.name)));
    if printers.is_empty() {
        Err(PrintError::NoPrinter)
    } else {
        Ok(printers)
    }
}

/// Windows has no lp: the PDF viewer's Print verb sends it to the printer,
/// once a copy; two-sided is the printer's own setting there.
fn windows_print(pdf: &Path, settings: &PrintSettings) -> Result<JobOutcome, PrintError> {
    let printer = &settings.printer;
    for _ in 0..settings.copies {
        let output = Command::new("powershell")
            .args([
                "-NoProfile",
                "-Command",
                "Start-Process",
                "-Wait",
                "-Verb",
                "PrintTo",
            ])
            .arg("-FilePath")
            .arg(pdf)
            .args(["-ArgumentList", &format!("'\"{printer}\"'")])
            .output()
            .map_err(|error| PrintError::CannotStart(error.to_string()))?;
        if !output.status.success() {
            return Err(printer_failure(
                String::from_utf8_lossy(&output.stderr).trim(),
                Some(printer),
            ));
        }
    }
    Ok(JobOutcome::Handed {
        printer: printer.clone(),
    })
}

/// What the print service's own message (`lp: Error - no default
/// destination available.`, `lpstat: Unable to connect to server`) means:
/// no printer at all, or a refusal.
pub fn printer_failure(said: &str, printer: Option<&str>) -> PrintError {
    let lower = said.to_lowercase();
    if lower.contains("no default destination") || lower.contains("no destinations added") {
        PrintError::NoPrinter
    } else {
        PrintError::Refused {
            said: said.to_string(),
            printer: printer.map(str::to_string),
        }
    }
}

/// The print service's refusal in the officer's words, with what to do
/// next.
fn refusal(said: &str, printer: Option<&str>) -> String {
    let lower = said.to_lowercase();
    let named = printer
        .map(|name| format!("The printer \u{201c}{name}\u{201d}"))
        .unwrap_or_else(|| "The printer".into());
    if lower.contains("does not exist") || lower.contains("unknown destination") {
        format!(
            "{named} is not set up on this computer any more. {SAVE_INSTEAD}, or choose another default printer."
        )
    } else if lower.contains("not accepting jobs") {
        format!(
            "{named} is not taking jobs at the moment. Try again later, or {}.",
            SAVE_INSTEAD.to_lowercase()
        )
    } else if lower.contains("unable to connect")
        || lower.contains("scheduler is not running")
        || lower.contains("bad file descriptor")
        || lower.contains("connection refused")
    {
        format!(
            "The print service on this computer is not running. Ask whoever looks after the computer to start it (CUPS), or {}.",
            SAVE_INSTEAD.to_lowercase()
        )
    } else if lower.contains("forbidden") || lower.contains("not authorized") {
        format!(
            "{named} does not accept jobs from this account. Ask whoever looks after the printers for access, or {}.",
            SAVE_INSTEAD.to_lowercase()
        )
    } else if said.trim().is_empty() {
        format!("{named} refused the job without saying why. {SAVE_INSTEAD}.")
    } else {
        format!(
            "{named} refused the job (the print service said \u{201c}{}\u{201d}). {SAVE_INSTEAD}.",
            said.trim()
        )
    }
}

/// A PDF in a folder of its own that only the officer can open (0700; the
/// file itself 0600), removed with the folder when this is dropped.
#[derive(Debug)]
pub struct PrivatePdf {
    folder: tempfile::TempDir,
    path: PathBuf,
}

impl PrivatePdf {
    /// Writes `pdf` as `name` in a new private folder.
    pub fn write(name: &str, pdf: &[u8]) -> std::io::Result<PrivatePdf> {
        use std::io::Write;
        let mut builder = tempfile::Builder::new();
        builder.prefix("coalition-desk-print-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let folder = builder.tempdir()?;
        let path = folder.path().join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&path)?;
        file.write_all(pdf)?;
        file.sync_all()?;
        Ok(PrivatePdf { folder, path })
    }

    /// Where the PDF is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The private folder holding it.
    pub fn folder(&self) -> &Path {
        self.folder.path()
    }
}

/// Opens `pdf` in the officer's PDF viewer through `viewer` (xdg-open)
/// and waits to hear whether one was found; a sentence with what to do
/// next if not.
pub fn open_in_viewer(viewer: &OsStr, pdf: &Path) -> Result<(), PrintError> {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return opener::open(pdf).map_err(|_| PrintError::NoViewer);
    }
    // On Linux and the BSDs opener does not wait for xdg-open, so a missing
    // viewer would pass without a word; xdg-open's own exit status says it.
    let status = Command::new(viewer)
        .arg(pdf)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    match status {
        Ok(status) if status.success() => Ok(()),
        Ok(_) | Err(_) => Err(PrintError::NoViewer),
    }
}
