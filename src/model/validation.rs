//! Checks a register as a whole and reports every problem at once, in
//! words the officer can act on.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::session_numbers::SeriesSessions;
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
    /// Every problem in the register on `today`, in a stable order. Empty
    /// when valid. Today decides what cannot have happened yet: a meeting
    /// held, a delivery made, a status reached after it.
    pub fn validate(&self, today: NaiveDate) -> Vec<Problem> {
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
            for message in crate::calendar::series_problems(id, series) {
                report(record, message);
            }
        }

        let sessions = SeriesSessions::of_register(self);
        for (&id, meeting) in &self.meetings {
            self.meeting_problems(id, meeting, today, &sessions, &mut report);
        }

        for (&id, commitment) in &self.commitments {
            self.commitment_problems(id, commitment, today, &mut report);
        }
        problems
    }

    pub(super) fn check_marking(
        &self,
        label: impl fmt::Display,
        marking: &str,
        record: Option<Record>,
        report: &mut impl FnMut(Option<Record>, String),
    ) {
        if marking.trim().is_empty() {
            let message = if self.markings.is_empty() {
                format!("{label} has no protective marking")
            } else {
                format!(
                    "{label} has no protective marking: choose one of {}",
                    self.markings.join(", ")
                )
            };
            report(record, message);
        } else if !self.markings.is_empty() && !self.markings.iter().any(|level| level == marking) {
            // With no levels at all, "the register has no marking levels"
            // says it once for every record.
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
