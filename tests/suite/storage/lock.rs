//! The lock file that stops two officers editing one register at once.

use std::fs;

use coalition_desk::storage::{self, LockError, LockHolder, RegisterLock};

use super::fixture::*;

#[test]
fn second_lock_fails_with_the_holder_and_succeeds_after_release() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    let alice = holder("alice", 4242);
    let first = RegisterLock::acquire(&path, &alice).unwrap();
    assert_eq!(first.path(), dir.path().join("register.ron.lock"));
    assert_eq!(
        fs::read_to_string(first.path()).unwrap().trim(),
        "alice@ws12 pid 4242 since 2026-11-25T09:12:00+01:00"
    );

    // A second open file in the same process conflicts (flock semantics).
    let error = RegisterLock::acquire(&path, &holder("bob", 7)).unwrap_err();
    let LockError::HeldBy {
        holder: ref text,
        path: ref lock_file,
    } = error
    else {
        panic!("expected HeldBy, got {error:?}");
    };
    assert_eq!(text, "alice@ws12 (pid 4242) since 2026-11-25 09:12");
    assert_eq!(lock_file, first.path());
    assert_eq!(
        error.read_only_reason(),
        "opened read-only: held by alice@ws12 (pid 4242) since 2026-11-25 09:12"
    );
    // The failed attempt must not have overwritten the holder's text.
    assert!(
        fs::read_to_string(first.path())
            .unwrap()
            .starts_with("alice@")
    );

    drop(first);
    assert!(!dir.path().join("register.ron.lock").exists());
    let second = RegisterLock::acquire(&path, &holder("bob", 7)).unwrap();
    assert!(
        fs::read_to_string(second.path())
            .unwrap()
            .starts_with("bob@ws12 pid 7 ")
    );
}

#[test]
fn stale_lock_file_without_a_holder_does_not_block() {
    // A crash leaves the file behind, but the OS lock died with the process.
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = saved_sample(dir.path());
    fs::write(
        storage::lock_path(&path),
        "ghost@old pid 1 since 2020-01-01T00:00:00Z\n",
    )
    .unwrap();
    let lock = RegisterLock::acquire(&path, &holder("alice", 1)).unwrap();
    assert_eq!(
        fs::read_to_string(lock.path()).unwrap().trim(),
        holder("alice", 1).to_line()
    );
}

#[test]
fn lock_holder_reads_back() {
    let alice = holder("Alice Smith", 99);
    assert_eq!(LockHolder::parse(&alice.to_line()), Some(alice.clone()));
    let here = LockHolder::this_process(alice.since);
    assert_eq!(here.pid, std::process::id());
    assert!(!here.user.is_empty() && !here.host.is_empty());
    assert_eq!(LockHolder::parse("garbage"), None);
}
