//! One search over the whole register: participants, people, meetings
//! with their agenda items, decisions, action items and notes, and
//! commitments. The index lowercases every text once, so a keystroke is
//! one pass of substring tests.

use crate::model::{CommitmentId, Field, Meeting, MeetingId, ParticipantId, Register};

/// How much of a decision or action the result list shows.
const SHOWN_CHARS: usize = 80;

/// The record a hit opens. A person opens the participant they speak for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SearchTarget {
    Participant(ParticipantId),
    Meeting(MeetingId),
    Commitment(CommitmentId),
}

/// One searchable record.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchHit {
    pub target: SearchTarget,
    /// Where in the record the hit is (an agenda item, a decision, an
    /// action item, the notes), so Enter opens the record there.
    pub at: Option<Field>,
    /// "Participant", "Person", "Meeting", "Agenda", "Decision", "Action",
    /// "Notes", "Commitment".
    pub kind: &'static str,
    /// What the result list shows.
    pub title: String,
    /// Title and every searched field, lowercased.
    haystack: String,
    /// The lowercased title alone, to rank title matches first.
    title_key: String,
}

/// The register's texts, ready to search. Build once per revision.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    hits: Vec<SearchHit>,
}

impl SearchIndex {
    /// Indexes every record of `register`.
    pub fn build(register: &Register) -> SearchIndex {
        let mut hits = Vec::with_capacity(
            register.participants.len()
                + register.people.len()
                + register.meetings.len() * 4
                + register.commitments.len(),
        );
        for (&id, p) in &register.participants {
            hits.push(hit(
                SearchTarget::Participant(id),
                None,
                "Participant",
                format!("{} ({})", p.name, p.code),
                None,
                &[p.notes.as_str()],
            ));
        }
        for person in register.people.values() {
            let Some(role) = person.roles.first() else {
                continue;
            };
            let titles: Vec<&str> = person.roles.iter().map(|r| r.title.as_str()).collect();
            let titles = titles.join("\n");
            hits.push(hit(
                SearchTarget::Participant(role.participant),
                None,
                "Person",
                format!(
                    "{} ({})",
                    person.name,
                    register.participant_code(role.participant)
                ),
                None,
                &[titles.as_str()],
            ));
        }
        for (&id, m) in &register.meetings {
            meeting_hits(id, m, &mut hits);
        }
        for (&id, c) in &register.commitments {
            hits.push(hit(
                SearchTarget::Commitment(id),
                None,
                "Commitment",
                format!("{}: {}", register.participant_code(c.participant), c.title),
                None,
                &[
                    c.description.as_str(),
                    c.area.as_str(),
                    c.conditions.as_str(),
                ],
            ));
        }
        SearchIndex { hits }
    }

    /// How many records the index holds.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    /// Whether the register had nothing to index.
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// Up to `limit` records containing every word of `query` (ignoring
    /// case): title matches first, then in register order.
    pub fn find(&self, query: &str, limit: usize) -> Vec<&SearchHit> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut in_title = Vec::new();
        let mut elsewhere = Vec::new();
        for hit in &self.hits {
            if !words.iter().all(|w| hit.haystack.contains(w.as_str())) {
                continue;
            }
            if words.iter().all(|w| hit.title_key.contains(w.as_str())) {
                in_title.push(hit);
                if in_title.len() >= limit {
                    break;
                }
            } else if elsewhere.len() < limit {
                elsewhere.push(hit);
            }
        }
        in_title.extend(elsewhere);
        in_title.truncate(limit);
        in_title
    }
}

/// The hits of one meeting: the meeting itself, then its statement,
/// agenda items, decisions, actions and notes, each opening at its field.
fn meeting_hits(id: MeetingId, m: &Meeting, hits: &mut Vec<SearchHit>) {
    let target = SearchTarget::Meeting(id);
    hits.push(hit(
        target,
        None,
        "Meeting",
        format!("{} ({})", m.title, m.date),
        None,
        &[m.location.as_str()],
    ));
    if !m.statement.trim().is_empty() {
        hits.push(hit(
            target,
            Some(Field::Statement),
            "Statement",
            "Public statement".into(),
            Some(m),
            &[m.statement.as_str()],
        ));
    }
    for (i, item) in m.agenda.iter().enumerate() {
        hits.push(hit(
            target,
            Some(Field::Agenda(i)),
            "Agenda",
            item.title.clone(),
            Some(m),
            &[item.notes.as_str(), item.outcome.as_str()],
        ));
    }
    for (i, decision) in m.decisions.iter().enumerate() {
        hits.push(hit(
            target,
            Some(Field::Decision(i)),
            "Decision",
            shortened(&decision.text),
            Some(m),
            &[decision.text.as_str()],
        ));
    }
    for (i, action) in m.actions.iter().enumerate() {
        hits.push(hit(
            target,
            Some(Field::Action(i)),
            "Action",
            shortened(&action.text),
            Some(m),
            &[action.text.as_str()],
        ));
    }
    for (field, label, notes) in [
        (Field::Notes, "Secretariat notes", &m.notes),
        (
            Field::RestrictedNotes,
            "Restricted notes",
            &m.restricted_notes,
        ),
    ] {
        if !notes.trim().is_empty() {
            hits.push(hit(
                target,
                Some(field),
                "Notes",
                label.into(),
                Some(m),
                &[notes.as_str()],
            ));
        }
    }
}

/// One hit. A part of a meeting shows the meeting it is in, but only its
/// own words count as its title: searching a meeting's title should not
/// rank every one of its decisions first.
fn hit(
    target: SearchTarget,
    at: Option<Field>,
    kind: &'static str,
    own: String,
    meeting: Option<&Meeting>,
    extra: &[&str],
) -> SearchHit {
    let title_key = own.to_lowercase();
    let title = match meeting {
        Some(m) => format!("{own} - {} ({})", m.title, m.date),
        None => own,
    };
    let mut haystack = title_key.clone();
    for text in extra {
        haystack.push('\n');
        haystack.push_str(&text.to_lowercase());
    }
    SearchHit {
        target,
        at,
        kind,
        title,
        haystack,
        title_key,
    }
}

/// The first line of a long text, cut at a word to fit the result list.
fn shortened(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    if line.chars().count() <= SHOWN_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(SHOWN_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}\u{2026}")
}
