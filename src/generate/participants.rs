//! The generated coalition's members and the people who speak for them.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use crate::model::{Participant, ParticipantId, ParticipantKind, Person, PersonId, Role};

use super::Making;
use super::vocabulary::{FAMILY, GIVEN, NATIONS, ORGANISATIONS, TITLES};

/// Each participant's office holders in order: who, from when, until when.
pub(super) type Holders = BTreeMap<ParticipantId, Vec<(PersonId, NaiveDate, Option<NaiveDate>)>>;

/// Every nation, then every organisation, in the vocabulary's order.
pub(super) fn participants(making: &mut Making) -> Vec<ParticipantId> {
    let nations = NATIONS.map(|(code, name)| (code, name, ParticipantKind::Nation));
    let organisations =
        ORGANISATIONS.map(|(code, name)| (code, name, ParticipantKind::Organisation));
    let mut participants = Vec::new();
    for (code, name, kind) in nations.into_iter().chain(organisations) {
        let pid = ParticipantId(making.ids.next());
        let register = &mut making.register;
        register
            .participants
            .insert(pid, participant(code, name, kind));
        participants.push(pid);
    }
    participants
}

/// Each participant has a line of office holders: when one leaves the
/// next takes over the day after, so every date has someone in office.
pub(super) fn office_holders(making: &mut Making, participants: &[ParticipantId]) -> Holders {
    let Making {
        register,
        dice,
        ids,
        start,
        ..
    } = making;
    let mut holders = Holders::new();
    for &participant in participants {
        let mut from = *start;
        for term in 0..7 {
            let last = term == 6;
            let to = (!last).then(|| from + Days::new(300 + dice.below(500) as u64));
            let person_id = PersonId(ids.next());
            let name = format!(
                "{} {}",
                dice.pick(&GIVEN).copied().unwrap_or("Anna"),
                dice.pick(&FAMILY).copied().unwrap_or("Novak")
            );
            let title = dice.pick(&TITLES).copied().unwrap_or("Head of Delegation");
            register.people.insert(
                person_id,
                Person {
                    name,
                    roles: vec![Role {
                        title: title.to_string(),
                        participant,
                        from: Some(from),
                        to,
                        // Each participant's offices follow one another,
                        // one holder at a time: each heads the delegation.
                        head_of_delegation: true,
                    }],
                    notes: String::new(),
                },
            );
            holders
                .entry(participant)
                .or_default()
                .push((person_id, from, to));
            match to {
                Some(to) => from = to + Days::new(1),
                None => break,
            }
        }
    }
    holders
}

fn participant(code: &str, name: &str, kind: ParticipantKind) -> Participant {
    Participant {
        name: name.to_string(),
        code: code.to_string(),
        kind,
        joined: None,
        notes: String::new(),
        ..Participant::default()
    }
}
