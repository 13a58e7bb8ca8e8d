//! Opening a register without freezing the window. Reading a register of
//! 100,000 commitments takes about half a second; in the window it runs on
//! a worker thread while a modal says what is being opened, and at start
//! it begins before the window is set up ([`Preload`]), so the two
//! overlap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::Command;
use super::app::{Settings, Startup};
use super::on_top::Outcome;
use crate::document::{Document, Origin};
use crate::storage::{self, DiskStamp, Loaded, RegisterLock, StorageError};

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
    /// The file, and its lock taken before reading (a small file, so on
    /// the UI thread): either this instance holds the register, or it
    /// knows who does. What was read replaces `loaded` once done.
    read: ReadFile,
    started: Instant,
    reading: Reading,
}

impl Opening {
    /// The file being read.
    pub(super) fn path(&self) -> &Path {
        &self.read.path
    }
}

/// Where and how the window reads register files: on a worker or this
/// thread, taking over a reading begun before the window.
pub(super) struct Opener {
    open_on: OpenOn,
    preload: Option<Preload>,
}

/// A register file read (or not), with the lock taken before reading.
pub struct ReadFile {
    path: PathBuf,
    lock: Option<RegisterLock>,
    held_by: Option<String>,
    loaded: Result<Loaded, StorageError>,
}

/// A read file handed from the opening modal to the command that puts it
/// in place: taken once. Equal only to itself, so a command holding it
/// compares as commands do.
#[derive(Clone)]
pub struct ReadRegister(Arc<Mutex<Option<ReadFile>>>);

impl From<ReadRegister> for Option<ReadFile> {
    /// The file read, the first time it is asked for.
    fn from(read: ReadRegister) -> Self {
        read.0.lock().ok().and_then(|mut read| read.take())
    }
}

/// What opening a file started with.
pub(super) enum Started {
    /// The file is read (on this thread, or a reading begun before).
    Read(Box<ReadFile>),
    /// A worker is reading it; the modal stays on top meanwhile.
    Reading(Box<Opening>),
}

impl ReadRegister {
    fn new(read: ReadFile) -> Self {
        ReadRegister(Arc::new(Mutex::new(Some(read))))
    }
}

impl PartialEq for ReadRegister {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for ReadRegister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReadRegister")
    }
}

impl Opener {
    pub(super) fn new(open_on: OpenOn, preload: Option<Preload>) -> Self {
        Opener { open_on, preload }
    }

    /// Starts reading `path`: the file read at once, or, on a worker, the
    /// `Opening` to put on top until it is. Takes the file's lock first,
    /// or learns who holds it (the register then opens read-only).
    pub(super) fn open(&mut self, path: &Path) -> Started {
        let (lock, held_by) = match RegisterLock::acquire(path, &super::files::this_process()) {
            Ok(lock) => (Some(lock), None),
            Err(error) => (None, Some(error.read_only_reason())),
        };
        let read = |loaded| ReadFile {
            path: path.to_path_buf(),
            lock,
            held_by,
            loaded,
        };
        if self.open_on == OpenOn::ThisThread {
            return Started::Read(Box::new(read(storage::load(path))));
        }
        let preloaded = self.preload.take().filter(|preload| preload.path == path);
        let reading = match preloaded {
            Some(preload) => {
                // At start the window has nothing to show before the
                // register, and frames drawn meanwhile would take CPU
                // from the reading (a second slower to open 100,000
                // commitments on two cores): wait a moment first.
                match preload.reading.result.recv_timeout(WAIT_FOR_PRELOAD) {
                    Ok(result) => return Started::Read(Box::new(read(result))),
                    Err(RecvTimeoutError::Timeout) => Ok(preload.reading),
                    Err(RecvTimeoutError::Disconnected) => Reading::start(path),
                }
            }
            None => Reading::start(path),
        };
        match reading {
            Ok(reading) => Started::Reading(Box::new(Opening {
                read: read(Err(StorageError::Read {
                    path: path.to_path_buf(),
                    source: std::io::Error::other("the reading stopped unexpectedly"),
                })),
                started: Instant::now(),
                reading,
            })),
            Err(error) => {
                // No thread to be had: read here rather than not at all.
                tracing::warn!("no worker thread to open with: {error}");
                Started::Read(Box::new(read(storage::load(path))))
            }
        }
    }
}

impl Opening {
    /// While the worker reads: a modal naming the file and how long it has
    /// taken. Once read, it closes with the command that puts the register
    /// in place.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        let _ = self.reading.wake.set(ctx.clone());
        match self.reading.result.try_recv() {
            Ok(loaded) => self.read.loaded = loaded,
            // Read stays as made: "the reading stopped unexpectedly".
            Err(TryRecvError::Disconnected) => {}
            Err(TryRecvError::Empty) => {
                let seconds = self.started.elapsed().as_secs_f32();
                let path = self.read.path.display().to_string();
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
                return Outcome::Stays;
            }
        }
        let read = ReadFile {
            path: self.read.path.clone(),
            lock: self.read.lock.take(),
            held_by: self.read.held_by.take(),
            loaded: std::mem::replace(
                &mut self.read.loaded,
                Err(StorageError::Read {
                    path: self.read.path.clone(),
                    source: std::io::Error::other("the register was already put in place"),
                }),
            ),
        };
        Outcome::Then(Command::PutInPlace(ReadRegister::new(read)))
    }
}

impl ReadFile {
    /// The file read.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// The register read as the open document, with its lock and disk
    /// stamp and what to tell the officer (`workstation_office`: the
    /// office this workstation last kept a copy for); or why it could not
    /// be read.
    pub(super) fn into_document(
        self,
        workstation_office: &str,
    ) -> Result<(Document, Option<RegisterLock>, DiskStamp, String), StorageError> {
        let ReadFile {
            path,
            lock,
            held_by,
            loaded,
        } = self;
        let loaded = loaded?;
        let read_only = loaded.read_only_reason().or(held_by);
        let mut document = Document::new(loaded.register, Origin::File(path.clone()));
        document.read_only = read_only;
        let mut message = match &document.read_only {
            Some(reason) => format!("Opened {} — {reason}", path.display()),
            None => format!("Opened {}", path.display()),
        };
        if let Some(taken_over) = lock.as_ref().and_then(RegisterLock::taken_over) {
            message.push_str(" — ");
            message.push_str(&taken_over);
        }
        if let Some(warning) = other_office(workstation_office, &document.register().office) {
            message.push_str(" — ");
            message.push_str(&warning);
        }
        Ok((document, lock, loaded.stamp, message))
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
