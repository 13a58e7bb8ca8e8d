//! Editions of a record releasable at a level. A record often has to go
//! out to everyone without the few items marked higher: the edition
//! releasable at OFFICIAL leaves out every commitment, agenda item,
//! decision, action and restricted note marked above OFFICIAL, carries the
//! highest marking of what remains, and says how many items it left out.
//! The full edition leaves out nothing. The meeting's own marking covers
//! the rest of the record (attendance, statement, notes), which no edition
//! leaves out, so there is no edition below it.

use super::{ReportError, SummaryOptions};
use crate::model::{ActionItem, AgendaItem, Decision, Meeting, MeetingId, Record, Register};

/// Which items of one record an edition keeps, and what the kept ones add
/// up to: the page marking and the count of items left out.
#[derive(Clone, Debug)]
pub struct Edition<'r> {
    register: &'r Register,
    /// The level it is releasable at; `None` for the full edition.
    level: Option<String>,
    /// The markings of what is kept, the meeting's among them.
    kept: Vec<String>,
    omitted: usize,
}

impl<'r> Edition<'r> {
    /// The full edition of a record marked `marking`: it keeps everything.
    pub fn full(register: &'r Register, marking: &str) -> Self {
        Edition {
            register,
            level: None,
            kept: vec![marking.to_string()],
            omitted: 0,
        }
    }

    /// The edition releasable at `level` (the full one with `None`) of a
    /// document that is not one meeting's record: nothing sets a floor
    /// under it, so its marking is the highest of what it keeps, or the
    /// register's lowest when it keeps nothing marked. The level must be
    /// one of the register's (see [`unknown_level`]).
    pub fn at_level(register: &'r Register, level: Option<&str>) -> Self {
        Edition {
            register,
            level: level.map(str::to_string),
            kept: Vec::new(),
            omitted: 0,
        }
    }

    /// The edition of `meeting`'s record releasable at `level`, or the full
    /// one when no level is asked for. Refused for a level that is not one
    /// of the register's, and for one below the meeting's own marking.
    pub fn of_meeting(
        register: &'r Register,
        id: MeetingId,
        level: Option<&str>,
    ) -> Result<Self, ReportError> {
        let meeting = register.meeting(id).ok_or(ReportError::NoSuchMeeting(id))?;
        let mut edition = Edition::full(register, &meeting.marking);
        let Some(level) = level else {
            return Ok(edition);
        };
        if let Some(refusal) = unknown_level(register, level) {
            return Err(ReportError::Edition(refusal));
        }
        let own = register.marking_rank(&meeting.marking);
        if own > register.marking_rank(level) {
            let allowed = register
                .markings
                .iter()
                .skip(own)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ");
            let meeting_named = register.known_as(Record::Meeting(id));
            let why = match register.markings.get(own) {
                Some(marking) => format!(
                    "{meeting_named} is itself marked {marking}, so it has no edition \
                     releasable at {level}: choose one of {allowed}"
                ),
                // Its own marking cannot be ranked: `check` and the
                // refusal say so; no edition can be worked out either.
                None => format!(
                    "{meeting_named} is marked \u{201c}{}\u{201d}, which is not one of the \
                     register's levels, so it has no edition releasable at {level}",
                    meeting.marking
                ),
            };
            return Err(ReportError::Edition(why));
        }
        edition.level = Some(level.to_string());
        Ok(edition)
    }

    /// Keeps the items marked at or below the edition's level, in their
    /// order, and counts the rest as omitted. Each item comes with the
    /// marking it carries.
    pub fn keep<'m, T>(&mut self, items: impl IntoIterator<Item = (T, &'m str)>) -> Vec<T> {
        let ceiling = self
            .level
            .as_deref()
            .map(|level| self.register.marking_rank(level));
        let mut kept = Vec::new();
        for (item, marking) in items {
            if ceiling.is_some_and(|ceiling| self.register.marking_rank(marking) > ceiling) {
                self.omitted += 1;
            } else {
                self.kept.push(marking.to_string());
                kept.push(item);
            }
        }
        kept
    }

    /// Adds `n` items left out elsewhere (by the part of a document
    /// judged on its own, such as one of several nation sheets).
    pub fn count_omitted(&mut self, n: usize) {
        self.omitted += n;
    }

    /// The level the edition is releasable at; `None` for the full one.
    pub fn level(&self) -> Option<&str> {
        self.level.as_deref()
    }

    /// How many items were left out for being marked above the level.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// The page marking: the highest of what was kept.
    pub fn marking(&self) -> String {
        self.register
            .highest_marking(self.kept.iter().map(String::as_str))
            .unwrap_or(self.register.lowest_marking())
            .to_string()
    }

    /// "OFFICIAL edition"; `None` for the full edition.
    pub fn name(&self) -> Option<String> {
        self.level.as_ref().map(|level| format!("{level} edition"))
    }

    /// What the document says of the items it left out: "2 items are
    /// omitted from this edition"; `None` for the full edition.
    pub fn omitted_note(&self) -> Option<String> {
        self.level.as_ref()?;
        Some(match self.omitted {
            0 => "No item is omitted from this edition.".to_string(),
            1 => "1 item is omitted from this edition.".to_string(),
            n => format!("{n} items are omitted from this edition."),
        })
    }
}

/// The sentence that refuses an edition level the register does not know,
/// naming its levels; `None` for a level it knows.
pub fn unknown_level(register: &Register, level: &str) -> Option<String> {
    (!register.markings.iter().any(|known| known == level)).then(|| {
        format!(
            "\u{201c}{level}\u{201d} is not one of the register's marking levels ({}), so \
             there is no edition releasable at it",
            register.markings.join(", ")
        )
    })
}

/// The parts of a meeting's record an edition prints: those of the
/// sections asked for, marked at or below its level.
pub struct EditionParts<'m> {
    pub agenda: Vec<&'m AgendaItem>,
    pub decisions: Vec<&'m Decision>,
    pub actions: Vec<&'m ActionItem>,
    /// Whether the restricted notes print: asked for, written and kept.
    pub restricted_notes: bool,
}

/// Sorts `meeting`'s parts into kept and omitted for `edition`. A section
/// the officer left out is not printed in any edition, so its items are
/// not counted as omitted.
pub fn edition_parts<'m>(
    edition: &mut Edition<'_>,
    meeting: &'m Meeting,
    options: &SummaryOptions,
) -> EditionParts<'m> {
    let mut parts = EditionParts {
        agenda: Vec::new(),
        decisions: Vec::new(),
        actions: Vec::new(),
        restricted_notes: false,
    };
    // Each part under its own marking, or the meeting's when it has none.
    macro_rules! keep {
        ($($part:ident),*) => {$(
            if options.$part {
                parts.$part = edition.keep(
                    meeting
                        .$part
                        .iter()
                        .map(|part| (part, meeting.part_marking(&part.marking))),
                );
            }
        )*};
    }
    keep!(agenda, decisions, actions);
    if options.include_restricted && !meeting.restricted_notes.trim().is_empty() {
        let marking = meeting.part_marking(&meeting.restricted_marking);
        parts.restricted_notes = !edition.keep([((), marking)]).is_empty();
    }
    parts
}
