//! File > Export calendar (.ics): asks where, then writes the register's
//! meetings and series through `calendar::calendar_ics`.

use std::path::Path;
use std::time::{Duration, Instant};

use super::app::CoalitionDeskApp;
use super::dialogs::{Dialog, PathPurpose};
use crate::calendar::calendar_ics;

/// A "cancel" faster than a person can click means no dialog was shown
/// (as in `files.rs`): then the officer types the path instead.
const NO_DIALOG_SHOWN: Duration = Duration::from_millis(250);

impl CoalitionDeskApp {
    pub(super) fn choose_and_export_calendar(&mut self) {
        let started = Instant::now();
        let picked = rfd::FileDialog::new()
            .set_title("Export the calendar as")
            .add_filter("iCalendar", &["ics"])
            .set_file_name("coalition-sessions.ics")
            .save_file();
        match picked {
            Some(path) => self.export_calendar_to(&path),
            None if started.elapsed() < NO_DIALOG_SHOWN => {
                self.workspace.ask(Dialog::TypePath {
                    purpose: PathPurpose::ExportCalendar,
                    text: String::new(),
                    then: None,
                });
            }
            None => {}
        }
    }

    /// Writes the calendar to `path`, reporting the outcome once.
    pub fn export_calendar_to(&mut self, path: &Path) {
        let text = match calendar_ics(self.workspace.document.register(), chrono::Utc::now()) {
            Ok(text) => text,
            Err(error) => {
                self.report_error("The calendar was not exported", error.to_string());
                return;
            }
        };
        match std::fs::write(path, text) {
            Ok(()) => self.notify(format!("Exported the calendar to {}", path.display())),
            Err(error) => self.report_error(
                "The calendar was not exported",
                format!("{error}: {}", path.display()),
            ),
        }
    }
}
