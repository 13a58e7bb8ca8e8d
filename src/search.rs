//! One search over the whole register: participants, people, meetings
//! (with their agenda), commitments. The index lowercases every text once,
//! so a keystroke is one pass of substring tests.

use crate::model::{CommitmentId, MeetingId, ParticipantId, Register};

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
    /// "Participant", "Person", "Meeting", "Agenda", "Commitment".
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
                + register.meetings.len() * 2
                + register.commitments.len(),
        );
        let mut add = |target, kind, title: String, extra: &[&str]| {
            let title_key = title.to_lowercase();
            let mut haystack = title_key.clone();
            for text in extra {
                haystack.push('\n');
                haystack.push_str(&text.to_lowercase());
            }
            hits.push(SearchHit {
                target,
                kind,
                title,
                haystack,
                title_key,
            });
        };
        for (&id, p) in &register.participants {
            add(
                SearchTarget::Participant(id),
                "Participant",
                format!("{} ({})", p.name, p.code),
                &[p.notes.as_str()],
            );
        }
        for person in register.people.values() {
            let Some(role) = person.roles.first() else {
                continue;
            };
            let titles: Vec<&str> = person.roles.iter().map(|r| r.title.as_str()).collect();
            let titles = titles.join("\n");
            add(
                SearchTarget::Participant(role.participant),
                "Person",
                format!(
                    "{} ({})",
                    person.name,
                    register.participant_code(role.participant)
                ),
                &[titles.as_str()],
            );
        }
        for (&id, m) in &register.meetings {
            add(
                SearchTarget::Meeting(id),
                "Meeting",
                format!("{} ({})", m.title, m.date),
                &[m.location.as_str(), m.statement.as_str(), m.notes.as_str()],
            );
            for item in &m.agenda {
                add(
                    SearchTarget::Meeting(id),
                    "Agenda",
                    format!("{} - {} ({})", item.title, m.title, m.date),
                    &[item.notes.as_str(), item.outcome.as_str()],
                );
            }
        }
        for (&id, c) in &register.commitments {
            add(
                SearchTarget::Commitment(id),
                "Commitment",
                format!("{}: {}", register.participant_code(c.participant), c.title),
                &[
                    c.description.as_str(),
                    c.area.as_str(),
                    c.conditions.as_str(),
                ],
            );
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
