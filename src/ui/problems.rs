//! The problems list: every problem of the register, one line each, shown
//! above the status bar when the officer clicks the problem count; and an
//! open record's own problems above its editor. A click on a line opens
//! the record at the field at fault.

use egui::Ui;

use super::command::{Command, Tab};
use super::{Outbox, shown_error, theme, widgets};
use crate::model::{Field, Problem, Record};

/// The list's height before it scrolls.
const LIST_HEIGHT: f32 = 160.0;

/// Draws the list of `problems`; sets `shown` to false when the officer
/// hides it. With `conflicts`, it offers to resolve them.
pub(super) fn problems_list_ui(
    ui: &mut Ui,
    problems: &[Problem],
    conflicts: bool,
    shown: &mut bool,
    out: &mut Outbox,
) {
    egui::Panel::bottom("problems_list")
        .resizable(true)
        .default_size(LIST_HEIGHT)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                let count = super::widgets::counted(problems.len(), "problem");
                ui.strong(format!("{count} in the register"));
                ui.weak("Click one to open the record at the field concerned.");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if widgets::button(ui, "Hide", "Hide the problems list").clicked() {
                        *shown = false;
                    }
                    if conflicts {
                        let resolve = Command::ResolveConflicts;
                        widgets::command_button(ui, resolve, out);
                    }
                });
            });
            egui::ScrollArea::vertical()
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for problem in problems {
                        let line = ui
                            .selectable_label(false, &problem.message)
                            .on_hover_text(where_it_opens(problem));
                        if line.clicked() {
                            out.command(opens(problem));
                        }
                    }
                });
            ui.add_space(theme::SECTION_GAP / 2.0);
        });
}

/// An open record's own problems, in red above its editor; a click on one
/// puts the keyboard in the field at fault.
pub(super) fn record_problems_ui(ui: &mut Ui, problems: &[Problem], out: &mut Outbox) {
    for problem in problems {
        let line = shown_error::text(ui, &problem.message);
        let clicked = ui
            .add(egui::Label::new(line).sense(egui::Sense::click()))
            .on_hover_text(where_it_opens(problem))
            .on_hover_cursor(egui::CursorIcon::PointingHand)
            .clicked();
        if clicked {
            out.command(opens(problem));
        }
    }
}

/// What clicking the problem does.
fn opens(problem: &Problem) -> Command {
    match (problem.record, problem.field) {
        (Some(record), Some(field)) => Command::SelectAt(record, field),
        (Some(Record::Participant(id)), None) => Command::SelectParticipant(id),
        (Some(Record::Meeting(id)), None) => Command::SelectMeeting(id),
        (Some(Record::Commitment(id)), None) => Command::SelectCommitment(id),
        (Some(Record::Person(_)), None) => Command::ShowTab(Tab::Participants),
        (Some(Record::Series(_)), None) => Command::ShowTab(Tab::Timeline),
        // Marking levels and capability areas are the register's own.
        (None, _) => Command::ShowTab(Tab::Register),
    }
}

fn where_it_opens(problem: &Problem) -> &'static str {
    match (problem.record, problem.field) {
        (None, _) => "Open the register's settings",
        (Some(_), Some(Field::Name | Field::Title | Field::Code)) => {
            "Open the record with the keyboard in that field"
        }
        _ => "Open the record at the part concerned",
    }
}
