//! Who attended, for whom, and who sat at the table: one row per
//! participant in the register, nations first.

use std::sync::Arc;

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::attendance_grid::{self, AttendanceGrid};
use super::attendance_rows::{RowCells, RowSizes};
use super::details::chip;
use super::row_words::{self, RowButtons, RowWords, Words};
use crate::edit;
use crate::model::{AttendanceStatus, Meeting, MeetingId, MeetingState, ParticipantId, Register};
use crate::ui::command::NewDelegate;
use crate::ui::drop_down;
use crate::ui::repeated::{self, PlainButton};
use crate::ui::{Command, Outbox, theme};

/// A delegate being typed on one attendance row, kept between frames
/// while the row's "+ new delegate" is open.
#[derive(Debug, Default)]
pub(super) struct DelegateDraft {
    row: Option<(MeetingId, ParticipantId)>,
    name: String,
    title: String,
}

/// What the attendance section keeps between frames: the delegate being
/// typed, where the keyboard is in the grid, and the rows' sizes.
pub(super) struct AttendanceDrafts<'a> {
    pub(super) delegate: &'a mut DelegateDraft,
    pub(super) grid: &'a mut AttendanceGrid,
    pub(super) sizes: &'a mut RowSizes,
}

/// The attendance of meeting `id`: `rows` are its participants in the
/// order listed, `words` what each row says (kept per revision).
pub(super) fn attendance_ui(
    ui: &mut Ui,
    (register, revision): (&Register, u64),
    (id, today): (MeetingId, NaiveDate),
    meeting: &mut Meeting,
    (rows, words): (&[ParticipantId], &Words),
    drafts: AttendanceDrafts<'_>,
    out: &mut Outbox,
) {
    let AttendanceDrafts {
        delegate: draft,
        grid,
        sizes,
    } = drafts;
    summary_ui(ui, meeting);
    quick_ui(ui, register, (id, today), meeting, out);
    if register.participants.is_empty() {
        ui.weak("The register has no participants yet.");
        return;
    }
    // Delegates wrap onto more lines within what the other columns leave;
    // in a window too narrow even for that the whole editor scrolls
    // sideways (its scroll area goes both ways). A sideways scroll area of
    // its own here would swallow the editor's vertical scrolling to a
    // focused row: egui gives a scroll request to the innermost area only.
    let delegates_width = (ui.available_width() - OTHER_COLUMNS).clamp(260.0, 900.0);
    let statuses = statuses_for(meeting);
    grid.keys_ui(ui, id, rows, statuses, out);
    egui::Grid::new(("meeting-attendance", id.0))
        .num_columns(4)
        .striped(true)
        .spacing([12.0, ROW_GAP])
        .show(ui, |ui| {
            let header = ui
                .strong("Participant")
                .on_hover_text(attendance_grid::keys_help(statuses));
            // The letters under the title, so the column is no wider
            // than its drop-downs.
            ui.vertical(|ui| {
                let help = attendance_grid::keys_help(statuses);
                ui.strong("Status").on_hover_text(&help);
                ui.label(attendance_grid::status_letters(statuses))
                    .on_hover_text(help);
            });
            ui.strong("Delegates");
            ui.strong("Note");
            ui.end_row();
            let view = (grid.current(), ROW_GAP);
            let mut in_view = sizes.begin(ui, &header, (id, revision), view);
            let mut following = rows.iter().skip(1);
            let buttons = RowButtons::laid_out(ui, statuses);
            for &participant in rows {
                let next = following.next().copied();
                if in_view.lay_out(ui, participant, next) {
                    let chosen = grid.is_chosen(rows, participant);
                    let words = row_words::row(words, register, participant);
                    let cells = row_ui(
                        ui,
                        register,
                        (id, delegates_width, chosen),
                        meeting,
                        (participant, &words, &buttons),
                        (draft, &mut *grid),
                        out,
                    );
                    in_view.laid_out(participant, cells);
                }
                ui.end_row();
            }
            in_view.finish();
        });
}

/// The gap between two attendance rows.
const ROW_GAP: f32 = 4.0;

