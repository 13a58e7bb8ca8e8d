//! Document references: built from the register's pattern, shown under
//! the title and in every page footer beside "Page x of y" with the issue
//! date, and refused printing when the pattern cannot be read.

use coalition_desk::model::{MeetingId, Register, SeriesId};
use coalition_desk::report::{self, Clearance, PrintEngine, ReportError, SummaryOptions};
use coalition_desk::sample;

use crate::common::{date, today};
use crate::report_pdf::pages;

const SAMPLE_MEETING: MeetingId = MeetingId(11);

fn numbered_sample(number: u32) -> Register {
    let mut register = sample::register().unwrap();
    register.meetings.get_mut(&SAMPLE_MEETING).unwrap().number = Some(number);
    register
}

#[test]
fn a_session_of_a_series_gets_the_registers_reference() {
    let register = numbered_sample(4);
    assert_eq!(
        register.meeting_reference(SAMPLE_MEETING, None),
        Some(Ok("CoW/DM/2025/04".into()))
    );
    assert_eq!(
        register.meeting_reference(SAMPLE_MEETING, Some(1)),
        Some(Ok("CoW/DM/2025/04 REV 1".into()))
    );
    assert_eq!(register.meeting_reference(MeetingId(999), None), None);
    assert_eq!(
        register.attendance_reference(SeriesId(9), date(2026, 12, 1)),
        Some(Ok("CoW/DM/2026/ATT".into()))
    );
}

#[test]
fn a_one_off_meeting_leaves_out_the_series_and_takes_its_month_and_day() {
    let mut register = numbered_sample(4);
    let meeting = register.meetings.get_mut(&SAMPLE_MEETING).unwrap();
    meeting.series = None;
    meeting.number = None;
    assert_eq!(
        register.meeting_reference(SAMPLE_MEETING, None),
        Some(Ok("CoW/2025/04-10".into()))
    );
}

#[test]
fn the_reference_and_issue_date_are_on_every_page() {
    let register = numbered_sample(4);
    let issued = date(2026, 12, 1);
    let summary = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        issued,
    )
    .unwrap();
    assert_eq!(summary.reference, "CoW/DM/2025/04");
    assert_eq!(summary.issued, "1 December 2026");
    let pages = pages(
        &PrintEngine::new()
            .unwrap()
            .meeting_summary_pdf(&summary)
            .unwrap(),
    );
    assert!(pages.len() >= 2, "the statement runs over a page");
    let total = pages.len();
    for (i, page) in pages.iter().enumerate() {
        // Footer: the issue date, the marking, then the reference beside
        // the page number (page text comes back without spaces).
        let footer = format!(
            "Issued1December2026OFFICIAL-SENSITIVECoW/DM/2025/04Page{}of{total}",
            i + 1
        );
        assert!(
            page.ends_with(&footer),
            "page {} ends with its footer: {page}",
            i + 1
        );
    }
    // Under the title, on the first page only.
    // (The record's standing, "Draft", comes between the title and it.)
    assert!(pages[0].contains("—DefenceministersDraft"));
    assert!(pages[0].contains("DraftReferenceCoW/DM/2025/04Issued1December2026"));
    assert!(
        !pages[1].contains("ReferenceCoW"),
        "the line under the title is not repeated"
    );
}

#[test]
fn the_attendance_record_carries_its_reference() {
    let register = sample::register().unwrap();
    let record = report::attendance_record(&register, SeriesId(9), today()).unwrap();
    assert_eq!(record.reference, "CoW/DM/2025/ATT");
    let pages = pages(&PrintEngine::new().unwrap().attendance_pdf(&record).unwrap());
    for page in &pages {
        assert!(page.contains("CoW/DM/2025/ATTPage1of1"), "{page}");
        assert!(page.contains("Issued1June2025"), "{page}");
    }
}

#[test]
#[expect(
    clippy::literal_string_with_formatting_args,
    reason = "the message quotes the pattern's placeholders"
)]
fn a_pattern_that_cannot_be_read_refuses_the_document() {
    let mut register = numbered_sample(4);
    register.reference_pattern = "{coalition}/{sereis}/{number}".into();
    let summary = report::meeting_summary(
        &register,
        SAMPLE_MEETING,
        &SummaryOptions::default(),
        today(),
    )
    .unwrap();
    let expected = "The reference pattern \"{coalition}/{sereis}/{number}\" has an unknown placeholder {sereis}: use {coalition}, {series}, {year} or {number} (or {number:02} for two digits)";
    assert_eq!(summary.refusals, vec![expected.to_string()]);
    let clearance = Clearance::of(&register, &summary.includes, today());
    assert_eq!(clearance.refusals, vec![expected.to_string()]);
    assert!(matches!(
        PrintEngine::new().unwrap().meeting_summary_pdf(&summary),
        Err(ReportError::Refused(_))
    ));
    // `check` says the same.
    assert!(
        register
            .validate(today())
            .iter()
            .any(|p| p.message == expected)
    );
}
