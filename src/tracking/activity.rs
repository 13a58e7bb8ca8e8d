//! A participant's part in the coalition: the held sessions it took part
//! in, as what, who acted on its behalf, whom it represented, and the
//! commitments it made. The participant's activity line and the
//! dashboard's attendance both come from here, and count attendance by
//! the one rule `AttendanceStatus::attended` states (present, represented
//! or observer, at a held session), as the attendance record does.

use std::collections::BTreeMap;

use crate::model::{AttendanceStatus, ParticipantId, Register};

/// What one participant did in the register's held sessions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    /// Held sessions it took part in: present, represented or observer.
    pub attended: usize,
    /// Of those, as an observer.
    pub as_observer: usize,
    /// Of those, represented by another participant: who, and how often.
    pub represented_by: BTreeMap<ParticipantId, usize>,
    /// Held sessions where someone not its official sat for it.
    pub with_stand_ins: usize,
    /// Other participants it represented, and how often.
    pub represented: BTreeMap<ParticipantId, usize>,
    /// Commitments it made.
    pub commitments: usize,
}

/// The activity of participant `id` in the register.
pub fn participant_activity(register: &Register, id: ParticipantId) -> Activity {
    let mut activity = Activity::default();
    for meeting in register.meetings.values() {
        if !meeting.attended_by(id) {
            // It may still have represented someone it did not list itself
            // for; `check` reports that, the count leaves it out.
            continue;
        }
        activity.attended += 1;
        if let Some(own) = meeting.attendance.get(&id) {
            if own.status == AttendanceStatus::Observer {
                activity.as_observer += 1;
            }
            if let Some(by) = own.represented_by
                && own.status == AttendanceStatus::Represented
            {
                *activity.represented_by.entry(by).or_default() += 1;
            }
            if !own.stand_ins.is_empty() {
                activity.with_stand_ins += 1;
            }
        }
        for (&other, attendance) in &meeting.attendance {
            if other != id
                && attendance.represented_by == Some(id)
                && attendance.status == AttendanceStatus::Represented
            {
                *activity.represented.entry(other).or_default() += 1;
            }
        }
    }
    activity.commitments = register
        .commitments
        .values()
        .filter(|c| c.participant == id)
        .count();
    activity
}

impl Activity {
    /// "Attended 3 meetings (1 as an observer; represented by Norway at 1)
    /// · represented Iceland at 2 · made 5 commitments".
    pub fn line(&self, register: &Register) -> String {
        let mut how = Vec::new();
        if self.as_observer > 0 {
            how.push(format!("{} as an observer", self.as_observer));
        }
        for (&by, &count) in &self.represented_by {
            how.push(format!(
                "represented by {} at {count}",
                register.participant_name(by)
            ));
        }
        if self.with_stand_ins > 0 {
            how.push(format!("with a stand-in at {}", self.with_stand_ins));
        }
        let mut line = format!(
            "Attended {} meeting{}",
            self.attended,
            plural(self.attended)
        );
        if !how.is_empty() {
            line.push_str(&format!(" ({})", how.join("; ")));
        }
        for (&other, &count) in &self.represented {
            line.push_str(&format!(
                " · represented {} at {count}",
                register.participant_name(other)
            ));
        }
        line.push_str(&format!(
            " · made {} commitment{}",
            self.commitments,
            plural(self.commitments)
        ));
        line
    }
}

/// Every participant's attendance at held sessions, in name order (nations
/// first): the participant, the sessions it took part in, and how many of
/// those as an observer. The dashboard's attendance table.
pub fn attendance_by_participant(register: &Register) -> Vec<(ParticipantId, usize, usize)> {
    let mut counts: BTreeMap<ParticipantId, (usize, usize)> = BTreeMap::new();
    for meeting in register.meetings.values() {
        for (&participant, attendance) in &meeting.attendance {
            if meeting.attended_by(participant) {
                let entry = counts.entry(participant).or_default();
                entry.0 += 1;
                if attendance.status == AttendanceStatus::Observer {
                    entry.1 += 1;
                }
            }
        }
    }
    register
        .participants_by_name()
        .into_iter()
        .map(|id| {
            let (attended, as_observer) = counts.get(&id).copied().unwrap_or_default();
            (id, attended, as_observer)
        })
        .collect()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
