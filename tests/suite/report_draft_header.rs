//! A draft says so in words on every page: the running header carries the
//! record's standing ("Draft", "Draft, circulated", "Approved") beside the
//! page number, so a text tool or a screen reader reading page 2 finds it,
//! not only the DRAFT watermark drawn behind the text.

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit;
use coalition_desk::model::{Decision, MeetingId, MinutesMove, ParticipantId};
use coalition_desk::report::SummaryOptions;
use coalition_desk::sample;

use crate::report_pdf::summary_pdf;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The sample with enough decisions to run over three pages or more.
fn long_record() -> Document {
    let mut register = sample::register().unwrap();
    let meeting = register.meetings.get_mut(&SAMPLE_MEETING).unwrap();
    meeting.decisions.extend((1..=120).map(|n| Decision {
        text: format!("Decision number {n} of the coalition."),
        marking: None,
    }));
    Document::new(register, Origin::Untitled)
}

fn make(document: &mut Document, step: MinutesMove, on: NaiveDate) {
    // Each step is made on its own day, as the officer would.
    let edit = edit::move_minutes(document.register(), SAMPLE_MEETING, step, on, on).unwrap();
    document.apply(edit).unwrap();
}

/// Asserts that every page's header says `standing` just before its page
/// number (page text comes back without spaces).
fn every_header_says(document: &Document, standing: &str) {
    let pages = summary_pdf(
        document.register(),
        SAMPLE_MEETING,
        &SummaryOptions::default(),
    );
    let total = pages.len();
    assert!(total >= 3, "the long record runs over {total} pages");
    for (i, page) in pages.iter().enumerate() {
        let header = format!("OFFICIAL-SENSITIVE{standing}Page{}of{total}", i + 1);
        assert!(page.contains(&header), "page {}: {page}", i + 1);
    }
}

#[test]
fn every_page_of_a_draft_says_draft_in_its_header() {
    let mut document = long_record();
    every_header_says(&document, "Draft");

    make(
        &mut document,
        MinutesMove::Circulate {
            to: vec![ParticipantId(1), ParticipantId(2)],
            comments_due: date(2025, 4, 25),
        },
        date(2025, 4, 14),
    );
    every_header_says(&document, "Draft,circulated");

    make(
        &mut document,
        // By written procedure, once the comment period has ended.
        MinutesMove::Approve {
            at: None,
            by: "The defence ministers".into(),
        },
        date(2025, 5, 8),
    );
    every_header_says(&document, "Approved");

    make(
        &mut document,
        MinutesMove::Revise {
            reason: "The location was wrong".into(),
        },
        date(2025, 5, 20),
    );
    every_header_says(&document, "Draft·REV1");
}
