//! On behalf of whom, on a meeting's attendance row: which participant
//! represented it, and who sat for it without being its official.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::attendance::keep_whole;
use super::details::chip;
use super::row_words::RowButtons;
use crate::model::{Attendance, MeetingId, ParticipantId, Register};
use crate::ui::find_choice::{Choice, find_choice_ui, find_to_add_ui};
use crate::ui::repeated::{self, PlainButton};
use crate::ui::widgets;

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
    let choices = || {
        let mut choices = vec![Choice::new(None, "—")];
        choices.extend(
            widgets::participant_choices(register)
                .into_iter()
                .filter(|c| c.value != participant)
                .map(|c| Choice::new(Some(c.value), c.label).also(c.also)),
        );
        choices
    };
    find_choice_ui(
        ui,
        ("represented-by", id.0, participant.0),
        shown,
        &mut attendance.represented_by,
        choices,
        Some(140.0),
    )
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
    buttons: &RowButtons,
) {
    let mut remove = None;
    for &person in &attendance.stand_ins {
        let who = register.person_name(person);
        let text = keep_whole(ui, RichText::new(format!("{who}, for {name}")));
        let cross = buttons.remove.clone();
        if chip(
            ui,
            text,
            &format!("Remove {who}, sitting for {name}"),
            cross,
        ) {
            remove = Some(person);
        }
    }
    if let Some(person) = remove {
        attendance.stand_ins.retain(|d| *d != person);
    }
    // Made only while the list is open or its hint shown: one attendance
    // row per participant, each with this list of everyone in the register.
    let stand_ins = &attendance.stand_ins;
    let delegates = &attendance.delegates;
    let candidates = || {
        let mut candidates: Vec<_> = register
            .people
            .iter()
            .filter(|&(p, person)| {
                !stand_ins.contains(p)
                    && !delegates.contains(p)
                    && person.role_for(participant, date).is_none()
            })
            .map(|(&p, person)| (person.name.to_lowercase(), p))
            .collect();
        candidates.sort();
        candidates
    };
    let choices = || {
        candidates()
            .into_iter()
            .map(|(_, person)| {
                let stand_in = crate::report::stand_in_on(register, date, person);
                let label = if stand_in.title.is_empty() {
                    stand_in.name
                } else {
                    format!("{}, {}", stand_in.name, stand_in.title)
                };
                Choice::new(person, label)
            })
            .collect()
    };
    let salt = ("sitting-for", participant.0);
    let plus = PlainButton::new(buttons.sitting_for.clone());
    let (button, added) = find_to_add_ui(ui, salt, plus, choices);
    let button = if repeated::may_show_tooltip(&button) {
        button.on_hover_ui(|ui| {
            if candidates().is_empty() {
                ui.label(format!("Everyone in the register is an official of {name}"));
            } else {
                ui.label(format!(
                    "Someone who sat for {name} without being its official, e.g. another \
                     participant's minister"
                ));
            }
        })
    } else {
        button
    };
    if let Some(person) = added {
        attendance.stand_ins.push(person);
    }
    button.accessible_name(format!("Add someone sitting for {name}"));
}
