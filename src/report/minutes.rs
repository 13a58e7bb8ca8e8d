//! What a printed record says of its own standing: DRAFT until approved,
//! "REV n" once revised, and on request the change log of its revisions.

use serde::Serialize;

use super::format::long_date;
use crate::model::{Meeting, MeetingId, MinutesState, Register};

/// One changed field in the change log annex.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChangeLine {
    /// "REV 1".
    pub revision: String,
    /// "2 June 2025".
    pub date: String,
    pub reason: String,
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The record's standing as printed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MinutesStanding {
    /// Not yet approved (or a revision not yet approved): every page
    /// carries a DRAFT watermark and the heading says "Draft".
    pub draft: bool,
    /// "REV 1" once the record has been revised.
    pub revision: Option<String>,
    /// The line under the title: "Draft — comments due 25 April 2025",
    /// "Approved on 8 May 2025 at Defence ministers (2025-05-08) by …".
    pub line: String,
    /// The standing in a few words for the running header of every page
    /// ("Draft", "Draft, circulated", "Approved · REV 1"): the watermark is
    /// a picture to text tools and screen readers, this is text.
    pub header: String,
    /// The change log annex, when asked for and there is one.
    pub changes: Option<Vec<ChangeLine>>,
}

/// The revision number a meeting's record carries (0 before any): for the
/// document reference, which names the revision ("… REV 1").
pub fn minutes_revision(register: &Register, id: MeetingId) -> u32 {
    register.meeting(id).map_or(0, |m| m.minutes.revision())
}

/// "REV n" for revision `n`; nothing for an unrevised record.
pub fn revision_mark(revision: u32) -> Option<String> {
    (revision > 0).then(|| format!("REV {revision}"))
}

/// What the printed record says of `meeting`'s standing; the change log
/// only when `change_log` is asked for.
pub fn minutes_standing(
    register: &Register,
    meeting: &Meeting,
    change_log: bool,
) -> MinutesStanding {
    let minutes = &meeting.minutes;
    let revision = revision_mark(minutes.revision());
    let line = match minutes.state() {
        MinutesState::Draft => "Draft".to_string(),
        MinutesState::Circulated => {
            let due = minutes
                .circulation()
                .and_then(|c| c.comments_due)
                .map(|d| format!(", comments due {}", long_date(d)))
                .unwrap_or_default();
            format!("Draft — circulated for comment{due}")
        }
        MinutesState::Approved => {
            let mut line = String::from("Approved");
            if let Some(step) = minutes.approval() {
                line.push_str(&format!(" on {}", long_date(step.date)));
                if let Some(at) = step.approved_at {
                    line.push_str(&format!(" at {}", register.meeting_title(at)));
                }
                if !step.approved_by.is_empty() {
                    line.push_str(&format!(" by {}", step.approved_by));
                }
                // No meeting: agreed in writing when the comment period
                // ended, which the record says rather than leave a gap.
                if step.approved_at.is_none() {
                    line.push_str(if step.approved_by.is_empty() {
                        " by written procedure"
                    } else {
                        ", by written procedure"
                    });
                }
            }
            line
        }
    };
    let header = match minutes.state() {
        MinutesState::Draft => "Draft",
        MinutesState::Circulated => "Draft, circulated",
        MinutesState::Approved => "Approved",
    };
    let (line, header) = match &revision {
        Some(mark) => (format!("{line} · {mark}"), format!("{header} · {mark}")),
        None => (line, header.to_string()),
    };
    let changes: Vec<ChangeLine> = minutes
        .revisions
        .iter()
        .flat_map(|revision| {
            revision.changes.iter().map(|change| ChangeLine {
                revision: format!("REV {}", revision.number),
                date: long_date(revision.date),
                reason: revision.reason.clone(),
                field: change.field.clone(),
                before: change.before.clone(),
                after: change.after.clone(),
            })
        })
        .collect();
    MinutesStanding {
        draft: !minutes.is_locked(),
        revision,
        line,
        header,
        changes: (change_log && !minutes.revisions.is_empty()).then_some(changes),
    }
}
