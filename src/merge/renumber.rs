//! Two copies that each added a record under the same number (copies made
//! before ids carried the office) would merge two different records into
//! one. Theirs is given a fresh id instead (one of the merging office when
//! its copy names one), and every reference to it in their copy follows,
//! before the records are merged.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{
    ActionOwner, CommitmentId, MeetingId, ParticipantId, PersonId, Record, Register, SeriesId,
    office_id, record_number,
};

/// The records a side added: in it and not in base. Each kind's ids are
/// looked up in base's map of that kind: a set of every record of both
/// copies, built twice per merge, cost more than the lookups (issue 19).
fn added(base: &Register, side: &Register) -> BTreeSet<Record> {
    fn kind<K: Ord + Copy, V>(
        base: &BTreeMap<K, V>,
        side: &BTreeMap<K, V>,
        record: impl Fn(K) -> Record,
        into: &mut BTreeSet<Record>,
    ) {
        into.extend(
            side.keys()
                .filter(|id| !base.contains_key(id))
                .map(|&id| record(id)),
        );
    }
    let mut added = BTreeSet::new();
    macro_rules! added {
        ($list:ident, $variant:ident, $_fields:ident) => {
            kind(&base.$list, &side.$list, Record::$variant, &mut added);
        };
    }
    record_kinds!(added);
    added
}

/// Whether a copy holds a record. A copy read apart is seen whole
/// through it (`merge::apart`).
pub(super) trait Holds {
    fn holds(&self, record: Record) -> bool;
}

impl Holds for Register {
    fn holds(&self, record: Record) -> bool {
        match record {
            Record::Participant(id) => self.participants.contains_key(&id),
            Record::Person(id) => self.people.contains_key(&id),
            Record::Series(id) => self.series.contains_key(&id),
            Record::Meeting(id) => self.meetings.contains_key(&id),
            Record::Commitment(id) => self.commitments.contains_key(&id),
        }
    }
}

/// Whether `register` holds a record of another kind than `record` under
/// its number: numbers are shared by every kind.
fn number_held_by_another(register: &dyn Holds, record: Record) -> bool {
    let number = record_number(record);
    [
        Record::Participant(ParticipantId(number)),
        Record::Person(PersonId(number)),
        Record::Series(SeriesId(number)),
        Record::Meeting(MeetingId(number)),
        Record::Commitment(CommitmentId(number)),
    ]
    .into_iter()
    .filter(|other| *other != record)
    .any(|other| register.holds(other))
}

/// Whether both sides added the very same record under the number.
fn same_record(ours: &Register, theirs: &Register, record: Record) -> bool {
    match record {
        Record::Participant(id) => ours.participant(id) == theirs.participant(id),
        Record::Person(id) => ours.person(id) == theirs.person(id),
        Record::Series(id) => ours.session_series(id) == theirs.session_series(id),
        Record::Meeting(id) => ours.meeting(id) == theirs.meeting(id),
        Record::Commitment(id) => ours.commitment(id) == theirs.commitment(id),
    }
}

/// The records theirs added that clash with one ours added, or with a
/// record of another kind under their number in base or ours (`whole`:
/// base and ours seen whole, where the copies given are cut down).
pub(super) fn clashes(
    (base, ours, theirs): (&Register, &Register, &Register),
    whole: (&dyn Holds, &dyn Holds),
) -> Vec<Record> {
    // Numbers are shared by every kind of record, so a participant and a
    // meeting added under the same number clash too.
    let mut ours_added: BTreeMap<u64, Vec<Record>> = BTreeMap::new();
    for record in added(base, ours) {
        ours_added
            .entry(record_number(record))
            .or_default()
            .push(record);
    }
    added(base, theirs)
        .into_iter()
        .filter(|record| {
            ours_added
                .get(&record_number(*record))
                .is_some_and(|same_number| {
                    same_number.iter().any(|ours_record| {
                        ours_record != record || !same_record(ours, theirs, *record)
                    })
                })
                // A number theirs took from a record of another kind that
                // base or ours still holds (theirs deleted it and gave its
                // number out again, as only a file edited by hand can):
                // the merge may keep both, under one number.
                || number_held_by_another(whole.0, *record)
                || number_held_by_another(whole.1, *record)
        })
        .collect()
}

/// Theirs with its added records that clash with ours' added records
/// given a fresh number and their references rewritten, and how many
/// moved; `None` when none clashes, so that the usual merge, with
/// nothing to renumber, makes no copy of theirs (issue 19).
pub(super) fn renumber_clashes(
    base: &Register,
    ours: &Register,
    theirs: &Register,
) -> Option<(Register, usize)> {
    let clashes = clashes((base, ours, theirs), (base, ours));
    if clashes.is_empty() {
        return None;
    }
    // The record moves to an id of the office that merges, when its copy
    // names one: past every serial any of the three copies gave out.
    let office = &ours.office;
    let mut serial = [base, ours, theirs]
        .iter()
        .map(|register| register.fresh_serial(office))
        .fold(0, u64::max);
    let mut new_numbers = Numbers::default();
    for record in &clashes {
        let old = record_number(*record);
        let next = office_id(office, serial).unwrap_or(serial);
        serial = serial.saturating_add(1);
        let map = match record {
            Record::Participant(_) => &mut new_numbers.participants,
            Record::Person(_) => &mut new_numbers.people,
            Record::Series(_) => &mut new_numbers.series,
            Record::Meeting(_) => &mut new_numbers.meetings,
            Record::Commitment(_) => &mut new_numbers.commitments,
        };
        map.insert(old, next);
    }
    let mut renumbered = theirs.clone();
    new_numbers.apply(&mut renumbered);
    renumbered.next_id = renumbered.next_id.max(serial);
    Some((renumbered, clashes.len()))
}

