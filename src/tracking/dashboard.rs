//! The dashboard's figures: totals by participant, capability area, route,
//! status and currency, firm kept apart from announced, and the run of
//! firm commitments over time. One pass over the commitments.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Commitment, CommitmentStatus, ParticipantId, Register, Route};

/// A count and money per currency. Money is never summed across currencies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub count: usize,
    /// Currency code → sum of values.
    pub value: BTreeMap<String, Decimal>,
}

impl Totals {
    fn add(&mut self, commitment: &Commitment) {
        self.count += 1;
        if let Some(money) = &commitment.value {
            // Looking up by &str first avoids a String per commitment.
            match self.value.get_mut(money.currency.as_str()) {
                Some(sum) => *sum += money.amount,
                None => {
                    self.value.insert(money.currency.clone(), money.amount);
                }
            }
        }
    }
}

/// Firm (committed and beyond) apart from announced (proposed or pledged).
/// Withdrawn commitments count in neither.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    pub firm: Totals,
    pub announced: Totals,
}

impl Split {
    fn add(&mut self, commitment: &Commitment) {
        if commitment.status.is_firm() {
            self.firm.add(commitment);
        } else if commitment.status != CommitmentStatus::Withdrawn {
            self.announced.add(commitment);
        }
    }
}

/// One point of the "firm over time" line.
#[derive(Clone, Debug, PartialEq)]
pub struct FirmPoint {
    pub date: NaiveDate,
    /// Firm commitments up to and including this date.
    pub count: usize,
    /// Firm value up to and including this date, per currency.
    pub value: BTreeMap<String, Decimal>,
}

/// Everything the dashboard shows, computed from one register on one day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DashboardFigures {
    pub overall: Split,
    pub per_participant: BTreeMap<ParticipantId, Split>,
    pub per_area: BTreeMap<String, Split>,
    pub per_route: BTreeMap<Route, Split>,
    pub per_status: BTreeMap<CommitmentStatus, Totals>,
    /// Commitments per area and status, for the stacked bars; the array
    /// follows `CommitmentStatus::ALL`.
    pub area_by_status: BTreeMap<String, [usize; 6]>,
    /// Accumulated firm commitments by the date they became firm (the
    /// meeting's date when the step names a meeting), oldest first.
    pub firm_over_time: Vec<FirmPoint>,
    pub overdue: usize,
}

/// Computes the dashboard's figures in one pass.
pub fn dashboard_figures(register: &Register, today: NaiveDate) -> DashboardFigures {
    let mut figures = DashboardFigures::default();
    let mut firm_on: BTreeMap<NaiveDate, Totals> = BTreeMap::new();
    // Keyed by borrowed area names during the pass: no String per commitment.
    let mut per_area: HashMap<&str, Split> = HashMap::new();
    let mut area_by_status: HashMap<&str, [usize; 6]> = HashMap::new();
    for commitment in register.commitments.values() {
        figures.overall.add(commitment);
        figures
            .per_participant
            .entry(commitment.participant)
            .or_default()
            .add(commitment);
        per_area
            .entry(commitment.area.as_str())
            .or_default()
            .add(commitment);
        figures
            .per_route
            .entry(commitment.route)
            .or_default()
            .add(commitment);
        figures
            .per_status
            .entry(commitment.status)
            .or_default()
            .add(commitment);
        let bars = area_by_status.entry(commitment.area.as_str()).or_default();
        if let Some(slot) = CommitmentStatus::ALL
            .iter()
            .position(|s| *s == commitment.status)
            .and_then(|i| bars.get_mut(i))
        {
            *slot += 1;
        }
        if commitment.is_overdue(today) {
            figures.overdue += 1;
        }
        if commitment.status.is_firm()
            && let Some(date) = firm_since(register, commitment)
        {
            firm_on.entry(date).or_default().add(commitment);
        }
    }
    figures.per_area = per_area
        .into_iter()
        .map(|(area, split)| (area.to_string(), split))
        .collect();
    figures.area_by_status = area_by_status
        .into_iter()
        .map(|(area, bars)| (area.to_string(), bars))
        .collect();
    let mut running = FirmPoint {
        date: NaiveDate::MIN,
        count: 0,
        value: BTreeMap::new(),
    };
    for (date, totals) in firm_on {
        running.date = date;
        running.count += totals.count;
        for (currency, amount) in totals.value {
            *running.value.entry(currency).or_default() += amount;
        }
        figures.firm_over_time.push(running.clone());
    }
    figures
}

/// When a firm commitment became firm: the meeting's date when the step
/// names one, else the step's date; for a history-less record, the date of
/// the meeting that announced it.
fn firm_since(register: &Register, commitment: &Commitment) -> Option<NaiveDate> {
    let meeting_date = |id| register.meeting(id).map(|m| m.date);
    match commitment.history.iter().find(|h| h.status.is_firm()) {
        Some(step) => step.meeting.and_then(meeting_date).or(Some(step.date)),
        None => commitment.announced_at.and_then(meeting_date),
    }
}

/// The figures kept with the revision they were computed for, so a frame
/// where nothing changed costs one comparison.
#[derive(Debug, Default)]
pub struct DashboardCache {
    key: Option<(u64, NaiveDate)>,
    figures: DashboardFigures,
    /// How many times the figures were computed; tests check it stays put.
    pub computations: u64,
}

impl DashboardCache {
    /// The figures for `revision` (the document's state number) on `today`,
    /// computed only when either changed since the last call.
    pub fn figures(
        &mut self,
        register: &Register,
        revision: u64,
        today: NaiveDate,
    ) -> &DashboardFigures {
        if self.key != Some((revision, today)) {
            self.figures = dashboard_figures(register, today);
            self.key = Some((revision, today));
            self.computations += 1;
        }
        &self.figures
    }
}
