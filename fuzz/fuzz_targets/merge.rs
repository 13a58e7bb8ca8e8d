//! Any three texts as the three copies of `coalition-desk merge`: split
//! from the input at its first two `\0` bytes (a register cannot hold one,
//! so none is lost to the split), each read as a register file is, then
//! merged by the command's own path (the refusals, then the three-way
//! merge) and written as `merge` writes OUT. Never a panic, and whatever
//! merges is written as a file that reads back as the same register.
#![no_main]

use std::path::Path;

use chrono::NaiveDate;
use coalition_desk::cli::merge::{MergeRequest, merged_copies};
use coalition_desk::model::Register;
use coalition_desk::storage;
use libfuzzer_sys::fuzz_target;

fn read(bytes: &[u8]) -> Option<Register> {
    let parsed = storage::from_bytes(bytes, Path::new("fuzz.ron")).ok()?;
    // `merge` refuses a copy from a newer version before merging.
    parsed.newer_version.is_none().then_some(parsed.register)
}

fuzz_target!(|input: &[u8]| {
    let mut parts = input.splitn(3, |&byte| byte == 0);
    let (Some(base), Some(ours), Some(theirs)) = (parts.next(), parts.next(), parts.next()) else {
        return;
    };
    let (Some(base), Some(ours), Some(theirs)) = (read(base), read(ours), read(theirs)) else {
        return;
    };
    let mut request = MergeRequest {
        base: Path::new("base.ron"),
        ours: Path::new("ours.ron"),
        theirs: Path::new("theirs.ron"),
        output: Path::new("out.ron"),
        ours_office: None,
        theirs_office: None,
        force_base: false,
        shown_as: None,
    };
    let Some(now) = NaiveDate::from_ymd_opt(2025, 5, 2).and_then(|d| d.and_hms_opt(10, 15, 0))
    else {
        return;
    };
    // Refused for an older BASE, it is merged as `--force-base` would.
    let merged = match merged_copies(&request, &base, &ours, &theirs, now) {
        Ok(merged) => merged,
        Err(_) => {
            request.force_base = true;
            let Ok(merged) = merged_copies(&request, &base, &ours, &theirs, now) else {
                return;
            };
            merged
        }
    };
    let _ = merged.register.validate(now.date());
    let path = Path::new("out.ron");
    let text = storage::to_ron(&merged.register, path).expect("a merged register is written");
    let again = storage::from_str(&text, path).expect("what merge writes reads back");
    assert!(again.register == merged.register, "the merged register reads back otherwise");
});
