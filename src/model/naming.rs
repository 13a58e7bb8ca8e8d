//! How a sentence names a record: by what the officer sees in the window
//! (a name, a code, a title, a date), never by the number the file keeps
//! for it. One place, so that `check`, the problems list, print refusals
//! and editors all say the same.

use std::fmt;

use super::{MeetingId, Participant, ParticipantId, Person, PersonId, Record, Register, SeriesId};

/// The name a participant has until the officer gives it one.
const PLACEHOLDER_NAME: &str = "New participant";

/// What a list, a table or a page shows for a reference to a record that
/// is not in the register: never the number the file keeps for it.
pub const NOT_IN_THE_REGISTER: &str = "(not in the register)";

/// A record named in a sentence, written out only when displayed:
/// formatting every record's name up front was most of a large
/// register's validation time.
#[derive(Clone, Copy)]
pub struct KnownAs<'a> {
    register: &'a Register,
    record: Record,
    /// Whether the words start the sentence ("The meeting …") or follow
    /// other words ("… of the new participant").
    starts: bool,
}

impl Register {
    /// A record as the officer knows it, starting a sentence: `The meeting
    /// “Defence ministers” (2025-04-10)`, `The commitment “Air policing”
    /// of Poland`, `France`, `The new participant`.
    pub fn known_as(&self, record: Record) -> String {
        self.named(record).to_string()
    }

    /// [`Register::known_as`], written out only when displayed.
    pub fn named(&self, record: Record) -> KnownAs<'_> {
        KnownAs {
            register: self,
            record,
            starts: true,
        }
    }

    /// A record named inside a sentence: `the meeting “Defence ministers”
    /// (2025-04-10)`, `Poland`, `the new participant`.
    pub fn mentioned(&self, record: Record) -> KnownAs<'_> {
        KnownAs {
            register: self,
            record,
            starts: false,
        }
    }
}

/// Short names, for lists, tables, pages and undo's labels, where a
/// sentence's articles would be in the way.
impl Register {
    /// The participant's code.
    pub fn participant_code(&self, id: ParticipantId) -> String {
        self.participant(id)
            .map_or_else(|| NOT_IN_THE_REGISTER.into(), |p| p.code.clone())
    }

    /// The participant's name.
    pub fn participant_name(&self, id: ParticipantId) -> String {
        self.participant(id)
            .map_or_else(|| NOT_IN_THE_REGISTER.into(), |p| p.name.clone())
    }

    pub fn person_name(&self, id: PersonId) -> String {
        self.person(id)
            .map_or_else(|| NOT_IN_THE_REGISTER.into(), |p| p.name.clone())
    }

    pub fn series_name(&self, id: SeriesId) -> String {
        self.session_series(id)
            .map_or_else(|| NOT_IN_THE_REGISTER.into(), |s| s.name.clone())
    }

    /// "Defence ministers (2025-04-10)".
    pub fn meeting_title(&self, id: MeetingId) -> String {
        self.meeting(id).map_or_else(
            || NOT_IN_THE_REGISTER.into(),
            |m| format!("{} ({})", m.title, m.date),
        )
    }

    /// The kind and short name of a record ("participant United Kingdom"),
    /// for undo's labels and the list of references.
    pub fn describe(&self, record: Record) -> String {
        match record {
            Record::Participant(id) => format!("participant {}", self.participant_name(id)),
            Record::Person(id) => format!("person {}", self.person_name(id)),
            Record::Series(id) => format!("series {}", self.series_name(id)),
            Record::Meeting(id) => format!("meeting {}", self.meeting_title(id)),
            Record::Commitment(id) => format!(
                "commitment {}",
                self.commitment(id)
                    .map_or_else(|| NOT_IN_THE_REGISTER.into(), |c| c.title.clone())
            ),
        }
    }
}

impl fmt::Display for KnownAs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (article, words) = self.words();
        match article {
            // A name keeps its capitals wherever it stands.
            Article::None => f.write_str(&words),
            Article::The if self.starts => write!(f, "The {words}"),
            Article::The => write!(f, "the {words}"),
            Article::A if self.starts => write!(f, "A {words}"),
            Article::A => write!(f, "a {words}"),
        }
    }
}

/// The article before a record's words, if they need one.
enum Article {
    None,
    The,
    A,
}

impl KnownAs<'_> {
    fn words(&self) -> (Article, String) {
        let register = self.register;
        let the = |words: String| (Article::The, words);
        match self.record {
            Record::Participant(id) => match register.participant(id) {
                Some(participant) => participant_words(participant),
                None => (Article::A, "participant that is not in the register".into()),
            },
            Record::Person(id) => match register.person(id) {
                Some(person) => person_words(register, person),
                None => (Article::A, "person who is not in the register".into()),
            },
            Record::Series(id) => match register.session_series(id) {
                Some(s) if !s.name.trim().is_empty() => {
                    the(format!("series \u{201c}{}\u{201d}", s.name.trim()))
                }
                Some(s) => match s.first {
                    Some(first) => the(format!("unnamed series starting {first}")),
                    None => the("unnamed series".into()),
                },
                None => (Article::A, "series that is not in the register".into()),
            },
            Record::Meeting(id) => match register.meeting(id) {
                Some(m) if !m.title.trim().is_empty() => the(format!(
                    "meeting \u{201c}{}\u{201d} ({})",
                    m.title.trim(),
                    m.date
                )),
                Some(m) => the(format!("untitled meeting of {}", m.date)),
                None => (Article::A, "meeting that is not in the register".into()),
            },
            Record::Commitment(id) => match register.commitment(id) {
                Some(c) => {
                    // A broken reference to the participant is a problem
                    // of its own; the name does not repeat it.
                    let by = register
                        .participant(c.participant)
                        .map(|_| {
                            format!(
                                " of {}",
                                register.mentioned(Record::Participant(c.participant))
                            )
                        })
                        .unwrap_or_default();
                    if c.title.trim().is_empty() {
                        the(format!("untitled commitment{by}"))
                    } else {
                        the(format!("commitment \u{201c}{}\u{201d}{by}", c.title.trim()))
                    }
                }
                None => (Article::A, "commitment that is not in the register".into()),
            },
        }
    }
}

/// A participant by its name; until it has one, by its code; a record
/// with neither is the one the officer has just added.
fn participant_words(participant: &Participant) -> (Article, String) {
    let name = participant.name.trim();
    let code = participant.code.trim();
    if !name.is_empty() && name != PLACEHOLDER_NAME {
        (Article::None, name.to_string())
    } else if !code.is_empty() {
        (Article::The, format!("participant with code {code}"))
    } else {
        (Article::The, "new participant".into())
    }
}

/// A person by their name; without one, by whom they speak for.
fn person_words(register: &Register, person: &Person) -> (Article, String) {
    let name = person.name.trim();
    if !name.is_empty() {
        return (Article::None, name.to_string());
    }
    match person.roles.first() {
        Some(role) => (
            Article::The,
            format!(
                "unnamed representative of {}",
                register.mentioned(Record::Participant(role.participant))
            ),
        ),
        None => (Article::The, "unnamed person".into()),
    }
}
