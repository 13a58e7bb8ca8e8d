//! On behalf of whom, on a meeting's attendance row: which participant
//! represented it, and who sat for it without being its official.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::attendance::keep_whole;
use super::details::chip;
use crate::model::{Attendance, MeetingId, ParticipantId, Register};

/// "Represented by": which other participant spoke for this one.
pub(super) fn represented_by_ui(
    ui: &mut Ui,
    register: &Register,
    (id, participant, name): (MeetingId, ParticipantId, &str),
    attendance: &mut Attendance,
) {
    let shown = attendance.represented_by.map_or_else(
        || "by —".to_owned(),
        |by| format!("by {}", register.participant_name(by)),
    );
    egui::ComboBox::from_id_salt(("represented-by", id.0, participant.0))
        .selected_text(shown)
        .width(crate::ui::widgets::fit_width(ui, 140.0))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut attendance.represented_by, None, "—")
                .on_hover_text("Not recorded who represented it");
            for other in register.participants_by_name() {
                if other != participant {
                    ui.selectable_value(
                        &mut attendance.represented_by,
                        Some(other),
                        register.participant_name(other),
                    );
                }
            }
        })
        .response
        .on_hover_text(format!("The participant that represented {name}"))
        .accessible_name(format!("Who represented {name}"));
}

/// People who sat for the participant without being its officials
/// ("Tore Sandvik, for Iceland"), and "+ sitting for" to name one: anyone
/// in the register who held no role for it on the day.
pub(super) fn stand_ins_ui(
    ui: &mut Ui,
    register: &Register,
    (participant, name, date): (ParticipantId, &str, NaiveDate),
    attendance: &mut Attendance,
) {
    let mut remove = None;
    for &person in &attendance.stand_ins {
        let text = RichText::new(format!("{}, for {name}", register.person_name(person)));
        keep_whole(ui, &text);
        let who = register.person_name(person);
        if chip(ui, text, &format!("Remove {who}, sitting for {name}")) {
            remove = Some(person);
        }
    }
    if let Some(person) = remove {
        attendance.stand_ins.retain(|d| *d != person);
    }
    let mut candidates: Vec<_> = register
        .people
        .iter()
        .filter(|&(p, person)| {
            !attendance.stand_ins.contains(p)
                && !attendance.delegates.contains(p)
                && person.role_for(participant, date).is_none()
        })
        .map(|(&p, person)| (person.name.to_lowercase(), p))
        .collect();
    candidates.sort();
    ui.menu_button("+ sitting for", |ui| {
        if candidates.is_empty() {
            ui.weak(format!("Everyone in the register is an official of {name}"));
        }
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .show(ui, |ui| {
                for (_, person) in candidates {
                    let stand_in = crate::report::stand_in_on(register, date, person);
                    let label = if stand_in.title.is_empty() {
                        stand_in.name
                    } else {
                        format!("{}, {}", stand_in.name, stand_in.title)
                    };
                    if ui.button(label).clicked() {
                        attendance.stand_ins.push(person);
                    }
                }
            });
    })
    .response
    .on_hover_text(format!(
        "Someone who sat for {name} without being its official, e.g. another \
         participant's minister"
    ))
    .accessible_name(format!("Add someone sitting for {name}"));
}
