//! What the storage tests share: a sample register on disk, a look at a
//! folder, the check that a broken file is refused with its position, and
//! a lock holder.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate};
use coalition_desk::model::*;
use coalition_desk::storage::{self, LockHolder, StorageError};
use rust_decimal::Decimal;

pub(super) fn sample_register() -> Register {
    let mut register = Register::new("Coalition of the willing — «é ç» Коаліція");
    let gbr = ParticipantId(1);
    register.participants.insert(
        gbr,
        Participant {
            name: "United Kingdom".into(),
            code: "GBR".into(),
            kind: ParticipantKind::Nation,
            joined: NaiveDate::from_ymd_opt(2025, 3, 2),
            notes: "Co-convenor \"with\" France\nsecond line \\ backslash".into(),
            ..Participant::default()
        },
    );
    register.commitments.insert(
        CommitmentId(2),
        Commitment {
            participant: gbr,
            title: "Air defence".into(),
            value: Some(Money {
                amount: Decimal::new(1_250_000_050, 2),
                currency: "GBP".into(),
            }),
            quantity: Some(Quantity {
                amount: Decimal::new(25, 1),
                unit: "batteries".into(),
            }),
            ..Commitment::default()
        },
    );
    register.next_id = 3;
    register
}

pub(super) fn saved_sample(dir: &Path) -> (PathBuf, storage::DiskStamp) {
    let path = dir.join("register.ron");
    let stamp = storage::save(&path, &sample_register(), None).unwrap();
    (path, stamp)
}

pub(super) fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A broken file must give a positioned error naming the file, and must be
/// left exactly as it was.
pub(super) fn assert_rejected_with_position(path: &Path) -> StorageError {
    let before = fs::read(path).unwrap();
    let error = storage::load(path).expect_err("a broken file must not load");
    let (line, col) = error
        .position()
        .unwrap_or_else(|| panic!("no position in {error:?}"));
    assert!(line >= 1 && col >= 1);
    let shown = coalition_desk::cli::error_line(&error);
    let prefix = format!("{}:{line}:{col}: ", path.display());
    assert!(shown.starts_with(&prefix), "{shown:?} lacks {prefix:?}");
    let sentence = error.to_string();
    assert!(
        sentence.ends_with(&path.display().to_string()),
        "{sentence:?}"
    );
    assert!(sentence.contains(&format!("line {line}, column {col}")));
    assert_eq!(
        shown,
        format!("{prefix}{}", error.message()),
        "one sentence"
    );
    assert_eq!(fs::read(path).unwrap(), before, "load changed the file");
    error
}

pub(super) fn holder(user: &str, pid: u32) -> LockHolder {
    LockHolder {
        user: user.into(),
        host: "ws12".into(),
        pid,
        since: DateTime::parse_from_rfc3339("2026-11-25T09:12:00+01:00").unwrap(),
    }
}

pub(super) fn set_mtime(path: &Path, seconds_from_now: i64) {
    let now = std::time::SystemTime::now();
    let delta = std::time::Duration::from_secs(seconds_from_now.unsigned_abs());
    let time = if seconds_from_now >= 0 {
        now + delta
    } else {
        now - delta
    };
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(time)
        .unwrap();
}
