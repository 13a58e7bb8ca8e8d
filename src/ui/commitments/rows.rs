//! The table's rows after an edit, from the rows before it: filtering
//! 100,000 commitments again took most of the frame after typing one
//! letter in a commitment's title (about 2 ms of 3.9).

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{CommitmentFilter, Sort};
use crate::document::Touched;
use crate::model::{CommitmentId, Register};

/// More commitments changed than this: filtering them all is as quick.
const MOST_ROWS_UPDATED: usize = 256;

/// `ids` (the rows for `filter` and `sort` before the changes `touched`)
/// with the touched commitments taken out and put back where they now
/// belong, if they still match; `None` when the rows must be worked out
/// afresh: something other than commitments changed (a participant's
/// name decides what the find text matches), too many changed, or the
/// table is sorted by a column (the rows are in id order only when not).
pub(super) fn brought_up_to_date(
    register: &Register,
    mut ids: Vec<CommitmentId>,
    touched: &[Touched],
    filter: &CommitmentFilter,
    sort: Sort,
    today: NaiveDate,
) -> Option<Vec<CommitmentId>> {
    if sort.column.is_some() || touched.len() > MOST_ROWS_UPDATED {
        return None;
    }
    let changed = touched
        .iter()
        .map(|t| match t {
            Touched::Commitment(id) => Some(*id),
            Touched::Meeting(_) | Touched::Other => None,
        })
        .collect::<Option<BTreeSet<_>>>()?;
    // The rows are in id order, or its reverse.
    let before = |row: &CommitmentId, id: &CommitmentId| {
        if sort.descending { row > id } else { row < id }
    };
    for id in &changed {
        let at = ids.partition_point(|row| before(row, id));
        if ids.get(at) == Some(id) {
            ids.remove(at);
        }
        if filter.admits_one(register, *id, today) {
            ids.insert(at, *id);
        }
    }
    Some(ids)
}
