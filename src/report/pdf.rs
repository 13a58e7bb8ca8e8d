//! Typesetting reports to PDF with typst. The engine (standard library,
//! fonts, font book) is built once and reused for every report: loading
//! fonts is the slow part, typesetting a summary is fast.

mod world;

use typst::foundations::Bytes;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_layout::PagedDocument;

use super::long_words::breakable_strings;
use super::pages::{TypesetReport, typesetting_error};
use super::{
    AttendanceRecord, MeetingPack, MeetingSummary, NationSheets, ReportError, SinceReport,
};
use world::ReportWorld;

/// The bundled fonts: Noto Sans (Latin, Greek, Cyrillic; OFL, see
/// assets/fonts/OFL.txt) for the text, and typst's own Libertinus Serif and
/// New Computer Modern for italics and anything Noto lacks. No system fonts,
/// so every machine prints the same pages.
const NOTO_SANS: [&[u8]; 2] = [
    include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
];

const MEETING_SUMMARY: &str = include_str!("../../assets/print/meeting-summary.typ");
const ATTENDANCE: &str = include_str!("../../assets/print/attendance.typ");
const PAGE_FRAME: &str = include_str!("../../assets/print/page.typ");
const MEETING_PACK: &str = include_str!("../../assets/print/meeting-pack.typ");
const SINCE_LAST_SESSION: &str = include_str!("../../assets/print/since-last-session.typ");
const NATION_SHEET: &str = include_str!("../../assets/print/nation-sheet.typ");

/// Typesets reports. Build once (it loads the fonts) and keep it; it is
/// `Send + Sync`, so a worker thread can own it.
pub struct PrintEngine {
    pub(super) library: LazyHash<Library>,
    pub(super) book: LazyHash<FontBook>,
    pub(super) fonts: Vec<Font>,
    pub(super) data_id: FileId,
    summary_id: FileId,
    attendance_id: FileId,
    /// The page frame the pack, the since report and the sheets import.
    pub(super) page_frame: Source,
    pack_id: FileId,
    since_id: FileId,
    sheet_id: FileId,
}

impl PrintEngine {
    /// Loads the bundled fonts and the standard library.
    pub fn new() -> Result<Self, ReportError> {
        let fonts: Vec<Font> = NOTO_SANS
            .into_iter()
            .chain(typst_assets::fonts())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Ok(PrintEngine {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            data_id: file_id("/data.json")?,
            summary_id: file_id("/meeting-summary.typ")?,
            attendance_id: file_id("/attendance.typ")?,
            page_frame: Source::new(file_id("/page.typ")?, PAGE_FRAME.to_string()),
            pack_id: file_id("/meeting-pack.typ")?,
            since_id: file_id("/since-last-session.typ")?,
            sheet_id: file_id("/nation-sheet.typ")?,
        })
    }

    /// The meeting summary as PDF bytes.
    /// Refused when the summary's marking cannot be worked out.
    pub fn meeting_summary_pdf(&self, summary: &MeetingSummary) -> Result<Vec<u8>, ReportError> {
        self.meeting_summary(summary)?.pdf()
    }

    /// The attendance record as PDF bytes.
    /// Refused when the record's marking cannot be worked out.
    pub fn attendance_pdf(&self, record: &AttendanceRecord) -> Result<Vec<u8>, ReportError> {
        self.attendance(record)?.pdf()
    }

    /// The meeting summary typeset into pages, for the preview and the PDF.
    /// Refused when the summary's marking cannot be worked out.
    pub fn meeting_summary(&self, summary: &MeetingSummary) -> Result<TypesetReport, ReportError> {
        refuse_unless_clear(&summary.refusals)?;
        self.typeset(self.summary_id, MEETING_SUMMARY, printable(summary)?)
    }

    /// The attendance record typeset into pages, for the preview and the PDF.
    /// Refused when the record's marking cannot be worked out.
    pub fn attendance(&self, record: &AttendanceRecord) -> Result<TypesetReport, ReportError> {
        refuse_unless_clear(&record.refusals)?;
        self.typeset(self.attendance_id, ATTENDANCE, printable(record)?)
    }

    /// The meeting pack typeset into pages.
    /// Refused when the pack's marking cannot be worked out.
    pub fn meeting_pack(&self, pack: &MeetingPack) -> Result<TypesetReport, ReportError> {
        refuse_unless_clear(&pack.refusals)?;
        self.typeset(self.pack_id, MEETING_PACK, printable(pack)?)
    }

    /// The since-last-session report typeset into pages.
    /// Refused when the report's marking cannot be worked out.
    pub fn since_report(&self, report: &SinceReport) -> Result<TypesetReport, ReportError> {
        refuse_unless_clear(&report.refusals)?;
        self.typeset(self.since_id, SINCE_LAST_SESSION, printable(report)?)
    }

    /// One or more nation sheets typeset into pages, each sheet starting
    /// on a new page. Refused when the marking cannot be worked out.
    pub fn nation_sheets(&self, sheets: &NationSheets) -> Result<TypesetReport, ReportError> {
        refuse_unless_clear(&sheets.refusals)?;
        self.typeset(self.sheet_id, NATION_SHEET, printable(sheets)?)
    }

    /// Typesets `template` over `data`. Anything a template can pass in
    /// reaches it only as the JSON file, never as markup.
    fn typeset(
        &self,
        id: FileId,
        template: &str,
        data: Vec<u8>,
    ) -> Result<TypesetReport, ReportError> {
        let world = ReportWorld {
            engine: self,
            template: Source::new(id, template.to_string()),
            data: Bytes::new(data),
        };
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|errors| typesetting_error(&errors));
        // typst memoises across runs; drop what has not been used lately so
        // a long session of printing does not grow without bound.
        typst::comemo::evict(10);
        Ok(TypesetReport {
            document: document?,
        })
    }
}

/// The data a template reads, with every long word given places to break
/// (see `long_words`), so no text is too long to print.
fn printable(data: &impl serde::Serialize) -> Result<Vec<u8>, ReportError> {
    let mut value = serde_json::to_value(data)?;
    breakable_strings(&mut value);
    Ok(serde_json::to_vec(&value)?)
}

/// Every typeset document passes here: none leaves with a marking that
/// could be lower than what it includes.
fn refuse_unless_clear(refusals: &[String]) -> Result<(), ReportError> {
    if refusals.is_empty() {
        Ok(())
    } else {
        Err(ReportError::Refused(refusals.to_vec()))
    }
}

fn file_id(path: &str) -> Result<FileId, ReportError> {
    let vpath = VirtualPath::new(path)
        .map_err(|error| ReportError::Typesetting(format!("{error:?}: {path}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}
