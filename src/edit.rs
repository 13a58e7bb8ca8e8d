//! Every change to the register as a value. `apply` is the one place the
//! register changes; it returns the edit that undoes what it did.

mod attendance;
mod delete_refusal;
mod minutes_lock;
mod one_action;

pub use attendance::{
    AllPresentRefused, add_new_delegate, all_present, all_present_delegations,
    copy_previous_attendance, expected_delegations, expected_present, previous_with_attendance,
    set_attendance,
};
pub use delete_refusal::delete_refusal;
pub use minutes_lock::{
    EditRefused, check_and_note, content_changes, meetings_before, move_minutes,
};
pub use one_action::make_actions_one;

use crate::model::{
    ActionOwner, Commitment, CommitmentId, Conflict, Meeting, MeetingId, MergeMark, Participant,
    ParticipantId, Person, PersonId, Record, Register, SaveMark, SeriesId, SessionSeries,
};

/// One change to the register. The record variants put a whole record
/// (`Some`) or remove it (`None`): a record is small, so replacing it whole
/// keeps undo exact and the enum short.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    RenameRegister(String),
    /// The coalition's short name in document references.
    SetShortName(String),
    SetReferencePattern(String),
    /// The code of the office that keeps this copy; the caller checks it
    /// with `check_office_code` first.
    SetOffice(String),
    SetMarkings(Vec<String>),
    SetCapabilityAreas(Vec<String>),
    /// The conflicts a merge left to settle, as a whole list.
    SetConflicts(Vec<Conflict>),
    /// The merges the copy came from, as a whole list: set by a merge in
    /// the window, with what it took from the other copy.
    SetMerges(Vec<MergeMark>),
    /// The saves the copy comes from, as a whole list: set by a merge in
    /// the window (those of both copies) or a recovery. A save marks its
    /// own through `Document::mark_next_save`, which is not an edit.
    SetSaves(Vec<SaveMark>),
    Participant(ParticipantId, Option<Participant>),
    Person(PersonId, Option<Person>),
    Series(SeriesId, Option<SessionSeries>),
    Meeting(MeetingId, Option<Meeting>),
    Commitment(CommitmentId, Option<Commitment>),
    /// Several edits that undo as one step, applied in order.
    Batch(Vec<Edit>),
}

/// Applies `edit` to `register` and returns the edit that reverses it.
pub fn apply(register: &mut Register, edit: Edit) -> Edit {
    fn put<K: Ord + Copy, V>(
        map: &mut std::collections::BTreeMap<K, V>,
        next_id: &mut u64,
        id: K,
        raw: u64,
        value: Option<V>,
    ) -> Option<V> {
        match value {
            Some(value) => {
                // The counter runs over serials: an office's id moves it past
                // its serial, not past the whole number.
                *next_id = (*next_id).max(crate::model::serial_of(raw).saturating_add(1));
                map.insert(id, value)
            }
            None => map.remove(&id),
        }
    }
    let next = &mut register.next_id;
    match edit {
        Edit::RenameRegister(name) => {
            Edit::RenameRegister(std::mem::replace(&mut register.name, name))
        }
        Edit::SetShortName(short) => {
            Edit::SetShortName(std::mem::replace(&mut register.short_name, short))
        }
        Edit::SetReferencePattern(pattern) => {
            Edit::SetReferencePattern(std::mem::replace(&mut register.reference_pattern, pattern))
        }
        Edit::SetOffice(office) => Edit::SetOffice(std::mem::replace(&mut register.office, office)),
        Edit::SetMarkings(levels) => {
            Edit::SetMarkings(std::mem::replace(&mut register.markings, levels))
        }
        Edit::SetConflicts(conflicts) => {
            Edit::SetConflicts(std::mem::replace(&mut register.conflicts, conflicts))
        }
        Edit::SetMerges(merges) => Edit::SetMerges(std::mem::replace(&mut register.merges, merges)),
        Edit::SetSaves(saves) => Edit::SetSaves(std::mem::replace(&mut register.saves, saves)),
        Edit::SetCapabilityAreas(areas) => {
            Edit::SetCapabilityAreas(std::mem::replace(&mut register.capability_areas, areas))
        }
        Edit::Participant(id, value) => {
            Edit::Participant(id, put(&mut register.participants, next, id, id.0, value))
        }
        Edit::Person(id, value) => {
            Edit::Person(id, put(&mut register.people, next, id, id.0, value))
        }
        Edit::Series(id, value) => {
            Edit::Series(id, put(&mut register.series, next, id, id.0, value))
        }
        Edit::Meeting(id, value) => {
            Edit::Meeting(id, put(&mut register.meetings, next, id, id.0, value))
        }
        Edit::Commitment(id, value) => {
            Edit::Commitment(id, put(&mut register.commitments, next, id, id.0, value))
        }
        Edit::Batch(edits) => {
            let mut inverses: Vec<Edit> = edits.into_iter().map(|e| apply(register, e)).collect();
            inverses.reverse();
            Edit::Batch(inverses)
        }
    }
}

