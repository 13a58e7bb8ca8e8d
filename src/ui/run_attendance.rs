//! The attendance commands given from the meeting's attendance grid: a
//! letter typed for one or several rows, and *Mark all present*. Each is
//! one edit with its own Undo step, named for what it did.

use super::widgets::counted;
use chrono::NaiveDate;

use super::shown_error::Failure;
use super::workspace::Workspace;
use crate::edit;
use crate::model::{AttendanceStatus, MeetingId, ParticipantId};

impl Workspace {
    pub(super) fn mark_all_present(&mut self, meeting: MeetingId, today: NaiveDate) {
        let register = self.document.register();
        let title = register.meeting_title(meeting);
        let count = edit::all_present_delegations(register, meeting, today).map_or(0, |d| d.len());
        let edit = match edit::all_present(register, meeting, today) {
            Ok(edit) => edit,
            Err(refused) => {
                self.fail(Failure::Refused(refused.to_string()));
                return;
            }
        };
        let delegations = counted(count, "delegation");
        let applied = self
            .document
            .apply_labelled(edit, format!("mark {delegations} present at {title}"));
        if let Err(refused) = applied {
            self.fail(refused);
            return;
        }
        self.tell(format!("Marked {delegations} present at {title}"));
    }

    pub(super) fn set_attendance(
        &mut self,
        meeting: MeetingId,
        rows: &[ParticipantId],
        status: AttendanceStatus,
    ) {
        let register = self.document.register();
        let Some(edit) = edit::set_attendance(register, meeting, rows, status) else {
            return;
        };
        let title = register.meeting_title(meeting);
        let who = match rows {
            [one] => register.participant_name(*one),
            rows => counted(rows.len(), "delegation"),
        };
        let status = status.label().to_lowercase();
        let applied = self
            .document
            .apply_labelled(edit, format!("mark {who} {status} at {title}"));
        if let Err(refused) = applied {
            self.fail(refused);
        }
    }
}
