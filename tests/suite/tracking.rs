//! Commitment tracking in the core: workflow, partial delivery, overdue,
//! dashboard totals, since last session, search and CSV.

use std::str::FromStr;

use crate::common::{FRA, GBR, MINISTERS, NATO, date, register, today};
use coalition_desk::document::{Document, Origin};
use coalition_desk::model::{
    ActionItem, Commitment, CommitmentId, CommitmentStatus, Delivery, Meeting, MeetingId, Money,
    Quantity, Register, SeriesId, SessionSeries, StatusMove, WorkflowError,
};
use coalition_desk::tracking::{
    self, DashboardCache, SearchIndex, SearchTarget, dashboard_figures, since_last_session,
};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn step(to: CommitmentStatus, note: &str) -> StatusMove {
    StatusMove {
        to,
        date: date(2025, 5, 20),
        note: note.into(),
        meeting: Some(MINISTERS),
    }
}

#[test]
fn workflow_moves_forward_with_date_note_and_meeting() {
    let mut c = register().commitments[&CommitmentId(22)].clone();
    c.move_status(step(CommitmentStatus::Pledged, "")).unwrap();
    c.move_status(step(CommitmentStatus::Committed, "Signed"))
        .unwrap();
    assert_eq!(c.status, CommitmentStatus::Committed);
    let last = c.history.last().unwrap();
    assert_eq!(last.date, date(2025, 5, 20));
    assert_eq!(last.note, "Signed");
    assert_eq!(last.meeting, Some(MINISTERS));
    assert_eq!(c.history.len(), 3);
}

#[test]
fn moving_backwards_needs_a_reason() {
    let mut c = register().commitments[&CommitmentId(21)].clone();
    let refused = c.move_status(step(CommitmentStatus::Pledged, "  "));
    assert!(matches!(refused, Err(WorkflowError::ReasonRequired { .. })));
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    c.move_status(step(CommitmentStatus::Pledged, "Funding fell through"))
        .unwrap();
    assert_eq!(c.status, CommitmentStatus::Pledged);
    // Reinstating a withdrawn pledge is backwards too; withdrawing is not.
    assert!(CommitmentStatus::Withdrawn.is_backwards(CommitmentStatus::Pledged));
    assert!(!CommitmentStatus::Delivered.is_backwards(CommitmentStatus::Withdrawn));
    assert!(c.move_status(step(CommitmentStatus::Pledged, "x")).is_err());
    let mut early = step(CommitmentStatus::Committed, "");
    early.date = date(2025, 1, 1);
    assert!(matches!(
        c.move_status(early),
        Err(WorkflowError::BeforeLastStep { .. })
    ));
}

fn delivery(amount: &str) -> Delivery {
    Delivery {
        date: date(2025, 6, 1),
        amount: dec(amount),
        note: String::new(),
        meeting: None,
    }
}

#[test]
fn partial_delivery_counts_against_the_committed_quantity() {
    let mut c = register().commitments[&CommitmentId(20)].clone();
    // Pledged is not firm yet: nothing can be delivered.
    assert!(matches!(
        c.record_delivery(delivery("10")),
        Err(WorkflowError::NotFirm(_))
    ));
    c.move_status(step(CommitmentStatus::Committed, ""))
        .unwrap();
    c.record_delivery(delivery("1000")).unwrap();
    assert_eq!(c.status, CommitmentStatus::InDelivery);
    assert_eq!(c.delivered_so_far(), dec("1000"));
    assert_eq!(c.outstanding(), Some(dec("4000")));
    assert!(matches!(
        c.record_delivery(delivery("4000.5")),
        Err(WorkflowError::MoreThanCommitted { .. })
    ));
    assert!(matches!(
        c.record_delivery(delivery("0")),
        Err(WorkflowError::NotPositive)
    ));
    c.record_delivery(delivery("4000")).unwrap();
    assert_eq!(c.status, CommitmentStatus::Delivered);
    assert_eq!(c.outstanding(), Some(Decimal::ZERO));
    let mut without = register().commitments[&CommitmentId(21)].clone();
    assert_eq!(
        without.record_delivery(delivery("1")),
        Err(WorkflowError::NoQuantity)
    );
}

