//! What each attendance row says of its participant and its delegates:
//! the name shown, and the names and hints a screen reader reads for each
//! of the row's widgets. A row names its participant nine times and each
//! delegate twice; with sixty rows laid out every frame while a screen
//! reader reads the window, writing them afresh each frame was a cost of
//! its own. They are written once per revision of the register (the
//! meetings panel keeps them in a `RevisionCache`), and a row the words
//! were not written for (a delegate added in this very frame) writes its
//! own.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use egui::{Galley, RichText, Ui};

use crate::model::{AttendanceStatus, Meeting, ParticipantId, PersonId, Register};
use crate::ui::repeated::laid_out;
use crate::ui::theme;

/// The words of the buttons every row repeats ("+", "+ new delegate",
/// "+ sitting for", ×, and the statuses its list can show), laid out once
/// a frame for all of them: sixty rows laying out the same words was a
/// cost of its own.
pub(super) struct RowButtons {
    pub(super) add: Arc<Galley>,
    pub(super) new_delegate: Arc<Galley>,
    pub(super) sitting_for: Arc<Galley>,
    pub(super) remove: Arc<Galley>,
    /// "—" (nothing recorded) and each status the meeting can record, in
    /// its colour.
    statuses: Vec<(Option<AttendanceStatus>, Arc<Galley>)>,
}

impl RowButtons {
    /// The words, laid out as `ui`'s buttons lay them out this frame, with
    /// the `statuses` a row of the meeting can be given.
    pub(super) fn laid_out(ui: &Ui, statuses: &[AttendanceStatus]) -> Self {
        let shown = std::iter::once(None).chain(statuses.iter().copied().map(Some));
        RowButtons {
            add: laid_out(ui, "+"),
            new_delegate: laid_out(ui, "+ new delegate"),
            sitting_for: laid_out(ui, "+ sitting for"),
            remove: laid_out(ui, "×"),
            statuses: shown
                .map(|status| (status, status_shown(ui, status)))
                .collect(),
        }
    }

    /// `status` as a row's list shows it closed.
    pub(super) fn status(&self, ui: &Ui, status: Option<AttendanceStatus>) -> Arc<Galley> {
        self.statuses
            .iter()
            .find(|(laid, _)| *laid == status)
            .map_or_else(|| status_shown(ui, status), |(_, shown)| Arc::clone(shown))
    }
}

/// "—" for a row with nothing recorded, or the status in its colour.
fn status_shown(ui: &Ui, status: Option<AttendanceStatus>) -> Arc<Galley> {
    let text = status.map_or(RichText::new("—"), |s| {
        RichText::new(s.label()).color(theme::attendance_colour(s, ui.visuals()))
    });
    laid_out(ui, text)
}

/// The words of every attendance row of a meeting, by participant.
pub(super) type Words = HashMap<ParticipantId, RowWords>;

/// The words of one attendance row.
#[derive(Clone, Debug)]
pub(super) struct RowWords {
    /// The participant's name.
    pub(super) name: String,
    /// The name with its code, as the row shows it.
    pub(super) shown: String,
    /// The status list's name.
    pub(super) status: String,
    /// The "+" delegates menu's hint and name.
    pub(super) add_hint: String,
    pub(super) add: String,
    /// "+ new delegate"'s hint and name.
    pub(super) new_hint: String,
    pub(super) new: String,
    /// The note's name.
    pub(super) note: String,
    /// The chips of the delegates recorded for the meeting.
    delegates: Vec<(PersonId, DelegateWords)>,
}

/// A delegate's chip: the name shown and its × button's words.
#[derive(Clone, Debug)]
pub(super) struct DelegateWords {
    pub(super) who: String,
    pub(super) remove: String,
}

/// The words of every row of `rows` for `meeting` as the register has it.
pub(super) fn words(
    register: &Register,
    meeting: Option<&Meeting>,
    rows: &[ParticipantId],
) -> Words {
    rows.iter()
        .map(|&participant| (participant, RowWords::of(register, meeting, participant)))
        .collect()
}

/// The row's words from `words`, or written now for a row they miss.
pub(super) fn row<'a>(
    words: &'a Words,
    register: &Register,
    participant: ParticipantId,
) -> Cow<'a, RowWords> {
    words.get(&participant).map_or_else(
        || Cow::Owned(RowWords::of(register, None, participant)),
        Cow::Borrowed,
    )
}

impl RowWords {
    fn of(register: &Register, meeting: Option<&Meeting>, participant: ParticipantId) -> Self {
        let name = register.participant_name(participant);
        let delegates = meeting
            .and_then(|m| m.attendance.get(&participant))
            .map(|attendance| {
                attendance
                    .delegates
                    .iter()
                    .map(|&person| (person, DelegateWords::of(register, person, &name)))
                    .collect()
            })
            .unwrap_or_default();
        RowWords {
            shown: format!("{name} ({})", register.participant_code(participant)),
            status: format!("Attendance of {name}"),
            add_hint: format!("Add a delegate for {name}"),
            add: format!("Add delegate for {name}"),
            new_hint: format!(
                "Add someone the register does not know yet as a delegate for {name}"
            ),
            new: format!("New delegate for {name}"),
            note: format!("Note for {name}"),
            delegates,
            name,
        }
    }

    /// The chip's words for `person`, a delegate of this row.
    pub(super) fn delegate(&self, register: &Register, person: PersonId) -> Cow<'_, DelegateWords> {
        self.delegates
            .iter()
            .find(|(kept, _)| *kept == person)
            .map_or_else(
                || Cow::Owned(DelegateWords::of(register, person, &self.name)),
                |(_, words)| Cow::Borrowed(words),
            )
    }
}

impl DelegateWords {
    fn of(register: &Register, person: PersonId, name: &str) -> Self {
        let who = register.person_name(person);
        DelegateWords {
            remove: format!("Remove {who} from {name}'s delegates"),
            who,
        }
    }
}
