//! The checks of an attendance line's "on behalf of": who sat for a
//! participant without being its official, and which participant
//! represented it. Kept apart from the delegates' checks, whose rule
//! (a role for the participant on the day) these people need not meet.

use super::validation::OnProblem;
use super::{
    Attendance, AttendanceStatus, Field, KnownAs, Meeting, ParticipantId, Record, Register,
};

impl Register {
    /// Stand-ins in the register, each once and not also a delegate of the
    /// same line; `represented_by` only on a `Represented` line, naming
    /// another participant in the register whose own attendance at a
    /// held session says it took part.
    pub(super) fn on_behalf_problems(
        &self,
        label: KnownAs<'_>,
        meeting: &Meeting,
        participant: ParticipantId,
        attendance: &Attendance,
        record: Option<Record>,
        report: &mut impl OnProblem,
    ) {
        let at = Some(Field::Attendance(participant));
        let name = self.mentioned(Record::Participant(participant));
        for (n, &person) in attendance.stand_ins.iter().enumerate() {
            let who = self.mentioned(Record::Person(person));
            if self.person(person).is_none() {
                report(
                    record,
                    at,
                    format!("{label} lists someone sitting for {name} who is not in the register"),
                );
            } else if attendance.delegates.contains(&person) {
                report(
                    record,
                    at,
                    format!(
                        "{label} lists {who} both as a delegate of {name} and as sitting for it: \
                         keep one"
                    ),
                );
            } else if attendance.stand_ins.iter().take(n).any(|p| *p == person) {
                report(
                    record,
                    at,
                    format!("{label} lists {who} twice as sitting for {name}"),
                );
            }
        }
        let Some(by) = attendance.represented_by else {
            return;
        };
        if self.participant(by).is_none() {
            report(
                record,
                at,
                format!(
                    "{label}: {name} is represented by a participant that is not in the register"
                ),
            );
            return;
        }
        let representative = self.mentioned(Record::Participant(by));
        if by == participant {
            report(
                record,
                at,
                format!("{label}: {name} is recorded as represented by itself"),
            );
        } else if attendance.status != AttendanceStatus::Represented {
            report(
                record,
                at,
                format!(
                    "{label}: {name} is recorded as {} but names {representative} as \
                     representing it: set the status to Represented, or clear Represented by",
                    attendance.status.label()
                ),
            );
        } else if !meeting.attended_by(by) && meeting.state == super::MeetingState::Held {
            report(
                record,
                at,
                format!(
                    "{label}: {name} is recorded as represented by {representative}, whose own \
                     attendance does not say it took part: record {representative} as present"
                ),
            );
        }
    }
}