/// The edit that deletes `target` and mends everything that refers to it,
/// as one undo step: optional references are cleared, attendance rows and
/// delegate entries are removed, and records that cannot exist without the
/// target (a participant's commitments, people whose only roles were for
/// it) are deleted with it. `Register::references_to` lists the same places
/// for the confirmation the officer sees first.
pub fn delete_with_references(register: &Register, target: Record) -> Edit {
    let mut edits = Vec::new();
    for (&id, person) in &register.people {
        let Record::Participant(p) = target else {
            break;
        };
        if person.roles.iter().any(|r| r.participant == p) {
            let mut person = person.clone();
            person.roles.retain(|r| r.participant != p);
            let kept = (!person.roles.is_empty()).then_some(person);
            if kept.is_none() {
                // The person goes too, so mend the meetings that name them.
                edits.extend(mend_meetings(register, Record::Person(id), &edits));
            }
            edits.push(Edit::Person(id, kept));
        }
    }
    for (&id, series) in &register.series {
        let Record::Participant(p) = target else {
            break;
        };
        if series.convenors.contains(&p) {
            let mut series = series.clone();
            series.convenors.retain(|c| *c != p);
            edits.push(Edit::Series(id, Some(series)));
        }
    }
    edits.extend(mend_meetings(register, target, &edits));
    for (&id, commitment) in &register.commitments {
        match target {
            Record::Participant(p) if commitment.participant == p => {
                edits.push(Edit::Commitment(id, None));
            }
            Record::Meeting(m)
                if commitment.announced_at == Some(m)
                    || commitment.history.iter().any(|h| h.meeting == Some(m)) =>
            {
                let mut commitment = commitment.clone();
                if commitment.announced_at == Some(m) {
                    commitment.announced_at = None;
                }
                for change in &mut commitment.history {
                    if change.meeting == Some(m) {
                        change.meeting = None;
                    }
                }
                edits.push(Edit::Commitment(id, Some(commitment)));
            }
            _ => {}
        }
    }
    edits.push(match target {
        Record::Participant(id) => Edit::Participant(id, None),
        Record::Person(id) => Edit::Person(id, None),
        Record::Series(id) => Edit::Series(id, None),
        Record::Meeting(id) => Edit::Meeting(id, None),
        Record::Commitment(id) => Edit::Commitment(id, None),
    });
    Edit::Batch(edits)
}

/// Edits that remove `target` from every meeting, starting from the
/// meetings as already changed by `earlier` edits.
fn mend_meetings(register: &Register, target: Record, earlier: &[Edit]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (&id, original) in &register.meetings {
        let latest = earlier.iter().rev().find_map(|edit| match edit {
            Edit::Meeting(m, Some(meeting)) if *m == id => Some(meeting),
            _ => None,
        });
        let mut meeting = latest.unwrap_or(original).clone();
        match target {
            Record::Participant(p) => {
                meeting.convenors.retain(|c| *c != p);
                meeting.attendance.remove(&p);
                for attendance in meeting.attendance.values_mut() {
                    if attendance.represented_by == Some(p) {
                        attendance.represented_by = None;
                    }
                }
                for action in &mut meeting.actions {
                    if action.owner == Some(ActionOwner::Participant(p)) {
                        action.owner = None;
                    }
                }
            }
            Record::Person(person) => {
                meeting.chairs.retain(|c| *c != person);
                for attendance in meeting.attendance.values_mut() {
                    attendance.delegates.retain(|d| *d != person);
                    attendance.stand_ins.retain(|d| *d != person);
                }
                for item in &mut meeting.agenda {
                    if item.lead == Some(person) {
                        item.lead = None;
                    }
                }
                for action in &mut meeting.actions {
                    if action.owner == Some(ActionOwner::Person(person)) {
                        action.owner = None;
                    }
                }
            }
            Record::Series(s) => {
                if meeting.series == Some(s) {
                    meeting.series = None;
                    meeting.number = None;
                }
            }
            Record::Meeting(m) => {
                for action in &mut meeting.actions {
                    action.carried_to.retain(|to| *to != m);
                }
            }
            Record::Commitment(_) => {}
        }
        if &meeting != original && Some(&meeting) != latest {
            edits.push(Edit::Meeting(id, Some(meeting)));
        }
    }
    edits
}

