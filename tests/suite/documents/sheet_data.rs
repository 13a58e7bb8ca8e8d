//! Nation sheets as data, on the small register.

use coalition_desk::report::{
    ActionDue, CommitmentDue, Delegate, DocumentOptions, GridCell, MoneyLine, SeriesAttendance,
    StageLine, nation_sheets,
};

use super::fixture::*;

#[test]
fn a_sheet_says_where_the_participant_stands() {
    let mut r = register();
    r.people.get_mut(&HEALEY).unwrap().roles[0].head_of_delegation = true;
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
                mark: "P".into(),
            }],
            summary: "1 of 1".into(),
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
    let titles: Vec<&str> = last
        .commitments
        .entries
        .iter()
        .map(|c| c.title.as_str())
        .collect();
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
    assert_eq!(sheet.attendance[0].summary, "0 of 1");
    assert_eq!(sheet.attendance[0].sessions[0].mark, "A");
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

/// A second official of the United Kingdom, who led its delegation at
/// the held session: sitting first is no office, so it never makes them
/// head of delegation.
fn with_a_deputy_leading_the_last_session() -> coalition_desk::model::Register {
    use coalition_desk::model::{Person, Role};
    let mut r = register();
    r.people.insert(
        DEPUTY,
        Person {
            name: "Luke Pollard".into(),
            roles: vec![Role {
                title: "Minister for Defence Readiness".into(),
                participant: GBR,
                from: Some(date(2024, 7, 9)),
                ..Role::default()
            }],
            ..Person::default()
        },
    );
    r.next_id = r.next_id.max(DEPUTY.0 + 1);
    r.meetings
        .get_mut(&HELD)
        .unwrap()
        .attendance
        .get_mut(&GBR)
        .unwrap()
        .delegates = vec![DEPUTY, HEALEY];
    r
}

const DEPUTY: coalition_desk::model::PersonId = coalition_desk::model::PersonId(30);

#[test]
fn the_head_of_delegation_is_whoever_holds_the_office_marked_as_heading_it() {
    let mut r = with_a_deputy_leading_the_last_session();
    let head = |r: &coalition_desk::model::Register| {
        nation_sheets(r, &[GBR], &DocumentOptions::default(), today())
            .unwrap()
            .sheets[0]
            .head_of_delegation
            .clone()
    };
    // No office is marked: the sheet says so rather than guessing.
    assert_eq!(head(&r), None);
    let sheet = &nation_sheets(&r, &[GBR], &DocumentOptions::default(), today())
        .unwrap()
        .sheets[0];
    let names: Vec<&str> = sheet
        .representatives
        .iter()
        .map(|d| d.name.as_str())
        .collect();
    assert_eq!(names, ["John Healey", "Luke Pollard"]);

    r.people.get_mut(&HEALEY).unwrap().roles[0].head_of_delegation = true;
    assert_eq!(
        head(&r),
        Some(Delegate {
            name: "John Healey".into(),
            title: "Defence Secretary".into(),
        })
    );

    // The office changes hands the day before the sheet is issued.
    let healey = r.people.get_mut(&HEALEY).unwrap();
    healey.roles[0].to = Some(date(2026, 5, 31));
    let deputy = r.people.get_mut(&DEPUTY).unwrap();
    deputy.roles.push(coalition_desk::model::Role {
        title: "Defence Secretary".into(),
        participant: GBR,
        from: Some(date(2026, 6, 1)),
        to: None,
        head_of_delegation: true,
    });
    assert_eq!(
        head(&r),
        Some(Delegate {
            name: "Luke Pollard".into(),
            title: "Defence Secretary".into(),
        })
    );
}

#[test]
fn a_long_list_stops_at_six_and_sends_the_reader_to_the_register() {
    use coalition_desk::model::{Commitment, CommitmentId, CommitmentStatus};
    let mut r = register();
    for n in 0..10u64 {
        r.commitments.insert(
            CommitmentId(100 + n),
            Commitment {
                participant: FRA,
                title: format!("Overdue batch {n}"),
                status: CommitmentStatus::Committed,
                due: Some(date(2026, 1, 1 + n as u32)),
                marking: "OFFICIAL".into(),
                ..Commitment::default()
            },
        );
    }
    r.next_id = r.next_id.max(200);
    let doc = nation_sheets(&r, &[FRA], &DocumentOptions::default(), today()).unwrap();
    let overdue = &doc.sheets[0].overdue;
    // France's own overdue demining and the ten, earliest due first.
    assert_eq!(
        overdue.entries.len(),
        coalition_desk::report::MOST_ON_A_SHEET
    );
    assert_eq!(overdue.entries[0].title, "Overdue batch 0");
    assert_eq!(
        overdue.more.as_deref(),
        Some("and 5 more \u{2014} see the register")
    );
}
