//! The dashboard's figures: totals by participant, capability area, route,
//! status and currency, firm kept apart from announced, and the run of
//! firm commitments over time. One pass over the commitments.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::totals::{TotalTooLarge, add_to};
use crate::model::{Commitment, CommitmentStatus, MoneyTotals, ParticipantId, Register, Route};
use crate::revision_cache::RevisionCache;

/// A count and money per currency. Money is never summed across currencies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    pub count: usize,
    /// Currency code → sum of values.
    pub value: BTreeMap<String, Decimal>,
}

impl Totals {
    fn add_cell(&mut self, cell: &Cell, currency: Option<&str>) -> Result<(), TotalTooLarge> {
        self.count += cell.count;
        if let Some(currency) = currency {
            match self.value.get_mut(currency) {
                Some(sum) => add_to(sum, cell.sum)?,
                None => {
                    self.value.insert(currency.to_string(), cell.sum);
                }
            }
        }
        Ok(())
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
    fn add_cell(
        &mut self,
        status: CommitmentStatus,
        cell: &Cell,
        currency: Option<&str>,
    ) -> Result<(), TotalTooLarge> {
        if status.is_firm() {
            self.firm.add_cell(cell, currency)
        } else if status != CommitmentStatus::Withdrawn {
            self.announced.add_cell(cell, currency)
        } else {
            Ok(())
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
    /// The dates of the register's meetings, oldest first, once each: the
    /// span the "firm over time" chart is drawn against.
    pub sessions: Vec<NaiveDate>,
    pub overdue: usize,
    /// Pledged, firm and paid per currency code, over every commitment.
    pub money: BTreeMap<String, MoneyTotals>,
}

/// Commitments that share every key the dashboard groups by.
#[derive(Default)]
struct Cell {
    count: usize,
    sum: Decimal,
}

/// Participant, area index, route, status, currency index (`NO_CURRENCY`
/// for commitments without a value).
type CellKey = (ParticipantId, u32, Route, CommitmentStatus, u32);
const NO_CURRENCY: u32 = u32::MAX;

/// A cheap hasher for the small integer keys of the pass: the default
/// SipHash is built to resist attacks no local register can mount, and
/// costs a third of the time here.
#[derive(Default)]
struct CellHasher(u64);

impl Hasher for CellHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.write_u64(u64::from(*byte));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

/// The position of `name` in `list`, added when new. Areas and currencies
/// are few, so a scan beats hashing the text.
fn index_of<'a>(list: &mut Vec<&'a str>, name: &'a str) -> u32 {
    match list.iter().position(|n| *n == name) {
        Some(i) => i as u32,
        None => {
            list.push(name);
            (list.len() - 1) as u32
        }
    }
}

/// Computes the dashboard's figures. One pass over the commitments sorts
/// them into cells (one per participant, area, route, status and
/// currency); every total is then summed from the few cells. Refused,
/// with the sentence, when a total would be too large to count.
pub fn dashboard_figures(
    register: &Register,
    today: NaiveDate,
) -> Result<DashboardFigures, TotalTooLarge> {
    let mut areas: Vec<&str> = Vec::new();
    let mut currencies: Vec<&str> = Vec::new();
    let mut cells: HashMap<CellKey, Cell, BuildHasherDefault<CellHasher>> = HashMap::default();
    let mut firm_cells: BTreeMap<(NaiveDate, u32), Cell> = BTreeMap::new();
    let mut overdue = 0;
    let mut money: BTreeMap<String, MoneyTotals> = BTreeMap::new();
    for commitment in register.commitments.values() {
        if let Some(value) = &commitment.value {
            // Looked up by text first: a new key is made once a currency.
            match money.get_mut(value.currency.as_str()) {
                Some(totals) => totals.add(commitment, value.amount)?,
                None => money
                    .entry(value.currency.clone())
                    .or_default()
                    .add(commitment, value.amount)?,
            }
        }
        let area = index_of(&mut areas, &commitment.area);
        let (currency, amount) = match &commitment.value {
            Some(money) => (index_of(&mut currencies, &money.currency), money.amount),
            None => (NO_CURRENCY, Decimal::ZERO),
        };
        let key = (
            commitment.participant,
            area,
            commitment.route,
            commitment.status,
            currency,
        );
        let cell = cells.entry(key).or_default();
        cell.count += 1;
        add_to(&mut cell.sum, amount)?;
        if commitment.is_overdue(today) {
            overdue += 1;
        }
        if commitment.status.is_firm()
            && let Some(date) = firm_since(register, commitment)
        {
            let cell = firm_cells.entry((date, currency)).or_default();
            cell.count += 1;
            add_to(&mut cell.sum, amount)?;
        }
    }
    let mut sessions: Vec<NaiveDate> = register.meetings.values().map(|m| m.date).collect();
    sessions.sort_unstable();
    sessions.dedup();
    let mut figures = DashboardFigures {
        overdue,
        sessions,
        money,
        ..DashboardFigures::default()
    };
    let currency_of = |index: u32| currencies.get(index as usize).copied();
    #[expect(
        clippy::iter_over_hash_type,
        reason = "sums are exact decimals gathered into ordered maps: the order of cells cannot show"
    )]
    for (&(participant, area, route, status, currency), cell) in &cells {
        let area = areas.get(area as usize).copied().unwrap_or_default();
        let currency = currency_of(currency);
        let add = |totals: &mut Totals| totals.add_cell(cell, currency);
        figures.overall.add_cell(status, cell, currency)?;
        figures
            .per_participant
            .entry(participant)
            .or_default()
            .add_cell(status, cell, currency)?;
        if !figures.per_area.contains_key(area) {
            figures.per_area.insert(area.to_string(), Split::default());
            figures.area_by_status.insert(area.to_string(), [0; 6]);
        }
        if let Some(split) = figures.per_area.get_mut(area) {
            split.add_cell(status, cell, currency)?;
        }
        if let Some(slot) = figures.area_by_status.get_mut(area).and_then(|bars| {
            CommitmentStatus::ALL
                .iter()
                .position(|s| *s == status)
                .and_then(|i| bars.get_mut(i))
        }) {
            *slot += cell.count;
        }
        figures
            .per_route
            .entry(route)
            .or_default()
            .add_cell(status, cell, currency)?;
        add(figures.per_status.entry(status).or_default())?;
    }
    let mut firm_on: BTreeMap<NaiveDate, Totals> = BTreeMap::new();
    for (&(date, currency), cell) in &firm_cells {
        firm_on
            .entry(date)
            .or_default()
            .add_cell(cell, currency_of(currency))?;
    }
    let mut running = FirmPoint {
        date: NaiveDate::MIN,
        count: 0,
        value: BTreeMap::new(),
    };
    for (date, totals) in firm_on {
        running.date = date;
        running.count += totals.count;
        for (currency, amount) in totals.value {
            add_to(running.value.entry(currency).or_default(), amount)?;
        }
        figures.firm_over_time.push(running.clone());
    }
    Ok(figures)
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

/// The figures kept with the revision and day they were computed for.
#[derive(Debug, Default)]
pub struct DashboardCache {
    figures: RevisionCache<(u64, NaiveDate), Result<DashboardFigures, TotalTooLarge>>,
}

impl DashboardCache {
    /// The figures for `revision` (the document's state number) on `today`,
    /// computed only when either changed since the last call; or the
    /// sentence saying a total is too large to count.
    pub fn figures(
        &mut self,
        register: &Register,
        revision: u64,
        today: NaiveDate,
    ) -> &Result<DashboardFigures, TotalTooLarge> {
        self.figures
            .get_or_update((revision, today), || dashboard_figures(register, today))
    }

    /// How many times the figures were computed; tests check it stays put.
    pub fn computations(&self) -> u64 {
        self.figures.computations()
    }
}