#[test]
fn validation_flags_more_delivered_than_committed() {
    let mut r = register();
    let c = r.commitments.get_mut(&CommitmentId(20)).unwrap();
    c.deliveries.push(delivery("6000"));
    let problems = r.validate(today());
    assert!(
        problems.iter().any(|p| p
            .message
            .contains("6000 delivered, more than the 5000 missiles")),
        "{problems:?}"
    );
}

#[test]
fn old_files_without_deliveries_still_load() {
    let text = coalition_desk::sample::SAMPLE_RON;
    assert!(!text.contains("deliveries"));
    let sample = coalition_desk::sample::register().unwrap();
    assert!(sample.commitments.values().all(|c| c.deliveries.is_empty()));
}

#[test]
fn overdue_and_due_soon() {
    let r = register();
    let demining = &r.commitments[&CommitmentId(21)];
    // Due 1 May, in delivery, today 1 June.
    assert!(demining.is_overdue(today()));
    assert!(!demining.is_overdue(date(2025, 5, 1)));
    let missiles = &r.commitments[&CommitmentId(20)];
    assert!(!missiles.is_due_within(today(), 30));
    assert!(missiles.is_due_within(today(), 213));
    // Withdrawn is not owed, so never overdue.
    assert!(!r.commitments[&CommitmentId(23)].is_overdue(today()));
}

#[test]
fn totals_keep_firm_apart_from_announced_per_currency() {
    let mut r = register();
    r.commitments.get_mut(&CommitmentId(22)).unwrap().value = Some(Money {
        amount: dec("10"),
        currency: "GBP".into(),
    });
    let figures = dashboard_figures(&r, today());
    // Firm: only the French demining (in delivery).
    assert_eq!(figures.overall.firm.count, 1);
    assert_eq!(figures.overall.firm.value["EUR"], dec("125000000.50"));
    // Announced: UK missiles (pledged, EUR) and drones (proposed, GBP);
    // the withdrawn NATO mission counts in neither.
    assert_eq!(figures.overall.announced.count, 2);
    assert_eq!(figures.overall.announced.value["EUR"], dec("1600000000"));
    assert_eq!(figures.overall.announced.value["GBP"], dec("10"));
    assert_eq!(figures.per_participant[&GBR].announced.count, 2);
    assert_eq!(figures.per_participant[&FRA].firm.count, 1);
    assert_eq!(figures.per_participant[&NATO].firm.count, 0);
    assert_eq!(figures.per_area["Demining"].firm.count, 1);
    assert_eq!(figures.per_status[&CommitmentStatus::Withdrawn].count, 1);
    assert_eq!(figures.area_by_status["Drones"], [1, 0, 0, 0, 0, 0]);
    assert_eq!(figures.overdue, 1);
    assert_eq!(figures.firm_over_time.len(), 1);
    assert_eq!(figures.firm_over_time[0].date, date(2025, 4, 10));
}

#[test]
fn dashboard_cache_recomputes_only_after_an_edit() {
    let mut doc = Document::new(register(), Origin::Untitled);
    let mut cache = DashboardCache::default();
    for _ in 0..3 {
        cache.figures(doc.register(), doc.revision(), today());
    }
    assert_eq!(cache.computations(), 1);
    let mut c = doc.register().commitments[&CommitmentId(22)].clone();
    c.move_status(step(CommitmentStatus::Committed, ""))
        .unwrap();
    doc.apply(coalition_desk::edit::Edit::Commitment(
        CommitmentId(22),
        Some(c),
    ));
    let firm = cache
        .figures(doc.register(), doc.revision(), today())
        .overall
        .firm
        .count;
    assert_eq!(firm, 2);
    assert_eq!(cache.computations(), 2);
}