/// About what the participant's name, the status and the note take
/// beside the delegates, with the gaps between them.
const OTHER_COLUMNS: f32 = 580.0;

fn summary_ui(ui: &mut Ui, meeting: &Meeting) {
    let count = |status| {
        meeting
            .attendance
            .values()
            .filter(|a| a.status == status)
            .count()
    };
    ui.horizontal(|ui| {
        for &status in statuses_for(meeting) {
            let text = format!("{} {}", status.label().to_lowercase(), count(status));
            ui.label(RichText::new(text).color(theme::attendance_colour(status, ui.visuals())));
        }
    });
}

/// Attendance for many delegations in one step each.
fn quick_ui(
    ui: &mut Ui,
    register: &Register,
    (id, today): (MeetingId, NaiveDate),
    meeting: &Meeting,
    out: &mut Outbox,
) {
    let expected = edit::expected_delegations(register, id).len();
    let open = matches!(meeting.state, MeetingState::Planned | MeetingState::Held);
    let past = meeting.date <= today;
    let previous = edit::previous_with_attendance(register, id);
    ui.horizontal(|ui| {
        let all = Command::MarkExpectedPresent(id);
        let hint = match expected {
            _ if !open => format!("The meeting is {}", meeting.state.label().to_lowercase()),
            _ if !past => format!(
                "The meeting is on {}: mark who attended once it has been held",
                meeting.date
            ),
            0 => "No delegation is invited: record the invitations, or copy the previous session"
                .to_owned(),
            n if !meeting
                .attendance
                .values()
                .any(|a| a.status.is_expectation()) =>
            {
                format!(
                    "No invitation is recorded: mark the {n} delegation(s) the series expects \
                 (its previous session's and the convenors) present, and the meeting held"
                )
            }
            1 => "Mark the 1 invited delegation present, and the meeting held".to_owned(),
            n => format!("Mark the {n} invited delegations present, and the meeting held"),
        };
        if ui
            .add_enabled(open && past && expected > 0, egui::Button::new(all.label()))
            .on_hover_text(&hint)
            .on_disabled_hover_text(&hint)
            .clicked()
        {
            out.command(all);
        }
        // Everyone at once, for a session held with no invitation recorded:
        // the grid's letters then mark who sent apologies.
        let everyone = Command::MarkAllPresent(id);
        let refused = edit::all_present_delegations(register, id, today).err();
        let hint = refused
            .as_ref()
            .map_or_else(|| everyone.tooltip().to_owned(), ToString::to_string);
        if ui
            .add_enabled(refused.is_none(), egui::Button::new(everyone.label()))
            .on_hover_text(&hint)
            .on_disabled_hover_text(&hint)
            .clicked()
        {
            out.command(everyone);
        }
        let copy = Command::CopyPreviousAttendance(id);
        let hint = match previous {
            Some(previous) => format!(
                "Start from the attendance of {}, with the delegates who still hold their role; \
                 rows already recorded here stay",
                register.meeting_title(previous)
            ),
            None => "No earlier session of this meeting's series recorded attendance".to_owned(),
        };
        if ui
            .add_enabled(previous.is_some(), egui::Button::new(copy.label()))
            .on_hover_text(&hint)
            .on_disabled_hover_text(&hint)
            .clicked()
        {
            out.command(copy);
        }
    });
}

/// The statuses that can be recorded for the meeting as it stands: who
/// came to a held session, who is expected at any other.
fn statuses_for(meeting: &Meeting) -> &'static [AttendanceStatus] {
    if meeting.state == MeetingState::Held {
        &AttendanceStatus::HELD
    } else {
        &AttendanceStatus::EXPECTED
    }
}

