//! Undo steps in the officer's words ("delete participant France"), made
//! when the step is made so the menu can say what Undo will take back.

use crate::edit::Edit;
use crate::model::{Record, Register};

/// Describes the step that turned the register into `after`, given the
/// edit that reverses it: the reverse still holds what was there before,
/// which names a deleted record and tells an addition from a change.
pub fn describe(after: &Register, reverse: &Edit) -> String {
    let record = |record: Record, before: Option<String>| match before {
        None => format!("add {}", after.describe(record)),
        Some(_) if exists(after, record) => format!("change {}", after.describe(record)),
        Some(name_before) => format!("delete {name_before}"),
    };
    match reverse {
        Edit::RenameRegister(_) => format!("rename the register “{}”", after.name),
        Edit::SetMarkings(_) => "change the markings".to_owned(),
        Edit::SetCapabilityAreas(_) => "change the capability areas".to_owned(),
        Edit::Participant(id, old) => record(
            Record::Participant(*id),
            old.as_ref().map(|p| format!("participant {}", p.name)),
        ),
        Edit::Person(id, old) => record(
            Record::Person(*id),
            old.as_ref().map(|p| format!("person {}", p.name)),
        ),
        Edit::Series(id, old) => record(
            Record::Series(*id),
            old.as_ref().map(|s| format!("series {}", s.name)),
        ),
        Edit::Meeting(id, old) => record(
            Record::Meeting(*id),
            old.as_ref()
                .map(|m| format!("meeting {} ({})", m.title, m.date)),
        ),
        Edit::Commitment(id, old) => record(
            Record::Commitment(*id),
            old.as_ref().map(|c| format!("commitment {}", c.title)),
        ),
        Edit::Batch(edits) => match edits.as_slice() {
            [one] => describe(after, one),
            many => format!("{} changes", many.len()),
        },
    }
}

/// What typing into one record's field is called while the step is open.
pub fn typing(after: &Register, reverse: &Edit) -> String {
    let subject = |record: Record| format!("typing in {}", after.describe(record));
    match reverse {
        Edit::Participant(id, _) => subject(Record::Participant(*id)),
        Edit::Person(id, _) => subject(Record::Person(*id)),
        Edit::Series(id, _) => subject(Record::Series(*id)),
        Edit::Meeting(id, _) => subject(Record::Meeting(*id)),
        Edit::Commitment(id, _) => subject(Record::Commitment(*id)),
        Edit::RenameRegister(_) => "typing in the register's name".to_owned(),
        other => describe(after, other),
    }
}

fn exists(register: &Register, record: Record) -> bool {
    match record {
        Record::Participant(id) => register.participant(id).is_some(),
        Record::Person(id) => register.person(id).is_some(),
        Record::Series(id) => register.session_series(id).is_some(),
        Record::Meeting(id) => register.meeting(id).is_some(),
        Record::Commitment(id) => register.commitment(id).is_some(),
    }
}