/// The edit that turns `current` into `wanted` record by record, as one
/// undo step (used to take back autosaved work).
pub fn replace_register(current: &Register, wanted: Register) -> Edit {
    fn diff<K: Ord + Copy, V: PartialEq + Clone>(
        current: &std::collections::BTreeMap<K, V>,
        wanted: std::collections::BTreeMap<K, V>,
        make: impl Fn(K, Option<V>) -> Edit,
        edits: &mut Vec<Edit>,
    ) {
        for id in current.keys() {
            if !wanted.contains_key(id) {
                edits.push(make(*id, None));
            }
        }
        for (id, value) in wanted {
            if current.get(&id) != Some(&value) {
                edits.push(make(id, Some(value)));
            }
        }
    }
    let mut edits = Vec::new();
    // Every register-wide field, or recovered work would quietly lose it.
    macro_rules! set_changed {
        ($($field:ident => $edit:path),* $(,)?) => {$(
            if current.$field != wanted.$field {
                edits.push($edit(wanted.$field));
            }
        )*};
    }
    set_changed!(
        name => Edit::RenameRegister,
        short_name => Edit::SetShortName,
        reference_pattern => Edit::SetReferencePattern,
        office => Edit::SetOffice,
        conflicts => Edit::SetConflicts,
        merges => Edit::SetMerges,
        saves => Edit::SetSaves,
        markings => Edit::SetMarkings,
        capability_areas => Edit::SetCapabilityAreas,
    );
    diff(
        &current.participants,
        wanted.participants,
        Edit::Participant,
        &mut edits,
    );
    diff(&current.people, wanted.people, Edit::Person, &mut edits);
    diff(&current.series, wanted.series, Edit::Series, &mut edits);
    diff(
        &current.meetings,
        wanted.meetings,
        Edit::Meeting,
        &mut edits,
    );
    diff(
        &current.commitments,
        wanted.commitments,
        Edit::Commitment,
        &mut edits,
    );
    Edit::Batch(edits)
}

/// Which register-wide list a level or area belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RegisterList {
    Markings,
    CapabilityAreas,
}

/// Renames an entry of a register-wide list and every record that uses it,
/// as one undo step, so no record is left with a name the list lacks.
pub fn rename_list_entry(register: &Register, list: RegisterList, old: &str, new: &str) -> Edit {
    let rename = |entries: &[String]| -> Vec<String> {
        entries
            .iter()
            .map(|e| if e == old { new.to_string() } else { e.clone() })
            .collect()
    };
    let mut edits = vec![match list {
        RegisterList::Markings => Edit::SetMarkings(rename(&register.markings)),
        RegisterList::CapabilityAreas => {
            Edit::SetCapabilityAreas(rename(&register.capability_areas))
        }
    }];
    for (&id, commitment) in &register.commitments {
        let field = match list {
            RegisterList::Markings => &commitment.marking,
            RegisterList::CapabilityAreas => &commitment.area,
        };
        if field == old {
            let mut commitment = commitment.clone();
            match list {
                RegisterList::Markings => commitment.marking = new.to_string(),
                RegisterList::CapabilityAreas => commitment.area = new.to_string(),
            }
            edits.push(Edit::Commitment(id, Some(commitment)));
        }
    }
    if list == RegisterList::Markings {
        for (&id, meeting) in &register.meetings {
            if meeting.marking == old {
                let mut meeting = meeting.clone();
                meeting.marking = new.to_string();
                edits.push(Edit::Meeting(id, Some(meeting)));
            }
        }
    }
    Edit::Batch(edits)
}

/// How many records use an entry of a register-wide list; an entry in use
/// cannot be removed.
pub fn list_entry_uses(register: &Register, list: RegisterList, entry: &str) -> usize {
    let commitments = register
        .commitments
        .values()
        .filter(|c| match list {
            RegisterList::Markings => c.marking == entry,
            RegisterList::CapabilityAreas => c.area == entry,
        })
        .count();
    let meetings = match list {
        RegisterList::Markings => register
            .meetings
            .values()
            .filter(|m| m.marking == entry)
            .count(),
        RegisterList::CapabilityAreas => 0,
    };
    commitments + meetings
}
