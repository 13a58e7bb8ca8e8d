//! The checks of one meeting or one commitment. `validate` runs them for
//! every record; an open editor runs them for its record alone, without a
//! pass over the whole register.

use std::fmt;

use chrono::NaiveDate;

use super::{Commitment, CommitmentId, Meeting, MeetingId, Problem, Record, Register};

/// How a problem names its record: `Meeting "Title" (date)`. Written out
/// only when a problem is reported: formatting it for every record up
/// front was most of a large register's validation time.
#[derive(Clone, Copy)]
pub(super) struct Label<'a> {
    kind: &'static str,
    title: &'a str,
    date: Option<NaiveDate>,
}

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\"", self.kind, self.title)?;
        if let Some(date) = self.date {
            write!(f, " ({date})")?;
        }
        Ok(())
    }
}

impl Register {
    /// The problems of one meeting, without a pass over the whole register
    /// (what an open editor shows; the same words `validate` uses).
    pub fn meeting_problems_of(&self, id: MeetingId) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(meeting) = self.meeting(id) {
            self.meeting_problems(id, meeting, &mut |record, message| {
                problems.push(Problem { record, message })
            });
        }
        problems
    }

    /// The problems of one commitment, without a pass over the whole
    /// register (what an open editor shows; the same words `validate` uses).
    pub fn commitment_problems_of(&self, id: CommitmentId) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(commitment) = self.commitment(id) {
            self.commitment_problems(id, commitment, &mut |record, message| {
                problems.push(Problem { record, message })
            });
        }
        problems
    }

    pub(super) fn meeting_problems(
        &self,
        id: MeetingId,
        meeting: &Meeting,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        let record = Some(Record::Meeting(id));
        let label = Label {
            kind: "Meeting",
            title: &meeting.title,
            date: Some(meeting.date),
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
        for (participant, attendance) in &meeting.attendance {
            if self.participant(*participant).is_none() {
                report(
                    record,
                    format!("{label} lists attendance for {participant}, which does not exist"),
                );
                continue;
            }
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
                && self.participant(owner).is_none()
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

    pub(super) fn commitment_problems(
        &self,
        id: CommitmentId,
        commitment: &Commitment,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        let record = Some(Record::Commitment(id));
        let label = Label {
            kind: "Commitment",
            title: &commitment.title,
            date: None,
        };
        if commitment.title.trim().is_empty() {
            report(record, format!("Commitment #{} has no title", id.0));
        }
        if self.participant(commitment.participant).is_none() {
            report(
                record,
                format!(
                    "{label} is made by {}, which does not exist",
                    commitment.participant
                ),
            );
        }
        if let Some(meeting) = commitment.announced_at
            && self.meeting(meeting).is_none()
        {
            report(
                record,
                format!("{label} was announced at {meeting}, which does not exist"),
            );
        }
        if !self.capability_areas.contains(&commitment.area) {
            report(
                record,
                format!(
                    "{label} has capability area \"{}\", which is not in the register's list",
                    commitment.area
                ),
            );
        }
        self.check_marking(label, &commitment.marking, record, report);
        if let Some(quantity) = &commitment.quantity
            && quantity.amount.is_sign_negative()
        {
            report(
                record,
                format!("{label} has a negative quantity ({})", quantity.amount),
            );
        }
        if commitment
            .deliveries
            .iter()
            .any(|d| d.amount.is_sign_negative())
        {
            report(record, format!("{label} has a negative delivery"));
        }
        if !commitment.deliveries.is_empty() {
            let delivered = commitment.delivered_so_far();
            match &commitment.quantity {
                None => report(
                    record,
                    format!("{label} records deliveries but has no quantity"),
                ),
                Some(q) if delivered > q.amount => report(
                    record,
                    format!(
                        "{label} has {delivered} delivered, more than the {} {} committed",
                        q.amount, q.unit
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(value) = &commitment.value {
            if value.amount.is_sign_negative() {
                report(
                    record,
                    format!(
                        "{label} has a negative value ({} {})",
                        value.amount, value.currency
                    ),
                );
            }
            if !(value.currency.len() == 3
                && value.currency.chars().all(|c| c.is_ascii_uppercase()))
            {
                report(
                    record,
                    format!(
                        "{label} has currency \"{}\": use a three-letter ISO 4217 code such as EUR",
                        value.currency
                    ),
                );
            }
        }
        if let Some(last) = commitment.history.last()
            && last.status != commitment.status
        {
            report(
                record,
                format!(
                    "{label} is {} but its history ends with {}",
                    commitment.status.label(),
                    last.status.label()
                ),
            );
        }
        if commitment
            .history
            .windows(2)
            .any(|w| matches!(w, [a, b] if b.date < a.date))
        {
            report(
                record,
                format!("{label} has a status history out of date order"),
            );
        }
        for change in &commitment.history {
            if let Some(meeting) = change.meeting
                && self.meeting(meeting).is_none()
            {
                report(
                    record,
                    format!("{label}'s history refers to {meeting}, which does not exist"),
                );
            }
        }
    }
}
