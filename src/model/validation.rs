//! Checks a register as a whole and reports every problem at once, in
//! words the officer can act on.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;

use super::reference_clashes::SharedReferences;
use super::session_numbers::SeriesSessions;
use super::{Field, Record, Register};

/// One thing wrong with the register.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The record the problem is in; `None` for register-wide settings.
    pub record: Option<Record>,
    /// The field at fault, where one is, so the window can open the
    /// record there.
    pub field: Option<Field>,
    pub message: String,
}

/// Where problems go as they are found: the record, the field at fault
/// and the sentence.
pub(super) trait OnProblem: FnMut(Option<Record>, Option<Field>, String) {}

impl<F: FnMut(Option<Record>, Option<Field>, String)> OnProblem for F {}

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
        let mut report = |record: Option<Record>, field: Option<Field>, message: String| {
            problems.push(Problem {
                record,
                field,
                message,
            });
        };

        check_list("marking levels", &self.markings, &mut report);
        check_list("capability areas", &self.capability_areas, &mut report);
        if let Err(error) = super::check_reference_pattern(&self.reference_pattern) {
            report(None, None, error.to_string());
        }
        if let Err(message) = super::check_office_code(&self.office) {
            report(None, None, message.to_string());
        }
        // First: until settled, a conflict means the register says two things.
        for problem in self.conflict_problems() {
            report(problem.record, problem.field, problem.message);
        }

        self.participant_problems(&mut report);
        self.people_problems(&mut report);
        self.session_series_problems(&mut report);

        let sessions = SeriesSessions::of_register(self);
        let references = SharedReferences::of_register(self);
        let mut copies = self.copy_groups_by_meeting();
        for (&id, meeting) in &self.meetings {
            self.meeting_problems(id, meeting, today, (&sessions, &references), &mut report);
            for group in copies.remove(&id).unwrap_or_default() {
                if let Some(problem) = self.copies_problem(id, &group) {
                    report(problem.record, problem.field, problem.message);
                }
            }
        }

        for (&id, commitment) in &self.commitments {
            self.commitment_problems(id, commitment, today, &mut report);
        }
        problems
    }

    /// A meeting or series convened by a participant the register does
    /// not hold.
    pub(super) fn convenor_problem(
        &self,
        label: super::KnownAs<'_>,
        convenors: &[super::ParticipantId],
    ) -> Option<String> {
        convenors
            .iter()
            .any(|convenor| self.participant(*convenor).is_none())
            .then(|| format!("{label} is convened by a participant that is not in the register"))
    }

    /// Nameless or codeless participants, nations without an ISO code, and codes used twice.
    fn participant_problems(&self, report: &mut impl OnProblem) {
        let mut codes: BTreeMap<String, Vec<super::ParticipantId>> = BTreeMap::new();
        for (&id, participant) in &self.participants {
            let record = Some(Record::Participant(id));
            let label = self.named(Record::Participant(id));
            if participant.name.trim().is_empty() {
                report(record, Some(Field::Name), format!("{label} has no name"));
            }
            let code = participant.code.trim();
            if code.is_empty() {
                report(record, Some(Field::Code), format!("{label} has no code"));
            } else {
                codes.entry(code.to_uppercase()).or_default().push(id);
            }
            if participant.kind == super::ParticipantKind::Nation
                && !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))
                && !code.is_empty()
            {
                report(
                    record,
                    Some(Field::Code),
                    format!(
                        "{label} has code \"{code}\": a nation's code is three capital letters (ISO 3166 alpha-3, e.g. GBR)"
                    ),
                );
            }
            // The nation sheet refuses to print points it cannot rank.
            if let Some(marking) = &participant.points_marking
                && !self.markings.contains(marking)
            {
                report(
                    record,
                    None,
                    format!(
                        "{label}'s points to raise are marked \u{201c}{marking}\u{201d}, which is \
                         not one of the register's levels: choose one of {}",
                        self.markings.join(", ")
                    ),
                );
            }
        }
        for (code, ids) in &codes {
            if let [.., last] = ids.as_slice()
                && ids.len() > 1
            {
                let names: Vec<String> = ids
                    .iter()
                    .map(|&id| self.mentioned(Record::Participant(id)).to_string())
                    .collect();
                report(
                    Some(Record::Participant(*last)),
                    Some(Field::Code),
                    format!(
                        "Code {code} is used by more than one participant: {}",
                        names.join(", ")
                    ),
                );
            }
        }
    }

    /// Nameless people, and roles on behalf of no participant or ending before they start.
    fn people_problems(&self, report: &mut impl OnProblem) {
        for (&id, person) in &self.people {
            let record = Some(Record::Person(id));
            let who = self.named(Record::Person(id));
            if person.name.trim().is_empty() {
                let message = match person.roles.first() {
                    Some(role) => format!(
                        "A representative of {} has no name",
                        self.mentioned(Record::Participant(role.participant))
                    ),
                    None => "A person with no role has no name".to_string(),
                };
                report(record, Some(Field::Name), message);
            }
            for (n, role) in person.roles.iter().enumerate() {
                let at = Some(Field::Role(n));
                if self.participant(role.participant).is_none() {
                    report(
                        record,
                        at,
                        format!(
                            "{who}'s role \"{}\" is on behalf of a participant that is not in the register",
                            role.title
                        ),
                    );
                }
                if let (Some(from), Some(to)) = (role.from, role.to)
                    && to < from
                {
                    report(
                        record,
                        at,
                        format!(
                            "{who}'s role \"{}\" ends ({to}) before it starts ({from})",
                            role.title
                        ),
                    );
                }
            }
        }
        self.head_of_delegation_problems(report);
    }

    /// Two offices heading one participant's delegation on the same day:
    /// its nation sheet could name only one of their holders.
    fn head_of_delegation_problems(&self, report: &mut impl OnProblem) {
        let heads: Vec<_> = self
            .people
            .iter()
            .flat_map(|(&id, person)| {
                person
                    .roles
                    .iter()
                    .enumerate()
                    .filter(|(_, role)| role.head_of_delegation)
                    .map(move |(n, role)| (id, n, role))
            })
            .collect();
        for (i, (id, n, role)) in heads.iter().enumerate() {
            let earlier = heads.iter().take(i).find(|(_, _, other)| {
                other.participant == role.participant
                    && other
                        .from
                        .is_none_or(|from| role.to.is_none_or(|to| from <= to))
                    && role
                        .from
                        .is_none_or(|from| other.to.is_none_or(|to| from <= to))
            });
            if let Some((other, _, _)) = earlier {
                report(
                    Some(Record::Person(*id)),
                    Some(Field::Role(*n)),
                    format!(
                        "{} and {} both head {}'s delegation on the same days: mark only one \
                         office held on a day as heading it (head_of_delegation)",
                        self.named(Record::Person(*other)),
                        self.mentioned(Record::Person(*id)),
                        self.mentioned(Record::Participant(role.participant))
                    ),
                );
            }
        }
    }

    /// Nameless series, times that end before they start, unknown convenors, and what the cadence gives.
    fn session_series_problems(&self, report: &mut impl OnProblem) {
        for (&id, series) in &self.series {
            let record = Some(Record::Series(id));
            let label = self.named(Record::Series(id));
            if series.name.trim().is_empty() {
                let message = match series.first {
                    Some(first) => format!("A series starting {first} has no name"),
                    None => "A series has no name".to_string(),
                };
                report(record, Some(Field::Name), message);
            }
            if let (Some(start), Some(end)) = (series.start, series.end)
                && end < start
            {
                report(
                    record,
                    Some(Field::Times),
                    format!("{label} ends ({end}) before it starts ({start})"),
                );
            }
            if let Some(problem) = self.convenor_problem(label, &series.convenors) {
                report(record, Some(Field::Convenors), problem);
            }
            for (field, message) in super::recurrence::series_problems(self, id, series) {
                report(record, Some(field), message);
            }
        }
    }

    pub(super) fn check_marking(
        &self,
        label: impl fmt::Display,
        marking: &str,
        record: Option<Record>,
        report: &mut impl OnProblem,
    ) {
        let at = Some(Field::Marking);
        if marking.trim().is_empty() {
            let message = if self.markings.is_empty() {
                format!("{label} has no protective marking")
            } else {
                format!(
                    "{label} has no protective marking: choose one of {}",
                    self.markings.join(", ")
                )
            };
            report(record, at, message);
        } else if !self.markings.is_empty() && !self.markings.iter().any(|level| level == marking) {
            // With no levels at all, "the register has no marking levels"
            // says it once for every record.
            report(
                record,
                at,
                format!(
                    "{label} is marked \"{marking}\", which is not one of the register's marking levels"
                ),
            );
        }
    }
}

fn check_list(what: &str, list: &[String], report: &mut impl OnProblem) {
    if list.is_empty() {
        report(None, None, format!("The register has no {what}"));
    }
    let mut seen = std::collections::BTreeSet::new();
    for entry in list {
        if entry.trim().is_empty() {
            report(
                None,
                None,
                format!("The register's {what} include an empty entry"),
            );
        } else if !seen.insert(entry) {
            report(
                None,
                None,
                format!("The register's {what} list \"{entry}\" twice"),
            );
        }
    }
}
