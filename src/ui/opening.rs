//! Opening a register without freezing the window. Reading a register of
//! 100,000 commitments takes about half a second; in the window it runs on
//! a worker thread while a modal says what is being opened, and at start
//! it begins before the window is set up ([`Preload`]), so the two
//! overlap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use super::app::{CoalitionDeskApp, Notice, Settings, Startup};
use super::on_top::OnTop;
use super::shown_error::Failure;
use super::start::NothingOpen;
use crate::document::{Document, Origin};
use crate::storage::{self, Loaded, RegisterLock, StorageError};

/// Where a register file is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OpenOn {
    /// On the UI thread: the call returns with the register open. Tests
    /// and the headless benchmarks use this.
    #[default]
    ThisThread,
    /// On a worker thread; the window shows "Opening …" meanwhile.
    Worker,
}

/// How long the window, at start, waits for a register read ahead before
/// it shows "Opening …" instead.
const WAIT_FOR_PRELOAD: Duration = Duration::from_secs(1);

/// A register file whose reading started before the window existed.
/// The window takes it over when it opens that same file.
pub struct Preload {
    path: PathBuf,
    reading: Reading,
}

impl Preload {
    /// Starts reading `path` on a worker thread. `None` if no thread could
    /// be started (the window then reads it itself).
    pub fn start(path: &Path) -> Option<Preload> {
        Some(Preload {
            path: path.to_path_buf(),
            reading: Reading::start(path).ok()?,
        })
    }
}

/// The file the window will open at start, so its reading can begin
/// before the window exists: the one named on the command line, or the
/// last one opened. The last file comes from eframe's store (`app.ron` in
/// [`eframe::storage_dir`]), read here ahead of eframe; should that ever
/// move, nothing breaks: the window then reads the file itself.
pub fn file_to_preload(startup: &Startup, app_id: &str) -> Option<PathBuf> {
    match startup {
        Startup::File(path) => Some(path.clone()),
        Startup::LastOrSample => {
            let store =
                std::fs::read_to_string(eframe::storage_dir(app_id)?.join("app.ron")).ok()?;
            let values: HashMap<String, String> = ron::from_str(&store).ok()?;
            let settings: Settings = ron::from_str(values.get(eframe::APP_KEY)?).ok()?;
            settings.last_file.filter(|path| path.exists())
        }
        Startup::Sample | Startup::Empty => None,
    }
}

/// A file being read on a worker thread, and how it wakes the window.
struct Reading {
    result: Receiver<Result<Loaded, StorageError>>,
    /// Set by the window once it has a context: the worker asks it for a
    /// frame when done, so the register shows at once without the window
    /// drawing frames to poll.
    wake: Arc<OnceLock<egui::Context>>,
}

impl Reading {
    fn start(path: &Path) -> std::io::Result<Reading> {
        let (send, result) = mpsc::channel();
        let wake: Arc<OnceLock<egui::Context>> = Arc::default();
        let reading = path.to_path_buf();
        let waker = Arc::clone(&wake);
        std::thread::Builder::new()
            .name("coalition-desk-open".into())
            .spawn(move || {
                // The window may have closed meanwhile; nothing to do then.
                let _ = send.send(storage::load(&reading));
                if let Some(ctx) = waker.get() {
                    ctx.request_repaint();
                }
            })?;
        Ok(Reading { result, wake })
    }
}

/// A register being read on a worker thread.
pub struct Opening {
    path: PathBuf,
    /// Taken before reading (a small file, so on the UI thread): either
    /// this instance holds the register, or it knows who does.
    lock: Option<RegisterLock>,
    held_by: Option<String>,
    started: Instant,
    reading: Reading,
}

impl Opening {
    /// The file being read.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }
}

impl CoalitionDeskApp {
    /// Opens a register file. On any error the current register stays open
    /// and the file on disk is not touched.
    pub(super) fn open_path(&mut self, path: &Path) {
        let (lock, held_by) = match RegisterLock::acquire(path, &super::files::this_process()) {
            Ok(lock) => (Some(lock), None),
            Err(error) => (None, Some(error.read_only_reason())),
        };
        match self.open_on {
            OpenOn::ThisThread => self.finish_opening(path, lock, held_by, storage::load(path)),
            OpenOn::Worker => {
                let preloaded = self.preload.take().filter(|preload| preload.path == path);
                let reading = match preloaded {
                    Some(preload) => {
                        // At start the window has nothing to show before the
                        // register, and frames drawn meanwhile would take CPU
                        // from the reading (a second slower to open 100,000
                        // commitments on two cores): wait a moment first.
                        match preload.reading.result.recv_timeout(WAIT_FOR_PRELOAD) {
                            Ok(result) => {
                                self.finish_opening(path, lock, held_by, result);
                                return;
                            }
                            Err(RecvTimeoutError::Timeout) => Ok(preload.reading),
                            Err(RecvTimeoutError::Disconnected) => Reading::start(path),
                        }
                    }
                    None => Reading::start(path),
                };
                match reading {
                    Ok(reading) => {
                        // It takes the place of whatever was on top: that
                        // belonged to the register this one replaces.
                        self.workspace.on_top = Some(OnTop::Opening(Opening {
                            path: path.to_path_buf(),
                            lock,
                            held_by,
                            started: Instant::now(),
                            reading,
                        }));
                    }
                    Err(error) => {
                        // No thread to be had: read here rather than not at all.
                        tracing::warn!("no worker thread to open with: {error}");
                        self.finish_opening(path, lock, held_by, storage::load(path));
                    }
                }
            }
        }
    }

