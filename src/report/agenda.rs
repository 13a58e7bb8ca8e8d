//! The agenda as printed: each item numbered (2.1), with its planned
//! start and minutes, worked out by the model's agenda rules.

use super::AgendaLine;
use crate::model::agenda;
use crate::model::{Meeting, Register};

/// The agenda as printed: numbered, each item with its planned start and
/// duration.
pub(super) fn agenda_lines(register: &Register, meeting: &Meeting) -> Vec<AgendaLine> {
    let numbers = agenda::agenda_numbers(&meeting.agenda);
    let levels = agenda::agenda_levels(&meeting.agenda);
    let schedule = agenda::agenda_schedule(meeting);
    meeting
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| AgendaLine {
            number: numbers.get(i).cloned().unwrap_or_default(),
            level: levels.get(i).copied().unwrap_or(0),
            start: schedule
                .starts
                .get(i)
                .copied()
                .flatten()
                .map(|t| t.format("%H:%M").to_string()),
            minutes: item.minutes.map(|m| agenda::minutes_text(u32::from(m))),
            title: item.title.clone(),
            lead: item.lead.map(|p| register.person_name(p)),
            notes: item.notes.clone(),
            outcome: item.outcome.clone(),
        })
        .collect()
}
