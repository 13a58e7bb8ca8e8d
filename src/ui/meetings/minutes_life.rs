//! The record's life in the meeting editor: where it stands, its history
//! and revisions, and the moves open to it (Circulate…, Approve…, Back to
//! draft…, Revise…). A move is asked for in a small form here and made by
//! a `Command::MoveMinutes`, so the window and the command line go
//! through the same rules. An approved record's content is
//! shown read-only, with only its follow-up (actions done) editable.

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use egui::{RichText, TextEdit, Ui};

use super::approval::{self, ApprovalChoices};
use crate::model::{
    Field, Meeting, MeetingId, MeetingState, MinutesMove, MinutesPlace, MinutesState,
    ParticipantId, Record, Register,
};
use crate::report;
use crate::ui::shown_error;
use crate::ui::shown_error::FieldRefusal;
use crate::ui::typed_field::holds_refused_text;
use crate::ui::widgets::{self, form_row};
use crate::ui::{Command, Outbox};

/// A move in the record's life the officer can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesAsk {
    Circulate,
    Approve,
    Redraft,
    Revise,
}

impl MinutesAsk {
    /// The button that opens the form.
    pub fn label(self) -> &'static str {
        match self {
            MinutesAsk::Circulate => "Circulate…",
            MinutesAsk::Approve => "Approve…",
            MinutesAsk::Redraft => "Back to draft…",
            MinutesAsk::Revise => "Revise…",
        }
    }

    pub fn tooltip(self) -> &'static str {
        match self {
            MinutesAsk::Circulate => "Send the draft record to delegations for comment by a date",
            MinutesAsk::Approve => "Record that the meeting's record was approved, when and where",
            MinutesAsk::Redraft => "Take the circulated record back for redrafting, saying why",
            MinutesAsk::Revise => {
                "Open the next revision of the approved record, saying why; each change is kept"
            }
        }
    }

    /// The moves open to a record in `state`.
    fn open_to(state: MinutesState) -> &'static [MinutesAsk] {
        match state {
            MinutesState::Draft => &[MinutesAsk::Circulate, MinutesAsk::Approve],
            MinutesState::Circulated => &[MinutesAsk::Approve, MinutesAsk::Redraft],
            MinutesState::Approved => &[MinutesAsk::Revise],
        }
    }
}

/// The form of the move being asked for.
#[derive(Debug, Default)]
pub struct MinutesForm {
    asking: Option<(MeetingId, MinutesAsk)>,
    on: NaiveDate,
    to: BTreeSet<ParticipantId>,
    due: NaiveDate,
    at: Option<MeetingId>,
    by: String,
    reason: String,
}

impl MinutesForm {
    /// Opens the form for `ask` on meeting `id`, filled with what is most
    /// likely and can be true: today, the delegations that attended,
    /// comments in two weeks, approval at the next session of the series
    /// that has been held (on its day), else by written procedure.
    pub fn ask(&mut self, register: &Register, id: MeetingId, ask: MinutesAsk, today: NaiveDate) {
        let Some(meeting) = register.meeting(id) else {
            return;
        };
        let place = MinutesPlace {
            id,
            register,
            today,
        };
        let (at, on) = match ask {
            MinutesAsk::Approve => ApprovalChoices::of(meeting, place).likely(register, meeting),
            _ => (None, today),
        };
        *self = MinutesForm {
            asking: Some((id, ask)),
            on,
            to: meeting
                .attendance
                .iter()
                .filter(|(_, a)| a.status.attended())
                .map(|(p, _)| *p)
                .collect(),
            due: today.checked_add_days(Days::new(14)).unwrap_or(today),
            at,
            by: String::new(),
            reason: String::new(),
        };
    }
}

