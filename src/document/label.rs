//! Undo steps in the officer's words ("delete participant France"), made
//! when the step is made so the menu can say what Undo will take back.

use crate::edit::Edit;
use crate::model::{Record, Register};

/// Describes the step that turned the register into `after`, given the
/// edit that reverses it: the reverse still holds what was there before,
/// which names a deleted record and tells an addition from a change.
pub fn describe(after: &Register, reverse: &Edit) -> String {
    match reverse {
        Edit::RenameRegister(_) => format!("rename the register “{}”", after.name),
        Edit::SetShortName(_) => format!("set the short name “{}”", after.short_name),
        Edit::SetReferencePattern(_) => "change the reference pattern".to_owned(),
        Edit::SetOffice(_) if after.office.is_empty() => "clear the office code".to_owned(),
        Edit::SetOffice(_) => format!("set the office code “{}”", after.office),
        Edit::SetMarkings(_) => "change the markings".to_owned(),
        Edit::SetCapabilityAreas(_) => "change the capability areas".to_owned(),
        Edit::SetConflicts(_) => "change the conflicts to settle".to_owned(),
        Edit::SetMerges(_) => "change the merges the copy came from".to_owned(),
        Edit::SetSaves(_) => "change the saves the copy comes from".to_owned(),
        Edit::Batch(edits) => match edits.as_slice() {
            [one] => describe(after, one),
            many => format!("{} changes", many.len()),
        },
        _ => match (record_of(reverse), name_before(reverse)) {
            (Some(record), None) => format!("add {}", after.describe(record)),
            (Some(record), Some(_)) if exists(after, record) => {
                format!("change {}", after.describe(record))
            }
            (_, Some(name_before)) => format!("delete {name_before}"),
            (None, None) => "a change".to_owned(),
        },
    }
}

/// What typing into one record's field is called. The record is named as
/// it was before typing began, not by the first letters typed into it.
pub fn typing(after: &Register, reverse: &Edit) -> String {
    match (record_of(reverse), name_before(reverse)) {
        (_, Some(name)) => format!("typing in {name}"),
        (Some(record), None) => format!("typing in {}", after.describe(record)),
        (None, None) => match reverse {
            Edit::RenameRegister(_) => "typing in the register's name".to_owned(),
            Edit::SetShortName(_) => "typing in the register's short name".to_owned(),
            Edit::SetReferencePattern(_) => "typing in the reference pattern".to_owned(),
            Edit::SetOffice(_) => "typing in the office code".to_owned(),
            other => describe(after, other),
        },
    }
}

fn record_of(edit: &Edit) -> Option<Record> {
    match edit {
        Edit::Participant(id, _) => Some(Record::Participant(*id)),
        Edit::Person(id, _) => Some(Record::Person(*id)),
        Edit::Series(id, _) => Some(Record::Series(*id)),
        Edit::Meeting(id, _) => Some(Record::Meeting(*id)),
        Edit::Commitment(id, _) => Some(Record::Commitment(*id)),
        _ => None,
    }
}

/// The record as the officer knew it before the step, if it existed.
fn name_before(reverse: &Edit) -> Option<String> {
    match reverse {
        Edit::Participant(_, Some(p)) => Some(format!("participant {}", p.name)),
        Edit::Person(_, Some(p)) => Some(format!("person {}", p.name)),
        Edit::Series(_, Some(s)) => Some(format!("series {}", s.name)),
        Edit::Meeting(_, Some(m)) => Some(format!("meeting {} ({})", m.title, m.date)),
        Edit::Commitment(_, Some(c)) => Some(format!("commitment {}", c.title)),
        _ => None,
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
