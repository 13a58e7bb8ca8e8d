//! Preparing every participant's nation sheet off the UI thread. On a
//! large register this takes long enough to want a progress bar and a way
//! out: the thread counts the sheets it has made, and stops at the next
//! sheet once the officer cancels. The window polls it every frame and
//! never waits.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use chrono::NaiveDate;

use super::PreviewError;
use crate::model::Register;
use crate::report::{self, Clearance, DocumentOptions, NationSheets};

/// What the sheets are made from: the register's revision, the options
/// and the day of issue. A build for another key is started afresh.
pub type SheetsKey = (u64, DocumentOptions, NaiveDate);

/// One preparation of every sheet, running or finished.
pub struct SheetsBuild {
    pub key: SheetsKey,
    done: Arc<AtomicUsize>,
    total: usize,
    stop: Arc<AtomicBool>,
    answer: Receiver<Result<(NationSheets, Clearance), PreviewError>>,
}

impl SheetsBuild {
    /// Starts preparing every participant's sheet from a copy of
    /// `register`; `wake` is called after each sheet so the progress bar
    /// moves.
    pub fn start(register: &Register, key: SheetsKey, wake: impl Fn() + Send + 'static) -> Self {
        let register = register.clone();
        let participants = register.participants_by_name();
        let total = participants.len();
        let done = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (sender, answer) = channel();
        let (counter, stopped, options, today) = (done.clone(), stop.clone(), key.1.clone(), key.2);
        std::thread::Builder::new()
            .name("nation-sheets".into())
            .spawn(move || {
                let made = report::nation_sheets_going_on(
                    &register,
                    &participants,
                    &options,
                    today,
                    |n| {
                        counter.store(n, Ordering::Relaxed);
                        wake();
                        !stopped.load(Ordering::Relaxed)
                    },
                );
                let answer = match made {
                    // Their clearance reads every record the sheets
                    // include, a hundred thousand commitments on a large
                    // register: worked out here, not in a frame.
                    Ok(Some(sheets)) => {
                        let clearance = Clearance::of(&register, &sheets.includes, today);
                        Ok((sheets, clearance))
                    }
                    // Stopped: no one is waiting for an answer.
                    Ok(None) => return,
                    Err(error) => Err(PreviewError::from(error)),
                };
                // The preview may have closed meanwhile; nothing to tell.
                let _ = sender.send(answer);
                wake();
            })
            .map_err(|error| tracing::warn!("the nation sheets did not start: {error}"))
            .ok();
        SheetsBuild {
            key,
            done,
            total,
            stop,
            answer,
        }
    }

    /// Sheets made so far, and how many there will be.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total)
    }

    /// Asks the thread to stop after the sheet it is making.
    pub fn cancel(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether the officer cancelled it.
    pub fn cancelled(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// The sheets and their clearance, once made (or why they could not
    /// be).
    pub fn poll(&self) -> Option<Result<(NationSheets, Clearance), PreviewError>> {
        match self.answer.try_recv() {
            Ok(answer) => Some(answer),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                (!self.cancelled()).then_some(Err(PreviewError::SheetsNotPrepared))
            }
        }
    }
}

impl Drop for SheetsBuild {
    /// A build no longer shown stops: closing the preview cancels it.
    fn drop(&mut self) {
        self.cancel();
    }
}
