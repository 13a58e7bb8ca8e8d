//! The summary's action items: the meeting's own, and those carried over
//! from earlier sessions of its series, each printed once under the
//! marking it carries where it was raised.

use serde::Serialize;

use super::Edition;
use super::format::long_date;
use crate::model::{ActionItem, CarriedOver, MeetingId, Record, Register};

/// One action item as printed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActionLine {
    pub text: String,
    /// The owning participant's name.
    pub owner: Option<String>,
    /// "31 December 2025".
    pub due: Option<String>,
    pub done: bool,
    /// "Carried over from No. 2 (3 December 2026)" for an action raised at
    /// an earlier session; `None` for the meeting's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
}

/// The actions carried over to meeting `id` that `edition` keeps. A
/// carried action whose marking the register does not know cannot be
/// ranked: a refusal is added, and the document refuses rather than print
/// under a marking too low.
pub(super) fn carried_actions(
    register: &Register,
    id: MeetingId,
    edition: &mut Edition<'_>,
    refusals: &mut Vec<String>,
) -> Vec<CarriedOver> {
    let carried = register.carried_over(id);
    let markings: Vec<String> = carried
        .iter()
        .map(|c| c.action.marking.clone().unwrap_or_default())
        .collect();
    for (c, marking) in carried.iter().zip(&markings) {
        if !register.markings.contains(marking) {
            refusals.push(format!(
                "{}: an action carried over from it is marked \u{201c}{marking}\u{201d}, \
                 which is not one of the register's levels ({}), so the document's \
                 marking cannot be worked out",
                register.known_as(Record::Meeting(c.from)),
                register.markings.join(", ")
            ));
        }
    }
    edition.keep(carried.into_iter().zip(markings.iter().map(String::as_str)))
}

/// The lines of the actions: those carried over first, then the meeting's
/// own that the edition keeps.
pub(super) fn action_lines(
    register: &Register,
    carried: &[CarriedOver],
    own: &[&ActionItem],
) -> Vec<ActionLine> {
    let line = |a: &ActionItem, carried_from: Option<String>| ActionLine {
        text: a.text.clone(),
        owner: a.owner.map(|o| register.owner_name(o)),
        due: a.due.map(long_date),
        done: a.done,
        carried_from,
    };
    carried
        .iter()
        .map(|c| line(&c.action, Some(capitalised(&register.carried_from(c.from)))))
        .chain(own.iter().map(|a| line(a, None)))
        .collect()
}

/// "Carried over from …" at the start of a line.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
