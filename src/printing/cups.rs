//! What CUPS's command-line tools say, read into values. Every function
//! here takes the text a tool printed (asked with `LC_ALL=C`, so in these
//! words) and nothing else, so each is tested with captured output.

use super::job::{PrintSettings, Sides};

/// A printer the print service offers, as `lpstat -p` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printer {
    /// The queue's name, as `lp -d` takes it: `Office_Laser`.
    pub name: String,
    /// Whether it is the system's default printer.
    pub is_default: bool,
    /// Why it takes no jobs at the moment, in the print service's words
    /// ("Paused", "Unable to connect to printer"), when it is stopped.
    pub stopped: Option<String>,
}

/// The printers in `lpstat -d -p` output: the default first, then the
/// others by name. A default the list does not describe (a printer
/// `lpstat -p` was not allowed to see) is still listed first.
pub fn printers(said: &str) -> Vec<Printer> {
    let mut default = None;
    let mut printers: Vec<Printer> = Vec::new();
    for line in said.lines() {
        if let Some(name) = line.strip_prefix("system default destination:") {
            let name = name.trim();
            if !name.is_empty() {
                default = Some(name.to_string());
            }
        } else if let Some(rest) = line.strip_prefix("printer ") {
            let mut words = rest.split_whitespace();
            let Some(name) = words.next() else { continue };
            let disabled = words.next() == Some("disabled");
            printers.push(Printer {
                name: name.to_string(),
                is_default: false,
                stopped: disabled.then(String::new),
            });
        } else if line.starts_with(['\t', ' '])
            && let Some(last) = printers.last_mut()
            && let Some(stopped) = last.stopped.as_mut()
            && stopped.is_empty()
        {
            // The line under a stopped printer says why it stopped.
            stopped.push_str(line.trim());
        }
    }
    for printer in &mut printers {
        if printer.stopped.as_deref() == Some("") {
            printer.stopped = Some("Stopped".into());
        }
    }
    printers.sort_by(|a, b| a.name.cmp(&b.name));
    if let Some(name) = default {
        match printers.iter().position(|p| p.name == name) {
            Some(at) => {
                let mut printer = printers.remove(at);
                printer.is_default = true;
                printers.insert(0, printer);
            }
            None => printers.insert(
                0,
                Printer {
                    name,
                    is_default: true,
                    stopped: None,
                },
            ),
        }
    }
    printers
}

/// The arguments `lp` takes to print `settings` under the job name
/// `title` (the file follows the `--`).
pub fn lp_arguments(settings: &PrintSettings, title: &str) -> Vec<String> {
    let sides = match settings.sides {
        Sides::OneSided => "one-sided",
        Sides::TwoSided => "two-sided-long-edge",
    };
    vec![
        "-d".into(),
        settings.printer.clone(),
        "-t".into(),
        title.into(),
        "-n".into(),
        settings.copies.to_string(),
        "-o".into(),
        format!("sides={sides}"),
        "--".into(),
    ]
}

/// The job `lp` queued, from its answer `request id is PDF-1 (1 file(s))`.
pub fn request_id(said: &str) -> Option<String> {
    said.lines()
        .find_map(|line| line.trim().strip_prefix("request id is "))
        .and_then(|rest| rest.split_whitespace().next())
        .filter(|id| !id.is_empty())
        .map(str::to_string)
}

/// Whether `job` is among the jobs listed by `lpstat -o` (one a line,
/// the job's id first).
pub fn lists_job(said: &str, job: &str) -> bool {
    said.lines()
        .any(|line| line.split_whitespace().next() == Some(job))
}

/// Why `printer` takes no jobs now, from `lpstat -p PRINTER`, if it is
/// stopped.
pub fn stopped_reason(said: &str, printer: &str) -> Option<String> {
    printers(said)
        .into_iter()
        .find(|p| p.name == printer)
        .and_then(|p| p.stopped)
}
