//! "Since last session": what moved between the previous session of a
//! meeting's series and the meeting itself, for the officer's brief.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::totals::sum_of;

use super::TrackingError;
use super::spreadsheet_cells::neutralised;
use crate::model::{
    ActionOwner, Commitment, CommitmentId, CommitmentStatus, MeetingId, MoneyTotals, Record,
    Register, amounts,
};

/// A status step taken in the window.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusStep {
    pub commitment: CommitmentId,
    pub date: NaiveDate,
    /// The status before the step, if there was one.
    pub from: Option<CommitmentStatus>,
    pub to: CommitmentStatus,
    pub note: String,
}

/// A delivery made in the window: a quantity, a payment or both.
#[derive(Clone, Debug, PartialEq)]
pub struct DeliveryStep {
    pub commitment: CommitmentId,
    pub date: NaiveDate,
    /// The quantity delivered; zero for a payment alone.
    pub amount: Decimal,
    pub unit: String,
    /// The money paid; zero for a quantity alone.
    pub paid: Decimal,
    pub currency: String,
}

impl DeliveryStep {
    /// "500 missiles", "EUR 120,000,000.00 paid", or both joined by "; ".
    pub fn text(&self) -> String {
        let mut parts = Vec::new();
        if !self.amount.is_zero() || self.paid.is_zero() {
            parts.push(amounts::quantity_of(self.amount, &self.unit));
        }
        if !self.paid.is_zero() {
            parts.push(format!(
                "{} paid",
                amounts::money_in(&self.currency, self.paid)
            ));
        }
        parts.join("; ")
    }
}

/// An action item not yet done, carried over from an earlier session.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenAction {
    pub meeting: MeetingId,
    pub text: String,
    pub owner: Option<ActionOwner>,
    pub due: Option<NaiveDate>,
}

/// What changed since the previous session of the series.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionChanges {
    pub meeting: MeetingId,
    /// The previous session of the same series, if any.
    pub previous: Option<MeetingId>,
    /// The window is after `from` (exclusive) up to `to` (inclusive); with
    /// no previous session it starts at the beginning of the register.
    pub from: Option<NaiveDate>,
    pub to: NaiveDate,
    pub new_commitments: Vec<CommitmentId>,
    pub status_changes: Vec<StatusStep>,
    pub deliveries: Vec<DeliveryStep>,
    /// Due in the window and still not closed on the meeting's day.
    pub became_overdue: Vec<CommitmentId>,
    pub open_actions: Vec<OpenAction>,
    /// Per currency: the value of the commitments new in the window and
    /// pledged or firm on the meeting's day (`pledged`), of those that
    /// became firm in the window (`firm`), and the payments made in it
    /// (`paid`).
    pub money: BTreeMap<String, MoneyTotals>,
}

impl SessionChanges {
    /// The records the brief speaks of: the commitments it names and the
    /// meetings whose actions it lists, each once.
    pub fn includes(&self) -> Vec<Record> {
        let commitments = self
            .new_commitments
            .iter()
            .chain(self.status_changes.iter().map(|s| &s.commitment))
            .chain(self.deliveries.iter().map(|d| &d.commitment))
            .chain(&self.became_overdue)
            .map(|&id| Record::Commitment(id));
        let meetings = self.open_actions.iter().map(|a| Record::Meeting(a.meeting));
        let unique: std::collections::BTreeSet<Record> = commitments.chain(meetings).collect();
        unique.into_iter().collect()
    }

    /// Whether nothing at all moved.
    pub fn is_empty(&self) -> bool {
        self.new_commitments.is_empty()
            && self.status_changes.is_empty()
            && self.deliveries.is_empty()
            && self.became_overdue.is_empty()
            && self.open_actions.is_empty()
    }
}

