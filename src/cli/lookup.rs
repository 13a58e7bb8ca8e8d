//! Finding the meeting or series the officer named on the command line,
//! with close matches when the name is not found.
//!
//! This lives with the command line, not the core: it reads text typed as
//! an argument (an id, a date, a name) and words its answer for a terminal.
//! The window never looks a record up by typed text; it picks from lists.

use crate::model::{
    MeetingId, ParticipantId, Register, SeriesId, office_of, parse_id, serial_of, typed_values,
};

/// How many close matches an error lists.
const CLOSE_MATCHES: usize = 5;

/// How far id `raw` is from the one wanted, for close matches: ids of
/// the same office (or plain numbers) first, then the nearest serials.
fn distance(raw: u64, wanted: u64) -> (bool, u64) {
    (
        office_of(raw) != office_of(wanted),
        serial_of(raw).abs_diff(serial_of(wanted)),
    )
}

/// `ids` with those whose name holds `wanted` (in any case) first, in
/// their order: the closest matches for a name not found.
fn holding_first<'r, T: Copy>(
    mut ids: Vec<T>,
    wanted: &str,
    name: impl Fn(T) -> Option<&'r str>,
) -> Vec<T> {
    let wanted = wanted.to_lowercase();
    ids.sort_by_key(|&id| !name(id).is_some_and(|n| n.to_lowercase().contains(&wanted)));
    ids
}

/// An id typed on the command line: `11`, `LON-11` or `lon-11`.
fn typed_id(wanted: &str) -> Option<u64> {
    parse_id(&wanted.to_ascii_uppercase())
}

/// A meeting by its id ("11", "LON-11") or by the date it was held ("2025-04-10",
/// when exactly one meeting falls that day).
pub fn find_meeting(register: &Register, wanted: &str) -> Result<MeetingId, LookupError> {
    let wanted = wanted.trim();
    let describe = |id: MeetingId| format!("{} — {}", id.text(), register.meeting_title(id));
    if let Some(number) = typed_id(wanted) {
        let id = MeetingId(number);
        if register.meeting(id).is_some() {
            return Ok(id);
        }
        let mut ids: Vec<_> = register.meetings.keys().copied().collect();
        ids.sort_by_key(|m| distance(m.0, number));
        return Err(not_found(
            format!("There is no meeting {} in the register", id.text()),
            ids.into_iter().map(describe),
        ));
    }
    // Dates read as the window reads them, so 2025-02-30 is refused in
    // the same words (and 10/04/2025 finds the meeting of that day).
    let looks_like_a_date =
        wanted.starts_with(|c: char| c.is_ascii_digit()) && wanted.contains(['-', '/', '.', ' ']);
    if looks_like_a_date && let Err(reason) = typed_values::read_date(wanted) {
        return Err(LookupError {
            sentence: reason.to_string().trim_end_matches('.').to_string(),
            close: Vec::new(),
        });
    }
    if let Ok(date) = typed_values::read_date(wanted) {
        let that_day: Vec<_> = register
            .meetings_by_date()
            .into_iter()
            .filter(|id| register.meeting(*id).is_some_and(|m| m.date == date))
            .collect();
        if let [only] = that_day.as_slice() {
            return Ok(*only);
        }
        if !that_day.is_empty() {
            return Err(not_found(
                format!(
                    "There are {} meetings on {date}: give the id of one",
                    that_day.len()
                ),
                that_day.into_iter().map(describe),
            ));
        }
        let mut ids = register.meetings_by_date();
        ids.sort_by_key(|id| {
            register
                .meeting(*id)
                .map(|m| (m.date - date).num_days().abs())
                .unwrap_or(i64::MAX)
        });
        return Err(not_found(
            format!("There is no meeting on {date} in the register"),
            ids.into_iter().map(describe),
        ));
    }
    let title = |id: MeetingId| register.meeting(id).map(|m| m.title.as_str());
    let ids = holding_first(register.meetings_by_date(), wanted, title);
    Err(not_found(
        format!("\"{wanted}\" is neither a meeting id nor a date (YYYY-MM-DD)"),
        ids.into_iter().map(describe),
    ))
}

