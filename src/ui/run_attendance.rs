//! The attendance commands, as the open register carries them out: a
//! letter typed in the meeting's attendance grid for one or several rows,
//! *Mark all present*, every delegation invited marked present, the
//! previous session's attendance copied, and a delegate new to the
//! register seated. Each is one edit with its own Undo step, named for
//! what it did.

use chrono::NaiveDate;

use super::command::NewDelegate;
use super::shown_error::Failure;
use super::widgets::counted;
use super::workspace::Workspace;
use crate::edit;
use crate::model::{AttendanceStatus, MeetingId, ParticipantId};

impl Workspace {
    pub(super) fn mark_expected_present(&mut self, meeting: MeetingId, today: NaiveDate) {
        let register = self.document.register();
        let title = register.meeting_title(meeting);
        let count = edit::expected_delegations(register, meeting).len();
        let Some(edit) = edit::expected_present(register, meeting, today) else {
            self.fail(Failure::Refused(format!(
                "Nothing to mark at {title}: it must be held by today, \
                 and have delegations invited (or a previous session to copy)"
            )));
            return;
        };
        let delegations = counted(count, "delegation");
        self.apply_told(
            edit,
            format!("mark {delegations} present at {title}"),
            format!("Marked {delegations} present at {title}"),
        );
    }

    pub(super) fn copy_previous_attendance(&mut self, meeting: MeetingId) {
        let register = self.document.register();
        let title = register.meeting_title(meeting);
        let previous = edit::previous_with_attendance(register, meeting);
        let (Some(previous), Some(edit)) =
            (previous, edit::copy_previous_attendance(register, meeting))
        else {
            self.fail(Failure::Refused(format!(
                "{title} has no previous session in its series with attendance to copy"
            )));
            return;
        };
        let from = register.meeting_title(previous);
        self.apply_told(
            edit,
            format!("copy the attendance of {from} to {title}"),
            format!("Copied the attendance of {from}"),
        );
    }

    pub(super) fn add_new_delegate(&mut self, delegate: &NewDelegate) {
        let register = self.document.register();
        let country = register.participant_name(delegate.participant);
        let Some(edit) = edit::add_new_delegate(
            register,
            delegate.meeting,
            delegate.participant,
            &delegate.name,
            &delegate.title,
        ) else {
            self.fail(Failure::Refused(format!(
                "Type the new delegate's name for {country} first"
            )));
            return;
        };
        let name = delegate.name.trim();
        self.apply_told(
            edit,
            format!("add delegate {name} for {country}"),
            format!("Added {name} to the register as a delegate for {country}"),
        );
    }

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
