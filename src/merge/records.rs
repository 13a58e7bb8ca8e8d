//! Merging a record of each kind field by field. Each kind names all its
//! fields: the destructuring below fails to compile when a field is added
//! to the model and not here, so no field is ever merged by accident as
//! "ours".

use crate::model::{
    ActionItem, Commitment, Meeting, MeetingId, Participant, Person, SessionSeries,
};

use super::fields::FieldMerge;

/// Merges the plain fields `$plain` of `$out` (a copy of ours), after
/// checking that `$plain` and `$special` (merged by hand) name every field
/// of `$kind`.
macro_rules! plain_fields {
    ($kind:ident, $merge:ident, $base:ident, $ours:ident, $theirs:ident, $out:ident;
     plain: $($plain:ident),*; special: $($special:ident),*) => {
        let $kind { $($plain: _,)* $($special: _,)* } = $ours;
        $( $merge.field(stringify!($plain), &$base.$plain, &$ours.$plain, &$theirs.$plain, &mut $out.$plain); )*
    };
}

/// Merges the list fields `$list` of `$out` element by element.
macro_rules! lists {
    ($merge:ident, $base:ident, $ours:ident, $theirs:ident, $out:ident; $($list:ident),*) => {
        $( $merge.list(stringify!($list), &$base.$list, &$ours.$list, &$theirs.$list, &mut $out.$list); )*
    };
}

/// Whether the record's own marking and the rest of it changed apart
/// (see [`FieldMerge::marking_apart`]); the marking covers the whole.
macro_rules! record_marking_apart {
    ($kind:ident, $merge:ident, $base:ident, $ours:ident, $theirs:ident) => {{
        let unmarked = |record: &$kind| $kind {
            marking: String::new(),
            ..record.clone()
        };
        $merge.marking_apart(
            "marking",
            [&$base.marking, &$ours.marking, &$theirs.marking],
            [unmarked($base), unmarked($ours), unmarked($theirs)],
        )
    }};
}

pub(super) fn participant(
    merge: &mut FieldMerge<'_>,
    base: &Participant,
    ours: &Participant,
    theirs: &Participant,
) -> Participant {
    let mut out = ours.clone();
    // The points' own marking covers the points alone.
    let points_apart = merge.marking_apart(
        "points_marking",
        [
            &base.points_marking,
            &ours.points_marking,
            &theirs.points_marking,
        ],
        [
            &base.points_to_raise,
            &ours.points_to_raise,
            &theirs.points_to_raise,
        ],
    );
    plain_fields!(Participant, merge, base, ours, theirs, out;
        plain: name, code, kind, joined, notes, points_to_raise, points_marking; special: );
    if points_apart {
        out.points_marking = ours.points_marking.clone();
    }
    out
}

pub(super) fn person(
    merge: &mut FieldMerge<'_>,
    base: &Person,
    ours: &Person,
    theirs: &Person,
) -> Person {
    let mut out = ours.clone();
    plain_fields!(Person, merge, base, ours, theirs, out;
        plain: name, notes; special: roles);
    lists!(merge, base, ours, theirs, out; roles);
    out
}

pub(super) fn series(
    merge: &mut FieldMerge<'_>,
    base: &SessionSeries,
    ours: &SessionSeries,
    theirs: &SessionSeries,
) -> SessionSeries {
    let mut out = ours.clone();
    plain_fields!(SessionSeries, merge, base, ours, theirs, out;
        plain: name, short_name, cadence, first, start, end, time_zone, location, format,
            convenors, notes;
        special: exceptions);
    lists!(merge, base, ours, theirs, out; exceptions);
    out
}

