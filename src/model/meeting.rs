use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{ActionOwner, MeetingId, MinutesLife, ParticipantId, PersonId, SeriesId};

/// Where the meeting stands.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MeetingState {
    #[default]
    Planned,
    Held,
    Postponed,
    Cancelled,
}

impl MeetingState {
    pub const ALL: [MeetingState; 4] = [
        MeetingState::Planned,
        MeetingState::Held,
        MeetingState::Postponed,
        MeetingState::Cancelled,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MeetingState::Planned => "Planned",
            MeetingState::Held => "Held",
            MeetingState::Postponed => "Postponed",
            MeetingState::Cancelled => "Cancelled",
        }
    }
}

/// How participants come together.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum MeetingFormat {
    #[default]
    InPerson,
    Virtual,
    Hybrid,
}

impl MeetingFormat {
    pub const ALL: [MeetingFormat; 3] = [
        MeetingFormat::InPerson,
        MeetingFormat::Virtual,
        MeetingFormat::Hybrid,
    ];

    pub fn label(self) -> &'static str {
        match self {
            MeetingFormat::InPerson => "In person",
            MeetingFormat::Virtual => "Virtual",
            MeetingFormat::Hybrid => "Hybrid",
        }
    }
}

/// How a participant took part in one meeting.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum AttendanceStatus {
    #[default]
    Present,
    /// Another participant or official spoke for it.
    Represented,
    Apologies,
    Observer,
    /// Invited to a session not yet held; no answer recorded.
    Invited,
    /// Invited, and has said it will come.
    Confirmed,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 6] = [
        AttendanceStatus::Present,
        AttendanceStatus::Represented,
        AttendanceStatus::Apologies,
        AttendanceStatus::Observer,
        AttendanceStatus::Invited,
        AttendanceStatus::Confirmed,
    ];

    /// What can be recorded of a session that took place.
    pub const HELD: [AttendanceStatus; 4] = [
        AttendanceStatus::Present,
        AttendanceStatus::Represented,
        AttendanceStatus::Apologies,
        AttendanceStatus::Observer,
    ];

    /// What can be recorded of a session not yet held: who is expected.
    /// Apologies can come in before a session too.
    pub const EXPECTED: [AttendanceStatus; 3] = [
        AttendanceStatus::Invited,
        AttendanceStatus::Confirmed,
        AttendanceStatus::Apologies,
    ];

    pub fn label(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "Present",
            AttendanceStatus::Represented => "Represented",
            AttendanceStatus::Apologies => "Apologies",
            AttendanceStatus::Observer => "Observer",
            AttendanceStatus::Invited => "Invited",
            AttendanceStatus::Confirmed => "Confirmed",
        }
    }

    /// Whether the participant took part in the session: present,
    /// represented by another, or as an observer. This is the one rule
    /// every count of attendance uses (the attendance record, a
    /// participant's activity, the dashboard, the meetings list).
    /// Apologies are not attendance; invited and confirmed say who is
    /// expected, never who came.
    pub fn attended(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Present | AttendanceStatus::Represented | AttendanceStatus::Observer
        )
    }

    /// Whether the status speaks of a session before it is held.
    pub fn is_expectation(self) -> bool {
        matches!(
            self,
            AttendanceStatus::Invited | AttendanceStatus::Confirmed
        )
    }
}

/// One participant's attendance at one meeting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Attendance {
    pub status: AttendanceStatus,
    /// Who sat at the table for the participant; each must hold a role for
    /// that participant on the meeting's date.
    pub delegates: Vec<PersonId>,
    /// People who sat for the participant without being its officials:
    /// Norway's State Secretary sitting for Iceland. Left out of the file
    /// when there are none, so files from before it read and write as
    /// they were.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stand_ins: Vec<PersonId>,
    /// The participant that represented this one (with status
    /// `Represented`): Norway for Iceland.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub represented_by: Option<ParticipantId>,
    pub note: String,
}

impl Attendance {
    /// Records `status` for the row. Who represented the participant goes
    /// with the status that says so: only a change of status lets it go,
    /// never a file as it was written (`check` reports that).
    pub fn set_status(&mut self, status: AttendanceStatus) {
        if self.status != status && status != AttendanceStatus::Represented {
            self.represented_by = None;
        }
        self.status = status;
    }
}

/// One item on the agenda.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgendaItem {
    pub title: String,
    /// 0 for an item ("2"), 1 for a sub-item ("2.1"), 2 below that; the
    /// numbers follow from the levels (see `model::agenda`).
    pub level: u8,
    /// The planned duration in minutes; none when not planned.
    pub minutes: Option<u16>,
    pub lead: Option<PersonId>,
    pub notes: String,
    pub outcome: String,
    /// Its own protective marking; `None` follows the meeting's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marking: Option<String>,
    /// What the item is for (decision, discussion, information), printed
    /// in the meeting pack. Left out of the file when not set, so files
    /// from before it read and write as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purpose: Option<super::AgendaPurpose>,
}

