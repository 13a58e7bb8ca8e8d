//! What every document sent before a session carries on each page: the
//! register's name, the marking, the edition, its own reference and the
//! day of issue. The meeting pack, the since-last-session report and the
//! nation sheets share it, and one typst page frame (`assets/print/page.typ`)
//! prints it.

use chrono::NaiveDate;
use serde::Serialize;

use super::Paper;
use super::edition::{Edition, unknown_level};
use super::format::long_date;
use crate::model::Register;

/// How the officer asks for one of these documents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct DocumentOptions {
    pub paper: Paper,
    /// The level the edition is releasable at; `None` prints the full one.
    pub edition: Option<String>,
}

/// The running head and foot of a document, and its metadata.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DocumentHead {
    pub register_name: String,
    /// "Meeting pack", "Since last session", "Nation sheet": the kind of
    /// document, printed above its title.
    pub kind: String,
    pub title: String,
    /// The highest marking of what the document prints.
    pub marking: String,
    /// "OFFICIAL edition"; `None` for the full edition.
    pub edition: Option<String>,
    /// "2 items are omitted from this edition."; `None` for the full one.
    pub omitted: Option<String>,
    pub paper: Paper,
    /// The document's own reference, never the meeting record's:
    /// "CoW/DM/2026/05/PACK".
    pub reference: String,
    /// "1 December 2025".
    pub issued: String,
    /// The same day as `YYYY-MM-DD`, for the PDF's metadata.
    pub issued_iso: String,
}

impl DocumentHead {
    /// The head of a document of `kind` titled `title`, once `edition`
    /// has kept what it prints.
    pub(super) fn new(
        register: &Register,
        kind: &str,
        title: String,
        edition: &Edition<'_>,
        options: &DocumentOptions,
        reference: String,
        today: NaiveDate,
    ) -> Self {
        DocumentHead {
            register_name: register.name.clone(),
            kind: kind.to_string(),
            title,
            marking: edition.marking(),
            edition: edition.name(),
            omitted: edition.omitted_note(),
            paper: options.paper,
            reference,
            issued: long_date(today),
            issued_iso: today.to_string(),
        }
    }
}

/// The edition releasable at `level` of a document that is not one
/// meeting's record (a nation sheet): everything marked above the level is
/// left out. Refused for a level the register does not know.
pub(super) fn edition_at<'r>(
    register: &'r Register,
    level: Option<&str>,
) -> Result<Edition<'r>, super::ReportError> {
    if let Some(refusal) = level.and_then(|level| unknown_level(register, level)) {
        return Err(super::ReportError::Edition(refusal));
    }
    Ok(Edition::at_level(register, level))
}

/// A document's own reference: the meeting record's, then `suffix`, as
/// UN symbols add `/Add.1` or `/INF/1` (`CoW/DM/2026/05/PACK`).
pub(super) fn meeting_document_reference(
    register: &Register,
    meeting: crate::model::MeetingId,
    suffix: &str,
    refusals: &mut Vec<String>,
) -> String {
    match register.meeting_reference(meeting, None) {
        Some(Ok(reference)) => format!("{reference}/{suffix}"),
        Some(Err(error)) => {
            refusals.push(error.to_string());
            String::new()
        }
        None => String::new(),
    }
}