/// A series by its id, or by its name when exactly one series has it.
pub fn find_series(register: &Register, wanted: &str) -> Result<SeriesId, LookupError> {
    let wanted = wanted.trim();
    let describe = |id: SeriesId| {
        let name = register
            .session_series(id)
            .map(|s| s.name.as_str())
            .unwrap_or_default();
        format!("{} — {name}", id.text())
    };
    let needle = wanted.to_lowercase();
    let named: Vec<_> = register
        .series
        .iter()
        .filter(|(_, s)| s.name.to_lowercase() == needle)
        .map(|(id, _)| *id)
        .collect();
    if let Some(number) = typed_id(wanted) {
        let id = SeriesId(number);
        if register.session_series(id).is_some() {
            return Ok(id);
        }
        // A name such as "G7-2025" reads as an office's id too.
        if let [only] = named.as_slice() {
            return Ok(*only);
        }
        let mut ids: Vec<_> = register.series.keys().copied().collect();
        ids.sort_by_key(|s| distance(s.0, number));
        return Err(not_found(
            format!("There is no series {} in the register", id.text()),
            ids.into_iter().map(describe),
        ));
    }
    if let [only] = named.as_slice() {
        return Ok(*only);
    }
    let ids: Vec<_> = register.series.keys().copied().collect();
    let name = |id: SeriesId| register.session_series(id).map(|s| s.name.as_str());
    let ids = holding_first(ids, wanted, name);
    Err(not_found(
        format!("There is no series named \"{wanted}\" in the register"),
        ids.into_iter().map(describe),
    ))
}

/// The officer named a meeting or series the register does not hold.
#[derive(Debug, thiserror::Error)]
#[error("{sentence}{}", close_matches(.close))]
pub struct LookupError {
    /// What was not found, as a sentence.
    pub sentence: String,
    /// The nearest records, already worded (`11 — Defence ministers`).
    pub close: Vec<String>,
}

fn close_matches(close: &[String]) -> String {
    if close.is_empty() {
        String::new()
    } else {
        format!("; close matches:\n  {}", close.join("\n  "))
    }
}

fn not_found(sentence: String, close: impl Iterator<Item = String>) -> LookupError {
    LookupError {
        sentence,
        close: close.take(CLOSE_MATCHES).collect(),
    }
}

/// A participant by its code (`GBR`, in any case) or its id.
pub fn find_participant(register: &Register, wanted: &str) -> Result<ParticipantId, LookupError> {
    let wanted = wanted.trim();
    let describe = |id: ParticipantId| {
        format!(
            "{} — {}",
            register.participant_code(id),
            register.participant_name(id)
        )
    };
    let coded: Vec<ParticipantId> = register
        .participants
        .iter()
        .filter(|(_, p)| p.code.eq_ignore_ascii_case(wanted))
        .map(|(id, _)| *id)
        .collect();
    if let [only] = coded.as_slice() {
        return Ok(*only);
    }
    if let Some(number) = typed_id(wanted)
        && register.participant(ParticipantId(number)).is_some()
    {
        return Ok(ParticipantId(number));
    }
    // Closest first: codes that share the most leading letters, then
    // names that contain what was typed.
    let needle = wanted.to_lowercase();
    let shared = |code: &str| {
        code.to_lowercase()
            .chars()
            .zip(needle.chars())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut ids = register.participants_by_name();
    ids.sort_by_key(|id| {
        let p = register.participant(*id);
        (
            std::cmp::Reverse(p.map_or(0, |p| shared(&p.code))),
            !p.is_some_and(|p| p.name.to_lowercase().contains(&needle)),
        )
    });
    Err(not_found(
        format!("There is no participant with the code \"{wanted}\" in the register"),
        ids.into_iter().map(describe),
    ))
}
