//! Nothing lost, nothing leaked, whatever the file system holds: links
//! where locks and outputs go, outputs aimed at a register, read-only
//! registers, what killed writes leave behind, long file names, and who
//! may read what is written. Each reproduction of issue 19 is a test here;
//! the command line runs as the real binary.

mod leftovers;
mod links;
mod outputs;
mod permissions;
mod read_only;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use coalition_desk::sample::SAMPLE_RON;

/// The sample's meeting, whose record `approve` can approve.
pub(super) const MEETING: &str = "11";

/// Runs the program with `args` in `dir`.
pub(super) fn desk(dir: &Path, args: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coalition-desk"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_LOG")
        .output()
        .unwrap()
}

/// Runs the program with plain text arguments in `dir`.
pub(super) fn run(dir: &Path, args: &[&str]) -> Output {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    desk(dir, &args)
}

/// Everything the program said.
pub(super) fn said(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The sample register as `reg.ron` in `dir`.
pub(super) fn sample_in(dir: &Path) -> PathBuf {
    let path = dir.join("reg.ron");
    std::fs::write(&path, SAMPLE_RON).unwrap();
    path
}

/// The sample saved as `reg.ron` in `dir` with its record circulated on
/// 2025-04-14 for comments by 2025-05-01, so `approve --on 2025-05-08`
/// without a meeting (by written procedure) is accepted.
pub(super) fn circulated_sample_in(dir: &Path) -> PathBuf {
    use coalition_desk::model::{MeetingId, MinutesMove};
    let path = dir.join("reg.ron");
    let mut register = coalition_desk::sample::register().unwrap();
    let step = MinutesMove::Circulate {
        to: register.participants.keys().copied().collect(),
        comments_due: chrono::NaiveDate::from_ymd_opt(2025, 5, 1).unwrap(),
    };
    let on = chrono::NaiveDate::from_ymd_opt(2025, 4, 14).unwrap();
    let edit = coalition_desk::edit::move_minutes(&register, MeetingId(11), step, on, on).unwrap();
    coalition_desk::edit::apply(&mut register, edit);
    coalition_desk::storage::save(&path, &register, None).unwrap();
    path
}

/// The file's permission bits.
#[cfg(unix)]
pub(super) fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Sets the file's permission bits.
#[cfg(unix)]
pub(super) fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The names in `dir`, sorted.
pub(super) fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
