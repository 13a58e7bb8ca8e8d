//! The "Change status" and "Record delivery" (or payment) forms under the
//! editor. They
//! fill a small draft and hand it to the model's workflow rules, which say
//! yes or say why not.

use chrono::NaiveDate;
use egui::{ComboBox, Grid, RichText, Ui};
use rust_decimal::Decimal;

use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, Delivery, MeetingId, Register, StatusMove,
};
use crate::ui::drop_down;
use crate::ui::shown_error;
use crate::ui::{theme, widgets};

/// Why a step's button waits.
const CORRECT_FIRST: &str = "Correct the text shown in red first";

/// The officer's draft of the next step, kept while the commitment stays
/// selected.
#[derive(Clone, Debug, Default)]
pub struct StatusForm {
    /// The commitment the draft is for; another selection starts afresh.
    pub commitment: Option<CommitmentId>,
    pub to: CommitmentStatus,
    /// The day of the step: today, or the day of the meeting picked.
    pub date: NaiveDate,
    pub note: String,
    pub meeting: Option<MeetingId>,
    /// The quantity of the next delivery.
    pub delivered: Decimal,
    /// The money of the next delivery, in the value's currency.
    pub paid: Decimal,
    /// The day of the delivery: today, or the day of the meeting picked.
    pub delivery_date: NaiveDate,
    pub delivery_meeting: Option<MeetingId>,
    pub delivery_note: String,
    /// Why the last status change was refused, shown under its button.
    pub status_refusal: Option<String>,
    /// Why the last delivery was refused, shown under its button.
    pub delivery_refusal: Option<String>,
}

impl StatusForm {
    /// The delivery the form records: what it says was delivered and
    /// paid, each only where the commitment counts it.
    fn delivery(&self, counts_quantity: bool, counts_value: bool) -> Delivery {
        Delivery {
            date: self.delivery_date,
            amount: if counts_quantity {
                self.delivered
            } else {
                Decimal::ZERO
            },
            paid: if counts_value {
                self.paid
            } else {
                Decimal::ZERO
            },
            note: self.delivery_note.clone(),
            meeting: self.delivery_meeting,
        }
    }

