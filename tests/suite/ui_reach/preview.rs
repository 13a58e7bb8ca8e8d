//! The print preview of the sample's summary, with its printer, copies
//! and sides, at 1024×700 and at 150 % on 1280×800.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use coalition_desk::model::MeetingId;
use coalition_desk::ui::Command;
use coalition_desk::ui::print::Spooler;
use egui_kittest::kittest::Queryable;

use super::{AppHarness, LARGE_TEXT, SMALL, Size, cut_off, window};

const DEFENCE_MINISTERS: MeetingId = MeetingId(11);

/// A stand-in `lpstat` in `dir` listing two printers, the first the default.
fn spooler(dir: &Path) -> Spooler {
    let lpstat: PathBuf = dir.join("lpstat");
    std::fs::write(
        &lpstat,
        "#!/bin/sh\nprintf 'system default destination: Office_Laser\\n\
         printer Office_Laser is idle.  enabled since Sun Dec  6 21:31:51 2026\\n\
         printer Basement_Mono is idle.  enabled since Sun Dec  6 21:31:51 2026\\n'\n",
    )
    .unwrap();
    std::fs::set_permissions(&lpstat, std::fs::Permissions::from_mode(0o755)).unwrap();
    Spooler {
        lpstat: lpstat.into(),
        lp: dir.join("no-lp").into(),
        viewer: dir.join("no-viewer").into(),
        follow: Duration::from_secs(1),
    }
}

fn preview(size: Size) {
    let dir = tempfile::tempdir().unwrap();
    let register = coalition_desk::sample::register().unwrap();
    let mut harness: AppHarness = window(size, register);
    harness.state_mut().use_spooler(spooler(dir.path()));
    harness
        .state_mut()
        .command(Command::PrintSummary(DEFENCE_MINISTERS));
    harness.run_steps(2);
    // The pages are typeset and the printers asked for on other threads.
    let started = Instant::now();
    while harness.query_by_label("Looking for printers…").is_some() {
        assert!(started.elapsed() < Duration::from_secs(60), "no preview");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(3);
    // No snapshot: the pages may or may not be typeset by now, and the
    // controls are the same either way.
    let cut = cut_off(&mut harness);
    assert!(
        cut.is_empty(),
        "the preview at {}: {} controls cut off:\n{}",
        size.name,
        cut.len(),
        cut.join("\n")
    );
}

#[test]
fn print_preview_at_1024() {
    preview(SMALL);
}

#[test]
fn print_preview_at_150_percent() {
    preview(LARGE_TEXT);
}
