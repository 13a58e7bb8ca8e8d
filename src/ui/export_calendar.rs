//! File > Export calendar (.ics): asks where, then writes the register's
//! meetings and series through `calendar::calendar_ics`.

use std::path::Path;

use super::app::CoalitionDeskApp;
use super::dialogs::{Dialog, PathPurpose};
use super::file_dialog::{FileChoice, FileRequest};
use crate::calendar::calendar_ics;

impl CoalitionDeskApp {
    pub(super) fn choose_and_export_calendar(&mut self) {
        let request = FileRequest {
            title: "Export the calendar as",
            kind: "iCalendar",
            extension: "ics",
        };
        match request.save("coalition-sessions.ics") {
            FileChoice::Picked(path) => self.export_calendar_to(&path),
            FileChoice::TypePath => {
                self.workspace.ask(Dialog::TypePath {
                    purpose: PathPurpose::ExportCalendar,
                    text: String::new(),
                    then: None,
                });
            }
            FileChoice::Cancelled => {}
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