/// Two sessions of one series, with things happening between them.
fn two_sessions() -> Register {
    let mut r = register();
    let series = SeriesId(40);
    r.series.insert(
        series,
        SessionSeries {
            name: "Defence ministers".into(),
            ..SessionSeries::default()
        },
    );
    let first = r.meetings.get_mut(&MINISTERS).unwrap();
    first.series = Some(series);
    first.actions.push(ActionItem {
        text: "Circulate the air defence plan".into(),
        owner: Some(GBR),
        due: Some(date(2025, 5, 1)),
        done: false,
    });
    first.actions.push(ActionItem {
        text: "Done already".into(),
        done: true,
        ..ActionItem::default()
    });
    r.meetings.insert(
        MeetingId(41),
        Meeting {
            title: "Defence ministers".into(),
            series: Some(series),
            date: date(2025, 6, 5),
            ..Meeting::default()
        },
    );
    let missiles = r.commitments.get_mut(&CommitmentId(20)).unwrap();
    missiles
        .move_status(step(CommitmentStatus::Committed, "Contract signed"))
        .unwrap();
    missiles.record_delivery(delivery("500")).unwrap();
    let mut new = r.commitments[&CommitmentId(22)].clone();
    new.title = "Patrol boats".into();
    new.announced_at = None;
    new.history[0].date = date(2025, 5, 2);
    r.commitments.insert(CommitmentId(42), new);
    r
}

#[test]
fn since_last_session_lists_what_moved() {
    let r = two_sessions();
    let changes = since_last_session(&r, MeetingId(41)).unwrap();
    assert_eq!(changes.previous, Some(MINISTERS));
    assert_eq!(changes.from, Some(date(2025, 4, 10)));
    assert_eq!(changes.new_commitments, vec![CommitmentId(42)]);
    let moved: Vec<_> = changes
        .status_changes
        .iter()
        .map(|s| (s.commitment, s.from, s.to))
        .collect();
    assert_eq!(
        moved,
        vec![
            (
                CommitmentId(20),
                Some(CommitmentStatus::Pledged),
                CommitmentStatus::Committed
            ),
            (
                CommitmentId(20),
                Some(CommitmentStatus::Committed),
                CommitmentStatus::InDelivery
            ),
        ]
    );
    assert_eq!(changes.deliveries.len(), 1);
    assert_eq!(changes.deliveries[0].amount, dec("500"));
    assert_eq!(changes.deliveries[0].unit, "missiles");
    // Demining was due 1 May and is still in delivery on 5 June.
    assert_eq!(changes.became_overdue, vec![CommitmentId(21)]);
    assert_eq!(changes.open_actions.len(), 1);
    assert_eq!(
        changes.open_actions[0].text,
        "Circulate the air defence plan"
    );
    let csv = tracking::since::changes_csv(&r, &changes).unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Delivery,2025-06-01,GBR,Air defence missiles,500 missiles"));
    // The first session has no previous one: everything up to it.
    let first = since_last_session(&r, MINISTERS).unwrap();
    assert_eq!(first.previous, None);
    assert!(first.open_actions.is_empty());
}

#[test]
fn search_finds_every_kind_of_record() {
    let mut r = two_sessions();
    r.meetings
        .get_mut(&MINISTERS)
        .unwrap()
        .agenda
        .push(coalition_desk::model::AgendaItem {
            title: "Maritime security".into(),
            notes: "Black Sea corridor".into(),
            ..Default::default()
        });
    let index = SearchIndex::build(&r);
    let first = |q: &str| index.find(q, 5).first().map(|h| (h.kind, h.target));
    assert_eq!(
        first("france"),
        Some(("Participant", SearchTarget::Participant(FRA)))
    );
    assert_eq!(
        first("lecornu"),
        Some(("Person", SearchTarget::Participant(FRA)))
    );
    assert_eq!(
        first("black sea"),
        Some(("Agenda", SearchTarget::Meeting(MINISTERS)))
    );
    assert_eq!(
        first("patrol"),
        Some(("Commitment", SearchTarget::Commitment(CommitmentId(42))))
    );
    assert!(index.find("nothing like this", 5).is_empty());
}

