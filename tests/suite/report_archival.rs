//! Printed documents are archival (PDF/A-2a) and accessible (PDF/UA-1):
//! read back with lopdf, the PDF declares both in its XMP metadata, is
//! tagged, and carries the document's title, language and reference.

use coalition_desk::model::MeetingId;
use coalition_desk::report::{self, PrintEngine, SummaryOptions};
use coalition_desk::sample;

use crate::common::today;

/// What the archive reads first: the document information, the catalog's
/// language and tagging, and the XMP packet.
struct Metadata {
    title: String,
    keywords: String,
    language: String,
    marked: bool,
    has_structure: bool,
    xmp: String,
}

fn metadata(pdf: &[u8]) -> Metadata {
    let document = lopdf::Document::load_mem(pdf).unwrap();
    let info_id = document
        .trailer
        .get(b"Info")
        .unwrap()
        .as_reference()
        .unwrap();
    let info = document.get_dictionary(info_id).unwrap();
    let text = |key: &[u8]| lopdf::decode_text_string(info.get(key).unwrap()).unwrap();
    let catalog = document.catalog().unwrap();
    let marked = catalog
        .get_deref(b"MarkInfo", &document)
        .and_then(|o| o.as_dict())
        .and_then(|d| d.get(b"Marked"))
        .and_then(|o| o.as_bool())
        .unwrap_or(false);
    let xmp = catalog
        .get_deref(b"Metadata", &document)
        .unwrap()
        .as_stream()
        .unwrap();
    // PDF/A wants the XMP readable without filters; accept either.
    let xmp = xmp
        .decompressed_content()
        .unwrap_or_else(|_| xmp.content.clone());
    Metadata {
        title: text(b"Title"),
        keywords: text(b"Keywords"),
        language: lopdf::decode_text_string(catalog.get(b"Lang").unwrap()).unwrap(),
        marked,
        has_structure: catalog.get(b"StructTreeRoot").is_ok(),
        xmp: String::from_utf8(xmp).unwrap(),
    }
}

/// The value of one XMP property, whether written as an attribute
/// (`pdfaid:part="2"`) or as an element (`<pdfaid:part>2</pdfaid:part>`).
fn xmp_value(xmp: &str, property: &str) -> Option<String> {
    if let Some(at) = xmp.find(&format!("{property}=\"")) {
        let rest = &xmp[at + property.len() + 2..];
        return rest.split('"').next().map(str::to_string);
    }
    let at = xmp.find(&format!("<{property}>"))?;
    let rest = &xmp[at + property.len() + 2..];
    rest.split('<').next().map(str::to_string)
}

fn assert_archival_and_accessible(meta: &Metadata) {
    assert_eq!(xmp_value(&meta.xmp, "pdfaid:part").as_deref(), Some("2"));
    assert_eq!(
        xmp_value(&meta.xmp, "pdfaid:conformance").as_deref(),
        Some("A"),
        "PDF/A-2a, not only -2b"
    );
    assert_eq!(xmp_value(&meta.xmp, "pdfuaid:part").as_deref(), Some("1"));
    assert_eq!(meta.language, "en");
    assert!(meta.marked, "a tagged PDF says so in MarkInfo");
    assert!(meta.has_structure, "a tagged PDF has a structure tree");
}

#[test]
fn summary_is_pdf_a_2a_and_pdf_ua_1_with_title_language_and_reference() {
    let mut register = sample::register().unwrap();
    if let Some(meeting) = register.meetings.get_mut(&MeetingId(11)) {
        meeting.number = Some(4);
    }
    let summary = report::meeting_summary(
        &register,
        MeetingId(11),
        &SummaryOptions::default(),
        today(),
    )
    .unwrap();
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    let meta = metadata(&pdf);
    assert_archival_and_accessible(&meta);
    assert_eq!(meta.title, "Coalition of the Willing — Defence ministers");
    assert_eq!(meta.keywords, "CoW/DM/2025/04");
    assert!(
        meta.xmp
            .contains("Coalition of the Willing — Defence ministers")
    );
    assert!(meta.xmp.contains("CoW/DM/2025/04"));
}

#[test]
fn attendance_record_is_pdf_a_2a_and_pdf_ua_1() {
    let register = sample::register().unwrap();
    let record =
        report::attendance_record(&register, coalition_desk::model::SeriesId(9), today()).unwrap();
    let pdf = PrintEngine::new().unwrap().attendance_pdf(&record).unwrap();
    let meta = metadata(&pdf);
    assert_archival_and_accessible(&meta);
    assert_eq!(meta.title, "Attendance record: Defence ministers");
    assert_eq!(meta.keywords, "CoW/DM/2025/ATT");
}

#[test]
fn an_untitled_meeting_is_named_by_its_date() {
    let mut register = sample::register().unwrap();
    register
        .meetings
        .get_mut(&MeetingId(11))
        .unwrap()
        .title
        .clear();
    let summary = report::meeting_summary(
        &register,
        MeetingId(11),
        &SummaryOptions::default(),
        today(),
    )
    .unwrap();
    // PDF/UA refuses an empty heading and a document without a title.
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    assert_eq!(metadata(&pdf).title, "Meeting of 10 April 2025");
}

#[test]
fn characters_no_bundled_font_has_refuse_the_pdf_and_are_named() {
    let mut register = sample::register().unwrap();
    register.meetings.get_mut(&MeetingId(11)).unwrap().location = "北京".into();
    let summary = report::meeting_summary(
        &register,
        MeetingId(11),
        &SummaryOptions::default(),
        today(),
    )
    .unwrap();
    let engine = PrintEngine::new().unwrap();
    match engine.meeting_summary_pdf(&summary) {
        Err(report::ReportError::Refused(reasons)) => assert_eq!(
            reasons,
            vec![
                "The text \u{201c}北京\u{201d} includes characters the bundled fonts cannot print \
                 (\u{201c}京\u{201d}, \u{201c}北\u{201d}), and an archival PDF cannot show them as \
                 empty boxes: write those words in Latin, Greek or Cyrillic letters in the \
                 register, then print again"
                    .to_string()
            ]
        ),
        other => panic!("expected a refusal, got {:?}", other.map(|pdf| pdf.len())),
    }
    // The preview still draws the pages, boxes and all, so the officer
    // sees where they are.
    assert!(engine.meeting_summary(&summary).unwrap().page_count() >= 2);
}
