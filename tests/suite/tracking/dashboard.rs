//! Dashboard totals, firm apart from announced, and their cache.

use crate::common::{FRA, GBR, NATO, date, register, today};
use coalition_desk::document::{Document, Origin};
use coalition_desk::model::{CommitmentId, CommitmentStatus, Money};
use coalition_desk::tracking::{DashboardCache, dashboard_figures};

use super::fixture::*;

#[test]
fn totals_keep_firm_apart_from_announced_per_currency() {
    let mut r = register();
    r.commitments.get_mut(&CommitmentId(22)).unwrap().value = Some(Money {
        amount: dec("10"),
        currency: "GBP".into(),
    });
    let figures = dashboard_figures(&r, today()).unwrap();
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
    c.move_status(step(CommitmentStatus::Committed, ""), today())
        .unwrap();
    doc.apply(coalition_desk::edit::Edit::Commitment(
        CommitmentId(22),
        Some(c),
    ))
    .unwrap();
    let firm = cache
        .figures(doc.register(), doc.revision(), today())
        .as_ref()
        .unwrap()
        .overall
        .firm
        .count;
    assert_eq!(firm, 2);
    assert_eq!(cache.computations(), 2);
}
