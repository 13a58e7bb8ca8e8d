//! Crash safety: a child process saving the register over and over is
//! killed at random moments; every time, the file on disk must be the old
//! or the new version, whole, and the backup must be a whole version too.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use coalition_desk::generate::{GenerateOptions, register};
use coalition_desk::model::Register;
use coalition_desk::storage;

const CHILD_ENV: &str = "COALITION_DESK_CRASH_CHILD";
/// How many times the saving child is killed.
const KILLS: usize = 150;

/// The two versions the child alternates between. Big enough that a write
/// takes a moment, so kills land inside saves.
fn versions() -> [Register; 2] {
    let mut a = register(GenerateOptions {
        meetings: 20,
        commitments: 300,
        seed: 5,
    });
    a.name = "Version A".into();
    let mut b = a.clone();
    b.name = "Version B".into();
    b.commitments.pop_last();
    [a, b]
}

/// The child: save the two versions in turn until killed. Run only by
/// the test below, which names the file.
#[test]
#[ignore = "the child of killing_a_save_at_any_moment_leaves_a_whole_register"]
fn crash_child() {
    let path = std::env::var(CHILD_ENV).expect("run by its parent test, which names the file");
    let path = Path::new(&path);
    let versions = versions();
    for round in 0usize.. {
        storage::save(path, &versions[round % 2], None).unwrap();
        if round == 0 {
            println!("saving");
            std::io::Write::flush(&mut std::io::stdout()).unwrap();
        }
    }
}

#[test]
fn killing_a_save_at_any_moment_leaves_a_whole_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("register.ron");
    let versions = versions();
    storage::save(&path, &versions[0], None).unwrap();
    let names = ["Version A", "Version B"];

    // A simple deterministic spread of kill moments, 0-20 ms into saving.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for _ in 0..KILLS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 20_000);
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash_safety::crash_child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child is in its save loop, then kill it somewhere
        // inside a later save.
        let output = std::io::BufReader::new(child.stdout.take().unwrap());
        let started = std::io::BufRead::lines(output)
            .map_while(Result::ok)
            .any(|line| line.contains("saving"));
        assert!(started, "the child never started saving");
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();

        let on_disk = storage::load(&path).expect("the register must always load");
        assert!(
            names.contains(&on_disk.register.name.as_str()),
            "{}",
            on_disk.register.name
        );
        let whole = versions.contains(&on_disk.register);
        assert!(whole, "the register on disk is neither version");
        let backup = storage::backup_path(&path);
        if backup.exists() {
            let backup = storage::load(&backup).expect("the backup must always load");
            assert!(
                versions.contains(&backup.register),
                "the backup is neither version"
            );
        }
    }
    // Kills that landed mid-write leave the save's temporary file behind
    // (never the register): count them to show the kills hit saves.
    let interrupted = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            !name.to_string_lossy().starts_with("register.ron")
        })
        .count();
    eprintln!("{interrupted} of {KILLS} kills interrupted a write");
    // After all that, an ordinary save and load still work.
    storage::save(&path, &versions[1], None).unwrap();
    assert_eq!(storage::load(&path).unwrap().register, versions[1]);
}
