//! Whether a document that includes some records can be marked at all. A
//! document carries the highest marking of what it includes; a record with
//! no marking, or with one that is not a level of the register, cannot be
//! ranked, so neither can the document. Every printed or exported document
//! asks this before it is written.

use super::{Record, Register};

impl Register {
    /// Why the markings of `records` make a document that includes them
    /// unmarkable, one sentence a record or a meeting's marked part; empty
    /// when every marking is one of the register's levels. A record left
    /// in conflict by a merge is refused here too, since every document
    /// asks this before it is written.
    pub fn marking_refusals(&self, records: &[Record]) -> Vec<String> {
        records
            .iter()
            .flat_map(|&record| {
                self.marking_refusal(record)
                    .into_iter()
                    .chain(self.part_marking_refusals(record))
                    .chain(self.conflict_refusals(record))
            })
            .collect()
    }

    /// Why `record`'s marking makes a document that includes it
    /// unmarkable, or `None` when it is one of the register's levels.
    pub fn marking_refusal(&self, record: Record) -> Option<String> {
        let marking = match record {
            Record::Meeting(id) => &self.meeting(id)?.marking,
            Record::Commitment(id) => &self.commitment(id)?.marking,
            _ => return None,
        };
        let levels = self.markings.join(", ");
        if marking.trim().is_empty() {
            Some(format!(
                "{} has no protective marking, so the document's marking cannot be worked \
                 out; give it one of {levels}",
                self.known_as(record)
            ))
        } else if !self.markings.iter().any(|level| level == marking) {
            Some(format!(
                "{} is marked \u{201c}{marking}\u{201d}, which is not one of the register's \
                 levels ({levels}), so the document's marking cannot be worked out",
                self.known_as(record)
            ))
        } else {
            None
        }
    }
}

impl Register {
    /// The markings `records` carry: a meeting's own and each of its
    /// marked parts', a commitment's; blank ones left out.
    fn markings_of(&self, records: &[Record]) -> Vec<&str> {
        let mut markings = Vec::new();
        for &record in records {
            match record {
                Record::Meeting(id) => {
                    if let Some(meeting) = self.meeting(id) {
                        markings.push(meeting.marking.as_str());
                        markings.extend(
                            meeting
                                .marked_parts()
                                .into_iter()
                                .map(|(_, own)| meeting.part_marking(own)),
                        );
                    }
                }
                Record::Commitment(id) => {
                    if let Some(commitment) = self.commitment(id) {
                        markings.push(commitment.marking.as_str());
                    }
                }
                _ => {}
            }
        }
        markings.retain(|marking| !marking.trim().is_empty());
        markings
    }

    /// Every record that carries a marking: the meetings, then the
    /// commitments.
    pub fn marked_records(&self) -> Vec<Record> {
        let mut records = self.meeting_records();
        records.extend(self.commitment_records());
        records
    }

    /// Every meeting, as the records a calendar of them includes.
    pub fn meeting_records(&self) -> Vec<Record> {
        self.meetings
            .keys()
            .map(|&id| Record::Meeting(id))
            .collect()
    }

    /// Every commitment, as the records a list of them includes.
    pub fn commitment_records(&self) -> Vec<Record> {
        self.commitments
            .keys()
            .map(|&id| Record::Commitment(id))
            .collect()
    }

    /// Whether any of `records` is marked above the register's lowest
    /// level, so that a file holding it is for its owner's eyes only. A
    /// level the register does not know counts as above: a typo never
    /// opens a file to more readers.
    pub fn marked_above_lowest(&self, records: &[Record]) -> bool {
        self.markings_of(records)
            .into_iter()
            .any(|marking| self.marking_rank(marking) > 0)
    }

    /// The highest marking any record of the register carries, `None`
    /// when none is marked.
    pub fn highest_marking_held(&self) -> Option<&str> {
        // The markings `markings_of` gives for every marked record, in the
        // same order, read from the records themselves: a merge asks this
        // of a register of 100,000 commitments twice, and looking each
        // record up by its id took a tenth of the merge itself (issue 19).
        let meetings = self.meetings.values().flat_map(|meeting| {
            std::iter::once(meeting.marking.as_str()).chain(
                meeting
                    .marked_parts()
                    .into_iter()
                    .map(move |(_, own)| meeting.part_marking(own)),
            )
        });
        let commitments = self.commitments.values().map(|c| c.marking.as_str());
        self.highest_marking(
            meetings
                .chain(commitments)
                .filter(|marking| !marking.trim().is_empty()),
        )
    }
}