    fn reset_for(&mut self, id: CommitmentId, c: &Commitment, today: NaiveDate) {
        *self = StatusForm {
            commitment: Some(id),
            to: next_status(c.status),
            date: today,
            delivery_date: today,
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
    // Delivered with less than committed is an agreed reduction: say why.
    let short = form.to == CommitmentStatus::Delivered && !c.is_delivered_in_full();
    let mut day_refused = false;
    Grid::new("status_form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = ui.label("New status");
            let visuals = ui.visuals().clone();
            let mut picked = false;
            let list = ComboBox::from_id_salt("status_form_to")
                .selected_text(status_text(form.to, &visuals))
                .show_ui(ui, |ui| {
                    for option in CommitmentStatus::ALL {
                        let text = status_text(option, &visuals);
                        drop_down::entry(ui, &mut form.to, option, text, &mut picked);
                    }
                })
                .response
                .labelled_by(label.id);
            drop_down::keep_the_keyboard(ui, &list, picked);
            ui.end_row();
            let rows = [
                ("At meeting", "status_form_meeting"),
                ("On", "status_form_date"),
            ];
            let (meeting, day) = (&mut form.meeting, &mut form.date);
            day_refused = meeting_and_day_rows(ui, rows, register, (meeting, day), today);
            let (words, hint) = if backwards {
                ("Reason", "required: why it moves back")
            } else if short {
                ("Reason", "required: the agreed reduction")
            } else {
                ("Note", "optional")
            };
            widgets::labelled_line(ui, words, &mut form.note, Some(hint), 200.0);
            ui.end_row();
        });
    let why = if backwards {
        let (from, to) = (c.status.label(), form.to.label());
        Some(format!("This moves {from} back to {to}: say why."))
    } else if short {
        let so_far = c.progress().join(" and ");
        Some(format!(
            "Only {so_far} so far: say why it is Delivered with less."
        ))
    } else {
        None
    };
    if let Some(why) = why {
        ui.colored_label(ui.visuals().warn_fg_color, why);
    }
    if ui
        .add_enabled(!day_refused, egui::Button::new("Change status"))
        .on_hover_text("Record the step, dated, in the history")
        .on_disabled_hover_text(CORRECT_FIRST)
        .clicked()
    {
        let step = StatusMove {
            to: form.to,
            date: form.date,
            note: form.note.clone(),
            meeting: form.meeting,
        };
        match c.move_status(step, today) {
            Ok(()) => form.commitment = None,
            Err(error) => form.status_refusal = Some(error.to_string()),
        }
    }
    if let Some(refusal) = &form.status_refusal {
        shown_error::label(ui, refusal);
    }
    // Every firm commitment is delivered or paid, whatever it counts.
    if c.status.is_firm() {
        ui.add_space(theme::SECTION_GAP);
        ui.strong("Delivery");
        delivery_ui(ui, register, today, c, form);
    }
}

/// What was delivered and paid so far, and the form for the next
/// delivery: a quantity, a payment or both, as the commitment has them.
fn delivery_ui(
    ui: &mut Ui,
    register: &Register,
    today: NaiveDate,
    c: &mut Commitment,
    form: &mut StatusForm,
) {
    for line in c.progress() {
        ui.label(line);
    }
    let quantity = c.quantity.clone();
    let value = c.value.clone();
    if quantity.is_none() && value.is_none() {
        ui.weak(
            "Nothing to count deliveries against: give the commitment a quantity or a value above.",
        );
        return;
    }
    let money_only = quantity.is_none();
    let mut refused = false;
    Grid::new("delivery_form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            if let Some(quantity) = &quantity {
                let amount = widgets::form_row(ui, "Delivered now", |ui| {
                    ui.horizontal_top(|ui| {
                        let amount =
                            widgets::decimal_ui(ui, "delivery_amount", &mut form.delivered);
                        ui.label(&quantity.unit);
                        amount
                    })
                    .inner
                });
                refused |= widgets::holds_refused_text(ui, &amount);
            }
            if let Some(value) = &value {
                let paid = widgets::form_row(ui, "Paid now", |ui| {
                    ui.horizontal_top(|ui| {
                        // Currency first, as every sum reads.
                        ui.label(&value.currency);
                        widgets::decimal_ui(ui, "delivery_paid", &mut form.paid)
                    })
                    .inner
                });
                refused |= widgets::holds_refused_text(ui, &paid);
            }
            let day_label = if money_only {
                "Paid on"
            } else {
                "Delivered on"
            };
            let rows = [
                ("Reported at", "delivery_meeting"),
                (day_label, "delivery_date"),
            ];
            let (meeting, day) = (&mut form.delivery_meeting, &mut form.delivery_date);
            refused |= meeting_and_day_rows(ui, rows, register, (meeting, day), today);
            let note = &mut form.delivery_note;
            widgets::labelled_line(ui, "Delivery note", note, Some("optional"), 200.0);
            ui.end_row();
        });
    let button = if money_only {
        "Record payment"
    } else {
        "Record delivery"
    };
    if ui
        .add_enabled(!refused, egui::Button::new(button))
        .on_hover_text("Add it, dated, to the history")
        .on_disabled_hover_text(CORRECT_FIRST)
        .clicked()
    {
        match c.record_delivery(form.delivery(quantity.is_some(), value.is_some())) {
            Ok(()) => form.commitment = None,
            Err(error) => form.delivery_refusal = Some(error.to_string()),
        }
    }
    if let Some(refusal) = &form.delivery_refusal {
        shown_error::label(ui, refusal);
    }
}

/// Two rows of a form, each given as its words and salt: a meeting picker
/// that moves `day` to the meeting's day when the officer picks one (a
/// step announced at a meeting is dated by it), then the day, today at
/// the latest. Whether the day holds a refused text.
fn meeting_and_day_rows(
    ui: &mut Ui,
    [(meeting_words, meeting_salt), (day_words, day_salt)]: [(&str, &str); 2],
    register: &Register,
    (meeting, day): (&mut Option<MeetingId>, &mut NaiveDate),
    today: NaiveDate,
) -> bool {
    widgets::form_row(ui, meeting_words, |ui| {
        let response = widgets::meeting_ui(ui, meeting_salt, register, meeting);
        if response.changed()
            && let Some(picked) = meeting.and_then(|id| register.meeting(id))
        {
            *day = picked.date;
        }
        response
    });
    let day = widgets::form_row(ui, day_words, |ui| {
        widgets::checked_date_ui(ui, day_salt, day, widgets::not_after(today))
    });
    widgets::holds_refused_text(ui, &day)
}

/// A status in words, in its colour.
pub(super) fn status_text(status: CommitmentStatus, visuals: &egui::Visuals) -> RichText {
    RichText::new(status.label()).color(theme::commitment_status_colour(status, visuals))
}