/// The changes between the previous session of `meeting`'s series and
/// `meeting`. Lists are sorted by date, then commitment id.
pub fn since_last_session(
    register: &Register,
    meeting: MeetingId,
) -> Result<SessionChanges, TrackingError> {
    let this = register
        .meeting(meeting)
        .ok_or(TrackingError::NoSuchMeeting(meeting))?;
    let order = register.meetings_by_date();
    let position = order.iter().position(|id| *id == meeting).unwrap_or(0);
    let earlier_in_series: Vec<MeetingId> = order
        .iter()
        .take(position)
        .copied()
        .filter(|id| {
            this.series.is_some() && register.meeting(*id).and_then(|m| m.series) == this.series
        })
        .collect();
    let previous = earlier_in_series.last().copied();
    let from = previous.and_then(|id| register.meeting(id)).map(|m| m.date);
    let to = this.date;
    let in_window = |date: NaiveDate| from.is_none_or(|from| date > from) && date <= to;

    let mut changes = SessionChanges {
        meeting,
        previous,
        from,
        to,
        new_commitments: Vec::new(),
        status_changes: Vec::new(),
        deliveries: Vec::new(),
        became_overdue: Vec::new(),
        open_actions: Vec::new(),
        money: BTreeMap::new(),
    };
    for (&id, commitment) in &register.commitments {
        let is_new = recorded_on(register, commitment).is_some_and(in_window);
        if is_new {
            changes.new_commitments.push(id);
        }
        if let Some(value) = &commitment.value {
            let totals = money_moved(commitment, value.amount, (is_new, to), &in_window)?;
            if totals != MoneyTotals::default() {
                changes
                    .money
                    .entry(value.currency.clone())
                    .or_default()
                    .add_totals(&totals)?;
            }
        }
        // The first step records the commitment itself, not a change.
        let mut before = commitment.history.first().map(|h| h.status);
        for step in commitment.history.iter().skip(1) {
            if in_window(step.date) {
                changes.status_changes.push(StatusStep {
                    commitment: id,
                    date: step.date,
                    from: before,
                    to: step.status,
                    note: step.note.clone(),
                });
            }
            before = Some(step.status);
        }
        for delivery in commitment.deliveries.iter().filter(|d| in_window(d.date)) {
            changes.deliveries.push(DeliveryStep {
                commitment: id,
                date: delivery.date,
                amount: delivery.amount,
                unit: commitment
                    .quantity
                    .as_ref()
                    .map(|q| q.unit.clone())
                    .unwrap_or_default(),
                paid: delivery.paid,
                currency: commitment
                    .value
                    .as_ref()
                    .map(|v| v.currency.clone())
                    .unwrap_or_default(),
            });
        }
        let open_on_the_day = commitment
            .status_on(to)
            .is_some_and(|status| !status.is_closed());
        // Overdue means the due date is strictly before the day.
        if commitment.due.is_some_and(|due| due < to && in_window(due)) && open_on_the_day {
            changes.became_overdue.push(id);
        }
    }
    changes.open_actions = open_actions(register, &earlier_in_series);
    changes
        .status_changes
        .sort_by_key(|s| (s.date, s.commitment));
    changes.deliveries.sort_by_key(|d| (d.date, d.commitment));
    Ok(changes)
}

/// The actions raised at the `earlier` sessions and not done, session by
/// session.
fn open_actions(register: &Register, earlier: &[MeetingId]) -> Vec<OpenAction> {
    let mut open = Vec::new();
    for &id in earlier {
        let Some(meeting) = register.meeting(id) else {
            continue;
        };
        for action in meeting.actions.iter().filter(|a| !a.done) {
            open.push(OpenAction {
                meeting: id,
                text: action.text.clone(),
                owner: action.owner,
                due: action.due,
            });
        }
    }
    open
}

/// What the commitment (worth `amount`) adds to its currency's pledged,
/// firm and paid totals between the two sessions: pledged when it is new
/// (`is_new`) and stands on the day `to`, firm when it became firm in
/// the window, and what was paid in it.
fn money_moved(
    commitment: &Commitment,
    amount: Decimal,
    (is_new, to): (bool, NaiveDate),
    in_window: &impl Fn(NaiveDate) -> bool,
) -> Result<MoneyTotals, TrackingError> {
    let mut totals = MoneyTotals::default();
    let on_the_day = commitment.status_on(to);
    if is_new && on_the_day.is_some_and(|s| s.is_firm() || s == CommitmentStatus::Pledged) {
        totals.pledged = amount;
    }
    let became_firm = commitment
        .history
        .iter()
        .find(|step| step.status.is_firm())
        .is_some_and(|step| in_window(step.date));
    if became_firm {
        totals.firm = amount;
    }
    totals.paid = sum_of(
        commitment
            .deliveries
            .iter()
            .filter(|d| in_window(d.date))
            .map(|d| d.paid),
    )?;
    Ok(totals)
}