#[test]
fn csv_round_trip_restores_every_commitment() {
    let original = two_sessions();
    let bytes = tracking::export_commitments(&original, today()).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("Україна") || text.contains("United Kingdom"));
    let mut changed = original.clone();
    for c in changed.commitments.values_mut() {
        c.title.push_str(" (edited)");
        c.conditions = "changed".into();
    }
    let preview = tracking::import_commitments(&changed, &bytes, today()).unwrap();
    assert!(preview.rejected.is_empty(), "{:?}", preview.rejected);
    assert_eq!(preview.accepted.len(), original.commitments.len());
    let mut doc = Document::new(changed, Origin::Untitled);
    doc.apply(preview.edit());
    assert_eq!(doc.register().commitments, original.commitments);
    // One undo takes the whole import back.
    assert!(doc.undo());
    assert!(
        doc.register()
            .commitments
            .values()
            .all(|c| c.title.ends_with("(edited)"))
    );
}

#[test]
fn csv_import_lists_bad_rows_with_reasons() {
    let r = register();
    let csv = "\u{feff}id,participant,announced at,title,description,area,route,quantity,unit,delivered,value,currency,conditions,due,status,marking\n\
        ,FRA,,Field hospital,,Medical,Direct contribution,2,hospitals,,,,,2025-09-01,Pledged,\n\
        ,XXX,,Unknown nation,,Medical,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,,,Medical,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,Bad area,,Cooking,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,Too much,,Medical,Direct contribution,2,trucks,3,,,,,Committed,\n\
        ,GBR,,Bad date,,Medical,Direct contribution,,,,,,,31/12/2025,Pledged,\n\
        ,GBR,,Bad money,,Funding,Direct contribution,,,,lots,EUR,,,Pledged,\n\
        999,GBR,,Missing id,,Funding,Direct contribution,,,,,,,,Pledged,\n\
        ,GBR,,Bad status,,Funding,Direct contribution,,,,,,,,Promised,\n";
    let preview = tracking::import_commitments(&r, csv.as_bytes(), today()).unwrap();
    assert_eq!(preview.accepted.len(), 1);
    let hospital = &preview.accepted[0];
    assert!(hospital.is_new);
    assert_eq!(hospital.id, CommitmentId(r.fresh_id()));
    assert_eq!(
        hospital.commitment.quantity,
        Some(Quantity {
            amount: dec("2"),
            unit: "hospitals".into()
        })
    );
    assert_eq!(hospital.commitment.history.len(), 1);
    let reasons: Vec<(u64, &str)> = preview
        .rejected
        .iter()
        .map(|r| (r.line, r.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (3, "no participant with code \"XXX\""),
            (4, "the title is empty"),
            (5, "unknown capability area \"Cooking\""),
            (6, "delivered 3 is more than the 2 committed"),
            (7, "due date \"31/12/2025\" is not YYYY-MM-DD"),
            (8, "value \"lots\" is not a number"),
            (
                9,
                "there is no commitment #999 to update; leave the id empty to add it"
            ),
            (10, "unknown status \"Promised\""),
        ]
    );
    let missing = tracking::import_commitments(&r, b"id,title\n1,x\n", today());
    assert!(missing.is_err());
}

#[test]
fn csv_status_change_on_import_is_a_dated_step() {
    let r = register();
    let bytes = tracking::export_commitments(&r, today()).unwrap();
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace(",Proposed,", ",Pledged,");
    let preview = tracking::import_commitments(&r, text.as_bytes(), today()).unwrap();
    let drones = preview
        .accepted
        .iter()
        .find(|row| row.id == CommitmentId(22))
        .unwrap();
    let c: &Commitment = &drones.commitment;
    assert_eq!(c.status, CommitmentStatus::Pledged);
    let last = c.history.last().unwrap();
    assert_eq!(
        (last.date, last.note.as_str()),
        (today(), "Imported from CSV")
    );
}