/// Where the record stands and the moves open to it, with the form of the
/// one asked for.
pub(super) fn minutes_ui(
    ui: &mut Ui,
    register: &Register,
    id: MeetingId,
    meeting: &Meeting,
    form: &mut MinutesForm,
    today: NaiveDate,
    out: &mut Outbox,
) {
    let minutes = &meeting.minutes;
    let standing = report::minutes_standing(register, meeting, false);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Record:").strong());
        let line = ui.label(RichText::new(&standing.line).strong());
        // A problem with the record's life opens the meeting here.
        crate::ui::focus::at_field(ui, line, Record::Meeting(id), Field::MinutesLife);
        // A record is of what was said: until the meeting is held there is
        // nothing to circulate or approve, so no move is offered.
        if meeting.state != MeetingState::Held && minutes.state() == MinutesState::Draft {
            ui.weak("(circulated and approved once the meeting is held)");
            return;
        }
        for ask in MinutesAsk::open_to(minutes.state()) {
            let command = Command::AskMinutesMove(id, *ask);
            widgets::command_button(ui, command, out);
        }
    });
    if minutes.is_locked() {
        ui.weak(
            "The record is approved: its content is read-only. Actions can still be marked \
             done; anything else needs a revision (Revise…).",
        );
    }
    if let Some((asked_for, ask)) = form.asking
        && asked_for == id
    {
        let place = MinutesPlace {
            id,
            register,
            today,
        };
        form_ui(ui, place, meeting, ask, form, out);
    }
    if !minutes.history.is_empty() {
        egui::CollapsingHeader::new("History and revisions")
            .id_salt(("record-history", id.0))
            .show(ui, |ui| history_ui(ui, register, meeting));
    }
}

fn form_ui(
    ui: &mut Ui,
    place: MinutesPlace<'_>,
    meeting: &Meeting,
    ask: MinutesAsk,
    form: &mut MinutesForm,
    out: &mut Outbox,
) {
    let MinutesPlace { id, register, .. } = place;
    let salt = |what: &str| format!("record-{}-{what}", id.0);
    let choices = (ask == MinutesAsk::Approve).then(|| ApprovalChoices::of(meeting, place));
    egui::Frame::group(ui.style()).show(ui, |ui| {
        if let Some(choices) = choices.as_ref().filter(|choices| !choices.any()) {
            // Nothing can be true yet: say why, offer no Approve.
            approval::approval_notes_ui(ui, choices);
            if ui.button("Cancel").clicked() {
                form.asking = None;
            }
            return;
        }
        let mut date_refused = false;
        egui::Grid::new(("record-form", id.0))
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                if let Some(choices) = &choices {
                    date_refused = approval::approval_rows_ui(
                        ui,
                        meeting,
                        place,
                        choices,
                        &mut form.at,
                        &mut form.on,
                        &salt("approve"),
                    );
                } else {
                    // A step is dated when it happened: not after today,
                    // nor before the meeting or the record's last step.
                    let step = form.step(ask);
                    let check = |day| {
                        meeting
                            .step_dated(&step, day, place.today)
                            .map_err(|refused| FieldRefusal::new(format!("{refused}.")))
                    };
                    let field = form_row(ui, "On", |ui| {
                        widgets::checked_date_ui(ui, &salt("on"), &mut form.on, check)
                    });
                    date_refused = holds_refused_text(ui, &field);
                }
                move_fields_ui(ui, ask, form, &salt);
            });
        if ask == MinutesAsk::Circulate {
            // Below the grid, not in it: a grid row is as tall as it was
            // in the frame before, so thirty delegations wrapping onto
            // more lines ran under the row after them.
            recipients_ui(ui, register, &mut form.to);
        }
        if let Some(choices) = &choices {
            approval::approval_notes_ui(ui, choices);
        }
        let step = form.step(ask);
        // The rules' answer before the button is pressed: a move they
        // refuse is not offered, and the reason is under the form.
        let refused = meeting.move_allowed(step.clone(), form.on, place).err();
        ui.horizontal(|ui| {
            let confirm = match ask {
                MinutesAsk::Circulate => "Circulate",
                MinutesAsk::Approve => "Approve",
                MinutesAsk::Redraft => "Back to draft",
                MinutesAsk::Revise => "Open the revision",
            };
            let allowed = refused.is_none() && !date_refused;
            if ui
                .add_enabled(allowed, egui::Button::new(confirm))
                .clicked()
            {
                out.command(Command::MoveMinutes(id, step, form.on));
                form.asking = None;
            }
            if ui.button("Cancel").clicked() {
                form.asking = None;
            }
        });
        // A refused date is explained under its field already.
        if let Some(refused) = refused.filter(|_| !date_refused) {
            shown_error::label(ui, format!("{refused}."));
        }
    });
}