/// When the commitment entered the register: the date of the meeting
/// that announced it, else its first recorded step.
fn recorded_on(register: &Register, commitment: &Commitment) -> Option<NaiveDate> {
    commitment
        .announced_at
        .and_then(|id| register.meeting(id))
        .map(|m| m.date)
        .or_else(|| commitment.history.first().map(|h| h.date))
}

/// The changes as CSV rows (kind, date, participant, item, detail), UTF-8
/// with a byte-order mark, for the brief until it can be printed.
pub fn changes_csv(
    register: &Register,
    changes: &SessionChanges,
) -> Result<Vec<u8>, TrackingError> {
    let refusals = register.marking_refusals(&changes.includes());
    if !refusals.is_empty() {
        return Err(TrackingError::Refused(refusals));
    }
    let mut writer = csv::Writer::from_writer(super::commitments_csv::BOM.to_vec());
    // No column holds an amount, so every cell is neutralised: a title or
    // an action's text opened in a spreadsheet stays text.
    let mut row = |fields: [String; 5]| {
        writer
            .write_record(fields.iter().map(|f| neutralised(f)))
            .map_err(TrackingError::CsvWrite)
    };
    row(["kind", "date", "participant", "item", "detail"].map(String::from))?;
    let title = |id: CommitmentId| {
        register
            .commitment(id)
            .map(|c| c.title.clone())
            .unwrap_or_default()
    };
    let who = |id: CommitmentId| {
        register
            .commitment(id)
            .map(|c| register.participant_code(c.participant))
            .unwrap_or_default()
    };
    for &id in &changes.new_commitments {
        let status = register
            .commitment(id)
            .map(|c| c.status.label())
            .unwrap_or_default();
        row([
            "New commitment".into(),
            String::new(),
            who(id),
            title(id),
            status.into(),
        ])?;
    }
    for step in &changes.status_changes {
        let from = step.from.map(|s| s.label()).unwrap_or("none");
        row([
            "Status change".into(),
            step.date.to_string(),
            who(step.commitment),
            title(step.commitment),
            format!("{from} to {}: {}", step.to.label(), step.note),
        ])?;
    }
    for delivery in &changes.deliveries {
        row([
            "Delivery".into(),
            delivery.date.to_string(),
            who(delivery.commitment),
            title(delivery.commitment),
            delivery.text(),
        ])?;
    }
    for (currency, totals) in &changes.money {
        row([
            "Money".into(),
            String::new(),
            String::new(),
            currency.clone(),
            money_words(currency, totals),
        ])?;
    }
    for &id in &changes.became_overdue {
        let due = register
            .commitment(id)
            .and_then(|c| c.due)
            .map(|d| d.to_string())
            .unwrap_or_default();
        row([
            "Became overdue".into(),
            due,
            who(id),
            title(id),
            String::new(),
        ])?;
    }
    for action in &changes.open_actions {
        row([
            "Open action".into(),
            action.due.map(|d| d.to_string()).unwrap_or_default(),
            action
                .owner
                .map(|o| register.owner_short_name(o))
                .unwrap_or_default(),
            action.text.clone(),
            register.meeting_title(action.meeting),
        ])?;
    }
    writer
        .into_inner()
        .map_err(|e| TrackingError::CsvWrite(e.into_error().into()))
}

/// "pledged EUR 500,000,000.00, firm EUR 400,000,000.00, paid EUR
/// 120,000,000.00": one currency's money in the window.
pub fn money_words(currency: &str, totals: &MoneyTotals) -> String {
    format!(
        "pledged {}, firm {}, paid {}",
        amounts::money_in(currency, totals.pledged),
        amounts::money_in(currency, totals.firm),
        amounts::money_in(currency, totals.paid)
    )
}