/// The row's status, picked from the list: "—" takes the row away.
fn status_ui(
    ui: &mut Ui,
    (id, participant, said): (MeetingId, ParticipantId, &str),
    meeting: &mut Meeting,
    buttons: &RowButtons,
) -> egui::Response {
    let mut status = meeting.attendance.get(&participant).map(|a| a.status);
    let before = status;
    let shown = buttons.status(ui, status);
    let mut picked = false;
    let salt = ("attendance-status", id.0, participant.0);
    let list = repeated::drop_down(ui, salt, (shown, 110.0), |ui| {
        drop_down::entry(ui, &mut status, None, "—", &mut picked).on_hover_text("Not recorded");
        for &option in statuses_for(meeting) {
            drop_down::entry(ui, &mut status, Some(option), option.label(), &mut picked);
        }
    })
    .response
    .accessible_name(said);
    drop_down::keep_the_keyboard(ui, &list, picked);
    match status {
        // "—" means the attendance was never recorded, so the row goes.
        None => {
            meeting.attendance.remove(&participant);
        }
        Some(status) if before != Some(status) => {
            meeting
                .attendance
                .entry(participant)
                .or_default()
                .set_status(status);
        }
        Some(_) => {}
    }
    list
}

fn row_ui(
    ui: &mut Ui,
    register: &Register,
    (id, delegates_width, chosen): (MeetingId, f32, bool),
    meeting: &mut Meeting,
    (participant, words, buttons): (ParticipantId, &RowWords, &RowButtons),
    (draft, grid): (&mut DelegateDraft, &mut AttendanceGrid),
    out: &mut Outbox,
) -> RowCells {
    let name = &words.name;
    let name_cell = grid
        .name_ui(ui, participant, &words.shown, chosen)
        .rect
        .size();

    let status_cell = status_ui(ui, (id, participant, &words.status), meeting, buttons)
        .rect
        .size();

    let date = meeting.date;
    let Some(attendance) = meeting.attendance.get_mut(&participant) else {
        grid.forget_delegates(participant);
        let delegates_cell = ui.label("").rect.size();
        let note_cell = ui.label("").rect.size();
        return [name_cell, status_cell, delegates_cell, note_cell];
    };
    // The delegates wrap within a width of their own (a grid cell is as
    // wide as its widest row), from the top of the row down.
    let cell = egui::Rect::from_min_size(
        ui.cursor().min,
        egui::vec2(delegates_width, ui.spacing().interact_size.y),
    );
    let wrapping = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
    let wrapped = egui::UiBuilder::new().max_rect(cell).layout(wrapping);
    let delegates_cell = ui.scope_builder(wrapped, |ui| {
        ui.set_min_width(260.0);
        if attendance.status == AttendanceStatus::Represented {
            super::on_behalf::represented_by_ui(ui, register, (id, participant, name), attendance);
        }
        let mut remove = None;
        for &person in &attendance.delegates {
            let delegate = words.delegate(register, person);
            let who = &delegate.who;
            let holds_role = register
                .person(person)
                .is_some_and(|p| p.role_for(participant, date).is_some());
            let text = if holds_role {
                RichText::new(who)
            } else {
                RichText::new(who).color(theme::overdue(ui.visuals()))
            };
            let text = keep_whole(ui, text);
            let removed = chip(ui, text, &delegate.remove, buttons.remove.clone());
            if !holds_role {
                ui.label(RichText::new("no role on the day").color(theme::overdue(ui.visuals())))
                    .on_hover_text(format!("{who} held no role for {name} on {date}"));
            }
            if removed {
                remove = Some(person);
            }
        }
        if let Some(person) = remove {
            attendance.delegates.retain(|d| *d != person);
        }
        let plus = ui.add(PlainButton::new(buttons.add.clone()));
        repeated::menu(ui, &plus, None, |ui| {
            // Only people who held a role for this participant on the
            // day can have sat at its table. Made only while the menu
            // is open: a row per participant, each looking through
            // everyone in the register.
            let candidates: Vec<_> = register
                .people_of(participant)
                .into_iter()
                .filter(|p| !attendance.delegates.contains(p))
                .filter(|p| {
                    register
                        .person(*p)
                        .is_some_and(|person| person.role_for(participant, date).is_some())
                })
                .collect();
            if candidates.is_empty() {
                ui.weak(format!("No one else held a role for {name} on {date}"));
            }
            for person in candidates {
                let role = register
                    .person(person)
                    .and_then(|p| p.role_for(participant, date))
                    .map(|r| r.title.clone())
                    .unwrap_or_default();
                let who = register.person_name(person);
                let label = if role.is_empty() {
                    who
                } else {
                    format!("{who}, {role}")
                };
                if ui.button(label).clicked() {
                    attendance.delegates.push(person);
                }
            }
        });
        let plus = repeated::hint(plus, &words.add_hint).accessible_name(words.add.as_str());
        grid.delegates_menu(participant, &plus);
        new_delegate_ui(ui, id, (participant, words, buttons), draft, out);
        let row = (participant, name.as_str(), date);
        super::on_behalf::stand_ins_ui(ui, register, row, attendance, buttons);
    });
    let note = ui
        .add(
            egui::TextEdit::singleline(&mut attendance.note)
                .id_salt(("attendance-note", id.0, participant.0))
                .hint_text("Note")
                .desired_width(crate::ui::widgets::fit_width(ui, 200.0)),
        )
        .accessible_name(words.note.as_str());
    [
        name_cell,
        status_cell,
        delegates_cell.response.rect.size(),
        note.rect.size(),
    ]
}