/// Something the meeting decided.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Decision {
    pub text: String,
    /// Its own protective marking; `None` follows the meeting's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marking: Option<String>,
}

/// Who owes what by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionItem {
    pub text: String,
    /// A participant, a person or the secretariat.
    #[serde(deserialize_with = "super::action_owner::optional_owner")]
    pub owner: Option<ActionOwner>,
    #[serde(deserialize_with = "super::file_values::optional_date")]
    pub due: Option<NaiveDate>,
    pub done: bool,
    /// Its own protective marking; `None` follows the meeting's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marking: Option<String>,
    /// The later sessions it was carried over to, while still open. It
    /// stays one action, kept here where it was raised, so whether it is
    /// done is said once for every session that shows it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried_to: Vec<MeetingId>,
}

/// An action of an earlier session as a later session's approved record
/// shows it: the record keeps what it agreed, whatever happens to the
/// action afterwards where it was raised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CarriedAction {
    /// The meeting where the action was raised and still lives.
    pub from: MeetingId,
    /// The action as it stood, with the marking it carried there written
    /// out (never `None`) and no `carried_to` of its own.
    pub action: ActionItem,
}

/// One session of the coalition, held or planned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Meeting {
    pub title: String,
    pub series: Option<SeriesId>,
    /// The number of this session within its series.
    pub number: Option<u32>,
    #[serde(deserialize_with = "super::file_values::date")]
    pub date: NaiveDate,
    #[serde(deserialize_with = "super::file_values::optional_time")]
    pub start: Option<NaiveTime>,
    #[serde(deserialize_with = "super::file_values::optional_time")]
    pub end: Option<NaiveTime>,
    /// The zone the start and end times are given in.
    #[serde(deserialize_with = "super::file_values::time_zone")]
    pub time_zone: Tz,
    pub location: String,
    pub format: MeetingFormat,
    pub state: MeetingState,
    /// The participants who convened the meeting.
    pub convenors: Vec<ParticipantId>,
    /// Co-chairs, by person.
    pub chairs: Vec<PersonId>,
    #[serde(with = "super::unique_ids")]
    pub attendance: BTreeMap<ParticipantId, Attendance>,
    pub agenda: Vec<AgendaItem>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionItem>,
    /// The actions carried over from earlier sessions as they stood when
    /// this record was last approved; empty until then (the window and a
    /// draft record show them live from where they were raised).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried_as_approved: Vec<CarriedAction>,
    /// The secretariat's own notes on the meeting, e.g. who attended but is
    /// not itemised in the record.
    pub notes: String,
    /// The public statement issued after the meeting.
    pub statement: String,
    /// Notes that are printed only when the officer asks for them.
    pub restricted_notes: String,
    /// The restricted notes' own protective marking; `None` follows the
    /// meeting's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restricted_marking: Option<String>,
    pub marking: String,
    /// The life of the meeting's record: draft, circulated, approved,
    /// revisions. Left out of the file while it is an untouched draft.
    /// Kept in the file as `record`, its name before the code called a
    /// meeting's record its minutes.
    #[serde(rename = "record", skip_serializing_if = "MinutesLife::is_untouched")]
    pub minutes: MinutesLife,
}

impl Meeting {
    /// Whether `participant` took part in this meeting: it was held and the
    /// participant is recorded as present, represented or observing. A
    /// planned session counts for no one, whatever its list says.
    pub fn attended_by(&self, participant: ParticipantId) -> bool {
        self.state == MeetingState::Held
            && self
                .attendance
                .get(&participant)
                .is_some_and(|a| a.status.attended())
    }

    /// How many participants took part (see [`Meeting::attended_by`]).
    pub fn attended_count(&self) -> usize {
        if self.state != MeetingState::Held {
            return 0;
        }
        self.attendance
            .values()
            .filter(|a| a.status.attended())
            .count()
    }
}

impl Default for Meeting {
    fn default() -> Self {
        Meeting {
            title: String::new(),
            series: None,
            number: None,
            date: NaiveDate::default(),
            start: None,
            end: None,
            time_zone: Tz::Europe__London,
            location: String::new(),
            format: MeetingFormat::default(),
            state: MeetingState::default(),
            convenors: Vec::new(),
            chairs: Vec::new(),
            attendance: BTreeMap::new(),
            agenda: Vec::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            carried_as_approved: Vec::new(),
            notes: String::new(),
            statement: String::new(),
            restricted_notes: String::new(),
            restricted_marking: None,
            marking: String::new(),
            minutes: MinutesLife::default(),
        }
    }
}
