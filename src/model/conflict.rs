//! What a merge of two copies of the register could not settle alone: the
//! same field changed to different values in both copies, or a record
//! deleted in one and changed in the other; or, from a comparison without
//! a common copy, any difference at all. This copy's value is applied
//! and the other copy's is kept beside it, so nothing is lost; until the
//! officer settles it, `check` names it and no document that includes the
//! record is printed.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{Field, ParticipantId, Problem, Record, Register};

/// One unsettled difference between two copies, found by a merge.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Conflict {
    /// The record in conflict, by kind and id as in this copy; `None` for
    /// the register's own settings (its name, levels, areas).
    pub record: Option<Record>,
    /// The field as written in the file (`title`, `attendance[3]` or
    /// `attendance[LON-3]` for a participant's row, `agenda[2]` for the second item); empty when one
    /// copy deleted the whole record.
    pub field: String,
    /// This copy's value as RON text (the one applied); `None` when this
    /// copy deleted the record.
    pub ours: Option<String>,
    /// The other copy's value as RON text; `None` when it deleted the
    /// record.
    pub theirs: Option<String>,
    /// The office that keeps this copy.
    pub ours_office: String,
    /// The office whose copy was merged in.
    pub theirs_office: String,
    /// When the two copies were merged.
    #[serde(deserialize_with = "super::file_values::date_time")]
    pub merged: NaiveDateTime,
    /// The record as the other copy names it, when this copy deleted it
    /// (this copy can no longer name it); empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Found by a comparison without a common copy: which copy changed,
    /// added or deleted the record is not known, only that they differ.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub compared: bool,
    /// The rule the register's checks found broken when both copies'
    /// changes were put together, each fine alone (two deliveries past
    /// the amount, a commitment for a participant the other copy
    /// deleted); empty for a field changed in both copies.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub broken_rule: String,
}

impl Conflict {
    /// "is" or "are", to follow the field's words in a sentence: "the
    /// notes are …", "the title is …". A field named in the plural (a
    /// list, the notes) takes "are"; `status` and `series` are singular.
    pub fn field_verb(&self) -> &'static str {
        let field = self.field.as_str();
        let last = field.rsplit('.').next().unwrap_or(field);
        let plural =
            !field.contains('[') && last.ends_with('s') && !matches!(last, "status" | "series");
        if plural { "are" } else { "is" }
    }
}

impl Register {
    /// Every unsettled conflict as a problem for `check` and the window.
    pub fn conflict_problems(&self) -> Vec<Problem> {
        self.conflicts
            .iter()
            .map(|conflict| Problem {
                record: conflict.record,
                field: None::<Field>,
                message: self.conflict_sentence(conflict),
            })
            .collect()
    }

    /// Why a document that includes `record` is refused while a conflict
    /// about it is unsettled: which value it would print is not decided.
    pub fn conflict_refusals(&self, record: Record) -> Vec<String> {
        let fields: Vec<String> = self
            .conflicts
            .iter()
            .filter(|conflict| conflict.record == Some(record))
            .map(|conflict| self.field_words(conflict))
            .collect();
        if fields.is_empty() {
            return Vec::new();
        }
        vec![format!(
            "{} is in conflict between two copies of the register ({}), so what the document \
             would say is not settled; resolve the conflict first",
            self.known_as(record),
            fields.join(", ")
        )]
    }

    fn conflict_sentence(&self, conflict: &Conflict) -> String {
        if conflict.compared {
            return self.difference_sentence(conflict);
        }
        if !conflict.broken_rule.is_empty() {
            return self.broken_rule_sentence(conflict);
        }
        let ours_office = &conflict.ours_office;
        let theirs_office = &conflict.theirs_office;
        let merged = conflict.merged.format("%Y-%m-%d %H:%M");
        match (&conflict.ours, &conflict.theirs) {
            (Some(ours), Some(theirs)) => format!(
                "{} was changed in both copies (merged {merged}): {} {} {ours} in {ours_office}'s \
                 copy, which is applied, and {theirs} in {theirs_office}'s; choose one",
                self.conflict_holder(conflict.record),
                self.field_words(conflict),
                conflict.field_verb()
            ),
            (None, Some(_)) => format!(
                "{} was deleted in {ours_office}'s copy but changed in {theirs_office}'s (merged \
                 {merged}); it stays deleted until you choose, and {theirs_office}'s version is \
                 kept among the register's conflicts",
                describe_missing(conflict)
            ),
            (_, None) => format!(
                "{} was changed in {ours_office}'s copy but deleted in {theirs_office}'s (merged \
                 {merged}); it is kept until you choose whether to delete it",
                self.conflict_holder(conflict.record)
            ),
        }
    }

