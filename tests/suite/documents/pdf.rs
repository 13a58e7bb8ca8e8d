//! The three documents typeset and read back with lopdf: the marking at
//! the top and bottom and "Page x of y" on every page, the document's own
//! reference in every footer, editions, and no sheet showing another
//! participant's records.

use coalition_desk::model::Register;
use coalition_desk::report::{
    DocumentOptions, PrintEngine, meeting_pack, nation_sheets, since_report,
};

use super::fixture::*;
use crate::report_pdf::{pages, squash};

fn official() -> DocumentOptions {
    DocumentOptions {
        edition: Some("OFFICIAL".into()),
        ..DocumentOptions::default()
    }
}

/// Every page carries the marking twice (header and footer), its own
/// "Page x of y" and the reference.
fn assert_every_page(pages: &[String], marking: &str, reference: &str) {
    let total = pages.len();
    assert!(total > 0);
    for (i, page) in pages.iter().enumerate() {
        let marking = squash(marking);
        assert!(
            page.matches(&marking).count() >= 2,
            "page {} lacks the marking {marking} at top and bottom: {page}",
            i + 1
        );
        let numbered = format!("Page{}of{total}", i + 1);
        assert!(page.contains(&numbered), "page {}: {page}", i + 1);
        assert!(page.contains(&squash(reference)), "page {}: {page}", i + 1);
    }
}

/// A register whose pack runs over several pages: many delegations.
fn long_register() -> Register {
    let mut r = register();
    for n in 0..60u64 {
        let id = coalition_desk::model::ParticipantId(100 + n);
        r.participants.insert(
            id,
            coalition_desk::model::Participant {
                name: format!("Nation {n:02}"),
                code: format!("N{n:02}"),
                ..Default::default()
            },
        );
        r.meetings.get_mut(&PLANNED).unwrap().attendance.insert(
            id,
            coalition_desk::model::Attendance {
                status: coalition_desk::model::AttendanceStatus::Invited,
                ..Default::default()
            },
        );
    }
    r.next_id = 200;
    r
}

#[test]
fn the_pack_marks_numbers_and_references_every_page() {
    let r = long_register();
    let engine = PrintEngine::new().unwrap();
    let pack = meeting_pack(&r, PLANNED, &DocumentOptions::default(), today()).unwrap();
    let typeset = engine.meeting_pack(&pack).unwrap();
    assert!(typeset.page_count() > 1, "the test wants several pages");
    let pages = pages(&typeset.pdf().unwrap());
    assert_every_page(&pages, "SECRET", "CoW/DM/2026/05/PACK");
    let all = pages.concat();
    assert!(all.contains(&squash("For decision")), "{all}");
    assert!(all.contains(&squash("Target list agreed")));
    assert!(all.contains("OVERDUE"));
    assert!(all.contains(&squash("Thursday 2 July 2026")));
}

#[test]
fn the_official_pack_prints_nothing_marked_above_it() {
    let r = register();
    let engine = PrintEngine::new().unwrap();
    let pack = meeting_pack(&r, PLANNED, &official(), today()).unwrap();
    let pages = pages(&engine.meeting_pack(&pack).unwrap().pdf().unwrap());
    assert_every_page(&pages, "OFFICIAL", "CoW/DM/2026/05/PACK");
    let all = pages.concat();
    for secret in [
        "SECRET",
        "Targeting",
        "Target list agreed",
        "Brief on the target list",
        "Long-range drones",
    ] {
        assert!(!all.contains(&squash(secret)), "{secret} printed: {all}");
    }
    assert!(all.contains(&squash("OFFICIAL edition")));
}

#[test]
fn the_since_report_marks_numbers_and_references_every_page() {
    let r = register();
    let engine = PrintEngine::new().unwrap();
    let report = since_report(&r, PLANNED, &DocumentOptions::default(), today()).unwrap();
    let pages = pages(&engine.since_report(&report).unwrap().pdf().unwrap());
    assert_every_page(&pages, "SECRET", "CoW/DM/2026/05/SINCE");
    let all = pages.concat();
    assert!(all.contains(&squash("+EUR 50,000,000.00")), "{all}");
    let official = since_report(&r, PLANNED, &official(), today()).unwrap();
    let pages = crate::report_pdf::pages(&engine.since_report(&official).unwrap().pdf().unwrap());
    assert_every_page(&pages, "OFFICIAL", "CoW/DM/2026/05/SINCE");
    assert!(!pages.concat().contains(&squash("Long-range drones")));
}

#[test]
fn each_sheet_starts_a_page_and_shows_only_its_own_participant() {
    let r = register();
    let engine = PrintEngine::new().unwrap();
    let everyone = r.participants_by_name();
    let doc = nation_sheets(&r, &everyone, &DocumentOptions::default(), today()).unwrap();
    let pages = pages(&engine.nation_sheets(&doc).unwrap().pdf().unwrap());
    assert_every_page(&pages, "SECRET", "CoW/NS/2026/ALL");
    // The page that opens France's sheet holds nothing of the United Kingdom's.
    let france = pages
        .iter()
        .find(|p| p.contains(&squash("France (FRA)")) && p.contains(&squash("Points to raise")))
        .expect("France's sheet");
    assert!(france.contains(&squash(FRA_POINTS)));
    assert!(!france.contains(&squash(GBR_POINTS)), "{france}");
    assert!(!france.contains(&squash("Long-range drones")), "{france}");

    // France's own sheet never shows the UK's points or SECRET pledge.
    let one = nation_sheets(&r, &[FRA], &DocumentOptions::default(), today()).unwrap();
    let pages = crate::report_pdf::pages(&engine.nation_sheets(&one).unwrap().pdf().unwrap());
    assert_every_page(&pages, "OFFICIAL", "CoW/NS/2026/FRA");
    let all = pages.concat();
    assert!(!all.contains(&squash(GBR_POINTS)) && !all.contains(&squash("Long-range drones")));
}

#[test]
fn the_official_sheet_omits_points_marked_above_it() {
    let r = register();
    let engine = PrintEngine::new().unwrap();
    let doc = nation_sheets(&r, &[GBR], &official(), today()).unwrap();
    let pages = pages(&engine.nation_sheets(&doc).unwrap().pdf().unwrap());
    assert_every_page(&pages, "OFFICIAL", "CoW/NS/2026/GBR");
    let all = pages.concat();
    assert!(!all.contains(&squash(GBR_POINTS)), "{all}");
    assert!(!all.contains("SECRET"), "{all}");
}

#[test]
fn text_from_the_register_prints_as_text_never_as_markup() {
    let mut r = register();
    r.participants.get_mut(&FRA).unwrap().points_to_raise =
        "#set page(width: 1pt) *not bold* $x$".into();
    let engine = PrintEngine::new().unwrap();
    let doc = nation_sheets(&r, &[FRA], &DocumentOptions::default(), today()).unwrap();
    let pages = pages(&engine.nation_sheets(&doc).unwrap().pdf().unwrap());
    assert!(
        pages
            .concat()
            .contains(&squash("#set page(width: 1pt) *not bold* $x$"))
    );
}
