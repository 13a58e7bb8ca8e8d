use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{MeetingId, ParticipantId};

/// The status ladder of a pledge. Only `Committed` and beyond count as
/// firm: a pledge alone is announced, not firm (the rule aid trackers use).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum CommitmentStatus {
    #[default]
    Proposed,
    Pledged,
    Committed,
    InDelivery,
    Delivered,
    Withdrawn,
}

impl CommitmentStatus {
    pub const ALL: [CommitmentStatus; 6] = [
        CommitmentStatus::Proposed,
        CommitmentStatus::Pledged,
        CommitmentStatus::Committed,
        CommitmentStatus::InDelivery,
        CommitmentStatus::Delivered,
        CommitmentStatus::Withdrawn,
    ];

    /// The words on screen and in CSV files.
    pub fn label(self) -> &'static str {
        match self {
            CommitmentStatus::Proposed => "Proposed",
            CommitmentStatus::Pledged => "Pledged",
            CommitmentStatus::Committed => "Committed",
            CommitmentStatus::InDelivery => "In delivery",
            CommitmentStatus::Delivered => "Delivered",
            CommitmentStatus::Withdrawn => "Withdrawn",
        }
    }

    /// Committed, in delivery or delivered.
    pub fn is_firm(self) -> bool {
        matches!(
            self,
            CommitmentStatus::Committed
                | CommitmentStatus::InDelivery
                | CommitmentStatus::Delivered
        )
    }

    /// Whether the commitment is finished with: nothing more is owed.
    pub fn is_closed(self) -> bool {
        matches!(
            self,
            CommitmentStatus::Delivered | CommitmentStatus::Withdrawn
        )
    }
}

/// How a capability reaches Ukraine, in the statement's own words.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Route {
    #[default]
    StrengtheningUkrainianCapacity,
    DirectContribution,
}

impl Route {
    pub const ALL: [Route; 2] = [
        Route::StrengtheningUkrainianCapacity,
        Route::DirectContribution,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Route::StrengtheningUkrainianCapacity => "Strengthening Ukrainian capacity",
            Route::DirectContribution => "Direct contribution",
        }
    }
}

/// A counted amount of something, e.g. 40 instructors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Quantity {
    /// Exact decimal, written as a string in the file ("40", "2.5").
    #[serde(deserialize_with = "super::file_values::amount")]
    pub amount: Decimal,
    pub unit: String,
}

/// A sum of money. Never a float; totals are kept per currency.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Money {
    /// Exact decimal, written as a string in the file ("12500000.00").
    #[serde(deserialize_with = "super::file_values::amount")]
    pub amount: Decimal,
    /// ISO 4217 code, e.g. `EUR`, `GBP`.
    pub currency: String,
}

/// One dated step in a commitment's life.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatusChange {
    #[serde(deserialize_with = "super::file_values::date")]
    pub date: NaiveDate,
    pub status: CommitmentStatus,
    pub note: String,
    /// The meeting at which the change was announced, if any.
    pub meeting: Option<MeetingId>,
}

/// One dated delivery of part (or all) of a commitment: a quantity, a
/// payment of money, or both, as the commitment has them. Most pledges are
/// money paid in tranches, so a payment is a delivery too.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Delivery {
    #[serde(deserialize_with = "super::file_values::date")]
    pub date: NaiveDate,
    /// The quantity delivered, in the unit of the commitment's quantity;
    /// zero for a payment alone. Left out when zero, so a payment reads as
    /// one, while every delivery written before payments keeps its shape.
    #[serde(
        deserialize_with = "super::file_values::amount",
        skip_serializing_if = "Decimal::is_zero"
    )]
    pub amount: Decimal,
    /// The money paid, in the currency of the commitment's value; zero
    /// (and left out) when the delivery is a quantity alone.
    #[serde(
        deserialize_with = "super::file_values::amount",
        skip_serializing_if = "Decimal::is_zero"
    )]
    pub paid: Decimal,
    pub note: String,
    /// The meeting at which the delivery was reported, if any.
    pub meeting: Option<MeetingId>,
}

/// One pledge by one participant.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Commitment {
    pub participant: ParticipantId,
    pub announced_at: Option<MeetingId>,
    pub title: String,
    pub description: String,
    /// One of the register's capability areas.
    pub area: String,
    pub route: Route,
    pub quantity: Option<Quantity>,
    pub value: Option<Money>,
    /// E.g. "once a ceasefire holds".
    pub conditions: String,
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub due: Option<NaiveDate>,
    pub status: CommitmentStatus,
    /// Every status the commitment has had, oldest first; the last entry
    /// matches `status`.
    pub history: Vec<StatusChange>,
    pub marking: String,
    /// Deliveries and payments so far against the committed quantity and
    /// value, oldest first.
    /// Missing in files written before partial delivery existed, and left
    /// out when empty so such files keep their exact shape.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub deliveries: Vec<Delivery>,
}

impl Commitment {
    /// Moves the commitment to `status` and records the step in its history.
    pub fn change_status(
        &mut self,
        status: CommitmentStatus,
        date: NaiveDate,
        note: impl Into<String>,
        meeting: Option<MeetingId>,
    ) {
        self.status = status;
        self.history.push(StatusChange {
            date,
            status,
            note: note.into(),
            meeting,
        });
    }

    /// Due date passed and not delivered (withdrawn pledges are not owed).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status.is_closed() && self.due.is_some_and(|due| due < today)
    }
}
