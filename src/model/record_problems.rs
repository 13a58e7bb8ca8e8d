//! The checks of one meeting or one commitment. `validate` runs them for
//! every record; an open editor runs them for its record alone, without a
//! pass over the whole register.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::session_numbers::SeriesSessions;
use super::{
    Attendance, CommitmentId, Meeting, MeetingId, MeetingState, ParticipantId, PersonId, Problem,
    Record, Register,
};

/// How a problem names its record as the officer knows it:
/// `Meeting "Title" (date)`, `Commitment "Title" of Poland`. Written out
/// only when a problem is reported: formatting it for every record up
/// front was most of a large register's validation time.
#[derive(Clone, Copy)]
pub(super) struct Label<'a> {
    pub(super) kind: &'static str,
    pub(super) title: &'a str,
    pub(super) date: Option<NaiveDate>,
    /// The participant the record belongs to, when it exists.
    pub(super) of: Option<&'a str>,
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.kind, self.title)?;
        if let Some(of) = self.of {
            write!(f, " of {of}")?;
        }
        if let Some(date) = self.date {
            write!(f, " ({date})")?;
        }
        Ok(())
    }
}

impl Register {
    /// The problems of one meeting on `today`, without a pass over the
    /// whole register (what an open editor shows; the same words
    /// `validate` uses).
    pub fn meeting_problems_of(&self, id: MeetingId, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(meeting) = self.meeting(id) {
            let sessions = SeriesSessions::of_series(self, meeting.series);
            self.meeting_problems(id, meeting, today, &sessions, &mut |record, message| {
                problems.push(Problem { record, message })
            });
        }
        problems
    }

    /// The problems of one commitment on `today`, without a pass over the
    /// whole register (what an open editor shows; the same words
    /// `validate` uses).
    pub fn commitment_problems_of(&self, id: CommitmentId, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(commitment) = self.commitment(id) {
            self.commitment_problems(id, commitment, today, &mut |record, message| {
                problems.push(Problem { record, message })
            });
        }
        problems
    }

    pub(super) fn meeting_problems(
        &self,
        id: MeetingId,
        meeting: &Meeting,
        today: NaiveDate,
        sessions: &SeriesSessions,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        let record = Some(Record::Meeting(id));
        let label = Label {
            kind: "Meeting",
            title: &meeting.title,
            date: Some(meeting.date),
            of: None,
        };
        if meeting.title.trim().is_empty() {
            report(
                record,
                format!("Meeting #{} on {} has no title", id.0, meeting.date),
            );
        }
        if let Some(series) = meeting.series
            && self.session_series(series).is_none()
        {
            report(
                record,
                format!("{label} belongs to {series}, which does not exist"),
            );
        }
        match (meeting.series, meeting.number) {
            (None, Some(number)) => report(
                record,
                format!(
                    "{label} is numbered No. {number} but belongs to no series: a number counts the sessions of a series"
                ),
            ),
            _ => {
                if let Some(problem) = sessions.numbering_problem(self, id, meeting) {
                    report(record, format!("{label} {problem}"));
                }
            }
        }
        if meeting.state == MeetingState::Held && meeting.date > today {
            report(
                record,
                format!(
                    "{label} is marked Held but its date {} is after today",
                    meeting.date
                ),
            );
        }
        if let (Some(start), Some(end)) = (meeting.start, meeting.end)
            && end < start
        {
            report(
                record,
                format!(
                    "{label} ends ({}) before it starts ({})",
                    end.format("%H:%M"),
                    start.format("%H:%M")
                ),
            );
        }
        self.check_marking(label, &meeting.marking, record, report);
        for convenor in &meeting.convenors {
            if self.participant(*convenor).is_none() {
                report(
                    record,
                    format!("{label} is convened by {convenor}, which does not exist"),
                );
            }
        }
        for chair in &meeting.chairs {
            if self.person(*chair).is_none() {
                report(
                    record,
                    format!("{label} is chaired by {chair}, who does not exist"),
                );
            }
        }
        self.check_delegates_listed_once(&label, meeting, record, report);
        for (participant, attendance) in &meeting.attendance {
            if self.participant(*participant).is_none() {
                report(
                    record,
                    format!("{label} lists attendance for {participant}, which does not exist"),
                );
                continue;
            }
            self.attendance_fits_state(label, meeting, *participant, attendance, record, report);
            for delegate in &attendance.delegates {
                match self.person(*delegate) {
                    None => report(
                        record,
                        format!("{label} lists {delegate} as a delegate, who does not exist"),
                    ),
                    Some(person) if person.role_for(*participant, meeting.date).is_none() => {
                        report(
                            record,
                            format!(
                                "{label}: {} is listed as a delegate of {} but held no role for it on {}",
                                person.name,
                                self.participant_name(*participant),
                                meeting.date
                            ),
                        )
                    }
                    Some(_) => {}
                }
            }
        }
        for (n, item) in meeting.agenda.iter().enumerate() {
            if let Some(lead) = item.lead
                && self.person(lead).is_none()
            {
                report(
                    record,
                    format!(
                        "{label}: agenda item {} is led by {lead}, who does not exist",
                        n + 1
                    ),
                );
            }
        }
        for (n, action) in meeting.actions.iter().enumerate() {
            if let Some(owner) = action.owner
                && !self.owner_exists(owner)
            {
                report(
                    record,
                    format!(
                        "{label}: action {} is owed by {owner}, which does not exist",
                        n + 1
                    ),
                );
            }
        }
    }

    /// A person sits at the table once: listed twice for one participant,
    /// or for two, the attendance record counts them twice.
    fn check_delegates_listed_once(
        &self,
        label: &Label<'_>,
        meeting: &Meeting,
        record: Option<Record>,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        let mut first_for: BTreeMap<PersonId, ParticipantId> = BTreeMap::new();
        for (&participant, attendance) in &meeting.attendance {
            for &delegate in &attendance.delegates {
                let Some(&earlier) = first_for.get(&delegate) else {
                    first_for.insert(delegate, participant);
                    continue;
                };
                let person = self.person(delegate);
                let who = person.map_or_else(|| delegate.to_string(), |p| p.name.clone());
                if earlier == participant {
                    report(
                        record,
                        format!(
                            "{label} lists {who} twice as a delegate of {}",
                            self.participant_name(participant)
                        ),
                    );
                } else if person.is_some_and(|p| p.role_for(participant, meeting.date).is_some()) {
                    // Without a role for the second participant, the
                    // missing role is the problem, and is reported as such.
                    report(
                        record,
                        format!(
                            "{label} lists {who} as a delegate of both {} and {}",
                            self.participant_name(earlier),
                            self.participant_name(participant)
                        ),
                    );
                }
            }
        }
    }
}

impl Register {
    /// Invitations speak of a session before it is held, attendance of one
    /// that was: each in the wrong place says something false.
    fn attendance_fits_state(
        &self,
        label: Label<'_>,
        meeting: &Meeting,
        participant: ParticipantId,
        attendance: &Attendance,
        record: Option<Record>,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        let status = attendance.status;
        let held = meeting.state == MeetingState::Held;
        let name = self.participant_name(participant);
        if held && status.is_expectation() {
            report(
                record,
                format!(
                    "{label}: {name} is recorded as {}, but the session was held: record \
                     whether it attended (Present, Represented, Observer or Apologies)",
                    status.label()
                ),
            );
        } else if !held && status.attended() {
            report(
                record,
                format!(
                    "{label}: {name} is recorded as {}, but the session is {}: record \
                     Invited or Confirmed until it is held",
                    status.label(),
                    meeting.state.label()
                ),
            );
        }
    }
}