/// "+ new delegate": someone the register does not know yet, typed here
/// and added with a role for the participant from the meeting's date,
/// without leaving the meeting. Enter in either field adds them.
fn new_delegate_ui(
    ui: &mut Ui,
    id: MeetingId,
    (participant, words, buttons): (ParticipantId, &RowWords, &RowButtons),
    draft: &mut DelegateDraft,
    out: &mut Outbox,
) {
    let name = &words.name;
    let config = egui::containers::menu::MenuConfig::new()
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let row = Some((id, participant));
    let button = ui.add(PlainButton::new(buttons.new_delegate.clone()));
    let shown = repeated::menu(ui, &button, Some(config), |ui| {
        let fresh = draft.row != row;
        if fresh {
            *draft = DelegateDraft {
                row: Some((id, participant)),
                ..DelegateDraft::default()
            };
        }
        ui.label(format!("A delegate for {name} new to the register"));
        // One of the two lines the new delegate is typed in.
        let line = |ui: &mut Ui, text: &mut String, salt: &str, hint: &'static str, said: &str| {
            ui.add(
                egui::TextEdit::singleline(text)
                    .id_salt((salt, id.0, participant.0))
                    .hint_text(hint)
                    .desired_width(crate::ui::widgets::fit_width(ui, 240.0)),
            )
            .accessible_name(said)
        };
        let (hint, said) = ("Name", "Name of the new delegate");
        let who = line(ui, &mut draft.name, "new-delegate-name", hint, said);
        // The officer opened it to type a name.
        if fresh {
            who.request_focus();
        }
        let (hint, said) = ("Role, e.g. Ambassador", "Role of the new delegate");
        let role = line(ui, &mut draft.title, "new-delegate-role", hint, said);
        let entered = (who.lost_focus() || role.lost_focus())
            && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ready = !draft.name.trim().is_empty();
        let add = ui
            .add_enabled(ready, egui::Button::new("Add new delegate"))
            .on_disabled_hover_text("Type the delegate's name first");
        if ready && (add.clicked() || entered) {
            out.command(Command::AddNewDelegate(NewDelegate {
                meeting: id,
                participant,
                name: std::mem::take(&mut draft.name),
                title: std::mem::take(&mut draft.title),
            }));
            draft.row = None;
            ui.close();
        }
    });
    // Closed without adding: the next opening starts afresh.
    if shown.is_none() && draft.row == row {
        *draft = DelegateDraft::default();
    }
    repeated::hint(button, &words.new_hint).accessible_name(words.new.as_str());
}

/// Room a chip takes beside its words: margins, the gap and the × button.
const CHIP_EXTRA: f32 = 34.0;

/// Starts a new line when a chip of `text` would not fit on this one: a
/// chip is a frame, and a frame cannot move itself to the next line.
/// Returns the text laid out, for the chip to show as it is.
pub(super) fn keep_whole(ui: &mut Ui, text: RichText) -> Arc<egui::Galley> {
    let galley = repeated::laid_out(ui, text);
    let at_line_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    if !at_line_start && galley.size().x + CHIP_EXTRA > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    galley
}