    /// Whether a register is being read on a worker thread.
    pub fn is_opening(&self) -> bool {
        matches!(self.workspace.on_top(), Some(OnTop::Opening(_)))
    }

    /// Puts the register in place once the worker has read it; meanwhile a
    /// modal names the file and how long it has taken. Called at the start
    /// of every frame.
    pub(super) fn opening_ui(&mut self, ctx: &egui::Context) {
        let Some(OnTop::Opening(opening)) = &self.workspace.on_top else {
            return;
        };
        let _ = opening.reading.wake.set(ctx.clone());
        let result = match opening.reading.result.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => {
                let seconds = opening.started.elapsed().as_secs_f32();
                let path = opening.path.display().to_string();
                // No spinner: it would draw frames continuously, and with
                // a software renderer that takes the CPU the reading needs.
                egui::Modal::new(egui::Id::unique("coalition-desk-opening")).show(ctx, |ui| {
                    ui.label(format!("Opening {path} …"));
                    if seconds >= 1.0 {
                        ui.weak(format!("{seconds:.0} s"));
                    }
                });
                // The worker wakes the window when done; this only moves
                // the seconds along.
                ctx.request_repaint_after(Duration::from_millis(500));
                return;
            }
            Err(TryRecvError::Disconnected) => Err(StorageError::Read {
                path: opening.path.clone(),
                source: std::io::Error::other("the reading stopped unexpectedly"),
            }),
        };
        if let Some(OnTop::Opening(opening)) = self.workspace.on_top.take() {
            self.finish_opening(&opening.path, opening.lock, opening.held_by, result);
        }
    }

    /// The register read from `path` becomes the open document, or the
    /// officer is told why not and the current one stays.
    fn finish_opening(
        &mut self,
        path: &Path,
        lock: Option<RegisterLock>,
        held_by: Option<String>,
        loaded: Result<Loaded, StorageError>,
    ) {
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(error) => {
                let reason = error.to_string();
                self.show_error(Failure::not_done(
                    "The register could not be opened",
                    reason.clone(),
                ));
                self.nothing_opened(path, reason);
                return;
            }
        };
        let read_only = loaded.read_only_reason().or(held_by);
        let mut document = Document::new(loaded.register, Origin::File(path.to_path_buf()));
        document.read_only = read_only;
        let mut message = match &document.read_only {
            Some(reason) => format!("Opened {} — {reason}", path.display()),
            None => format!("Opened {}", path.display()),
        };
        if let Some(taken_over) = lock.as_ref().and_then(RegisterLock::taken_over) {
            message.push_str(" — ");
            message.push_str(&taken_over);
        }
        if let Some(warning) = other_office(&self.settings.office, &document.register().office) {
            message.push_str(" — ");
            message.push_str(&warning);
        }
        self.replace_document(document, lock, Some(loaded.stamp));
        self.settings.remember(path);
        self.notify(message);
        self.offer_recovery(Some(path));
    }
}

/// A copy that names another office than the one this workstation last
/// kept a copy for: new records would get that office's ids, which is
/// right only if this is that office's copy (e.g. after a git pull that
/// brought the partner's office code along).
fn other_office(workstation: &str, copy: &str) -> Option<String> {
    (!workstation.is_empty() && !copy.is_empty() && workstation != copy).then(|| {
        format!(
            "this copy names {copy} as its office, but this workstation last kept {workstation}'s \
             copy: new records get {copy} ids; if this is {workstation}'s copy, set \
             {workstation} on the Register tab"
        )
    })
}

impl CoalitionDeskApp {
    /// No register the officer chose is open: the window holds only the
    /// blank one it starts with (or a new one still untouched).
    fn holds_nothing(&self) -> bool {
        let document = &self.workspace.document;
        let register = document.register();
        document.origin == Origin::Untitled
            && !document.is_dirty()
            && register.participants.is_empty()
            && register.meetings.is_empty()
            && register.commitments.is_empty()
    }

    /// Opening `path` failed with `reason` (the dialog already says so).
    /// When nothing else is open, the window offers the ways on instead
    /// of an empty register, and the status bar names the file briefly.
    pub(super) fn nothing_opened(&mut self, path: &Path, reason: String) {
        if !self.holds_nothing() {
            return;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        self.notice = Some(Notice {
            text: format!("Could not open {name}"),
            is_error: true,
        });
        self.workspace.nothing_open = Some(NothingOpen {
            path: path.to_path_buf(),
            reason,
        });
    }
}
