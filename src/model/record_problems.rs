//! The checks of one meeting or one commitment. `validate` runs them for
//! every record; an open editor runs them for its record alone, without a
//! pass over the whole register.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::agenda;
use super::reference_clashes::SharedReferences;
use super::session_numbers::SeriesSessions;
use super::validation::OnProblem;
use super::{
    Attendance, CommitmentId, Field, KnownAs, Meeting, MeetingId, MeetingState, ParticipantId,
    PersonId, Problem, Record, Register,
};

impl Register {
    /// The problems of one meeting on `today`, without a pass over the
    /// whole register (what an open editor shows; the same words
    /// `validate` uses).
    pub fn meeting_problems_of(&self, id: MeetingId, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(meeting) = self.meeting(id) {
            let sessions = SeriesSessions::of_series(self, meeting.series);
            let references = SharedReferences::of_meeting(self, id);
            self.meeting_problems(
                id,
                meeting,
                today,
                (&sessions, &references),
                &mut |record, field, message| {
                    problems.push(Problem {
                        record,
                        field,
                        message,
                    })
                },
            );
            for group in self.copy_groups_ending_in(id) {
                problems.extend(self.copies_problem(id, &group));
            }
        }
        problems
    }

    /// The problems of one commitment on `today`, without a pass over the
    /// whole register (what an open editor shows; the same words
    /// `validate` uses).
    pub fn commitment_problems_of(&self, id: CommitmentId, today: NaiveDate) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(commitment) = self.commitment(id) {
            self.commitment_problems(id, commitment, today, &mut |record, field, message| {
                problems.push(Problem {
                    record,
                    field,
                    message,
                })
            });
        }
        problems
    }

    pub(super) fn meeting_problems(
        &self,
        id: MeetingId,
        meeting: &Meeting,
        today: NaiveDate,
        (sessions, references): (&SeriesSessions, &SharedReferences),
        report: &mut impl OnProblem,
    ) {
        let record = Some(Record::Meeting(id));
        let label = self.named(Record::Meeting(id));
        if meeting.title.trim().is_empty() {
            report(
                record,
                Some(Field::Title),
                format!("A meeting on {} has no title", meeting.date),
            );
        }
        if let Some(series) = meeting.series
            && self.session_series(series).is_none()
        {
            report(
                record,
                Some(Field::Series),
                format!("{label} belongs to a series that is not in the register"),
            );
        }
        // A number out of place is reported once: the reference it makes
        // another session's follows from it and is not reported again.
        let mut misnumbered = false;
        match (meeting.series, meeting.number) {
            (None, Some(number)) => report(
                record,
                Some(Field::Number),
                format!(
                    "{label} is numbered No. {number} but belongs to no series: a number counts the sessions of a series"
                ),
            ),
            _ => {
                if let Some(problem) = sessions.numbering_problem(self, id, meeting) {
                    misnumbered = true;
                    report(record, Some(Field::Number), format!("{label} {problem}"));
                }
            }
        }
        if let Some(problem) = references.problem(self, id).filter(|_| !misnumbered) {
            let at = match meeting.series {
                Some(_) => Field::Number,
                None => Field::Series,
            };
            report(record, Some(at), format!("{label} {problem}"));
        }
        if meeting.state == MeetingState::Held && meeting.date > today {
            report(
                record,
                Some(Field::State),
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
                Some(Field::Times),
                format!(
                    "{label} ends ({}) before it starts ({})",
                    end.format("%H:%M"),
                    start.format("%H:%M")
                ),
            );
        }
        self.check_marking(label, &meeting.marking, record, report);
        self.check_part_markings(label, id, meeting, report);
        if let Some(problem) = self.convenor_problem(label, &meeting.convenors) {
            report(record, Some(Field::Convenors), problem);
        }
        if meeting
            .chairs
            .iter()
            .any(|chair| self.person(*chair).is_none())
        {
            report(
                record,
                Some(Field::Chairs),
                format!("{label} is chaired by a person who is not in the register"),
            );
        }
        self.check_delegates_listed_once(&label, meeting, record, report);
        self.attendance_problems(label, meeting, record, report);
        if let Some(off_cadence) = super::recurrence::meeting_day_problem(self, meeting) {
            report(record, Some(Field::Date), format!("{label} {off_cadence}"));
        }
        self.proceedings_problems(label, meeting, record, report);
        self.minutes_life_problems(id, meeting, today, &mut |message| {
            report(record, Some(Field::MinutesLife), message)
        });
    }

    /// Each participant's attendance: a participant or delegate not in
    /// the register, a delegate without a role for it that day, and what
    /// the meeting's state and "on behalf of" allow.
    fn attendance_problems(
        &self,
        label: KnownAs<'_>,
        meeting: &Meeting,
        record: Option<Record>,
        report: &mut impl OnProblem,
    ) {
        for (participant, attendance) in &meeting.attendance {
            let at = Some(Field::Attendance(*participant));
            if self.participant(*participant).is_none() {
                report(
                    record,
                    at,
                    format!(
                        "{label} lists attendance for a participant that is not in the register"
                    ),
                );
                continue;
            }
            self.attendance_fits_state(label, meeting, *participant, attendance, record, report);
            self.on_behalf_problems(label, meeting, *participant, attendance, record, report);
            for delegate in &attendance.delegates {
                match self.person(*delegate) {
                    None => report(
                        record,
                        at,
                        format!(
                            "{label} lists a delegate of {} who is not in the register",
                            self.mentioned(Record::Participant(*participant))
                        ),
                    ),
                    Some(person) if person.role_for(*participant, meeting.date).is_none() => {
                        report(
                            record,
                            at,
                            format!(
                                "{label}: {} is listed as a delegate of {} but held no role for it on {}",
                                self.mentioned(Record::Person(*delegate)),
                                self.mentioned(Record::Participant(*participant)),
                                meeting.date
                            ),
                        )
                    }
                    Some(_) => {}
                }
            }
        }
    }

    /// The agenda and actions: leads and owners not in the register, an
    /// agenda that overruns a planned session, actions carried over to a
    /// meeting that is gone.
    fn proceedings_problems(
        &self,
        label: KnownAs<'_>,
        meeting: &Meeting,
        record: Option<Record>,
        report: &mut impl OnProblem,
    ) {
        let numbers = agenda::agenda_numbers(&meeting.agenda);
        for ((n, item), number) in meeting.agenda.iter().enumerate().zip(&numbers) {
            if let Some(lead) = item.lead
                && self.person(lead).is_none()
            {
                report(
                    record,
                    Some(Field::Agenda(n)),
                    format!(
                        "{label}: agenda item {number} is led by a person who is not in the register"
                    ),
                );
            }
        }
        // A planned session's agenda can still be cut to fit; a held one's
        // is history, and no reason to hold its record back.
        if meeting.state == MeetingState::Planned
            && let Some(overrun) = agenda::agenda_schedule(meeting).overrun
        {
            report(
                record,
                Some(Field::Agenda(overrun.from_item)),
                format!(
                    "{label}: the agenda {}.",
                    agenda::overrun_text(meeting, overrun)
                ),
            );
        }
        for (n, action) in meeting.actions.iter().enumerate() {
            if let Some(owner) = action.owner
                && !self.owner_exists(owner)
            {
                report(
                    record,
                    Some(Field::Action(n)),
                    format!(
                        "{label}: action {} is owed by a participant that is not in the register",
                        n + 1
                    ),
                );
            }
        }
        for (n, action) in meeting.actions.iter().enumerate() {
            if action
                .carried_to
                .iter()
                .any(|to| self.meeting(*to).is_none())
            {
                report(
                    record,
                    Some(Field::Action(n)),
                    format!(
                        "{label}: action {} is carried over to a meeting that is not in the register",
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
        label: &KnownAs<'_>,
        meeting: &Meeting,
        record: Option<Record>,
        report: &mut impl OnProblem,
    ) {
        let mut first_for: BTreeMap<PersonId, ParticipantId> = BTreeMap::new();
        for (&participant, attendance) in &meeting.attendance {
            for &delegate in &attendance.delegates {
                let Some(&earlier) = first_for.get(&delegate) else {
                    first_for.insert(delegate, participant);
                    continue;
                };
                let person = self.person(delegate);
                let who = self.mentioned(Record::Person(delegate));
                let at = Some(Field::Attendance(participant));
                if earlier == participant {
                    report(
                        record,
                        at,
                        format!(
                            "{label} lists {who} twice as a delegate of {}",
                            self.mentioned(Record::Participant(participant))
                        ),
                    );
                } else if person.is_some_and(|p| p.role_for(participant, meeting.date).is_some()) {
                    // Without a role for the second participant, the
                    // missing role is the problem, and is reported as such.
                    report(
                        record,
                        at,
                        format!(
                            "{label} lists {who} as a delegate of both {} and {}",
                            self.mentioned(Record::Participant(earlier)),
                            self.mentioned(Record::Participant(participant))
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
        label: KnownAs<'_>,
        meeting: &Meeting,
        participant: ParticipantId,
        attendance: &Attendance,
        record: Option<Record>,
        report: &mut impl OnProblem,
    ) {
        let status = attendance.status;
        let held = meeting.state == MeetingState::Held;
        let name = self.mentioned(Record::Participant(participant));
        let at = Some(Field::Attendance(participant));
        if held && status.is_expectation() {
            report(
                record,
                at,
                format!(
                    "{label}: {name} is recorded as {}, but the session was held: record \
                     whether it attended (Present, Represented, Observer or Apologies)",
                    status.label()
                ),
            );
        } else if !held && status.attended() {
            report(
                record,
                at,
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
