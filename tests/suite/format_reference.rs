//! FORMAT.md documents the file the program reads: every field of every
//! record and every value of every choice. The names are asked of serde
//! itself (the lists a derived `Deserialize` hands its deserializer), so a
//! field added to the model and not to the reference fails here, and so
//! does a reference entry for a field that no longer exists.

use std::collections::{BTreeMap, BTreeSet};

use coalition_desk::model::{
    ActionItem, ActionOwner, AgendaItem, AgendaPurpose, Attendance, AttendanceStatus,
    CarriedAction, Commitment, CommitmentStatus, Conflict, Decision, Delivery, FieldChange,
    Meeting, MeetingFormat, MeetingState, MergeMark, MinutesLife, MinutesState, MinutesStep, Money,
    OccurrenceChange, Participant, ParticipantKind, Person, Quantity, Record, Register, Revision,
    Role, Route, SaveMark, SeriesException, SessionSeries, StatusChange,
};
use coalition_desk::storage::EnvelopeIn;
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// What a type told the probe: its serde name and its field or variant names.
#[derive(Debug, Default)]
struct Shape {
    name: &'static str,
    names: Vec<&'static str>,
}

/// A deserializer that reads nothing: it notes the names a derived
/// `Deserialize` passes for a struct or an enum, then stops with an error.
struct Probe<'a>(&'a mut Shape);

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("probed")
    }
}
impl std::error::Error for Stop {}
impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.name = name;
        self.0.names = fields.to_vec();
        Err(Stop)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        self.0.name = name;
        self.0.names = variants.to_vec();
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

fn shape<T: for<'de> Deserialize<'de>>() -> Shape {
    let mut shape = Shape::default();
    assert!(T::deserialize(Probe(&mut shape)).is_err());
    assert!(
        !shape.name.is_empty(),
        "{} is not a struct or an enum",
        std::any::type_name::<T>()
    );
    shape
}

/// Every record of the file. A new record type must be added here (and to
/// FORMAT.md); the check below also fails when FORMAT.md has a record
/// section this list lacks.
fn records() -> Vec<Shape> {
    vec![
        shape::<EnvelopeIn>(),
        shape::<Register>(),
        shape::<Participant>(),
        shape::<Person>(),
        shape::<Role>(),
        shape::<SessionSeries>(),
        shape::<SeriesException>(),
        shape::<Meeting>(),
        shape::<MinutesLife>(),
        shape::<MinutesStep>(),
        shape::<Revision>(),
        shape::<FieldChange>(),
        shape::<Attendance>(),
        shape::<AgendaItem>(),
        shape::<Decision>(),
        shape::<ActionItem>(),
        shape::<CarriedAction>(),
        shape::<Commitment>(),
        shape::<Quantity>(),
        shape::<Money>(),
        shape::<StatusChange>(),
        shape::<Delivery>(),
        shape::<Conflict>(),
        shape::<MergeMark>(),
        shape::<SaveMark>(),
    ]
}

/// Every choice (enumeration) of the file.
fn choices() -> Vec<Shape> {
    vec![
        shape::<ParticipantKind>(),
        shape::<AgendaPurpose>(),
        shape::<MeetingState>(),
        shape::<MeetingFormat>(),
        shape::<MinutesState>(),
        shape::<AttendanceStatus>(),
        shape::<Route>(),
        shape::<CommitmentStatus>(),
        shape::<OccurrenceChange>(),
        shape::<ActionOwner>(),
        shape::<Record>(),
    ]
}

/// The `### Name` sections of one part of FORMAT.md (between `## start`
/// and the next `## `), each with the backticked names that open its
/// table rows.
fn sections(part: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = include_str!("../../FORMAT.md");
    let mut sections = BTreeMap::new();
    let mut inside = false;
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            inside = heading == part;
            current = None;
            continue;
        }
        if !inside {
            continue;
        }
        if let Some(heading) = line.strip_prefix("### ") {
            let name = heading.split_whitespace().next().unwrap().to_string();
            sections.insert(name.clone(), BTreeSet::new());
            current = Some(name);
        } else if let (Some(name), Some(cell)) = (&current, line.strip_prefix("| `")) {
            let entry = cell.split('`').next().unwrap().to_string();
            sections.get_mut(name).unwrap().insert(entry);
        }
    }
    sections
}

fn compare(part: &str, shapes: Vec<Shape>) {
    let documented = sections(part);
    let shapes: BTreeMap<String, BTreeSet<String>> = shapes
        .into_iter()
        .map(|s| {
            (
                s.name.to_string(),
                s.names.iter().map(|n| n.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        documented.keys().collect::<Vec<_>>(),
        shapes.keys().collect::<Vec<_>>(),
        "FORMAT.md's \"{part}\" sections and the program's types differ"
    );
    for (name, names) in &shapes {
        let written = &documented[name];
        let missing: Vec<_> = names.difference(written).collect();
        let stale: Vec<_> = written.difference(names).collect();
        assert!(
            missing.is_empty() && stale.is_empty(),
            "FORMAT.md, {name}: not documented {missing:?}; documented but not in the program {stale:?}"
        );
    }
}

#[test]
fn every_field_of_every_record_is_documented() {
    compare("The records", records());
}

#[test]
fn every_value_of_every_choice_is_documented() {
    compare("Values", choices());
}

#[test]
fn the_probe_sees_a_field_the_reference_lacks() {
    // The check is only worth something if a missing name is noticed.
    #[derive(serde::Deserialize)]
    #[expect(dead_code, reason = "only its field names are read")]
    struct Meeting {
        title: String,
        venue: String,
    }
    let shape = shape::<Meeting>();
    let documented = &sections("The records")["Meeting"];
    assert!(documented.contains("title"));
    assert!(shape.names.iter().any(|n| !documented.contains(*n)));
}
