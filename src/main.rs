//! Sets up and hands over: logging, then either the window (no
//! sub-command) or `coalition_desk::cli::run`. The arguments and the
//! sub-commands are in `src/cli/` (`command_line.rs`).

#![warn(clippy::too_many_lines)]

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use coalition_desk::cli::{self, CommandLine};
use coalition_desk::ui::app::{CoalitionDeskApp, Startup};
use coalition_desk::ui::opening::{self, Preload};

fn main() -> ExitCode {
    let started = Instant::now();
    // Warnings (the recurrence library's among them, through the `log`
    // bridge) go to stderr without colour codes: stdout is the command's
    // own answer, which scripts read.
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let arguments = match CommandLine::read() {
        Ok(arguments) => arguments,
        Err(code) => return code,
    };
    match arguments.command {
        Some(command) => cli::run(command),
        None => cli::finish(run_window(
            arguments.file,
            arguments.exit_after_first_frame.then_some(started),
        )),
    }
}

/// The window's application id: the window manager's class, and the name
/// of eframe's settings folder.
const APP_ID: &str = "coalition-desk";

fn run_window(
    file: Option<PathBuf>,
    exit_after_first_frame: Option<Instant>,
) -> anyhow::Result<ExitCode> {
    let startup = match file {
        Some(path) => Startup::File(path),
        None => Startup::LastOrSample,
    };
    // Reading the register begins now, while eframe sets up the window.
    let preload = opening::file_to_preload(&startup, APP_ID).and_then(|path| Preload::start(&path));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Coalition Desk")
            .with_app_id(APP_ID)
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Coalition Desk",
        options,
        Box::new(move |cc| {
            let app = CoalitionDeskApp::new(cc, startup, preload, exit_after_first_frame);
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("The window could not be opened ({error})"))?;
    Ok(ExitCode::SUCCESS)
}
