//! An approved record is fixed: an edit that would change its content is
//! refused, and while a revision is open every change to the content is
//! kept in it (field, before, after). Only follow-up stays editable after
//! approval: whether an action is done (the record says who owes what, not
//! whether it has been paid), and the record's own life (circulate,
//! approve, revise). Everything else the summary prints is the record.

use chrono::NaiveDate;

use crate::model::{
    FieldChange, Meeting, MeetingId, MinutesError, MinutesMove, MinutesPlace, Register,
};

use super::Edit;

/// Why an edit was refused; the register is left as it was.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditRefused {
    #[error(
        "The record of {meeting} is approved, so its {field} cannot be changed in place: \
         open a revision first (Revise…)"
    )]
    ApprovedContent { meeting: String, field: String },
    #[error(
        "The record of {0} is approved, so the meeting cannot be deleted: \
         open a revision first (Revise…)"
    )]
    ApprovedDeleted(String),
    #[error(
        "The record of {0} is approved: its history and revisions can only grow, \
         never be rewritten"
    )]
    LifeRewritten(String),
}

/// The edit that makes `step` on `date` in the life of meeting `id`'s
/// record, or why the rules refuse it; no step is dated after `today`.
pub fn move_minutes(
    register: &Register,
    id: MeetingId,
    step: MinutesMove,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Edit, MinutesError> {
    let mut meeting = register
        .meeting(id)
        .ok_or(MinutesError::MeetingGone(id))?
        .clone();
    let approving = matches!(step, MinutesMove::Approve { .. });
    let place = MinutesPlace {
        id,
        register,
        today,
    };
    meeting.move_minutes(step, date, place)?;
    if approving {
        // The record keeps the actions it carried over as it agreed them,
        // whatever becomes of them where they were raised.
        meeting.carried_as_approved = register.carried_as_they_stand(id);
    }
    Ok(Edit::Meeting(id, Some(meeting)))
}

/// What [`check_and_note`] needs of the register before an edit: the
/// meetings the edit names, and for names in a refusal or a revision the
/// whole register, kept only when one of those records has a life to
/// guard (a deleted participant is named as it was).
#[derive(Debug)]
pub struct Before {
    meetings: Vec<(MeetingId, Meeting)>,
    register: Option<Register>,
}

/// The state [`check_and_note`] compares the register with after `edit`.
pub fn meetings_before(register: &Register, edit: &Edit) -> Before {
    let mut meetings = Vec::new();
    collect(register, edit, &mut meetings);
    let guarded = meetings
        .iter()
        .any(|(_, m)| m.minutes.is_locked() || !m.minutes.revisions.is_empty());
    Before {
        meetings,
        register: guarded.then(|| register.clone()),
    }
}

fn collect(register: &Register, edit: &Edit, found: &mut Vec<(MeetingId, Meeting)>) {
    match edit {
        Edit::Meeting(id, _) => {
            if let Some(meeting) = register.meeting(*id)
                && !found.iter().any(|(seen, _)| seen == id)
            {
                found.push((*id, meeting.clone()));
            }
        }
        Edit::Batch(edits) => {
            for edit in edits {
                collect(register, edit, found);
            }
        }
        _ => {}
    }
}

/// Refuses the edit just applied if it changed an approved record, and
/// otherwise notes what it changed in each record's open revision.
/// `before` is [`meetings_before`] of the edit.
pub fn check_and_note(register: &mut Register, before: &Before) -> Result<(), EditRefused> {
    for (id, old) in &before.meetings {
        let names = before.register.as_ref().unwrap_or(register);
        if let Some(refused) = refusal(names, *id, old, register.meeting(*id)) {
            return Err(refused);
        }
        let Some(new) = register.meeting(*id) else {
            continue;
        };
        if old.minutes.is_locked() || old.minutes.revisions.is_empty() {
            continue;
        }
        let changes = content_changes(names, old, new);
        if changes.is_empty() {
            continue;
        }
        let Some(new) = register.meetings.get_mut(id) else {
            continue;
        };
        if let Some(revision) = new.minutes.open_revision() {
            for change in changes {
                merge(&mut revision.changes, change);
            }
        }
    }
    Ok(())
}

/// Why meeting `id` may not go from `old` to `new` (`None`: deleted), if
/// its record is approved: the one rule both an edit applied and a delete
/// only considered ([`super::delete_refusal`]) are held to. `names` names
/// the records as they were before the edit.
pub(super) fn refusal(
    names: &Register,
    id: MeetingId,
    old: &Meeting,
    new: Option<&Meeting>,
) -> Option<EditRefused> {
    if !old.minutes.is_locked() {
        return None;
    }
    let title = || names.meeting_title(id);
    let Some(new) = new else {
        return Some(EditRefused::ApprovedDeleted(title()));
    };
    if let Some(change) = content_changes(names, old, new).into_iter().next() {
        return Some(EditRefused::ApprovedContent {
            meeting: title(),
            field: lower_first(&change.field),
        });
    }
    if !new.minutes.history.starts_with(&old.minutes.history)
        || !new.minutes.revisions.starts_with(&old.minutes.revisions)
    {
        return Some(EditRefused::LifeRewritten(title()));
    }
    None
}

/// Adds `change` to a revision's list: a field changed twice keeps its
/// first "before", and a field changed back drops out.
fn merge(changes: &mut Vec<FieldChange>, change: FieldChange) {
    match changes.iter().position(|c| c.field == change.field) {
        Some(at) => {
            let same = changes
                .get(at)
                .is_some_and(|existing| existing.before == change.after);
            if same {
                changes.remove(at);
            } else if let Some(existing) = changes.get_mut(at) {
                existing.after = change.after;
            }
        }
        None => changes.push(change),
    }
}

/// Every field of the record's content that differs between `old` and
/// `new`, in the order the printed record shows them. Follow-up (an
/// action's done flag) and the record's life are not content.
pub fn content_changes(register: &Register, old: &Meeting, new: &Meeting) -> Vec<FieldChange> {
    let mut changes = Changes(Vec::new());
    heading_changes(register, old, new, &mut changes);
    attendance_changes(register, old, new, &mut changes);
    proceedings_changes(register, old, new, &mut changes);
    let both = (old, new);
    changes.shown("Notes", both, |m| m.notes.clone());
    changes.shown("Public statement", both, |m| m.statement.clone());
    changes.shown("Restricted notes", both, |m| m.restricted_notes.clone());
    changes.shown("Marking", both, |m| m.marking.clone());
    changes.0
}

/// The changes found so far, each field once and only where it differs.
struct Changes(Vec<FieldChange>);

impl Changes {
    fn field(&mut self, name: String, before: String, after: String) {
        if before != after {
            self.0.push(FieldChange {
                field: name,
                before,
                after,
            });
        }
    }

    /// The field `name` as `show` writes it, of the old and the new value.
    fn shown<T>(&mut self, name: &str, (old, new): (&T, &T), show: impl Fn(&T) -> String) {
        self.field(name.into(), show(old), show(new));
    }
}

/// What the record's heading says: title, series and number, when and
/// where, format, state, convenors and co-chairs.
fn heading_changes(register: &Register, old: &Meeting, new: &Meeting, changes: &mut Changes) {
    let series = |m: &Meeting| {
        m.series
            .map(|s| {
                register
                    .session_series(s)
                    .map_or_else(|| s.to_string(), |x| x.name.clone())
            })
            .unwrap_or_default()
    };
    let time =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    let names = |m: &Meeting| {
        let convenors: Vec<_> = m
            .convenors
            .iter()
            .map(|&p| register.participant_name(p))
            .collect();
        convenors.join(", ")
    };
    let chairs = |m: &Meeting| {
        let chairs: Vec<_> = m.chairs.iter().map(|&p| register.person_name(p)).collect();
        chairs.join(", ")
    };
    let both = (old, new);
    changes.shown("Title", both, |m| m.title.clone());
    changes.shown("Series", both, series);
    changes.shown("Number in the series", both, |m| {
        m.number.map(|n| n.to_string()).unwrap_or_default()
    });
    changes.shown("Date", both, |m| m.date.to_string());
    changes.shown("Start", both, |m| time(m.start));
    changes.shown("End", both, |m| time(m.end));
    changes.shown("Time zone", both, |m| m.time_zone.name().into());
    changes.shown("Location", both, |m| m.location.clone());
    changes.shown("Format", both, |m| m.format.label().into());
    changes.shown("State", both, |m| m.state.label().into());
    changes.shown("Convenors", both, names);
    changes.shown("Co-chairs", both, chairs);
}

/// Each participant's attendance line: status, delegates, stand-ins, note.
fn attendance_changes(register: &Register, old: &Meeting, new: &Meeting, changes: &mut Changes) {
    let mut participants: Vec<_> = old
        .attendance
        .keys()
        .chain(new.attendance.keys())
        .copied()
        .collect();
    participants.sort();
    participants.dedup();
    for participant in participants {
        let line = |m: &Meeting| {
            m.attendance.get(&participant).map_or_else(
                || "Not recorded".to_string(),
                |a| {
                    let delegates: Vec<_> = a
                        .delegates
                        .iter()
                        .map(|&p| register.person_name(p))
                        .chain(a.stand_ins.iter().map(|&p| {
                            format!(
                                "{} for {}",
                                register.person_name(p),
                                register.participant_name(participant)
                            )
                        }))
                        .collect();
                    let status = match a.represented_by {
                        Some(by) => {
                            format!("{} by {}", a.status.label(), register.participant_name(by))
                        }
                        None => a.status.label().to_string(),
                    };
                    join(&[&status, &delegates.join(", "), &a.note])
                },
            )
        };
        changes.field(
            format!("Attendance of {}", register.participant_name(participant)),
            line(old),
            line(new),
        );
    }
}

/// The agenda items, decisions and actions, each by its place.
fn proceedings_changes(register: &Register, old: &Meeting, new: &Meeting, changes: &mut Changes) {
    let agenda = |m: &Meeting, i: usize| {
        m.agenda.get(i).map_or_else(String::new, |item| {
            let lead = item
                .lead
                .map(|p| format!("lead: {}", register.person_name(p)));
            join(&[
                &item.title,
                lead.as_deref().unwrap_or(""),
                &item.notes,
                &item.outcome,
            ])
        })
    };
    for i in 0..old.agenda.len().max(new.agenda.len()) {
        changes.field(
            format!("Agenda item {}", i + 1),
            agenda(old, i),
            agenda(new, i),
        );
    }
    let decision = |m: &Meeting, i: usize| m.decisions.get(i).map(|d| d.text.clone());
    for i in 0..old.decisions.len().max(new.decisions.len()) {
        changes.field(
            format!("Decision {}", i + 1),
            decision(old, i).unwrap_or_default(),
            decision(new, i).unwrap_or_default(),
        );
    }
    // The carried-over actions an approved record keeps come first, as it
    // prints them; making copies of one action one leaves them in place.
    let action = |m: &Meeting, i: usize| {
        m.recorded_actions().nth(i).map_or_else(String::new, |a| {
            let owner = a
                .owner
                .map(|o| format!("owner: {}", register.owner_name(o)));
            let due = a.due.map(|d| format!("due {d}"));
            join(&[
                &a.text,
                owner.as_deref().unwrap_or(""),
                due.as_deref().unwrap_or(""),
            ])
        })
    };
    let recorded = |m: &Meeting| m.carried_as_approved.len() + m.actions.len();
    for i in 0..recorded(old).max(recorded(new)) {
        changes.field(format!("Action {}", i + 1), action(old, i), action(new, i));
    }
}

/// The non-empty parts, joined with "; ".
fn join(parts: &[&str]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("; ")
}

/// "Attendance of France" as it reads mid-sentence: "attendance of France".
fn lower_first(field: &str) -> String {
    let mut chars = field.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}
