//! What killed writes leave behind goes at the next open or save of the
//! same register; a lock left by a program that is gone is taken over
//! with a word; long file names save.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use coalition_desk::sample::SAMPLE_RON;
use coalition_desk::storage::{self, LockHolder, Overwrite, RegisterLock};

use super::*;

fn sample() -> coalition_desk::model::Register {
    coalition_desk::sample::register().unwrap()
}

/// The name of the temporary file a save of `register` uses, caught
/// while it is being written.
fn temporary_name_of_a_save(register: &Path) -> String {
    let dir = register.parent().unwrap().to_path_buf();
    let mut seen = None;
    storage::save_with_hook(register, &sample(), Overwrite::Anything, || {
        seen = names_in(&dir).into_iter().find(|n| n.ends_with(".tmp"));
        Ok(())
    })
    .unwrap();
    seen.expect("a save writes a temporary file first")
}

/// A file named as a save's temporary file that a kill left behind:
/// the same start, other random characters.
fn leftover_like(register: &Path, temporary: &str) -> PathBuf {
    let start = temporary
        .get(..temporary.len() - "Ab3dE9.tmp".len())
        .unwrap();
    let leftover = register.with_file_name(format!("{start}k1LLed.tmp"));
    fs::write(&leftover, vec![b'x'; 1 << 20]).unwrap();
    leftover
}

#[test]
fn temporary_names_are_short_and_leftovers_go_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    let temporary = temporary_name_of_a_save(&register);
    assert!(temporary.len() < 50, "{temporary}");
    let leftover = leftover_like(&register, &temporary);
    // As versions before this one named them.
    let older = dir.path().join(".reg.ron.Ab3dE9.tmp");
    fs::write(&older, "half a register").unwrap();
    // Another file's temporary is not this register's to remove.
    let others = dir.path().join(".other.ron.Ab3dE9.tmp");
    fs::write(&others, "another file's").unwrap();

    storage::save(&register, &sample(), None).unwrap();
    assert!(!leftover.exists() && !older.exists());
    assert!(others.exists());
    assert_eq!(
        names_in(dir.path()),
        [".other.ron.Ab3dE9.tmp", "reg.ron", "reg.ron.bak"]
    );
}

#[test]
fn a_temporary_file_being_written_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    let temporary = temporary_name_of_a_save(&register);
    let in_progress = leftover_like(&register, &temporary);
    let writing = File::open(&in_progress).unwrap();
    writing.lock().unwrap();
    storage::save(&register, &sample(), None).unwrap();
    assert!(in_progress.exists(), "another write still holds it");
    drop(writing);
    storage::save(&register, &sample(), None).unwrap();
    assert!(!in_progress.exists());
}

#[test]
fn opening_for_editing_removes_leftovers() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    let older = dir.path().join(".reg.ron.Zz9yX8.tmp");
    fs::write(&older, "half a register").unwrap();
    let lock = RegisterLock::acquire(&register, &LockHolder::this_process(Default::default()));
    let lock = lock.unwrap();
    assert!(!older.exists());
    assert_eq!(lock.taken_over(), None);
}

