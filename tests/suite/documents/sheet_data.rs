//! Nation sheets as data, on the small register.

use coalition_desk::report::{
    ActionDue, CommitmentDue, Delegate, DocumentOptions, GridCell, MoneyLine, SeriesAttendance,
    StageLine, nation_sheets,
};

use super::fixture::*;

#[test]
fn a_sheet_says_where_the_participant_stands() {
    let r = register();
    let doc = nation_sheets(&r, &[GBR], &DocumentOptions::default(), today()).unwrap();
    assert_eq!(doc.head.reference, "CoW/NS/2026/GBR");
    assert_eq!(doc.head.title, "United Kingdom (GBR)");
    assert_eq!(doc.head.marking, "SECRET");
    let [sheet] = doc.sheets.as_slice() else {
        panic!("one sheet: {:?}", doc.sheets)
    };
    let healey = Delegate {
        name: "John Healey".into(),
        title: "Defence Secretary".into(),
    };
    assert_eq!(sheet.marking, "SECRET");
    assert_eq!(sheet.head_of_delegation, Some(healey.clone()));
    assert_eq!(sheet.representatives, [healey]);
    assert_eq!(
        sheet.attendance,
        [SeriesAttendance {
            series: "Defence ministers".into(),
            sessions: vec![GridCell {
                date: "7 May 2026".into(),
                number: Some(4),
                presence: "Present".into(),
            }],
            summary: "Took part in 1 of 1".into(),
        }]
    );
    assert_eq!(
        sheet.stages,
        [
            StageLine {
                stage: "Pledged".into(),
                count: 1,
                values: vec!["GBP 10,000,000.00".into()],
            },
            StageLine {
                stage: "In delivery".into(),
                count: 1,
                values: vec!["EUR 400,000,000.00".into()],
            },
        ]
    );
    assert_eq!(
        sheet.money,
        [
            MoneyLine {
                currency: "EUR".into(),
                pledged: "EUR 400,000,000.00".into(),
                firm: "EUR 400,000,000.00".into(),
                paid: "EUR 100,000,000.00".into(),
            },
            MoneyLine {
                currency: "GBP".into(),
                pledged: "GBP 10,000,000.00".into(),
                firm: "GBP 0.00".into(),
                paid: "GBP 0.00".into(),
            },
        ]
    );
    assert!(sheet.overdue.entries.is_empty());
    assert_eq!(
        sheet.due_soon.entries,
        [CommitmentDue {
            title: "Long-range drones".into(),
            status: "Pledged".into(),
            amount: "GBP 10,000,000.00".into(),
            progress: vec!["GBP 0.00 of 10,000,000.00 paid (0 %)".into()],
            due: "2 June 2026".into(),
            overdue: false,
        }]
    );
    assert_eq!(
        sheet.actions.entries,
        [ActionDue {
            text: "Circulate the procurement plan".into(),
            owner: Some("United Kingdom".into()),
            due: Some("20 May 2026".into()),
            overdue: true,
            raised_at: "No. 4 (7 May 2026)".into(),
        }]
    );
    let last = sheet.last_session.as_ref().unwrap();
    assert_eq!(last.session, "No. 4 (7 May 2026)");
    let titles: Vec<&str> = last.commitments.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Air defence missiles"]);
    assert_eq!(sheet.points_to_raise.as_deref(), Some(GBR_POINTS));
}

#[test]
fn an_edition_leaves_out_the_secret_pledge_and_points_marked_above_it() {
    let r = register();
    let options = DocumentOptions {
        edition: Some("OFFICIAL".into()),
        ..DocumentOptions::default()
    };
    let doc = nation_sheets(&r, &[GBR], &options, today()).unwrap();
    assert_eq!(doc.head.marking, "OFFICIAL");
    assert_eq!(
        doc.head.omitted.as_deref(),
        Some("2 items are omitted from this edition.")
    );
    let sheet = &doc.sheets[0];
    assert_eq!(sheet.points_to_raise, None);
    assert!(sheet.due_soon.entries.is_empty());
    assert_eq!(sheet.stages.len(), 1);
}

#[test]
fn a_sheet_shows_none_of_another_participants_records() {
    let r = register();
    let doc = nation_sheets(&r, &[FRA], &DocumentOptions::default(), today()).unwrap();
    let printed = serde_json::to_string(&doc).unwrap();
    for other in [
        GBR_POINTS,
        "Long-range drones",
        "Air defence missiles",
        "Circulate the procurement plan",
    ] {
        assert!(!printed.contains(other), "{other} in {printed}");
    }
    let sheet = &doc.sheets[0];
    assert_eq!(sheet.marking, "OFFICIAL");
    assert_eq!(sheet.points_to_raise.as_deref(), Some(FRA_POINTS));
    assert_eq!(sheet.overdue.entries.len(), 1);
    // France sent apologies to the only held session.
    assert_eq!(sheet.attendance[0].summary, "Took part in 0 of 1");
    assert_eq!(sheet.last_session, None);
}

#[test]
fn all_sheets_in_one_document_carry_the_highest_marking_in_the_registers_order() {
    let r = register();
    let everyone = r.participants_by_name();
    let doc = nation_sheets(&r, &everyone, &DocumentOptions::default(), today()).unwrap();
    assert_eq!(doc.head.reference, "CoW/NS/2026/ALL");
    assert_eq!(doc.head.marking, "SECRET");
    let codes: Vec<&str> = doc.sheets.iter().map(|s| s.code.as_str()).collect();
    // Nations first, then organisations, as every list of the register.
    assert_eq!(codes, ["FRA", "GBR", "NATO"]);
    let markings: Vec<&str> = doc.sheets.iter().map(|s| s.marking.as_str()).collect();
    assert_eq!(markings, ["OFFICIAL", "SECRET", "OFFICIAL"]);
}

#[test]
fn points_marked_at_an_unknown_level_refuse_the_sheet() {
    let mut r = register();
    r.participants.get_mut(&FRA).unwrap().points_marking = Some("NATO SECRET".into());
    let doc = nation_sheets(&r, &[FRA], &DocumentOptions::default(), today()).unwrap();
    assert_eq!(doc.refusals.len(), 1, "{:?}", doc.refusals);
    assert!(
        doc.refusals[0].contains("NATO SECRET"),
        "{:?}",
        doc.refusals
    );
}
