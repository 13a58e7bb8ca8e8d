//! The two ways a record is approved, as the rules judge them: at a later
//! meeting that was held, on the day it was held, or with no meeting by
//! written procedure once the comment period of its circulation has ended
//! (the silence procedure NATO and the EU use).

use chrono::NaiveDate;

use super::MinutesContext;
use crate::model::{MeetingId, MeetingState, MinutesError, MinutesLife};

impl MinutesLife {
    /// An approval with no meeting is by written procedure: the record was
    /// circulated for comment, and it is agreed when the comment period
    /// ends without objection, not before.
    pub(super) fn written_procedure(&self, date: NaiveDate) -> Result<(), MinutesError> {
        let Some(circulation) = self.circulation() else {
            return Err(MinutesError::WrittenProcedureUncirculated(
                self.state().label(),
            ));
        };
        match circulation.comments_due {
            Some(due) if date < due => {
                Err(MinutesError::WrittenProcedureBeforeComments { date, due })
            }
            _ => Ok(()),
        }
    }
}

/// An approval at meeting `at` on `date`: a later meeting than the one
/// recorded, held, and on the day it was held.
pub(super) fn approved_at(
    context: MinutesContext<'_>,
    at: MeetingId,
    date: NaiveDate,
) -> Result<(), MinutesError> {
    if at == context.meeting {
        return Err(MinutesError::ApprovedAtItself);
    }
    let Some(there) = context.register.meeting(at) else {
        return Err(MinutesError::NoSuchMeeting(at));
    };
    let title = || context.register.meeting_title(at);
    if there.date < context.meeting_date {
        return Err(MinutesError::ApprovedAtEarlierMeeting(title()));
    }
    if there.state != MeetingState::Held {
        return Err(MinutesError::ApprovedAtUnheld {
            meeting: title(),
            state: there.state.label(),
        });
    }
    if there.date != date {
        return Err(MinutesError::NotOnMeetingDay {
            meeting: title(),
            date,
            held: there.date,
        });
    }
    Ok(())
}