pub(super) fn meeting(
    merge: &mut FieldMerge<'_>,
    base: &Meeting,
    ours: &Meeting,
    theirs: &Meeting,
) -> Meeting {
    let mut out = ours.clone();
    let apart = record_marking_apart!(Meeting, merge, base, ours, theirs);
    // The restricted notes' own marking covers those notes alone.
    let restricted_apart = merge.marking_apart(
        "restricted_marking",
        [
            &base.restricted_marking,
            &ours.restricted_marking,
            &theirs.restricted_marking,
        ],
        [
            &base.restricted_notes,
            &ours.restricted_notes,
            &theirs.restricted_notes,
        ],
    );
    plain_fields!(Meeting, merge, base, ours, theirs, out;
        plain: title, series, number, date, start, end, time_zone, location, format, state,
            convenors, chairs, notes, statement, restricted_notes, restricted_marking, marking;
        special: attendance, agenda, decisions, actions, carried_as_approved, minutes);
    merge.map(
        "attendance",
        |participant| participant.text(),
        &base.attendance,
        &ours.attendance,
        &theirs.attendance,
        &mut out.attendance,
    );
    lists!(merge, base, ours, theirs, out; agenda, decisions);
    let (base_actions, ours_actions, theirs_actions) = if merge.template.compared {
        (
            base.actions.clone(),
            ours.actions.clone(),
            theirs.actions.clone(),
        )
    } else {
        carried_united(base, ours, theirs)
    };
    out.actions = ours_actions.clone();
    merge.list(
        "actions",
        &base_actions,
        &ours_actions,
        &theirs_actions,
        &mut out.actions,
    );
    lists!(merge, base, ours, theirs, out; carried_as_approved);
    out.minutes.history = merge.united(
        "record.history",
        &base.minutes.history,
        &ours.minutes.history,
        &theirs.minutes.history,
        |step| step.date,
    );
    merge.list(
        "record.revisions",
        &base.minutes.revisions,
        &ours.minutes.revisions,
        &theirs.minutes.revisions,
        &mut out.minutes.revisions,
    );
    if apart {
        out.marking = ours.marking.clone();
    }
    if restricted_apart {
        out.restricted_marking = ours.restricted_marking.clone();
    }
    out
}

/// The three sides' actions with the sessions each was carried to united
/// in all three: two offices that each scheduled a next session carried
/// the same action to both, which is no conflict, and the action stays
/// one. Only an action base had, and both sides still hold in its place,
/// is united; the rest merge as they are.
fn carried_united(
    base: &Meeting,
    ours: &Meeting,
    theirs: &Meeting,
) -> (Vec<ActionItem>, Vec<ActionItem>, Vec<ActionItem>) {
    let mut sides = (
        base.actions.clone(),
        ours.actions.clone(),
        theirs.actions.clone(),
    );
    if ours.actions.len() < base.actions.len() || theirs.actions.len() < base.actions.len() {
        return sides;
    }
    let (b, o, t) = (&mut sides.0, &mut sides.1, &mut sides.2);
    for ((b, o), t) in b.iter_mut().zip(o.iter_mut()).zip(t.iter_mut()) {
        // A session base had and one side dropped (it deleted the session)
        // stays dropped; every other session either side lists is kept.
        let dropped = |to: &MeetingId| {
            b.carried_to.contains(to) && !(o.carried_to.contains(to) && t.carried_to.contains(to))
        };
        let mut united: Vec<MeetingId> = Vec::new();
        for to in o.carried_to.iter().chain(&t.carried_to) {
            if !dropped(to) && !united.contains(to) {
                united.push(*to);
            }
        }
        // In id order, so merging either way round gives the same list.
        united.sort_unstable();
        b.carried_to = united.clone();
        o.carried_to = united.clone();
        t.carried_to = united;
    }
    sides
}

pub(super) fn commitment(
    merge: &mut FieldMerge<'_>,
    base: &Commitment,
    ours: &Commitment,
    theirs: &Commitment,
) -> Commitment {
    let mut out = ours.clone();
    let apart = record_marking_apart!(Commitment, merge, base, ours, theirs);
    plain_fields!(Commitment, merge, base, ours, theirs, out;
        plain: participant, announced_at, title, description, area, route, quantity, value,
            conditions, due, marking;
        special: status, history, deliveries);
    if apart {
        out.marking = ours.marking.clone();
    }
    out.history = merge.united(
        "history",
        &base.history,
        &ours.history,
        &theirs.history,
        |h| h.date,
    );
    out.deliveries = merge.united(
        "deliveries",
        &base.deliveries,
        &ours.deliveries,
        &theirs.deliveries,
        |d| d.date,
    );
    let both_moved = ours.history != base.history && theirs.history != base.history;
    match out.history.last() {
        // The status is the last step's: once both histories are united
        // it follows from them, whatever each side's status said.
        Some(last) if both_moved => out.status = last.status,
        _ => merge.field(
            "status",
            &base.status,
            &ours.status,
            &theirs.status,
            &mut out.status,
        ),
    }
    out
}
