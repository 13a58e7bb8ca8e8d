//! "Open the PDF": the viewer is started on a thread of its own, because
//! finding out whether there is one at all means waiting for xdg-open.

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::PreviewError;
use crate::printing::open_in_viewer;

/// The viewer being started, if any.
#[derive(Default)]
pub struct Viewer {
    /// The program that opens a PDF (xdg-open).
    pub program: OsString,
    answer: Option<Receiver<Result<(), PreviewError>>>,
}

impl Viewer {
    /// Starts the officer's PDF viewer on `pdf`.
    pub fn open(&mut self, pdf: PathBuf) {
        let (send, answer) = channel();
        let program = self.program.clone();
        let started = std::thread::Builder::new()
            .name("pdf viewer".into())
            .spawn(move || {
                // The window may have gone; nobody to tell then.
                let opened = open_in_viewer(&program, &pdf).map_err(PreviewError::Printing);
                let _ = send.send(opened);
            });
        self.answer = match started {
            Ok(_) => Some(answer),
            Err(error) => {
                tracing::warn!("the viewer could not be started: {error}");
                None
            }
        };
    }

    /// Whether a viewer was found, once that is known.
    pub fn poll(&mut self) -> Option<Result<(), PreviewError>> {
        let answer = self.answer.as_ref()?.try_recv();
        match answer {
            Ok(answer) => {
                self.answer = None;
                Some(answer)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.answer = None;
                None
            }
        }
    }
}
