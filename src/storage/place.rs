//! A place in the register in the officer's words: "a role of person
//! #205", "the attendance of participant #3 at meeting #12", from the
//! path [`super::context`] finds.

use super::context::Step;

/// A place in the register in words: the record, and the field in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Place {
    /// E.g. "a role of person #205", "the register's settings".
    pub(super) record: Option<String>,
    /// The field of that record, e.g. `to`.
    pub(super) field: Option<String>,
}

impl Place {
    /// "`to` in a role of person #205: ", or nothing when the place is not
    /// known: the start of a message that says where it is.
    pub(super) fn prefix(&self) -> String {
        match (&self.field, &self.record) {
            (Some(field), Some(record)) => format!("`{field}` in {record}: "),
            (None, Some(record)) => format!("in {record}: "),
            (Some(field), None) => format!("`{field}`: "),
            (None, None) => String::new(),
        }
    }
}

/// A key as the officer reads it: `#17` for a plain number, `LON-17` as
/// written for an office's id.
fn numbered(key: &str) -> String {
    if key.bytes().all(|b| b.is_ascii_digit()) {
        format!("#{key}")
    } else {
        key.to_string()
    }
}

/// The record and field a path leads to.
pub(super) fn place(path: &[Step]) -> Place {
    let mut steps = path.iter().peekable();
    let field_name = |step: Option<&Step>| match step {
        Some(Step::Field(name)) => Some(name.clone()),
        _ => None,
    };
    match steps.next() {
        None => return Place::default(),
        Some(Step::Field(name)) if name == "register" => {}
        other => {
            return Place {
                record: Some("the file's header".to_string()),
                field: field_name(other),
            };
        }
    }
    let settings = |field| Place {
        record: Some("the register's settings".to_string()),
        field,
    };
    let (collection, id) = match (steps.next(), steps.peek()) {
        (Some(Step::Field(collection)), Some(Step::Key(id))) => (collection.as_str(), id.clone()),
        // At the register's own value: `register: [` for `register: (`.
        (None, _) => {
            return Place {
                record: Some("the file's envelope".to_string()),
                field: Some("register".to_string()),
            };
        }
        // A merge's conflicts are a list of their own, not records.
        (Some(Step::Field(list)), Some(Step::Index(n))) if list == "conflicts" => {
            let record = Some(format!("conflict {} of the register", n + 1));
            steps.next();
            return Place {
                record,
                field: field_name(steps.next()),
            };
        }
        (step, _) => return settings(field_name(step)),
    };
    steps.next();
    let kind = match collection {
        "participants" => "participant",
        "people" => "person",
        "series" => "series",
        "meetings" => "meeting",
        "commitments" => "commitment",
        _ => return settings(Some(collection.to_string())),
    };
    let record = format!("{kind} {}", numbered(&id));
    let part = match (kind, steps.peek()) {
        (_, Some(Step::Field(part))) => part.clone(),
        _ => {
            return Place {
                record: Some(record),
                field: None,
            };
        }
    };
    let inner = match (kind, part.as_str()) {
        ("person", "roles") => Some(format!("a role of {record}")),
        ("series", "exceptions") => Some(format!("an exception of {record}")),
        ("meeting", "agenda") => Some(format!("an agenda item of {record}")),
        ("meeting", "decisions") => Some(format!("a decision of {record}")),
        ("meeting", "actions") => Some(format!("an action of {record}")),
        ("commitment", "history") => Some(format!("a status change of {record}")),
        ("commitment", "deliveries") => Some(format!("a delivery of {record}")),
        _ => None,
    };
    // The step after the field names what inside it the path points at.
    let inside = match (inner, kind, part.as_str(), steps.clone().nth(1)) {
        (Some(inner), _, _, Some(Step::Index(_))) => Some(inner),
        (_, "meeting", "attendance", Some(Step::Key(participant))) => Some(format!(
            "the attendance of participant {} at {record}",
            numbered(participant)
        )),
        (_, "commitment", "quantity" | "value", Some(Step::Field(_) | Step::Open)) => {
            Some(format!("the {part} of {record}"))
        }
        _ => None,
    };
    match inside {
        Some(inside) => {
            steps.next();
            if part != "quantity" && part != "value" {
                steps.next();
            }
            Place {
                record: Some(inside),
                field: field_name(steps.next()),
            }
        }
        None => Place {
            record: Some(record),
            field: Some(part),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::context::path_at;

    fn words(text: &str, before: &str) -> Place {
        place(&path_at(text, text.find(before).unwrap()))
    }

    const TEXT: &str = r#"CoalitionRegister(
    format: "coalition-desk", // a comment with ( and "
    version: 1,
    register: (
        name: "a ( [ { \" name",
        markings: ["OFFICIAL", "X"],
        people: {
            205: (name: "A", roles: [(title: "B", participant: 1), (title: "C", until: "2025-01-01")]),
        },
        meetings: {
            12: (
                title: "T", /* a ( nested /* comment */ ) */
                attendance: { 3: (status: Presnt) },
                agenda: [(title: "x", outcome: "y@")],
            ),
        },
        commitments: {
            40: (quantity: Some((amount: 1.5@)), deliveries: [(date: "2025-02-30@")]),
        },
    ),
)"#;

    #[test]
    fn a_place_is_named_as_the_officer_knows_it() {
        let role = words(TEXT, "until");
        assert_eq!(role.record.as_deref(), Some("a role of person #205"));
        for (at, record, field) in [
            (
                "Presnt",
                "the attendance of participant #3 at meeting #12",
                "status",
            ),
            ("y@", "an agenda item of meeting #12", "outcome"),
            ("1.5@", "the quantity of commitment #40", "amount"),
        ] {
            let place = words(TEXT, at);
            assert_eq!(place.record.as_deref(), Some(record), "{at}");
            assert_eq!(place.field.as_deref(), Some(field), "{at}");
        }
        let date = words(TEXT, "2025-02-30@");
        assert_eq!(date.prefix(), "`date` in a delivery of commitment #40: ");
        assert_eq!(
            words(TEXT, "\"X\"").prefix(),
            "`markings` in the register's settings: "
        );
        assert_eq!(
            words(TEXT, "1,\n").prefix(),
            "`version` in the file's header: "
        );
        assert_eq!(words(TEXT, "\"T\"").prefix(), "`title` in meeting #12: ");
    }
}
