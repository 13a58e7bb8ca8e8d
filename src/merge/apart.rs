//! The merge of copies read apart, as the merge command reads them
//! (issue 19): OURS whole, and of BASE and THEIRS only what each writes
//! otherwise than OURS (`storage::load_apart`), with the ids of the
//! records each writes byte for byte as OURS does. Two 89 MB copies held
//! whole beside OURS took more than six times the file in memory; read
//! apart, a merge holds about one register.
//!
//! The records some copy holds otherwise than the others are the *held*
//! ones. Every other record is held by all three copies, the very same;
//! the whole merge does nothing with it, and OURS already has it. So the
//! merge runs on copies cut down to the held records (each with its
//! settings and smaller maps whole) and its result is put into OURS in
//! place: the same register the whole merge makes. Two rare cases need
//! the whole copies, which are then made from what was read and merged
//! the ordinary way: numbers both copies added that clash (renumbering
//! rewrites references all through theirs), and a merged register the
//! checks reject (finding the record at fault compares whole copies).
//! Every rule test of tests/suite/merge holds both ways to the same
//! result (`merged` there), as do a property test (merge/apart.rs) and
//! the command on large copies (tests/suite/merge_apart.rs).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;

use super::renumber::{self, Holds};
use super::{Merged, checked, draft, finish, lineage, template};
use crate::model::{CommitmentId, MeetingId, Record, Register};

/// One of BASE and THEIRS as read beside OURS.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadApart {
    /// The copy's settings and smaller maps whole; of its meetings and
    /// commitments only those not written as OURS writes them.
    pub register: Register,
    /// The meetings it writes byte for byte as OURS does (so reads as).
    pub same_meetings: Vec<MeetingId>,
    /// The commitments it writes byte for byte as OURS does.
    pub same_commitments: Vec<CommitmentId>,
}

impl ReadApart {
    /// The whole copy: what was read, and each record written as in
    /// `ours` taken from it.
    pub fn whole(self, ours: &Register) -> Register {
        let mut register = self.register;
        take_from(&mut register.meetings, &ours.meetings, self.same_meetings);
        take_from(
            &mut register.commitments,
            &ours.commitments,
            self.same_commitments,
        );
        register
    }
}

fn take_from<K: Ord + Copy, V: Clone>(
    into: &mut BTreeMap<K, V>,
    ours: &BTreeMap<K, V>,
    ids: impl IntoIterator<Item = K>,
) {
    for id in ids {
        if let Some(record) = ours.get(&id) {
            into.insert(id, record.clone());
        }
    }
}

/// The meetings and commitments some copy holds otherwise than another
/// (or not at all). Every id outside is held by all three, the same.
#[derive(Debug, Default)]
struct Held {
    meetings: BTreeSet<MeetingId>,
    commitments: BTreeSet<CommitmentId>,
}

impl Held {
    fn of(ours: &Register, base: &ReadApart, theirs: &ReadApart) -> Held {
        fn kind<K: Ord + Copy, V>(
            ours: &BTreeMap<K, V>,
            read: [&BTreeMap<K, V>; 2],
            same: [&[K]; 2],
        ) -> BTreeSet<K> {
            let sorted = |ids: &[K]| {
                let mut ids = ids.to_vec();
                ids.sort_unstable();
                ids
            };
            let [base_same, theirs_same] = same.map(sorted);
            let mut held: BTreeSet<K> = read.iter().flat_map(|map| map.keys()).copied().collect();
            held.extend(ours.keys().copied().filter(|id| {
                base_same.binary_search(id).is_err() || theirs_same.binary_search(id).is_err()
            }));
            held
        }
        Held {
            meetings: kind(
                &ours.meetings,
                [&base.register.meetings, &theirs.register.meetings],
                [&base.same_meetings, &theirs.same_meetings],
            ),
            commitments: kind(
                &ours.commitments,
                [&base.register.commitments, &theirs.register.commitments],
                [&base.same_commitments, &theirs.same_commitments],
            ),
        }
    }

    /// Whether a meeting or commitment is held; `None` for the other
    /// kinds, which every cut-down copy holds whole.
    fn holds(&self, record: Record) -> Option<bool> {
        match record {
            Record::Meeting(id) => Some(self.meetings.contains(&id)),
            Record::Commitment(id) => Some(self.commitments.contains(&id)),
            _ => None,
        }
    }
}

/// A copy cut down to its held records, seen whole: a record outside the
/// held ones is held by every copy, as OURS holds it.
struct SeenWhole<'a> {
    cut: &'a Register,
    ours: &'a Register,
    held: &'a Held,
}

impl Holds for SeenWhole<'_> {
    fn holds(&self, record: Record) -> bool {
        match self.held.holds(record) {
            Some(false) => self.ours.holds(record),
            _ => self.cut.holds(record),
        }
    }
}

/// The register's settings and smaller maps, without its meetings and
/// commitments. Names every field, so a field added to the register is
/// not forgotten here.
fn settings_of(register: &Register) -> Register {
    let Register {
        name,
        short_name,
        reference_pattern,
        identity,
        office,
        next_id,
        markings,
        capability_areas,
        participants,
        people,
        series,
        meetings: _,
        commitments: _,
        conflicts,
        merges,
        saves,
    } = register;
    Register {
        name: name.clone(),
        short_name: short_name.clone(),
        reference_pattern: reference_pattern.clone(),
        identity: identity.clone(),
        office: office.clone(),
        next_id: *next_id,
        markings: markings.clone(),
        capability_areas: capability_areas.clone(),
        participants: participants.clone(),
        people: people.clone(),
        series: series.clone(),
        meetings: BTreeMap::new(),
        commitments: BTreeMap::new(),
        conflicts: conflicts.clone(),
        merges: merges.clone(),
        saves: saves.clone(),
    }
}

