//! Checks a register as a whole and reports every problem at once, in
//! words the officer can act on.

use std::collections::BTreeMap;
use std::fmt;

use super::{Record, Register};

/// One thing wrong with the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record the problem is in; `None` for register-wide settings.
    pub record: Option<Record>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Register {
    /// Every problem in the register, in a stable order. Empty when valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut report = |record: Option<Record>, message: String| {
            problems.push(Problem { record, message });
        };

        check_list("marking levels", &self.markings, &mut report);
        check_list("capability areas", &self.capability_areas, &mut report);

        let mut codes: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (&id, participant) in &self.participants {
            let record = Some(Record::Participant(id));
            let label = format!("Participant #{}", id.0);
            if participant.name.trim().is_empty() {
                report(record, format!("{label} has no name"));
            }
            let code = participant.code.trim();
            if code.is_empty() {
                report(
                    record,
                    format!("{label} ({}) has no code", participant.name),
                );
            } else {
                codes
                    .entry(code.to_uppercase())
                    .or_default()
                    .push(participant.name.clone());
            }
            if participant.kind == super::ParticipantKind::Nation
                && !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))
                && !code.is_empty()
            {
                report(
                    record,
                    format!(
                        "{} has code \"{code}\": a nation's code is three capital letters (ISO 3166 alpha-3, e.g. GBR)",
                        participant.name
                    ),
                );
            }
        }
        for (code, names) in &codes {
            if names.len() > 1 {
                report(
                    None,
                    format!(
                        "Code {code} is used by more than one participant: {}",
                        names.join(", ")
                    ),
                );
            }
        }

        for (&id, person) in &self.people {
            let record = Some(Record::Person(id));
            let who = if person.name.trim().is_empty() {
                report(record, format!("Person #{} has no name", id.0));
                format!("Person #{}", id.0)
            } else {
                person.name.clone()
            };
            for role in &person.roles {
                if self.participant(role.participant).is_none() {
                    report(
                        record,
                        format!(
                            "{who}'s role \"{}\" is on behalf of {}, which does not exist",
                            role.title, role.participant
                        ),
                    );
                }
                if let (Some(from), Some(to)) = (role.from, role.to)
                    && to < from
                {
                    report(
                        record,
                        format!(
                            "{who}'s role \"{}\" ends ({to}) before it starts ({from})",
                            role.title
                        ),
                    );
                }
            }
        }

        for (&id, series) in &self.series {
            let record = Some(Record::Series(id));
            let label = if series.name.trim().is_empty() {
                report(record, format!("Series #{} has no name", id.0));
                format!("Series #{}", id.0)
            } else {
                format!("Series \"{}\"", series.name)
            };
            if let (Some(start), Some(end)) = (series.start, series.end)
                && end < start
            {
                report(
                    record,
                    format!("{label} ends ({end}) before it starts ({start})"),
                );
            }
            for convenor in &series.convenors {
                if self.participant(*convenor).is_none() {
                    report(
                        record,
                        format!("{label} is convened by {convenor}, which does not exist"),
                    );
                }
            }
        }

        for (&id, meeting) in &self.meetings {
            let record = Some(Record::Meeting(id));
            let label = format!("Meeting \"{}\" ({})", meeting.title, meeting.date);
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
            self.check_marking(&label, &meeting.marking, record, &mut report);
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

        for (&id, commitment) in &self.commitments {
            let record = Some(Record::Commitment(id));
            let label = format!("Commitment \"{}\"", commitment.title);
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
            self.check_marking(&label, &commitment.marking, record, &mut report);
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
        problems
    }

    fn check_marking(
        &self,
        label: &str,
        marking: &str,
        record: Option<Record>,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        if !self.markings.iter().any(|level| level == marking) {
            report(
                record,
                format!(
                    "{label} is marked \"{marking}\", which is not one of the register's marking levels"
                ),
            );
        }
    }
}

fn check_list(what: &str, list: &[String], report: &mut impl FnMut(Option<Record>, String)) {
    if list.is_empty() {
        report(None, format!("The register has no {what}"));
    }
    let mut seen = std::collections::BTreeSet::new();
    for entry in list {
        if entry.trim().is_empty() {
            report(
                None,
                format!("The register's {what} include an empty entry"),
            );
        } else if !seen.insert(entry) {
            report(
                None,
                format!("The register's {what} list \"{entry}\" twice"),
            );
        }
    }
}
