//! What a merge did to this copy, in one line for the officer.

use std::fmt;

/// Records of one kind the merge added, changed or deleted in ours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub deleted: usize,
}

/// What a merge did to ours, per kind of record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    pub participants: Counts,
    pub people: Counts,
    pub series: Counts,
    pub meetings: Counts,
    pub commitments: Counts,
    /// Records of theirs given a new number because ours had added a
    /// different record under theirs.
    pub renumbered: usize,
    /// Conflicts this merge found.
    pub conflicts: usize,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for MergeSummary {
    /// "Merged: 2 commitments added, 1 changed; 1 meeting changed; 1
    /// conflict to resolve".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds = [
            (self.participants, "participant", "participants"),
            (self.people, "person", "people"),
            (self.series, "series", "series"),
            (self.meetings, "meeting", "meetings"),
            (self.commitments, "commitment", "commitments"),
        ];
        let mut parts: Vec<String> = kinds
            .iter()
            .filter(|(counts, _, _)| *counts != Counts::default())
            .map(|(counts, one, many)| {
                let mut said = Vec::new();
                for (n, what) in [
                    (counts.added, "added"),
                    (counts.changed, "changed"),
                    (counts.deleted, "deleted"),
                ] {
                    if n > 0 {
                        // The kind is named once, with the first figure.
                        let figure = if said.is_empty() {
                            plural(n, one, many)
                        } else {
                            n.to_string()
                        };
                        said.push(format!("{figure} {what}"));
                    }
                }
                said.join(", ")
            })
            .collect();
        if parts.is_empty() {
            parts.push("nothing to take from the other copy".to_string());
        }
        if self.renumbered > 0 {
            parts.push(format!(
                "{} renumbered",
                plural(self.renumbered, "record", "records")
            ));
        }
        parts.push(match self.conflicts {
            0 => "no conflicts".to_string(),
            n => format!("{} to resolve", plural(n, "conflict", "conflicts")),
        });
        write!(f, "Merged: {}", parts.join("; "))
    }
}
