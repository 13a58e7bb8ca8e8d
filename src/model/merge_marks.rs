//! The merges a copy of the register came from. Each merge of two copies
//! leaves a mark in its result, and every copy made from that result
//! keeps it (a merge keeps the marks of both copies). Two copies that both
//! hold a mark both come from that merge's result, so a copy given as
//! their common copy that lacks the mark is older than the last copy they
//! had in common: merging from it would take what the merge settled for
//! changes made since (duplicating records, undoing the other office's
//! edits).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One merge of two copies of the register, as its result and every copy
/// made from it keep it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MergeMark {
    /// What names this merge: 32 hex digits made from the copies merged
    /// and when, the same in every copy that keeps it.
    pub mark: String,
    /// When the two copies were merged.
    #[serde(deserialize_with = "super::file_values::date_time")]
    pub merged: NaiveDateTime,
    /// The offices whose copies were merged, in alphabetical order.
    pub offices: Vec<String>,
}

impl MergeMark {
    /// The merge as an officer recognises it: "the merge of LON's and
    /// PAR's copies on 2025-05-02 10:15 (merge 3f2a9c1b)".
    pub fn described(&self) -> String {
        let whose = match self.offices.as_slice() {
            [] => "two copies".to_string(),
            [one] => format!("two of {one}'s copies"),
            [first, rest @ ..] => {
                let rest: Vec<String> = rest.iter().map(|office| format!("{office}'s")).collect();
                format!("{first}'s and {} copies", rest.join(" and "))
            }
        };
        let short: String = self.mark.chars().take(8).collect();
        format!(
            "the merge of {whose} on {} (merge {short})",
            self.merged.format("%Y-%m-%d %H:%M")
        )
    }
}