    /// Two changes each fine alone that together break a rule: what is
    /// applied, and what waits for the officer.
    fn broken_rule_sentence(&self, conflict: &Conflict) -> String {
        let ours_office = &conflict.ours_office;
        let theirs_office = &conflict.theirs_office;
        let merged = conflict.merged.format("%Y-%m-%d %H:%M");
        let rule = conflict.broken_rule.trim_end_matches('.');
        let (holder, rest) = match (&conflict.ours, &conflict.theirs) {
            (Some(_), Some(_)) => (
                self.conflict_holder(conflict.record),
                format!(
                    "{ours_office}'s version is applied and {theirs_office}'s kept beside it; choose one"
                ),
            ),
            (Some(_), None) => (
                self.conflict_holder(conflict.record),
                format!(
                    "{theirs_office}'s copy deleted it, but it is kept until you choose whether to delete it"
                ),
            ),
            (None, _) => (
                describe_missing(conflict),
                format!(
                    "it is left out, and {theirs_office}'s version kept among the register's conflicts until you choose"
                ),
            ),
        };
        format!(
            "{holder} could not be merged as the two copies have it (merged {merged}): together \
             they break a rule ({rule}); {rest}"
        )
    }

    /// A difference found without a common copy: nothing says which copy
    /// changed it, so neither is said to have.
    fn difference_sentence(&self, conflict: &Conflict) -> String {
        let ours_office = &conflict.ours_office;
        let theirs_office = &conflict.theirs_office;
        let compared = conflict.merged.format("%Y-%m-%d %H:%M");
        match (&conflict.ours, &conflict.theirs) {
            (Some(ours), Some(theirs)) => format!(
                "{} differs between the two copies (compared {compared}): {} {} {ours} in \
                 {ours_office}'s copy, which is applied, and {theirs} in {theirs_office}'s; \
                 choose one",
                self.conflict_holder(conflict.record),
                self.field_words(conflict),
                conflict.field_verb()
            ),
            (None, _) => format!(
                "{} is only in {theirs_office}'s copy (compared {compared}); it is not in this \
                 register until you choose to add it",
                describe_missing(conflict)
            ),
            (Some(_), None) => format!(
                "{} is only in {ours_office}'s copy (compared {compared}); it is kept until you \
                 choose whether to delete it",
                self.conflict_holder(conflict.record)
            ),
        }
    }

    /// The record in conflict, or the register itself, to start a sentence.
    fn conflict_holder(&self, record: Option<Record>) -> String {
        match record {
            Some(record) => self.known_as(record),
            None => "The register".to_string(),
        }
    }

    /// The conflict's field as the officer reads it: "the title", "the
    /// attendance of France", "agenda item 2".
    pub fn field_words(&self, conflict: &Conflict) -> String {
        let field = conflict.field.as_str();
        if field.is_empty() {
            return "the whole record".to_string();
        }
        let Some((name, rest)) = field.split_once('[') else {
            return format!("the {}", field.replace('_', " "));
        };
        let key = rest.trim_end_matches(']');
        match name {
            "attendance" => match super::parse_id(key) {
                Some(id) => format!(
                    "the attendance of {}",
                    self.mentioned(Record::Participant(ParticipantId(id)))
                ),
                None => format!("the attendance entry {key}"),
            },
            "agenda" => format!("agenda item {key}"),
            "decisions" => format!("decision {key}"),
            "actions" => format!("action {key}"),
            "roles" => format!("role {key}"),
            "exceptions" => format!("exception {key}"),
            other => format!("{} {key}", other.replace('_', " ")),
        }
    }
}

/// A record no longer in this copy: as the other copy names it, else by
/// its kind and number.
fn describe_missing(conflict: &Conflict) -> String {
    let Some(record) = conflict.record else {
        return "The register".to_string();
    };
    if !conflict.name.trim().is_empty() {
        return conflict.name.clone();
    }
    let kind = match record {
        Record::Participant(_) => "participant",
        Record::Person(_) => "person",
        Record::Series(_) => "series",
        Record::Meeting(_) => "meeting",
        Record::Commitment(_) => "commitment",
    };
    format!(
        "A {kind} (number {})",
        super::id_text(record_number(record))
    )
}

/// The number a record has in the file, whole (an office's id included).
pub fn record_number(record: Record) -> u64 {
    match record {
        Record::Participant(id) => id.0,
        Record::Person(id) => id.0,
        Record::Series(id) => id.0,
        Record::Meeting(id) => id.0,
        Record::Commitment(id) => id.0,
    }
}
