//! The merge of copies read apart (`merge::merge_apart`, as the merge
//! command reads its copies: OURS whole, BASE and THEIRS without the
//! records they write as OURS does) makes the register the whole merge
//! makes, conflicts, summary and merge mark included. Every rule test of
//! this folder checks it too, through `merged`; here over generated copies
//! with random edits on both sides, where numbers added on both sides
//! clash and merged copies break rules now and then.

use coalition_desk::merge::merge;
use proptest::prelude::*;

use super::assert_apart_alike;
use super::properties::{copies, now};

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn copies_read_apart_merge_as_whole_copies((base, ours, theirs) in copies()) {
        let whole = merge(&base, &ours, &theirs, "LON", "PAR", now());
        assert_apart_alike(&base, &ours, &theirs, &whole, now());
        // Either way round, and with an untouched side.
        let whole = merge(&base, &theirs, &ours, "LON", "PAR", now());
        assert_apart_alike(&base, &theirs, &ours, &whole, now());
        let whole = merge(&base, &base, &theirs, "LON", "PAR", now());
        assert_apart_alike(&base, &base, &theirs, &whole, now());
    }
}
