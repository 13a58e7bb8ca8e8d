//! Any register survives saving and loading, and writing on several
//! threads gives the same file as writing on one.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use coalition_desk::model::*;
use coalition_desk::storage::{self};
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::fixture::*;

mod meeting;
use meeting::meeting;

/// Text that tends to break hand-rolled serialisers. Control characters
/// other than tab, newline and carriage return are left out: no register
/// may hold one, and reading refuses them (strict_reading.rs).
fn text() -> impl Strategy<Value = String> {
    let any_text = prop_oneof![
        3 => Just(String::new()),
        2 => prop::sample::select(vec![
            "\")",
            "r#\"",
            "\"#",
            "r##\"raw\"##",
            "\\",
            "\\\\n",
            "a\nb\r\nc\td",
            "é ç à ü ß",
            "Міністр оборони України",
            "/* not a comment */ // nor this",
            "(name: \"inner\", version: 2)",
            "\u{7f}\u{feff}\u{85}",
            "🇬🇧 🇫🇷 🇺🇦",
            "' \" ` $ { } [ ] ( ) , :",
        ])
        .prop_map(String::from),
        3 => "\\PC{0,12}",
        2 => any::<String>(),
    ];
    // Text that no entry point lets in (control characters, overrides,
    // separators) is refused by the reader too; see strict_reading.
    any_text.prop_map(|text| {
        text.replace(
            |c: char| coalition_desk::model::hidden_characters::refused_character(c).is_some(),
            "",
        )
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..2200, 1u32..=365)
        .prop_map(|(year, ordinal)| NaiveDate::from_yo_opt(year, ordinal).unwrap())
}

fn time() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60, 0u32..60).prop_map(|(h, m, s)| NaiveTime::from_hms_opt(h, m, s).unwrap())
}

fn zone() -> impl Strategy<Value = Tz> {
    prop::sample::select(chrono_tz::TZ_VARIANTS.to_vec())
}

/// Whole and fractional, positive and negative, as large and as fine as
/// the file allows: 15 digits, up to 6 of them after the point.
fn decimal() -> impl Strategy<Value = Decimal> {
    (-999_999_999_999_999i64..=999_999_999_999_999, 0u32..=6)
        .prop_map(|(mantissa, scale)| Decimal::new(mantissa, scale))
}

/// Plain numbers, the largest one a plain id may be, and ids of offices
/// (written as text).
fn ids() -> impl Strategy<Value = u64> {
    prop_oneof![
        0u64..50,
        Just(coalition_desk::model::MAX_SERIAL),
        (
            prop::sample::select(vec!["LON", "PAR", "A0", "Z9Z9Z"]),
            0u64..50
        )
            .prop_map(|(office, serial)| office_id(office, serial).unwrap()),
    ]
}

fn participant() -> impl Strategy<Value = Participant> {
    (
        text(),
        text(),
        prop::sample::select(ParticipantKind::ALL.to_vec()),
        prop::option::of(date()),
        text(),
        text(),
        prop::option::of(prop::sample::select(
            DEFAULT_MARKINGS.map(String::from).to_vec(),
        )),
    )
        .prop_map(
            |(name, code, kind, joined, notes, points_to_raise, points_marking)| Participant {
                name,
                code,
                kind,
                joined,
                notes,
                points_to_raise,
                points_marking,
            },
        )
}

fn person() -> impl Strategy<Value = Person> {
    let role = (
        text(),
        ids(),
        prop::option::of(date()),
        prop::option::of(date()),
        any::<bool>(),
    )
        .prop_map(|(title, p, from, to, head_of_delegation)| Role {
            title,
            participant: ParticipantId(p),
            from,
            to,
            head_of_delegation,
        });
    (text(), prop::collection::vec(role, 0..3), text()).prop_map(|(name, roles, notes)| Person {
        name,
        roles,
        notes,
    })
}

fn series() -> impl Strategy<Value = SessionSeries> {
    (
        (text(), text(), text(), prop::option::of(date())),
        (prop::option::of(time()), prop::option::of(time()), zone()),
        (
            text(),
            prop::sample::select(MeetingFormat::ALL.to_vec()),
            prop::collection::vec(ids(), 0..3),
            text(),
        ),
    )
        .prop_map(
            |(
                (name, short_name, cadence, first),
                (start, end, time_zone),
                (location, format, conv, notes),
            )| {
                SessionSeries {
                    name,
                    short_name,
                    cadence,
                    first,
                    start,
                    end,
                    time_zone,
                    location,
                    format,
                    convenors: conv.into_iter().map(ParticipantId).collect(),
                    notes,
                    exceptions: Vec::new(),
                }
            },
        )
}

fn commitment() -> impl Strategy<Value = Commitment> {
    let status = || prop::sample::select(CommitmentStatus::ALL.to_vec());
    let change = (date(), status(), text(), prop::option::of(ids())).prop_map(
        |(date, status, note, meeting)| StatusChange {
            date,
            status,
            note,
            meeting: meeting.map(MeetingId),
        },
    );
    let quantity = (decimal(), text()).prop_map(|(amount, unit)| Quantity { amount, unit });
    let money = (decimal(), text()).prop_map(|(amount, currency)| Money { amount, currency });
    (
        (ids(), prop::option::of(ids()), text(), text(), text()),
        (
            prop::sample::select(Route::ALL.to_vec()),
            prop::option::of(quantity),
            prop::option::of(money),
            text(),
            prop::option::of(date()),
        ),
        (status(), prop::collection::vec(change, 0..3), text()),
    )
        .prop_map(
            |(
                (participant, announced_at, title, description, area),
                (route, quantity, value, conditions, due),
                (status, history, marking),
            )| Commitment {
                participant: ParticipantId(participant),
                announced_at: announced_at.map(MeetingId),
                title,
                description,
                area,
                route,
                quantity,
                value,
                conditions,
                due,
                status,
                history,
                marking,
                deliveries: Vec::new(),
            },
        )
}

