//! Putting one value, written as RON text, into the field a conflict names:
//! a plain field (`title`), an entry of a list kept in place (`agenda[2]`,
//! counted from 1 as the merge counts them), a participant's row of a
//! meeting's attendance (`attendance[3]`, by participant number), a part
//! of a meeting's record (`record.revisions[1]`), or the register's own
//! settings.
//!
//! A plain field is read as the record itself holding only that field,
//! `(due: TEXT)`, so the record's own reading rules apply to it (strict
//! dates, times and amounts, unknown fields refused) exactly as when the
//! file is opened.

use serde::de::DeserializeOwned;

use crate::model::{
    Attendance, Commitment, Meeting, MinutesLife, Participant, ParticipantId, Person, Register,
    SessionSeries,
};

/// Why one value could not be put where its conflict says: the end of the
/// sentence `resolve` makes of it ("… could not be settled: {this}").
#[derive(Debug, thiserror::Error)]
pub(super) enum NotSettled {
    /// The text did not read as the field's value: ron's own reason.
    #[error("{0}")]
    Unreadable(String),
    #[error("there is no field “{0}” to settle")]
    UnknownField(String),
    #[error("there is no entry {key} in {list} (it has {len})")]
    NoEntry {
        key: String,
        list: &'static str,
        len: usize,
    },
    #[error("no entry of {0} was given")]
    NoEntryGiven(&'static str),
    #[error("“{0}” is not a participant's number")]
    NotAParticipantNumber(String),
    #[error("the other copy has no value for it")]
    NoValue,
    #[error("the record is no longer in this copy")]
    RecordGone,
}

/// A record (or the register's settings) whose fields a conflict can name.
pub(super) trait Settable {
    /// Puts the value written as `text` into `field`; the error says what
    /// did not read, for the officer.
    fn put(&mut self, field: &str, text: &str) -> Result<(), NotSettled>;
}

/// Reads RON text as the file is read (a value may leave out `Some(…)`).
pub(super) fn read<T: DeserializeOwned>(text: &str) -> Result<T, NotSettled> {
    crate::model::file_values::read_options()
        .from_str(text)
        .map_err(|error| NotSettled::Unreadable(error.code.to_string()))
}

/// `agenda[2]` → (`agenda`, `Some("2")`); `title` → (`title`, `None`).
fn split(field: &str) -> (&str, Option<&str>) {
    match field.split_once('[') {
        Some((name, rest)) => (name, Some(rest.trim_end_matches(']'))),
        None => (field, None),
    }
}

/// The entry a conflict names in a list, counted from 1.
fn entry_at<'a, T>(
    entries: &'a mut [T],
    key: &str,
    list: &'static str,
) -> Result<&'a mut T, NotSettled> {
    let len = entries.len();
    key.parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|n| entries.get_mut(n))
        .ok_or_else(|| NotSettled::NoEntry {
            key: key.to_owned(),
            list,
            len,
        })
}

/// Implements [`Settable`] for a kind from the names of its fields: the
/// plain ones, the lists kept in place (settled whole or entry by entry),
/// and the ones settled by hand (`keyed` maps by a function, `nested`
/// records by their own `put`). For record kinds the destructuring fails
/// to compile when the model gains a field that is named nowhere here.
macro_rules! settable {
    ($kind:ident $({ $($all:tt)* })? ; plain: $($plain:ident),*; lists: $($list:ident),*;
     keyed: $($keyed:ident => $put_entry:path),*; nested: $($nested:ident),*) => {
        impl Settable for $kind {
            fn put(&mut self, field: &str, text: &str) -> Result<(), NotSettled> {
                $( let $kind { $($all)* } = self; )?
                $(
                    if let Some(rest) = field.strip_prefix(concat!(stringify!($nested), ".")) {
                        return self.$nested.put(rest, text);
                    }
                )*
                match split(field) {
                    $( (stringify!($plain), None) => {
                        self.$plain = read::<$kind>(&format!("({field}: {text})"))?.$plain;
                    } )*
                    $( (stringify!($list), None) => {
                        self.$list = read::<$kind>(&format!("({field}: {text})"))?.$list;
                    } )*
                    $( (stringify!($list), Some(key)) => {
                        let name = stringify!($list);
                        let entry = read::<$kind>(&format!("({name}: [{text}])"))?
                            .$list
                            .into_iter()
                            .next()
                            .ok_or(NotSettled::NoEntryGiven(name))?;
                        *entry_at(&mut self.$list, key, name)? = entry;
                    } )*
                    $( (stringify!($keyed), None) => {
                        self.$keyed = read::<$kind>(&format!("({field}: {text})"))?.$keyed;
                    }
                    (stringify!($keyed), Some(key)) => $put_entry(&mut self.$keyed, key, text)?, )*
                    _ => return Err(NotSettled::UnknownField(field.to_owned())),
                }
                Ok(())
            }
        }
    };
}

settable!(Participant {
        name: _, code: _, kind: _, joined: _, notes: _, points_to_raise: _, points_marking: _
    };
    plain: name, code, kind, joined, notes, points_to_raise, points_marking;
    lists: ; keyed: ; nested: );
settable!(Person { name: _, roles: _, notes: _ };
    plain: name, notes; lists: roles; keyed: ; nested: );
settable!(SessionSeries {
        name: _, short_name: _, cadence: _, first: _, start: _, end: _, time_zone: _,
        location: _, format: _, convenors: _, notes: _, exceptions: _
    };
    plain: name, short_name, cadence, first, start, end, time_zone, location, format,
        convenors, notes;
    lists: exceptions; keyed: ; nested: );
settable!(Meeting {
        title: _, series: _, number: _, date: _, start: _, end: _, time_zone: _, location: _,
        format: _, state: _, convenors: _, chairs: _, notes: _, statement: _,
        restricted_notes: _, restricted_marking: _, marking: _, attendance: _, agenda: _,
        decisions: _, actions: _, carried_as_approved: _, minutes: _
    };
    plain: title, series, number, date, start, end, time_zone, location, format, state,
        convenors, chairs, notes, statement, restricted_notes, restricted_marking, marking;
    lists: agenda, decisions, actions, carried_as_approved;
    keyed: attendance => attendance_row;
    nested: minutes);
settable!(MinutesLife { history: _, revisions: _ };
    plain: ; lists: history, revisions; keyed: ; nested: );
settable!(Commitment {
        participant: _, announced_at: _, title: _, description: _, area: _, route: _,
        quantity: _, value: _, conditions: _, due: _, status: _, history: _, marking: _,
        deliveries: _
    };
    plain: participant, announced_at, title, description, area, route, quantity, value,
        conditions, due, status, marking;
    lists: history, deliveries; keyed: ; nested: );
// The register's settings; its records are settled whole, not as fields.
settable!(Register;
    plain: name, short_name, reference_pattern; lists: markings, capability_areas;
    keyed: ; nested: );

/// A participant's row of a meeting's attendance, `None` when the copy
/// has no row for them.
fn attendance_row(
    attendance: &mut std::collections::BTreeMap<ParticipantId, Attendance>,
    key: &str,
    text: &str,
) -> Result<(), NotSettled> {
    let participant = key
        .parse()
        .map(ParticipantId)
        .map_err(|_| NotSettled::NotAParticipantNumber(key.to_owned()))?;
    match read::<Option<Attendance>>(text)? {
        Some(row) => attendance.insert(participant, row),
        None => attendance.remove(&participant),
    };
    Ok(())
}