/// `register` cut down to the held records.
fn cut(register: &Register, held: &Held) -> Register {
    let mut cut = settings_of(register);
    take_from(
        &mut cut.meetings,
        &register.meetings,
        held.meetings.iter().copied(),
    );
    take_from(
        &mut cut.commitments,
        &register.commitments,
        held.commitments.iter().copied(),
    );
    cut
}

/// A copy read apart cut down to the held records: each held record it
/// writes as OURS does is taken from OURS.
fn cut_read(read: ReadApart, ours: &Register, held: &Held) -> Register {
    let mut cut = read.register;
    take_from(
        &mut cut.meetings,
        &ours.meetings,
        read.same_meetings
            .into_iter()
            .filter(|id| held.meetings.contains(id)),
    );
    take_from(
        &mut cut.commitments,
        &ours.commitments,
        read.same_commitments
            .into_iter()
            .filter(|id| held.commitments.contains(id)),
    );
    cut
}

/// `whole` with its held records and its settings as `cut` has them.
fn put_back(cut: Register, mut whole: Register, held: &Held) -> Register {
    let mut meetings = std::mem::take(&mut whole.meetings);
    let mut commitments = std::mem::take(&mut whole.commitments);
    for id in &held.meetings {
        meetings.remove(id);
    }
    for id in &held.commitments {
        commitments.remove(id);
    }
    let mut register = cut;
    // One by one: the held records are few, and `BTreeMap::append` builds
    // the whole map anew, moving every record of OURS (issue 19).
    meetings.extend(std::mem::take(&mut register.meetings));
    commitments.extend(std::mem::take(&mut register.commitments));
    register.meetings = meetings;
    register.commitments = commitments;
    register
}

/// Merges THEIRS into OURS from BASE, read apart: the same outcome as
/// [`super::merge`] of the whole copies (see the module comment).
pub fn merge_apart(
    base: ReadApart,
    ours: Register,
    theirs: ReadApart,
    ours_office: &str,
    theirs_office: &str,
    now: NaiveDateTime,
) -> Merged {
    let held = Held::of(&ours, &base, &theirs);
    let base = cut_read(base, &ours, &held);
    let theirs = cut_read(theirs, &ours, &held);
    let ours_cut = cut(&ours, &held);
    // Where reading apart cannot give the same outcome, the copies are
    // made whole again (around `ours`, as it then stands) and merged so.
    let merge_whole = |ours: &Register| {
        let whole = |cut: &Register| put_back(cut.clone(), ours.clone(), &held);
        let (base, theirs) = (whole(&base), whole(&theirs));
        super::merge(&base, ours, &theirs, ours_office, theirs_office, now)
    };

    let seen = |cut| SeenWhole {
        cut,
        ours: &ours,
        held: &held,
    };
    let clashes = renumber::clashes(
        (&base, &ours_cut, &theirs),
        (&seen(&base), &seen(&ours_cut)),
    );
    if !clashes.is_empty() {
        return merge_whole(&ours);
    }

    let template = template(ours_office, theirs_office, now);
    let drafted = draft(&base, &ours_cut, &theirs, &template, 0);
    // Into OURS in place: the records outside the held ones are OURS's
    // already, and no copy of them is made.
    let mut out = put_back(drafted.out, ours, &held);
    let mut found = drafted.found;
    super::approved::hold_approved(&ours_cut, &theirs, &mut out, &mut found, &template);
    if !checked::problems(&out).is_empty() {
        // OURS is the merged register with the held records as OURS had
        // them: outside them the merge changed nothing.
        let ours = put_back(ours_cut.clone(), out, &held);
        return merge_whole(&ours);
    }
    // Outside the held records every copy is OURS, so whether the result
    // is THEIRS is decided on the held ones, and the ids each copy holds
    // are OURS's outside them and the cut copy's inside.
    let ids = [
        lineage::ids_digest_of(&ids_seen_whole(&out, &ours_cut, &held)),
        lineage::ids_digest_of(&ids_seen_whole(&out, &theirs, &held)),
    ];
    let like_theirs = |out: &Register| lineage::plausibly_equal(&cut(out, &held), &theirs);
    finish(
        out,
        found,
        drafted.summary,
        Vec::new(),
        (&base, &ours_cut, &theirs),
        (&like_theirs, ids),
        [ours_office, theirs_office],
        now,
    )
}

/// The ids of every kind a copy cut down to the held records holds, seen
/// whole: `out`'s outside the held ones (every copy holds those), the
/// cut copy's inside.
fn ids_seen_whole(out: &Register, cut: &Register, held: &Held) -> lineage::Ids {
    fn kind<K: Ord + Copy, V>(
        out: &BTreeMap<K, V>,
        cut: &BTreeMap<K, V>,
        held: &BTreeSet<K>,
        number: impl Fn(K) -> u64,
    ) -> Vec<u64> {
        let mut ids: Vec<K> = out
            .keys()
            .copied()
            .filter(|id| !held.contains(id))
            .chain(cut.keys().copied())
            .collect();
        ids.sort_unstable();
        ids.into_iter().map(number).collect()
    }
    lineage::Ids {
        participants: cut.participants.keys().map(|id| id.0).collect(),
        people: cut.people.keys().map(|id| id.0).collect(),
        series: cut.series.keys().map(|id| id.0).collect(),
        meetings: kind(&out.meetings, &cut.meetings, &held.meetings, |id| id.0),
        commitments: kind(
            &out.commitments,
            &cut.commitments,
            &held.commitments,
            |id| id.0,
        ),
    }
}
