//! Who attended, for whom, and who sat at the table: one row per
//! participant in the register, nations first.

use egui::{RichText, Ui};

use super::details::chip;
use crate::model::{AttendanceStatus, Meeting, MeetingId, MeetingState, ParticipantId, Register};
use crate::ui::theme;

pub(super) fn attendance_ui(
    ui: &mut Ui,
    register: &Register,
    id: MeetingId,
    meeting: &mut Meeting,
) {
    summary_ui(ui, meeting);
    if register.participants.is_empty() {
        ui.weak("The register has no participants yet.");
        return;
    }
    // Delegates wrap onto more lines within what the other columns leave;
    // in a window too narrow even for that the table scrolls sideways.
    let delegates_width = (ui.available_width() - OTHER_COLUMNS).clamp(260.0, 900.0);
    egui::ScrollArea::horizontal()
        .id_salt(("meeting-attendance-sideways", id.0))
        .show(ui, |ui| {
            egui::Grid::new(("meeting-attendance", id.0))
                .num_columns(4)
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for title in ["Participant", "Status", "Delegates", "Note"] {
                        ui.strong(title);
                    }
                    ui.end_row();
                    for participant in register.participants_by_name() {
                        row_ui(ui, register, (id, delegates_width), meeting, participant);
                        ui.end_row();
                    }
                });
        });
}

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
            ui.label(RichText::new(text).color(theme::attendance_colour(status)));
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

fn row_ui(
    ui: &mut Ui,
    register: &Register,
    (id, delegates_width): (MeetingId, f32),
    meeting: &mut Meeting,
    participant: ParticipantId,
) {
    let name = register.participant_name(participant);
    ui.label(format!(
        "{name} ({})",
        register.participant_code(participant)
    ));

    let mut status = meeting.attendance.get(&participant).map(|a| a.status);
    let shown = status.map_or(RichText::new("—"), |s| {
        RichText::new(s.label()).color(theme::attendance_colour(s))
    });
    egui::ComboBox::from_id_salt(("attendance-status", id.0, participant.0))
        .selected_text(shown)
        .width(110.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut status, None, "—")
                .on_hover_text("Not recorded");
            for &option in statuses_for(meeting) {
                ui.selectable_value(&mut status, Some(option), option.label());
            }
        })
        .response
        .accessible_name(format!("Attendance of {name}"));
    match status {
        // "—" means the attendance was never recorded, so the row goes.
        None => {
            meeting.attendance.remove(&participant);
        }
        Some(status) => meeting.attendance.entry(participant).or_default().status = status,
    }

    let date = meeting.date;
    let Some(attendance) = meeting.attendance.get_mut(&participant) else {
        ui.label("");
        ui.label("");
        return;
    };
    // The delegates wrap within a width of their own (a grid cell is as
    // wide as its widest row), from the top of the row down.
    let cell = egui::Rect::from_min_size(
        ui.cursor().min,
        egui::vec2(delegates_width, ui.spacing().interact_size.y),
    );
    let wrapping = egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true);
    let wrapped = egui::UiBuilder::new().max_rect(cell).layout(wrapping);
    ui.scope_builder(wrapped, |ui| {
        ui.set_min_width(260.0);
        let mut remove = None;
        for &person in &attendance.delegates {
            let who = register.person_name(person);
            let holds_role = register
                .person(person)
                .is_some_and(|p| p.role_for(participant, date).is_some());
            let text = if holds_role {
                RichText::new(&who)
            } else {
                RichText::new(&who).color(theme::OVERDUE)
            };
            keep_whole(ui, &text);
            let removed = chip(ui, text, &format!("Remove {who} from {name}'s delegates"));
            if !holds_role {
                ui.label(RichText::new("no role on the day").color(theme::OVERDUE))
                    .on_hover_text(format!("{who} held no role for {name} on {date}"));
            }
            if removed {
                remove = Some(person);
            }
        }
        if let Some(person) = remove {
            attendance.delegates.retain(|d| *d != person);
        }
        // Only people who held a role for this participant on the day can
        // have sat at its table.
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
        ui.menu_button("+", |ui| {
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
        })
        .response
        .on_hover_text(format!("Add a delegate for {name}"))
        .accessible_name(format!("Add delegate for {name}"));
    });
    ui.add(
        egui::TextEdit::singleline(&mut attendance.note)
            .id_salt(("attendance-note", id.0, participant.0))
            .hint_text("Note")
            .desired_width(200.0),
    )
    .accessible_name(format!("Note for {name}"));
}

/// Room a chip takes beside its words: margins, the gap and the × button.
const CHIP_EXTRA: f32 = 34.0;

/// Starts a new line when a chip of `text` would not fit on this one: a
/// chip is a frame, and a frame cannot move itself to the next line.
fn keep_whole(ui: &mut Ui, text: &RichText) {
    let galley = egui::WidgetText::from(text.clone()).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let at_line_start = ui.cursor().min.x <= ui.max_rect().min.x + 1.0;
    if !at_line_start && galley.size().x + CHIP_EXTRA > ui.available_size_before_wrap().x {
        ui.end_row();
    }
}
