//! The typeset pages the print preview shows: the same pages the PDF is
//! written from, drawn as pixels that are not blank.

use coalition_desk::model::MeetingId;
use coalition_desk::report::{self, PrintEngine, SummaryOptions};
use coalition_desk::sample;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

#[test]
fn the_sample_summary_draws_as_many_pages_as_its_pdf_has_and_they_show_ink() {
    let register = sample::register().unwrap();
    let summary = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let engine = PrintEngine::new().unwrap();
    let typeset = engine.meeting_summary(&summary).unwrap();

    let pdf = typeset.pdf().unwrap();
    let in_pdf = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    assert!(in_pdf >= 2, "the sample summary runs over {in_pdf} page(s)");
    assert_eq!(typeset.page_count(), in_pdf);
    assert_eq!(typeset.page_sizes().len(), in_pdf);
    // The PDF written straight from the summary is the same document.
    assert_eq!(
        engine.meeting_summary_pdf(&summary).unwrap().len(),
        pdf.len()
    );

    // Low resolution keeps the test quick: half a pixel per point.
    for index in [0, in_pdf - 1] {
        let page = typeset.page_pixels(index, 0.5).unwrap();
        let [width, height] = typeset.page_sizes()[index];
        assert_eq!(page.width, (width * 0.5).round() as u32);
        assert_eq!(page.height, (height * 0.5).round() as u32);
        assert_eq!(page.rgba.len(), (page.width * page.height * 4) as usize);
        let inked = page
            .rgba
            .chunks_exact(4)
            .filter(|pixel| pixel[..3].iter().any(|&c| c < 128))
            .count();
        assert!(inked > 200, "page {} has {inked} dark pixels", index + 1);
        assert!(
            page.rgba.chunks_exact(4).all(|pixel| pixel[3] == 255),
            "the paper is opaque"
        );
    }
    assert!(
        typeset.page_pixels(in_pdf, 0.5).is_none(),
        "no page past the last"
    );
}

#[test]
fn a_refused_summary_has_no_pages() {
    let mut register = sample::register().unwrap();
    register.meetings.get_mut(&SAMPLE_MEETING).unwrap().marking = "OFFICIAL-SENSITVE".into();
    let summary = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let engine = PrintEngine::new().unwrap();
    assert!(matches!(
        engine.meeting_summary(&summary),
        Err(report::ReportError::Refused(_))
    ));
}
