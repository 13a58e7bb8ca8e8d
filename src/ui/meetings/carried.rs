//! Actions carried over from earlier sessions, shown in the later session
//! where they are still owed, and copies of one action made one.

use egui::{RichText, Ui};

use crate::edit::{self, Edit};
use crate::model::{ActionAt, CarriedOver, Field, Record, Register};
use crate::ui::{Command, Outbox, theme};

/// The actions carried over to a meeting (`Register::carried_over`, kept
/// by the panel once per edit), each saying where it was raised. Its
/// "Done" is the one kept where it was raised, so ticking it here closes
/// it in every session that shows it.
pub(super) fn carried_ui(
    ui: &mut Ui,
    register: &Register,
    carried: &[CarriedOver],
    out: &mut Outbox,
) {
    if carried.is_empty() {
        return;
    }
    ui.label(RichText::new("Carried over").strong());
    for (k, item) in carried.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            carried_item_ui(ui, register, k + 1, item, out);
        });
    }
    ui.add_space(theme::SECTION_GAP);
}

fn carried_item_ui(
    ui: &mut Ui,
    register: &Register,
    n: usize,
    item: &CarriedOver,
    out: &mut Outbox,
) {
    let action = &item.action;
    ui.horizontal_wrapped(|ui| {
        let mut done = action.done;
        let toggled = ui
            .add_enabled(item.at.is_some(), egui::Checkbox::new(&mut done, "Done"))
            .on_hover_text("Done once, done in every session that shows it")
            .on_disabled_hover_text("The action is no longer where it was raised")
            .accessible_name(format!("Carried-over action {n} done"))
            .changed();
        if toggled && let Some(at) = item.at {
            set_done(register, at, done, out);
        }
        ui.label(&action.text);
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(owner) = action.owner {
            ui.label(format!("Owner: {}", register.owner_name(owner)));
        }
        if let Some(due) = action.due {
            ui.label(format!("Due {}", due.format("%-d %B %Y")));
        }
        ui.weak(register.carried_from(item.from));
        if let Some(at) = item.at
            && ui
                .small_button("Open")
                .on_hover_text("Open the session where the action was raised")
                .accessible_name(format!("Open where carried-over action {n} was raised"))
                .clicked()
        {
            out.command(Command::SelectAt(
                Record::Meeting(at.meeting),
                Field::Action(at.index),
            ));
        }
    });
}

/// Marks the action at `at` done or open where it lives.
fn set_done(register: &Register, at: ActionAt, done: bool, out: &mut Outbox) {
    let Some(meeting) = register.meeting(at.meeting) else {
        return;
    };
    let mut meeting = meeting.clone();
    if let Some(action) = meeting.actions.get_mut(at.index) {
        action.done = done;
        out.edit(Edit::Meeting(at.meeting, Some(meeting)));
    }
}

/// Under an action that is one of several copies (a file from before
/// actions carried over as one): where the others are, and the button that
/// makes them one action in one undo step.
pub(super) fn copies_ui(ui: &mut Ui, register: &Register, at: ActionAt, out: &mut Outbox) {
    let Some(group) = register.copy_group(at) else {
        return;
    };
    let others: Vec<String> = group
        .copies
        .iter()
        .filter(|copy| **copy != at)
        .map(|copy| register.session_name(copy.meeting))
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("Also written as a copy in {}", others.join(", ")))
                .color(ui.visuals().warn_fg_color),
        );
        if ui
            .button("Make one action")
            .on_hover_text(
                "Keep the action where it was raised, carried over to the later sessions, \
                 and remove the copies",
            )
            .accessible_name(format!("Make action {} one action", at.index + 1))
            .clicked()
            && let Some(edit) = edit::make_actions_one(register, at)
        {
            out.edit(edit);
        }
    });
}
