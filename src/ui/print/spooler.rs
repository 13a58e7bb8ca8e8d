//! The system's printing, as the officer hears about it: which printer is
//! the default (`lpstat -d`), sending a PDF to it (`lp`), and what to do
//! when either fails. The PDF handed over lives in a folder only the
//! officer can read and is removed once it is no longer needed.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The programs that talk to the print service and open a PDF. Tests
/// point these at stand-ins; the program uses the system's own.
#[derive(Clone, Debug)]
pub struct Spooler {
    /// Tells the default printer: `lpstat -d`.
    pub lpstat: OsString,
    /// Takes a print job: `lp -d PRINTER -t TITLE FILE`.
    pub lp: OsString,
    /// Opens a PDF in the officer's viewer, where the system has no way of
    /// its own to say that none exists: `xdg-open FILE`.
    pub viewer: OsString,
}

impl Default for Spooler {
    fn default() -> Self {
        Spooler {
            lpstat: "lpstat".into(),
            lp: "lp".into(),
            viewer: "xdg-open".into(),
        }
    }
}

/// What to do when no printer can be used, said once for every such case.
const SAVE_INSTEAD: &str = "Save the PDF and print it from another program";

impl Spooler {
    /// The name of the default printer, or a sentence saying why there is
    /// none and what to do next.
    pub fn default_printer(&self) -> Result<String, String> {
        if cfg!(windows) {
            return windows_default_printer();
        }
        let output = Command::new(&self.lpstat)
            .arg("-d")
            // The answer is read, so it must be in the words parsed below.
            .env("LC_ALL", "C")
            .output()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => format!(
                    "No print service was found on this computer (there is no lpstat command). {SAVE_INSTEAD}."
                ),
                _ => format!(
                    "The print service could not be asked for the default printer ({error}). {SAVE_INSTEAD}."
                ),
            })?;
        let said = String::from_utf8_lossy(&output.stdout);
        let printer = said
            .lines()
            .find_map(|line| line.strip_prefix("system default destination:"))
            .map(str::trim)
            .filter(|name| !name.is_empty());
        match printer {
            Some(name) => Ok(name.to_string()),
            None if output.status.success() => Err(no_printer()),
            None => Err(printer_failure(
                &String::from_utf8_lossy(&output.stderr),
                None,
            )),
        }
    }

    /// Sends `pdf` to `printer` under the job name `title`; `Ok` with what
    /// the print service said (such as the job number), or a sentence.
    pub fn print(&self, pdf: &Path, printer: &str, title: &str) -> Result<String, String> {
        if cfg!(windows) {
            return windows_print(pdf, printer);
        }
        let output = Command::new(&self.lp)
            .args(["-d", printer, "-t", title, "--"])
            .arg(pdf)
            .env("LC_ALL", "C")
            .output()
            .map_err(|error| match error.kind() {
                std::io::ErrorKind::NotFound => {
                    format!("No print command (lp) was found on this computer. {SAVE_INSTEAD}.")
                }
                _ => format!("The print command could not be started ({error}). {SAVE_INSTEAD}."),
            })?;
        let said = |bytes: &[u8]| String::from_utf8_lossy(bytes).trim().to_string();
        if output.status.success() {
            Ok(said(&output.stdout))
        } else {
            Err(printer_failure(&said(&output.stderr), Some(printer)))
        }
    }
}

/// Windows has no lpstat: its default printer comes from the printer list.
fn windows_default_printer() -> Result<String, String> {
    let output = Command::new("powershell")
        .args([
            "-NoProfile",
            "-Command",
            "(Get-CimInstance Win32_Printer -Filter 'Default=TRUE').Name",
        ])
        .output()
        .map_err(|error| format!("The printers could not be listed ({error}). {SAVE_INSTEAD}."))?;
    let name = String::from_utf8_lossy(&output.stdout).trim().to_string();
    if output.status.success() && !name.is_empty() {
        Ok(name)
    } else {
        Err(no_printer())
    }
}

/// Windows has no lp: the PDF viewer's Print verb sends it to the printer.
fn windows_print(pdf: &Path, printer: &str) -> Result<String, String> {
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
        .map_err(|error| {
            format!("The print command could not be started ({error}). {SAVE_INSTEAD}.")
        })?;
    if output.status.success() {
        Ok(String::new())
    } else {
        Err(printer_failure(
            String::from_utf8_lossy(&output.stderr).trim(),
            Some(printer),
        ))
    }
}

fn no_printer() -> String {
    format!("No printer is set up on this computer. {SAVE_INSTEAD}, or set a default printer.")
}

/// What the print service's own message (`lp: Error - no default
/// destination available.`, `lpstat: Unable to connect to server`) means
/// for the officer, with what to do next.
pub fn printer_failure(said: &str, printer: Option<&str>) -> String {
    let lower = said.to_lowercase();
    let named = printer
        .map(|name| format!("The printer \u{201c}{name}\u{201d}"))
        .unwrap_or_else(|| "The printer".into());
    if lower.contains("no default destination") || lower.contains("no destinations added") {
        no_printer()
    } else if lower.contains("does not exist") || lower.contains("unknown destination") {
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
pub fn open_in_viewer(viewer: &OsStr, pdf: &Path) -> Result<(), String> {
    let no_viewer = || {
        "No program for showing PDFs was found on this computer. Save the PDF with Save PDF… and open or print it from another program.".to_string()
    };
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return opener::open(pdf).map_err(|_| no_viewer());
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
        Ok(_) => Err(no_viewer()),
        Err(_) => Err(no_viewer()),
    }
}