/// What a merge left to settle: texts as awkward as any record's.
fn merge_mark() -> impl Strategy<Value = MergeMark> {
    (text(), date(), time(), prop::collection::vec(text(), 0..3)).prop_map(
        |(mark, day, at, offices)| MergeMark {
            mark,
            merged: day.and_time(at),
            offices,
        },
    )
}

/// A save a copy comes from: any text, any count.
fn save_mark() -> impl Strategy<Value = SaveMark> {
    (text(), any::<u32>(), text(), date(), time()).prop_map(|(session, saves, office, day, at)| {
        SaveMark {
            session,
            saves,
            office,
            saved: day.and_time(at),
        }
    })
}

fn conflict() -> impl Strategy<Value = Conflict> {
    let record = prop::option::of(prop_oneof![
        ids().prop_map(|id| Record::Participant(ParticipantId(id))),
        ids().prop_map(|id| Record::Meeting(MeetingId(id))),
        ids().prop_map(|id| Record::Commitment(CommitmentId(id))),
    ]);
    (
        record,
        (text(), prop::option::of(text()), prop::option::of(text())),
        (
            text(),
            text(),
            date(),
            time(),
            text(),
            prop::bool::ANY,
            text(),
        ),
    )
        .prop_map(
            |(
                record,
                (field, ours, theirs),
                (ours_office, theirs_office, day, at, name, compared, broken_rule),
            )| {
                Conflict {
                    record,
                    field,
                    ours,
                    theirs,
                    ours_office,
                    theirs_office,
                    merged: day.and_time(at),
                    name,
                    compared,
                    broken_rule,
                }
            },
        )
}

fn keyed<K: Ord + std::fmt::Debug, V: std::fmt::Debug>(
    key: fn(u64) -> K,
    value: impl Strategy<Value = V>,
    size: std::ops::Range<usize>,
) -> impl Strategy<Value = BTreeMap<K, V>> {
    prop::collection::btree_map(ids(), value, size)
        .prop_map(move |map| map.into_iter().map(|(k, v)| (key(k), v)).collect())
}

fn register() -> impl Strategy<Value = Register> {
    (
        (
            text(),
            text(),
            text(),
            prop::sample::select(vec!["", "LON"]),
            (any::<u64>(), text()),
            prop::collection::vec(text(), 0..4),
            prop::collection::vec(text(), 0..4),
        ),
        (
            keyed(ParticipantId, participant(), 0..4),
            keyed(PersonId, person(), 0..4),
            keyed(SeriesId, series(), 0..3),
            keyed(MeetingId, meeting(), 0..3),
            keyed(CommitmentId, commitment(), 0..4),
            prop::collection::vec(conflict(), 0..3),
            (
                prop::collection::vec(merge_mark(), 0..3),
                prop::collection::vec(save_mark(), 0..3),
            ),
        ),
    )
        .prop_map(
            |(
                (
                    name,
                    short_name,
                    reference_pattern,
                    office,
                    (next_id, identity),
                    markings,
                    capability_areas,
                ),
                (
                    mut participants,
                    mut people,
                    mut series,
                    mut meetings,
                    mut commitments,
                    conflicts,
                    (merges, saves),
                ),
            )| {
                // An id names one record of any kind: a register where two
                // kinds share one is refused on loading, so none is drawn.
                let mut used = std::collections::BTreeSet::new();
                participants.retain(|id, _| used.insert(id.0));
                people.retain(|id, _| used.insert(id.0));
                series.retain(|id, _| used.insert(id.0));
                meetings.retain(|id, _| used.insert(id.0));
                commitments.retain(|id, _| used.insert(id.0));
                Register {
                    name,
                    short_name,
                    reference_pattern,
                    identity,
                    office: office.to_string(),
                    next_id,
                    markings,
                    capability_areas,
                    participants,
                    people,
                    series,
                    meetings,
                    commitments,
                    conflicts,
                    merges,
                    saves,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_register_survives_save_and_load(register in register()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("register.ron");
        let stamp = storage::save(&path, &register, None).unwrap();
        let loaded = storage::load(&path).unwrap();
        prop_assert_eq!(&loaded.register, &register);
        prop_assert_eq!(loaded.newer_version, None);
        prop_assert!(loaded.stamp.same_content(&stamp));
        // And again over the first file, with the stamp it returned.
        storage::save(&path, &loaded.register, Some(&stamp)).unwrap();
        prop_assert_eq!(storage::load(&path).unwrap().register, register);
    }
}

#[test]
fn a_register_written_on_several_threads_is_the_same_file() {
    let generated = coalition_desk::generate::register(coalition_desk::generate::GenerateOptions {
        meetings: 25,
        commitments: 1_200,
        seed: 3,
    });
    for register in [sample_register(), generated] {
        let path = Path::new("register.ron");
        let one = storage::to_ron_on_threads(&register, path, None).unwrap();
        for threads in [2, 3, 8] {
            let many = storage::to_ron_on_threads(&register, path, Some(threads)).unwrap();
            assert!(one == many, "{threads} threads wrote other bytes");
        }
        let back = storage::from_str(&one, path).unwrap();
        assert!(back.register == register);
    }
}
