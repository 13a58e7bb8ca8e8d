//! Editions releasable at a level: the parts of a record marked higher are
//! left out and counted, the page carries the highest marking of what is
//! left, and a part's unknown marking refuses every edition.

use coalition_desk::model::{
    ActionItem, AgendaItem, CommitmentId, Decision, Field, Record, Register,
};
use coalition_desk::report::{self, Clearance, Edition, PrintEngine, SummaryOptions};

use crate::common::{MINISTERS, date, register, today};
use crate::report_pdf::pages;

const MISSILES: CommitmentId = CommitmentId(20);
const SENSITIVE: &str = "OFFICIAL-SENSITIVE";

fn edition(level: &str) -> SummaryOptions {
    SummaryOptions {
        edition: Some(level.into()),
        include_restricted: true,
        ..SummaryOptions::default()
    }
}

/// The common register's meeting (OFFICIAL) with a part of each kind,
/// some of them marked higher.
fn marked_register() -> Register {
    let mut r = register();
    r.commitments.get_mut(&MISSILES).unwrap().marking = SENSITIVE.into();
    let meeting = r.meetings.get_mut(&MINISTERS).unwrap();
    meeting.agenda = vec![
        AgendaItem {
            title: "Air defence".into(),
            ..AgendaItem::default()
        },
        AgendaItem {
            title: "Targeting cell".into(),
            marking: Some("SECRET".into()),
            ..AgendaItem::default()
        },
    ];
    meeting.decisions = vec![
        Decision {
            text: "Continue to meet regularly.".into(),
            marking: Some("OFFICIAL".into()),
        },
        Decision {
            text: "Pool the interceptor stocks.".into(),
            marking: Some(SENSITIVE.into()),
        },
    ];
    meeting.actions = vec![ActionItem {
        text: "Circulate the statement".into(),
        ..ActionItem::default()
    }];
    meeting.restricted_notes = "Figures given orally".into();
    meeting.restricted_marking = Some(SENSITIVE.into());
    r
}

#[test]
fn an_edition_keeps_nothing_above_its_level_counts_the_rest_and_marks_the_highest_kept() {
    let r = register();
    let items = [
        ("a", "OFFICIAL"),
        ("b", "SECRET"),
        ("c", SENSITIVE),
        ("d", "OFFICIAL"),
        ("e", "NOT A LEVEL"),
    ];
    let mut sensitive = Edition::of_meeting(&r, MINISTERS, Some(SENSITIVE)).unwrap();
    assert_eq!(sensitive.keep(items), ["a", "c", "d"]);
    assert_eq!(sensitive.omitted(), 2, "SECRET and the unrankable one");
    assert_eq!(sensitive.marking(), SENSITIVE);
    assert_eq!(
        sensitive.name().as_deref(),
        Some("OFFICIAL-SENSITIVE edition")
    );

    let mut official = Edition::of_meeting(&r, MINISTERS, Some("OFFICIAL")).unwrap();
    assert_eq!(official.keep(items), ["a", "d"]);
    assert_eq!(official.omitted(), 3);
    assert_eq!(official.marking(), "OFFICIAL");
    assert_eq!(
        official.omitted_note().as_deref(),
        Some("3 items are omitted from this edition.")
    );

    let mut full = Edition::of_meeting(&r, MINISTERS, None).unwrap();
    assert_eq!(full.keep(items).len(), 5);
    assert_eq!(full.omitted(), 0);
    assert_eq!(full.name(), None);
    assert_eq!(full.omitted_note(), None);
}

#[test]
fn the_official_edition_of_a_summary_leaves_out_every_part_marked_higher() {
    let r = marked_register();
    let full =
        report::meeting_summary(&r, MINISTERS, &edition("SECRET"), crate::common::today()).unwrap();
    assert_eq!(full.marking, "SECRET");
    assert_eq!(
        full.omitted.as_deref(),
        Some("No item is omitted from this edition.")
    );

    let official =
        report::meeting_summary(&r, MINISTERS, &edition("OFFICIAL"), crate::common::today())
            .unwrap();
    assert_eq!(official.marking, "OFFICIAL");
    assert_eq!(official.edition.as_deref(), Some("OFFICIAL edition"));
    // The missiles, agenda item 2, decision 2 and the restricted notes.
    assert_eq!(
        official.omitted.as_deref(),
        Some("4 items are omitted from this edition.")
    );
    let agenda: Vec<_> = official
        .agenda
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    assert_eq!(agenda, ["Air defence"]);
    assert_eq!(official.decisions.unwrap(), ["Continue to meet regularly."]);
    assert_eq!(
        official.actions.unwrap().len(),
        1,
        "the action is the meeting's OFFICIAL"
    );
    assert_eq!(official.restricted_notes, None);
    let commitments = official.commitments.unwrap();
    assert!(
        commitments
            .iter()
            .all(|c| c.title != "Air defence missiles")
    );
    assert_eq!(commitments.len(), 3);
    // An omitted commitment's money is not in the firm totals either.
    assert!(
        official
            .firm_totals
            .unwrap()
            .iter()
            .all(|t| !t.text.contains("1,600,000,000"))
    );

    let sensitive =
        report::meeting_summary(&r, MINISTERS, &edition(SENSITIVE), crate::common::today())
            .unwrap();
    assert_eq!(sensitive.marking, SENSITIVE, "the highest of what is left");
    assert_eq!(
        sensitive.omitted.as_deref(),
        Some("1 item is omitted from this edition.")
    );
}

