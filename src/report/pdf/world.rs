//! The typst world one report is typeset in: the engine's fonts and
//! library, one template (and the page frame templates may import), and the report's data as a virtual JSON file.
//! The template reads the data with `json(...)`, so the register's text is
//! never parsed as markup: a title such as `#set page(width: 1pt)` prints
//! as those characters.

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use super::PrintEngine;

/// One report being typeset: borrowed engine, owned template and data.
pub(super) struct ReportWorld<'a> {
    pub engine: &'a PrintEngine,
    pub template: Source,
    pub data: Bytes,
}

impl World for ReportWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.engine.book
    }

    fn main(&self) -> FileId {
        self.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.template.id() {
            Ok(self.template.clone())
        } else if id == self.engine.page_frame.id() {
            Ok(self.engine.page_frame.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.engine.data_id {
            Ok(self.data.clone())
        } else {
            Err(FileError::Other(Some(
                "reports read only their own data".into(),
            )))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.get(index).cloned()
    }

    /// The day a report was issued comes in with its data; typst's own
    /// clock is never read, so the same register printed on the same day
    /// gives the same pages.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
