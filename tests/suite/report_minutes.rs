//! The printed record's standing, read back from the PDF: DRAFT across
//! every page until the record is approved and on none after, "REV n"
//! once revised, and the change log annex only when asked for.

use chrono::NaiveDate;
use coalition_desk::document::{Document, Origin};
use coalition_desk::edit::{self, Edit};
use coalition_desk::model::{Decision, MeetingId, MinutesMove, Register};
use coalition_desk::report::{self, SummaryOptions};
use coalition_desk::sample;

use crate::report_pdf::{squash, summary_pdf};

const SAMPLE_MEETING: MeetingId = MeetingId(11);

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The sample with enough decisions to run over several pages.
fn long_record() -> Document {
    let mut register = sample::register().unwrap();
    let meeting = register.meetings.get_mut(&SAMPLE_MEETING).unwrap();
    meeting.decisions.extend((1..=80).map(|n| Decision {
        text: format!("Decision number {n} of the coalition."),
        marking: None,
    }));
    Document::new(register, Origin::Untitled)
}

fn make(document: &mut Document, step: MinutesMove, on: NaiveDate) {
    let today = date(2025, 7, 1);
    let edit = edit::move_minutes(document.register(), SAMPLE_MEETING, step, on, today).unwrap();
    document.apply(edit).unwrap();
}

/// The sample has no later session, so its record is approved by written
/// procedure: circulated a week before `on`, agreed when comments were due.
fn approve(document: &mut Document, on: NaiveDate) {
    let circulate = MinutesMove::Circulate {
        to: document.register().participants.keys().copied().collect(),
        comments_due: on,
    };
    make(document, circulate, on - chrono::Days::new(7));
    let step = MinutesMove::Approve {
        at: None,
        by: "The defence ministers".into(),
    };
    make(document, step, on);
}

fn printed(register: &Register, options: &SummaryOptions) -> Vec<String> {
    summary_pdf(register, SAMPLE_MEETING, options)
}

#[test]
fn a_draft_says_draft_on_every_page_and_an_approved_record_on_none() {
    let mut document = long_record();
    let pages = printed(document.register(), &SummaryOptions::default());
    assert!(pages.len() >= 2, "the long record runs over pages");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains("DRAFT"), "watermark on page {}", i + 1);
    }
    assert!(pages[0].contains(&squash("Defence ministers Draft")));

    approve(&mut document, date(2025, 5, 8));
    let pages = printed(document.register(), &SummaryOptions::default());
    for (i, page) in pages.iter().enumerate() {
        assert!(!page.contains("DRAFT"), "no watermark on page {}", i + 1);
    }
    assert!(pages[0].contains(&squash(
        "Approved on 8 May 2025 by The defence ministers, by written procedure"
    )));
    assert!(!pages.concat().contains("REV"));
}

#[test]
fn a_revised_record_carries_rev_n_and_its_change_log_on_request() {
    let mut document = long_record();
    approve(&mut document, date(2025, 5, 8));
    make(
        &mut document,
        MinutesMove::Revise {
            reason: "The location was wrong".into(),
        },
        date(2025, 6, 2),
    );
    let mut meeting = document.register().meeting(SAMPLE_MEETING).unwrap().clone();
    meeting.location = "Lancaster House, London".into();
    document
        .apply(Edit::Meeting(SAMPLE_MEETING, Some(meeting)))
        .unwrap();

    // Drafting revision 1: a draft again, and it says which revision.
    let pages = printed(document.register(), &SummaryOptions::default());
    assert!(pages.iter().all(|page| page.contains("DRAFT")));
    assert!(pages[0].contains("REV1"));

    approve(&mut document, date(2025, 6, 12));
    let register = document.register();
    assert_eq!(report::minutes_revision(register, SAMPLE_MEETING), 1);
    let pages = printed(register, &SummaryOptions::default());
    assert!(pages.iter().all(|page| !page.contains("DRAFT")));
    assert!(pages[0].contains("REV1"));
    // Every page's footer names the revision in the reference beside the
    // page number (page text comes back without spaces).
    for (i, page) in pages.iter().enumerate() {
        let footer = format!("REV1Page{}of{}", i + 1, pages.len());
        assert!(page.contains(&footer), "page {}: {page}", i + 1);
    }
    assert!(!pages.concat().contains("Changelog"));

    let with_log = SummaryOptions {
        change_log: true,
        ..SummaryOptions::default()
    };
    let all = printed(register, &with_log).concat();
    assert!(all.contains(&squash("Annex: change log")));
    assert!(all.contains(&squash("REV 1 2 June 2025 The location was wrong Location")));
    assert!(all.contains(&squash("Lancaster House, London")));
}