/// A process id that was this machine's and has ended.
fn ended_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[cfg(target_os = "linux")]
#[test]
fn a_lock_left_by_an_ended_program_is_taken_over_with_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let register = super::circulated_sample_in(dir.path());
    let here = LockHolder::this_process(Default::default());
    let left = LockHolder {
        user: "alice".into(),
        pid: ended_pid(),
        ..here.clone()
    };
    fs::write(
        storage::lock_path(&register),
        format!("{}\n", left.to_line()),
    )
    .unwrap();

    let lock = RegisterLock::acquire(&register, &here).unwrap();
    let word = lock.taken_over().expect("the officer is told");
    assert!(
        word.contains(&format!("alice@{} (pid {})", here.host, left.pid)),
        "{word}"
    );
    assert!(word.contains("no longer running"), "{word}");
    assert_eq!(
        fs::read_to_string(lock.path()).unwrap().trim(),
        here.to_line(),
        "the lock is ours now"
    );
    drop(lock);

    // The command line says so too, and carries on.
    fs::write(
        storage::lock_path(&register),
        format!("{}\n", left.to_line()),
    )
    .unwrap();
    let output = run(
        dir.path(),
        &[
            "approve",
            "reg.ron",
            "--meeting",
            MEETING,
            "--on",
            "2025-05-08",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", said(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("was taken over"), "{stderr}");
    assert!(!storage::lock_path(&register).exists());
}

#[test]
fn a_250_character_file_name_saves_with_its_lock_backup_and_recovery() {
    for length in [250, 255] {
        let dir = tempfile::tempdir().unwrap();
        let name = format!("{}.ron", "r".repeat(length - 4));
        let register = dir.path().join(&name);
        fs::write(&register, SAMPLE_RON).unwrap();
        let lock = RegisterLock::acquire(&register, &LockHolder::this_process(Default::default()));
        let lock = lock.unwrap();
        let loaded = storage::load(&register).unwrap();
        let mut changed = loaded.register.clone();
        changed.name = "Saved".into();
        storage::save(&register, &changed, Some(&loaded.stamp)).unwrap();
        assert_eq!(storage::load(&register).unwrap().register, changed);
        assert_eq!(
            fs::read_to_string(storage::backup_path(&register)).unwrap(),
            SAMPLE_RON,
            "{length}"
        );
        let recovery = storage::write_recovery(Some(&register), &changed).unwrap();
        assert_eq!(storage::load(&recovery).unwrap().register, changed);
        for side in [lock.path(), &storage::backup_path(&register), &recovery] {
            let side = side.file_name().unwrap().len();
            assert!(side <= 255, "{length}: {side}");
        }
        drop(lock);
        assert_eq!(
            names_in(dir.path()).len(),
            3,
            "register, backup, recovery: {:?}",
            names_in(dir.path())
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn the_window_says_when_it_takes_over_a_lock_left_behind() {
    let dir = tempfile::tempdir().unwrap();
    let register = sample_in(dir.path());
    let left = LockHolder {
        user: "alice".into(),
        pid: ended_pid(),
        ..LockHolder::this_process(Default::default())
    };
    fs::write(
        storage::lock_path(&register),
        format!("{}\n", left.to_line()),
    )
    .unwrap();
    let harness = crate::app_harness::harness_for(&register);
    assert!(harness.state().workspace().document.read_only.is_none());
    let notice = harness.state().notice().unwrap().text.clone();
    assert!(notice.contains("left behind by alice@"), "{notice}");
    assert!(notice.contains("was taken over"), "{notice}");
}

proptest::proptest! {
    /// Whatever a register is called, up to the longest name a file may
    /// have, its lock, backup and recovery copy have names a file system
    /// takes, say what they are, and are the register's own.
    #[test]
    fn side_files_of_any_name_fit_and_stay_apart(
        name in "[a-zé .Ж-]{1,120}",
        repeat in 1usize..4,
    ) {
        let name = name.repeat(repeat);
        let mut end = name.len().min(255);
        while !name.is_char_boundary(end) {
            end -= 1;
        }
        let name = name.get(..end).unwrap().to_string();
        // "." and ".." name folders, not files.
        proptest::prop_assume!(name != "." && name != "..");
        let register = Path::new("/folder").join(&name);
        let other = Path::new("/folder").join(format!("{name}x"));
        let sides = [
            (storage::lock_path(&register), ".lock"),
            (storage::backup_path(&register), ".bak"),
            (storage::recovery_path(Some(&register)).unwrap(), ".recovery"),
        ];
        for (side, suffix) in &sides {
            let side_name = side.file_name().unwrap().to_string_lossy().into_owned();
            proptest::prop_assert!(side_name.len() <= 255, "{} bytes", side_name.len());
            proptest::prop_assert!(side_name.ends_with(suffix));
            proptest::prop_assert_eq!(side.parent(), Some(Path::new("/folder")));
        }
        proptest::prop_assert_ne!(storage::lock_path(&register), storage::lock_path(&other));
    }
}
