//! Command line: no arguments or a FILE opens the window; sub-commands do
//! headless work through the same core functions the window uses.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use coalition_desk::ui::app::{CoalitionDeskApp, Startup};
use coalition_desk::ui::opening::{self, Preload};
use coalition_desk::{generate, report, sample, storage, tracking};

mod print;

#[derive(Parser)]
#[command(
    name = "coalition-desk",
    version,
    about = "The register of a coalition's sessions, attendance and commitments"
)]
struct Cli {
    /// A register file to open in the window.
    file: Option<PathBuf>,
    /// Close the window once the first frame showing the register has
    /// been painted, and print how long that took from the program's
    /// start: measures start-up (`coalition-desk FILE --exit-after-first-frame`).
    #[arg(long)]
    exit_after_first_frame: bool,
    #[command(subcommand)]
    command: Option<Action>,
}

#[derive(Subcommand)]
enum Action {
    /// Validate a register: one line of record counts, or every problem (exit 1).
    /// A file written by a newer version also exits 1.
    Check { file: PathBuf },
    /// Write a deterministic, realistic register of any size (stress tests).
    Generate {
        #[arg(long, default_value_t = 200)]
        meetings: usize,
        #[arg(long, default_value_t = 5000)]
        commitments: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Write the sample register built from the 10 April 2025 statement.
    Sample {
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print a meeting summary to PDF.
    Summary {
        file: PathBuf,
        /// The meeting's id (the number in the file) or the date it was held (YYYY-MM-DD).
        #[arg(long)]
        meeting: String,
        #[arg(short, long)]
        output: PathBuf,
        /// Print the restricted notes too.
        #[arg(long)]
        include_restricted: bool,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// Print the attendance record of a session series to PDF.
    Attendance {
        file: PathBuf,
        /// The series' id (the number in the file) or its name.
        #[arg(long)]
        series: String,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// Export the register in another format.
    Export {
        #[command(subcommand)]
        format: ExportFormat,
    },
}

#[derive(Subcommand)]
enum ExportFormat {
    /// The meetings and session series as an iCalendar file (.ics).
    Ics {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Every commitment with all its fields and current status, as CSV
    /// (UTF-8 with a byte-order mark, for spreadsheets).
    Csv {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// Paper sizes as typed on the command line.
#[derive(Clone, Copy, clap::ValueEnum)]
enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for report::Paper {
    fn from(paper: PaperArg) -> Self {
        match paper {
            PaperArg::A4 => report::Paper::A4,
            PaperArg::Letter => report::Paper::Letter,
        }
    }
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Action::Check { file }) => check(&file),
        Some(Action::Sample { output, force }) => write_sample(&output, force),
        Some(Action::Generate {
            meetings,
            commitments,
            seed,
            output,
            force,
        }) => write_generated(
            generate::GenerateOptions {
                meetings,
                commitments,
                seed,
            },
            &output,
            force,
        ),
        Some(Action::Summary {
            file,
            meeting,
            output,
            include_restricted,
            paper,
        }) => print::summary(&file, &meeting, &output, include_restricted, paper.into()),
        Some(Action::Attendance {
            file,
            series,
            output,
            paper,
        }) => print::attendance(&file, &series, &output, paper.into()),
        Some(Action::Export { format }) => export(format),
        None => run_window(cli.file, cli.exit_after_first_frame.then_some(started)),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("coalition-desk: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn check(file: &std::path::Path) -> anyhow::Result<ExitCode> {
    let loaded = match storage::load(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            println!("{error}");
            return Ok(ExitCode::FAILURE);
        }
    };
    // The one place the command line reads the clock: what cannot have
    // happened yet is judged against the real date.
    let problems = loaded.register.validate(chrono::Local::now().date_naive());
    // A newer version's file parsed, but this version cannot vouch for what
    // it does not know: say so and fail, as the window opens it read-only.
    let newer = loaded
        .newer_version
        .map(|found| storage::StorageError::NewerVersion {
            found,
            path: file.to_path_buf(),
        });
    if problems.is_empty() {
        println!("{}: {}", file.display(), loaded.register.counts());
        if let Some(newer) = newer {
            println!("{newer}; only what this version knows was checked");
            return Ok(ExitCode::FAILURE);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(newer) = &newer {
        println!("{newer}; only what this version knows was checked");
    }
    for problem in &problems {
        println!("{}: {problem}", file.display());
    }
    println!(
        "{}: {} problem{}",
        file.display(),
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    Ok(ExitCode::FAILURE)
}

fn write_sample(output: &std::path::Path, force: bool) -> anyhow::Result<ExitCode> {
    if output.exists() && !force {
        anyhow::bail!("{} exists; pass --force to replace it", output.display());
    }
    std::fs::write(output, sample::SAMPLE_RON)
        .with_context(|| format!("could not write the sample to {}", output.display()))?;
    println!("Wrote the sample register to {}", output.display());
    Ok(ExitCode::SUCCESS)
}

fn write_generated(
    options: generate::GenerateOptions,
    output: &std::path::Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    if output.exists() && !force {
        anyhow::bail!("{} exists; pass --force to replace it", output.display());
    }
    let register = generate::register(options);
    storage::save_with(output, &register, storage::Overwrite::Anything)
        .map_err(|error| anyhow::anyhow!(error.describe()))?;
    println!("Wrote {} to {}", register.counts(), output.display());
    Ok(ExitCode::SUCCESS)
}

fn export_ics(file: &std::path::Path, output: &std::path::Path) -> anyhow::Result<ExitCode> {
    let loaded = storage::load(file).map_err(|error| anyhow::anyhow!("{}", error.describe()))?;
    let text = match coalition_desk::calendar::calendar_ics(&loaded.register, chrono::Utc::now()) {
        Ok(text) => text,
        // A reader would reject the whole file: say why, write nothing.
        Err(coalition_desk::calendar::CalendarError::Refused(problems)) => {
            for problem in &problems {
                eprintln!("{}: {problem}", file.display());
            }
            eprintln!(
                "The calendar was not exported; nothing was written to {}",
                output.display()
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => return Err(error.into()),
    };
    std::fs::write(output, text)
        .with_context(|| format!("could not write the calendar to {}", output.display()))?;
    println!("Wrote the calendar to {}", output.display());
    Ok(ExitCode::SUCCESS)
}

fn export(format: ExportFormat) -> anyhow::Result<ExitCode> {
    match format {
        ExportFormat::Ics { file, output } => export_ics(&file, &output),
        ExportFormat::Csv { file, output } => {
            let loaded = storage::load(&file).map_err(anyhow::Error::new)?;
            let today = chrono::Local::now().date_naive();
            let bytes = tracking::export_commitments(&loaded.register, today)?;
            std::fs::write(&output, bytes)
                .with_context(|| format!("could not write {}", output.display()))?;
            println!(
                "Wrote {} commitments to {}",
                loaded.register.commitments.len(),
                output.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The window's application id: the window manager's class, and the name
/// of eframe's settings folder.
const APP_ID: &str = "coalition-desk";

fn run_window(
    file: Option<PathBuf>,
    exit_after_first_frame: Option<std::time::Instant>,
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
            let mut app = CoalitionDeskApp::new(cc, startup, preload);
            app.exit_after_first_frame = exit_after_first_frame;
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| anyhow::anyhow!("the window could not be opened: {error}"))?;
    Ok(ExitCode::SUCCESS)
}