/// Old number → new number, by kind.
#[derive(Default)]
struct Numbers {
    participants: BTreeMap<u64, u64>,
    people: BTreeMap<u64, u64>,
    series: BTreeMap<u64, u64>,
    meetings: BTreeMap<u64, u64>,
    commitments: BTreeMap<u64, u64>,
}

fn rekey<K: Ord + Copy, V>(
    map: &mut BTreeMap<K, V>,
    numbers: &BTreeMap<u64, u64>,
    number: impl Fn(K) -> u64,
    id: impl Fn(u64) -> K,
) {
    let moved: Vec<(K, u64)> = map
        .keys()
        .filter_map(|&key| numbers.get(&number(key)).map(|&new| (key, new)))
        .collect();
    for (old, new) in moved {
        if let Some(value) = map.remove(&old) {
            map.insert(id(new), value);
        }
    }
}

impl Numbers {
    fn participant(&self, id: &mut ParticipantId) {
        if let Some(&new) = self.participants.get(&id.0) {
            *id = ParticipantId(new);
        }
    }

    fn person(&self, id: &mut PersonId) {
        if let Some(&new) = self.people.get(&id.0) {
            *id = PersonId(new);
        }
    }

    fn meeting(&self, id: &mut Option<MeetingId>) {
        if let Some(meeting) = id
            && let Some(&new) = self.meetings.get(&meeting.0)
        {
            *id = Some(MeetingId(new));
        }
    }

    fn record(&self, record: &mut Record) {
        let numbers = match *record {
            Record::Participant(_) => &self.participants,
            Record::Person(_) => &self.people,
            Record::Series(_) => &self.series,
            Record::Meeting(_) => &self.meetings,
            Record::Commitment(_) => &self.commitments,
        };
        let Some(&n) = numbers.get(&record_number(*record)) else {
            return;
        };
        *record = match *record {
            Record::Participant(_) => Record::Participant(ParticipantId(n)),
            Record::Person(_) => Record::Person(PersonId(n)),
            Record::Series(_) => Record::Series(SeriesId(n)),
            Record::Meeting(_) => Record::Meeting(MeetingId(n)),
            Record::Commitment(_) => Record::Commitment(CommitmentId(n)),
        };
    }

    /// Moves the records and rewrites every reference to them.
    fn apply(&self, register: &mut Register) {
        rekey(
            &mut register.participants,
            &self.participants,
            |id| id.0,
            ParticipantId,
        );
        rekey(&mut register.people, &self.people, |id| id.0, PersonId);
        rekey(&mut register.series, &self.series, |id| id.0, SeriesId);
        rekey(&mut register.meetings, &self.meetings, |id| id.0, MeetingId);
        rekey(
            &mut register.commitments,
            &self.commitments,
            |id| id.0,
            CommitmentId,
        );
        for person in register.people.values_mut() {
            person
                .roles
                .iter_mut()
                .for_each(|role| self.participant(&mut role.participant));
        }
        for series in register.series.values_mut() {
            series
                .convenors
                .iter_mut()
                .for_each(|p| self.participant(p));
        }
        for meeting in register.meetings.values_mut() {
            if let Some(series) = meeting.series
                && let Some(&new) = self.series.get(&series.0)
            {
                meeting.series = Some(SeriesId(new));
            }
            meeting
                .convenors
                .iter_mut()
                .for_each(|p| self.participant(p));
            meeting.chairs.iter_mut().for_each(|p| self.person(p));
            let attendance = std::mem::take(&mut meeting.attendance);
            for (mut participant, mut entry) in attendance {
                self.participant(&mut participant);
                entry.delegates.iter_mut().for_each(|p| self.person(p));
                entry.stand_ins.iter_mut().for_each(|p| self.person(p));
                if let Some(representative) = &mut entry.represented_by {
                    self.participant(representative);
                }
                meeting.attendance.insert(participant, entry);
            }
            for item in &mut meeting.agenda {
                if let Some(lead) = &mut item.lead {
                    self.person(lead);
                }
            }
            for action in &mut meeting.actions {
                match &mut action.owner {
                    Some(ActionOwner::Participant(p)) => self.participant(p),
                    Some(ActionOwner::Person(p)) => self.person(p),
                    Some(ActionOwner::Secretariat) | None => {}
                }
                for to in &mut action.carried_to {
                    let mut moved = Some(*to);
                    self.meeting(&mut moved);
                    *to = moved.unwrap_or(*to);
                }
            }
            for entry in &mut meeting.carried_as_approved {
                let mut moved = Some(entry.from);
                self.meeting(&mut moved);
                entry.from = moved.unwrap_or(entry.from);
                match &mut entry.action.owner {
                    Some(ActionOwner::Participant(p)) => self.participant(p),
                    Some(ActionOwner::Person(p)) => self.person(p),
                    Some(ActionOwner::Secretariat) | None => {}
                }
            }
            for step in &mut meeting.minutes.history {
                step.circulated_to
                    .iter_mut()
                    .for_each(|p| self.participant(p));
                self.meeting(&mut step.approved_at);
            }
        }
        for commitment in register.commitments.values_mut() {
            self.participant(&mut commitment.participant);
            self.meeting(&mut commitment.announced_at);
            commitment
                .history
                .iter_mut()
                .for_each(|h| self.meeting(&mut h.meeting));
            commitment
                .deliveries
                .iter_mut()
                .for_each(|d| self.meeting(&mut d.meeting));
        }
        for conflict in &mut register.conflicts {
            if let Some(record) = &mut conflict.record {
                self.record(record);
            }
        }
    }
}
