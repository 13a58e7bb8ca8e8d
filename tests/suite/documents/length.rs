//! A nation sheet keeps to one or two pages, as a delegation's brief
//! should, however much the participant owes: every sheet of the
//! generated 2,000-meeting / 100,000-commitment register and of the
//! sample, typeset as one document and read back page by page.

use coalition_desk::generate::{self, GenerateOptions};
use coalition_desk::model::Register;
use coalition_desk::report::{DocumentOptions, MOST_ON_A_SHEET, PrintEngine, nation_sheets};
use coalition_desk::sample;

use crate::report_pdf::{pages, squash};

/// Each participant's code with the pages its sheet runs to, read from
/// the PDF of all the sheets in one document: a sheet starts on the page
/// that says "This sheet:" and runs until the next one does.
fn sheet_lengths(register: &Register, today: chrono::NaiveDate) -> Vec<(String, usize)> {
    let everyone = register.participants_by_name();
    let doc = nation_sheets(register, &everyone, &DocumentOptions::default(), today).unwrap();
    let pdf = PrintEngine::new()
        .unwrap()
        .nation_sheets(&doc)
        .unwrap()
        .pdf()
        .unwrap();
    let start = squash("This sheet:");
    let mut lengths: Vec<usize> = Vec::new();
    for page in pages(&pdf) {
        if page.contains(&start) {
            lengths.push(1);
        } else if let Some(last) = lengths.last_mut() {
            *last += 1;
        }
    }
    assert_eq!(lengths.len(), doc.sheets.len(), "every sheet starts a page");
    doc.sheets
        .iter()
        .map(|s| s.code.clone())
        .zip(lengths)
        .collect()
}

#[test]
fn every_sheet_of_the_generated_register_fits_on_two_pages() {
    let register = generate::register(GenerateOptions {
        meetings: 2_000,
        commitments: 100_000,
        seed: 1,
    });
    let today = generate::fixed_now();
    // The register owes enough that the sheets' lists are full: the test
    // is of the longest sheets the cuts allow.
    let everyone = register.participants_by_name();
    let doc = nation_sheets(&register, &everyone, &DocumentOptions::default(), today).unwrap();
    assert!(doc.sheets.iter().any(|s| {
        s.overdue.entries.len() == MOST_ON_A_SHEET
            && s.due_soon.entries.len() == MOST_ON_A_SHEET
            && s.overdue.more.is_some()
    }));
    let lengths = sheet_lengths(&register, today);
    assert_eq!(lengths.len(), 60);
    let long: Vec<_> = lengths.iter().filter(|(_, pages)| *pages > 2).collect();
    assert!(long.is_empty(), "sheets over two pages: {long:?}");
}

#[test]
fn every_sheet_of_the_sample_fits_on_two_pages() {
    let register = sample::register().unwrap();
    let lengths = sheet_lengths(&register, crate::common::today());
    assert_eq!(lengths.len(), register.participants.len());
    let long: Vec<_> = lengths.iter().filter(|(_, pages)| *pages > 2).collect();
    assert!(long.is_empty(), "sheets over two pages: {long:?}");
}
