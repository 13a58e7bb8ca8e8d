//! Command line: no arguments or a FILE opens the window; sub-commands do
//! headless work through `coalition_desk::cli`, over the same core
//! functions the window uses. Here: the arguments, logging, the clock and
//! the dispatch.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{CommandFactory, Parser, Subcommand};
use coalition_desk::cli::{self, print::SummaryRequest};
use coalition_desk::storage::LockHolder;
use coalition_desk::ui::app::{CoalitionDeskApp, Startup};
use coalition_desk::ui::opening::{self, Preload};
use coalition_desk::{generate, report};

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
    /// Write a realistic register of any size (stress tests), standing on
    /// today: the same arguments give the same file on the same day.
    Generate {
        #[arg(long, default_value_t = 200, value_parser = cli::arguments::count)]
        meetings: usize,
        #[arg(long, default_value_t = 5000, value_parser = cli::arguments::count)]
        commitments: usize,
        #[arg(long, default_value_t = 1, value_parser = cli::arguments::seed)]
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
        /// The meeting's id (as in the file: 11, or LON-11 for an office's) or the date it was held (YYYY-MM-DD).
        #[arg(long)]
        meeting: String,
        #[arg(short, long)]
        output: PathBuf,
        /// Print the restricted notes too.
        #[arg(long)]
        include_restricted: bool,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// Print the edition releasable at this marking level: whatever is marked higher is left out.
        #[arg(long, value_name = "LEVEL")]
        edition: Option<String>,
        /// Add the change log of the record's revisions as an annex.
        #[arg(long)]
        change_log: bool,
    },
    /// Approve a meeting's record (refused while the meeting has problems).
    Approve {
        file: PathBuf,
        /// The meeting's id (as in the file: 11, or LON-11 for an office's) or the date it was held (YYYY-MM-DD).
        #[arg(long)]
        meeting: String,
        /// The date of the approval (2025-04-10, 10/04/2025 or 10 Apr 2025),
        /// not after today: the day of the meeting given with --at, or
        /// without --at the day a written procedure ended.
        #[arg(long, value_parser = cli::arguments::date)]
        on: NaiveDate,
        /// The later meeting, held on --on, that approved it, by id or date
        /// (usually the next session); without it the record is approved by
        /// written procedure, once its comment period has ended.
        #[arg(long)]
        at: Option<String>,
        /// Who approved it, e.g. "The defence ministers".
        #[arg(long, default_value = "")]
        by: String,
    },
    /// Print the attendance record of a session series to PDF.
    Attendance {
        file: PathBuf,
        /// The series' id (as in the file: 11, or LON-11 for an office's) or its name.
        #[arg(long)]
        series: String,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// Merge two copies of a register edited from a common copy (BASE):
    /// exit 0 when clean, 1 with conflicts to resolve (OUT still written),
    /// 2 when a file cannot be read or written, or BASE is older than the
    /// last copy OURS and THEIRS had in common.
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// Where the merged register goes; may be OURS itself.
        #[arg(short, long)]
        output: PathBuf,
        /// The office keeping OURS, named in the conflicts (default: the office code OURS names, else its file name).
        #[arg(long)]
        ours_office: Option<String>,
        /// The office that sent THEIRS (default: the office code THEIRS names, else its file name).
        #[arg(long)]
        theirs_office: Option<String>,
        /// Merge from BASE even though OURS and THEIRS both come from a later merge it does not hold.
        #[arg(long)]
        force_base: bool,
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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return cli::arguments::answer(&error, &Cli::command()),
    };
    // The one place the command line reads the clock: what cannot have
    // happened yet is judged against the real date.
    let now = chrono::Local::now();
    let today = now.date_naive();
    let result = match cli.command {
        Some(Action::Check { file }) => Ok(cli::check::check(&file, today)),
        Some(Action::Sample { output, force }) => cli::sample::write_sample(&output, force),
        Some(Action::Generate {
            meetings,
            commitments,
            seed,
            output,
            force,
        }) => cli::sample::write_generated(
            generate::GenerateOptions {
                meetings,
                commitments,
                seed,
            },
            today,
            &output,
            force,
        ),
        Some(Action::Summary {
            file,
            meeting,
            output,
            include_restricted,
            paper,
            edition,
            change_log,
        }) => {
            let request = SummaryRequest {
                meeting: &meeting,
                include_restricted,
                paper: paper.into(),
                edition: edition.as_deref(),
                change_log,
            };
            cli::print::summary(&file, &request, &output, today)
        }
        Some(Action::Approve {
            file,
            meeting,
            on,
            at,
            by,
        }) => {
            let request = cli::approve::ApproveRequest {
                meeting: &meeting,
                on,
                at: at.as_deref(),
                by: &by,
            };
            let holder = LockHolder::this_process(now.fixed_offset());
            cli::approve::approve(&file, &request, &holder, today)
        }
        Some(Action::Attendance {
            file,
            series,
            output,
            paper,
        }) => cli::print::attendance(&file, &series, &output, paper.into(), today),
        Some(Action::Merge {
            base,
            ours,
            theirs,
            output,
            ours_office,
            theirs_office,
            force_base,
        }) => {
            let request = cli::merge::MergeRequest {
                base: &base,
                ours: &ours,
                theirs: &theirs,
                output: &output,
                ours_office: ours_office.as_deref(),
                theirs_office: theirs_office.as_deref(),
                force_base,
            };
            let holder = LockHolder::this_process(now.fixed_offset());
            Ok(cli::merge::merge(&request, &holder, now.naive_local()))
        }
        Some(Action::Export { format }) => match format {
            ExportFormat::Ics { file, output } => {
                cli::export::ics(&file, &output, chrono::Utc::now())
            }
            ExportFormat::Csv { file, output } => cli::export::csv(&file, &output, today),
        },
        None => run_window(cli.file, cli.exit_after_first_frame.then_some(started)),
    };
    let code = match result {
        Ok(code) => code,
        Err(error) => {
            cli::out::tell(format_args!("{}", cli::error_line(error.as_ref())));
            ExitCode::FAILURE
        }
    };
    cli::out::finish(code)
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
    .map_err(|error| anyhow::anyhow!("The window could not be opened ({error})"))?;
    Ok(ExitCode::SUCCESS)
}
