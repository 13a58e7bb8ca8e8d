//! A meeting as the round trip generates it: attendance, agenda, decisions,
//! actions and the record's life, each field drawn at random.

use coalition_desk::model::*;
use proptest::prelude::*;

use super::{date, ids, text, time, zone};

pub(super) fn meeting() -> impl Strategy<Value = Meeting> {
    let attendance = (
        prop::sample::select(AttendanceStatus::ALL.to_vec()),
        prop::collection::vec(ids(), 0..3),
        prop::collection::vec(ids(), 0..2),
        prop::option::of(ids()),
        text(),
    )
        .prop_map(
            |(status, delegates, stand_ins, represented_by, note)| Attendance {
                status,
                delegates: delegates.into_iter().map(PersonId).collect(),
                stand_ins: stand_ins.into_iter().map(PersonId).collect(),
                represented_by: represented_by.map(ParticipantId),
                note,
            },
        );
    let agenda = (
        text(),
        prop::option::of(ids()),
        text(),
        text(),
        0..=2u8,
        prop::option::of(any::<u16>()),
        prop::option::of(prop::sample::select(AgendaPurpose::ALL.to_vec())),
    )
        .prop_map(
            |(title, lead, notes, outcome, level, minutes, purpose)| AgendaItem {
                title,
                lead: lead.map(PersonId),
                notes,
                outcome,
                level,
                minutes,
                marking: None,
                purpose,
            },
        );
    let owner = prop_oneof![
        ids().prop_map(|id| ActionOwner::Participant(ParticipantId(id))),
        ids().prop_map(|id| ActionOwner::Person(PersonId(id))),
        Just(ActionOwner::Secretariat),
    ];
    let action = (
        text(),
        prop::option::of(owner),
        prop::option::of(date()),
        any::<bool>(),
        prop::collection::vec(ids(), 0..3),
    )
        .prop_map(|(text, owner, due, done, carried_to)| ActionItem {
            text,
            owner,
            due,
            done,
            marking: None,
            carried_to: carried_to.into_iter().map(MeetingId).collect(),
        });
    (
        (
            text(),
            prop::option::of(ids()),
            prop::option::of(any::<u32>()),
            date(),
            prop::option::of(time()),
            prop::option::of(time()),
            zone(),
        ),
        (
            text(),
            prop::sample::select(MeetingFormat::ALL.to_vec()),
            prop::sample::select(MeetingState::ALL.to_vec()),
            prop::collection::vec(ids(), 0..3),
            prop::collection::vec(ids(), 0..2),
        ),
        (
            prop::collection::btree_map(ids(), attendance, 0..3),
            prop::collection::vec(agenda, 0..3),
            prop::collection::vec(
                (text(), prop::option::of(text()))
                    .prop_map(|(text, marking)| Decision { text, marking }),
                0..2,
            ),
            prop::collection::vec(action, 0..3),
            text(),
            text(),
            text(),
            prop::collection::vec(record_step(), 0..3),
        ),
    )
        .prop_map(
            |(
                (title, series, number, date, start, end, time_zone),
                (location, format, state, convenors, chairs),
                (
                    attendance,
                    agenda,
                    decisions,
                    actions,
                    statement,
                    restricted_notes,
                    marking,
                    history,
                ),
            )| Meeting {
                title,
                series: series.map(SeriesId),
                number,
                date,
                start,
                end,
                time_zone,
                location,
                format,
                state,
                convenors: convenors.into_iter().map(ParticipantId).collect(),
                chairs: chairs.into_iter().map(PersonId).collect(),
                attendance: attendance
                    .into_iter()
                    .map(|(id, a)| (ParticipantId(id), a))
                    .collect(),
                agenda,
                decisions,
                actions,
                statement,
                restricted_notes,
                marking,
                // Added to Meeting by the meetings branch; not generated yet.
                notes: String::new(),
                // Added by the editions branch; not generated yet.
                restricted_marking: None,
                // Written by an approval; not generated yet.
                carried_as_approved: Vec::new(),
                minutes: MinutesLife {
                    revisions: history
                        .iter()
                        .filter(|s| !s.note.is_empty())
                        .zip(1..)
                        .map(|(s, number)| Revision {
                            number,
                            date: s.date,
                            reason: s.note.clone(),
                            changes: vec![FieldChange {
                                field: "Location".into(),
                                before: s.approved_by.clone(),
                                after: s.note.clone(),
                            }],
                        })
                        .collect(),
                    history,
                },
            },
        )
}

fn record_step() -> impl Strategy<Value = MinutesStep> {
    (
        date(),
        prop::sample::select(vec![
            MinutesState::Draft,
            MinutesState::Circulated,
            MinutesState::Approved,
        ]),
        prop::collection::vec(ids(), 0..3),
        prop::option::of(date()),
        prop::option::of(ids()),
        text(),
        text(),
    )
        .prop_map(
            |(date, state, to, comments_due, approved_at, approved_by, note)| MinutesStep {
                date,
                state,
                circulated_to: to.into_iter().map(ParticipantId).collect(),
                comments_due,
                approved_at: approved_at.map(MeetingId),
                approved_by,
                note,
            },
        )
}
