//! The "Change status" and "Record delivery" forms under the editor. They
//! fill a small draft and hand it to the model's workflow rules, which say
//! yes or say why not.

use chrono::NaiveDate;
use egui::{ComboBox, Grid, RichText, TextEdit, Ui};
use rust_decimal::Decimal;

use crate::model::amounts;
use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, Delivery, MeetingId, Register, StatusMove,
};
use crate::ui::{theme, widgets};

/// The officer's draft of the next step, kept while the commitment stays
/// selected.
#[derive(Clone, Debug, Default)]
pub struct StatusForm {
    /// The commitment the draft is for; another selection starts afresh.
    pub commitment: Option<CommitmentId>,
    pub to: CommitmentStatus,
    pub date: Option<NaiveDate>,
    pub note: String,
    pub meeting: Option<MeetingId>,
    pub delivered: Decimal,
    /// Why the last attempt was refused.
    pub refusal: Option<String>,
}

impl StatusForm {
    fn reset_for(&mut self, id: CommitmentId, c: &Commitment, today: NaiveDate) {
        *self = StatusForm {
            commitment: Some(id),
            to: next_status(c.status),
            date: Some(today),
            ..StatusForm::default()
        };
    }
}

/// The next rung up, as the form's first suggestion.
fn next_status(status: CommitmentStatus) -> CommitmentStatus {
    match status {
        CommitmentStatus::Proposed => CommitmentStatus::Pledged,
        CommitmentStatus::Pledged => CommitmentStatus::Committed,
        CommitmentStatus::Committed => CommitmentStatus::InDelivery,
        CommitmentStatus::InDelivery | CommitmentStatus::Delivered => CommitmentStatus::Delivered,
        CommitmentStatus::Withdrawn => CommitmentStatus::Pledged,
    }
}

/// Draws the forms; a step the rules accept is applied to `c`, which the
/// editor hands back as its one edit.
pub fn workflow_ui(
    ui: &mut Ui,
    register: &Register,
    today: NaiveDate,
    id: CommitmentId,
    c: &mut Commitment,
    form: &mut StatusForm,
) {
    if form.commitment != Some(id) {
        form.reset_for(id, c, today);
    }
    ui.strong("Change status");
    let backwards = c.status.is_backwards(form.to);
    Grid::new("status_form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("New status");
            ComboBox::from_id_salt("status_form_to")
                .selected_text(status_text(form.to))
                .show_ui(ui, |ui| {
                    for option in CommitmentStatus::ALL {
                        ui.selectable_value(&mut form.to, option, status_text(option));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            widgets::form_row(ui, "On", |ui| {
                widgets::optional_date_ui(ui, "status_form_date", &mut form.date, today)
            });
            widgets::form_row(ui, "At meeting", |ui| {
                widgets::meeting_ui(ui, "status_form_meeting", register, &mut form.meeting)
            });
            let label = ui.label(if backwards { "Reason" } else { "Note" });
            let hint = if backwards {
                "required: why it moves back"
            } else {
                "optional"
            };
            ui.add(
                TextEdit::singleline(&mut form.note)
                    .hint_text(hint)
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
    if backwards {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "This moves {} back to {}: say why.",
                c.status.label(),
                form.to.label()
            ),
        );
    }
    if ui
        .button("Change status")
        .on_hover_text("Record the step, dated, in the history")
        .clicked()
    {
        let step = StatusMove {
            to: form.to,
            date: form.date.unwrap_or(today),
            note: form.note.clone(),
            meeting: form.meeting,
        };
        match c.move_status(step) {
            Ok(()) => form.commitment = None,
            Err(error) => form.refusal = Some(error.to_string()),
        }
    }
    if let Some(quantity) = c.quantity.clone() {
        ui.add_space(theme::SECTION_GAP);
        ui.strong("Delivery");
        ui.label(format!(
            "Delivered so far: {} of {}",
            amounts::grouped(c.delivered_so_far()),
            amounts::quantity(&quantity)
        ));
        ui.horizontal(|ui| {
            let label = ui.label("Delivered now");
            widgets::decimal_ui(ui, "delivery_amount", &mut form.delivered).labelled_by(label.id);
            ui.label(&quantity.unit);
            if ui
                .button("Record delivery")
                .on_hover_text("Uses the date, meeting and note above")
                .clicked()
            {
                let delivery = Delivery {
                    date: form.date.unwrap_or(today),
                    amount: form.delivered,
                    note: form.note.clone(),
                    meeting: form.meeting,
                };
                match c.record_delivery(delivery) {
                    Ok(()) => form.commitment = None,
                    Err(error) => form.refusal = Some(error.to_string()),
                }
            }
        });
    }
    if let Some(refusal) = &form.refusal {
        ui.colored_label(ui.visuals().error_fg_color, refusal);
    }
}

fn status_text(status: CommitmentStatus) -> RichText {
    RichText::new(status.label()).color(theme::commitment_status_colour(status))
}