/// What the move asks for besides its day: when comments are due, who
/// approved, or why the record goes back.
fn move_fields_ui(
    ui: &mut Ui,
    ask: MinutesAsk,
    form: &mut MinutesForm,
    salt: &dyn Fn(&str) -> String,
) {
    match ask {
        MinutesAsk::Circulate => {
            form_row(ui, "Comments due", |ui| {
                widgets::date_ui(ui, &salt("due"), &mut form.due)
            });
        }
        MinutesAsk::Approve => {
            form_row(ui, "By", |ui| {
                ui.add(
                    TextEdit::singleline(&mut form.by)
                        .id_salt(salt("by"))
                        .hint_text("e.g. The defence ministers"),
                )
            });
        }
        MinutesAsk::Redraft | MinutesAsk::Revise => {
            form_row(ui, "Reason", |ui| {
                ui.add(
                    TextEdit::singleline(&mut form.reason)
                        .id_salt(salt("reason"))
                        .desired_width(crate::ui::widgets::fit_width(ui, 420.0))
                        .hint_text("Why, for the record's history"),
                )
            });
        }
    }
}

/// Whom a circulated record goes to: every participant, ticked or not.
fn recipients_ui(ui: &mut Ui, register: &Register, to: &mut BTreeSet<ParticipantId>) {
    let label = ui.label("To");
    ui.horizontal_wrapped(|ui| {
        for participant in register.participants_by_name() {
            let mut chosen = to.contains(&participant);
            let name = register.participant_name(participant);
            if ui.checkbox(&mut chosen, name).changed() {
                if chosen {
                    to.insert(participant);
                } else {
                    to.remove(&participant);
                }
            }
        }
    })
    .response
    .labelled_by(label.id);
}

impl MinutesForm {
    /// The move the form asks for, as filled in.
    fn step(&self, ask: MinutesAsk) -> MinutesMove {
        match ask {
            MinutesAsk::Circulate => MinutesMove::Circulate {
                to: self.to.iter().copied().collect(),
                comments_due: self.due,
            },
            MinutesAsk::Approve => MinutesMove::Approve {
                at: self.at,
                by: self.by.clone(),
            },
            MinutesAsk::Redraft => MinutesMove::Redraft {
                reason: self.reason.clone(),
            },
            MinutesAsk::Revise => MinutesMove::Revise {
                reason: self.reason.clone(),
            },
        }
    }
}

fn history_ui(ui: &mut Ui, register: &Register, meeting: &Meeting) {
    for step in &meeting.minutes.history {
        let mut line = format!("{} — {}", step.date, step.state.label());
        if let Some(due) = step.comments_due {
            let to: Vec<_> = step
                .circulated_to
                .iter()
                .map(|p| register.participant_name(*p))
                .collect();
            line.push_str(&format!(" to {}, comments due {due}", to.join(", ")));
        }
        if let Some(at) = step.approved_at {
            line.push_str(&format!(" at {}", register.meeting_title(at)));
        } else if step.state == MinutesState::Approved {
            line.push_str(" by written procedure");
        }
        if !step.approved_by.is_empty() {
            line.push_str(&format!(" by {}", step.approved_by));
        }
        if !step.note.is_empty() {
            line.push_str(&format!(": {}", step.note));
        }
        ui.label(line);
    }
    for revision in &meeting.minutes.revisions {
        ui.label(
            RichText::new(format!(
                "REV {} opened {}: {}",
                revision.number, revision.date, revision.reason
            ))
            .strong(),
        );
        for change in &revision.changes {
            ui.label(format!(
                "    {}: was “{}”, now “{}”",
                change.field, change.before, change.after
            ));
        }
    }
}

/// The action items of an approved record: read-only but for whether each
/// is done, which is follow-up rather than the record.
pub(super) fn locked_actions_ui(
    ui: &mut Ui,
    register: &Register,
    id: MeetingId,
    meeting: &mut Meeting,
    carried: &[crate::model::CarriedOver],
    out: &mut Outbox,
) {
    super::carried::carried_ui(ui, register, carried, out);
    if meeting.actions.is_empty() && meeting.carried_as_approved.is_empty() {
        ui.weak("No action items were recorded.");
    }
    for (i, action) in meeting.actions.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.checkbox(&mut action.done, "Done")
                .on_hover_text("Follow-up stays editable after approval");
            let mut line = format!("{}. {}", i + 1, action.text);
            if let Some(owner) = action.owner {
                line.push_str(&format!(" — {}", register.owner_name(owner)));
            }
            if let Some(due) = action.due {
                line.push_str(&format!(", due {due}"));
            }
            ui.label(line);
        });
        let at = crate::model::ActionAt {
            meeting: id,
            index: i,
        };
        super::carried::copies_ui(ui, register, at, out);
    }
}