#[test]
fn a_section_left_out_is_not_counted_as_omitted() {
    let r = marked_register();
    let options = SummaryOptions {
        agenda: false,
        decisions: false,
        commitments: false,
        include_restricted: false,
        ..edition("OFFICIAL")
    };
    let summary = report::meeting_summary(&r, MINISTERS, &options, crate::common::today()).unwrap();
    assert_eq!(
        summary.omitted.as_deref(),
        Some("No item is omitted from this edition.")
    );
}

#[test]
fn the_full_edition_carries_the_highest_marking_of_its_parts() {
    let r = marked_register();
    let full = report::meeting_summary(
        &r,
        MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    assert_eq!(full.marking, "SECRET", "agenda item 2 is SECRET");
    assert_eq!(full.edition, None);
    assert_eq!(full.omitted, None);
    assert_eq!(full.agenda.unwrap().len(), 2);
}

#[test]
fn an_unknown_level_or_one_below_the_meeting_is_refused_in_a_sentence() {
    let r = marked_register();
    let unknown =
        report::meeting_summary(&r, MINISTERS, &edition("PUBLIC"), crate::common::today())
            .unwrap_err()
            .to_string();
    assert_eq!(
        unknown,
        "\u{201c}PUBLIC\u{201d} is not one of the register's marking levels (OFFICIAL, \
         OFFICIAL-SENSITIVE, SECRET), so there is no edition releasable at it"
    );
    let mut r = r;
    r.meetings.get_mut(&MINISTERS).unwrap().marking = SENSITIVE.into();
    let below =
        report::meeting_summary(&r, MINISTERS, &edition("OFFICIAL"), crate::common::today())
            .unwrap_err()
            .to_string();
    assert_eq!(
        below,
        "The meeting \u{201c}Defence ministers\u{201d} (2025-04-10) is itself marked \
         OFFICIAL-SENSITIVE, so it has no edition releasable at OFFICIAL: choose one of \
         OFFICIAL-SENSITIVE, SECRET"
    );
    r.meetings.get_mut(&MINISTERS).unwrap().marking = "OFFICAL".into();
    let unrankable =
        report::meeting_summary(&r, MINISTERS, &edition("SECRET"), crate::common::today())
            .unwrap_err()
            .to_string();
    assert_eq!(
        unrankable,
        "The meeting \u{201c}Defence ministers\u{201d} (2025-04-10) is marked \u{201c}OFFICAL\u{201d}, \
         which is not one of the register's levels, so it has no edition releasable at SECRET"
    );
}

#[test]
fn an_unknown_marking_on_a_part_refuses_every_edition_and_check_points_at_it() {
    let mut r = marked_register();
    r.meetings.get_mut(&MINISTERS).unwrap().decisions[1].marking = Some("SECERT".into());
    let refusal = "The meeting \u{201c}Defence ministers\u{201d} (2025-04-10): decision 2 is \
                   marked \u{201c}SECERT\u{201d}, which is not one of the register's levels \
                   (OFFICIAL, OFFICIAL-SENSITIVE, SECRET), so the document's marking cannot \
                   be worked out";
    for options in [SummaryOptions::default(), edition("OFFICIAL")] {
        let summary =
            report::meeting_summary(&r, MINISTERS, &options, crate::common::today()).unwrap();
        assert_eq!(summary.refusals, [refusal]);
        let clearance = Clearance::of(&r, &summary.includes, today());
        assert_eq!(clearance.refusals, [refusal]);
        assert!(
            PrintEngine::new()
                .unwrap()
                .meeting_summary_pdf(&summary)
                .is_err()
        );
    }
    let problems = r.meeting_problems_of(MINISTERS, date(2025, 6, 1));
    let at_decision: Vec<_> = problems
        .iter()
        .filter(|p| p.field == Some(Field::Decision(1)))
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        at_decision,
        [
            "The meeting \u{201c}Defence ministers\u{201d} (2025-04-10): decision 2 is marked \
          \"SECERT\", which is not one of the register's marking levels"
        ]
    );
    assert_eq!(problems[0].record, Some(Record::Meeting(MINISTERS)));
}

#[test]
fn the_official_pdf_has_neither_the_sensitive_commitment_nor_its_marking() {
    let mut r = register();
    r.commitments.get_mut(&MISSILES).unwrap().marking = SENSITIVE.into();
    let summary =
        report::meeting_summary(&r, MINISTERS, &edition("OFFICIAL"), crate::common::today())
            .unwrap();
    let pdf = PrintEngine::new()
        .unwrap()
        .meeting_summary_pdf(&summary)
        .unwrap();
    let all = pages(&pdf).concat();
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    assert!(
        all.contains(&squash("Demining teams")),
        "the rest is printed"
    );
    assert!(!all.contains(&squash("Air defence missiles")));
    assert!(!all.contains(SENSITIVE));
    assert!(all.contains(&squash("OFFICIAL edition")));
    assert!(all.contains(&squash("1 item is omitted from this edition.")));

    // The full edition of the same meeting prints both.
    let full = report::meeting_summary(
        &r,
        MINISTERS,
        &SummaryOptions::default(),
        crate::common::today(),
    )
    .unwrap();
    let all = pages(
        &PrintEngine::new()
            .unwrap()
            .meeting_summary_pdf(&full)
            .unwrap(),
    )
    .concat();
    assert!(all.contains(&squash("Air defence missiles")));
    assert!(all.contains(SENSITIVE));
    assert!(!all.contains("edition"));
}
