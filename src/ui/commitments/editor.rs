//! The form for one commitment. It edits a copy and hands back one edit
//! when the copy differs, so the register changes only through the app.

use crate::ui::widgets::Limited;
use chrono::NaiveDate;
use egui::{Grid, RichText, TextEdit, Ui};

use super::workflow::{self, StatusForm, status_text};
use crate::edit::Edit;
use crate::model::amounts;
use crate::model::{
    Commitment, CommitmentId, Delivery, Field, MeetingId, Money, Problem, Quantity, Record,
    Register, Route,
};
use crate::ui::delete_button::delete_button_ui;
use crate::ui::shown_error::FieldRefusal;
use crate::ui::{Outbox, PanelContext, focus, theme, widgets};

/// Currency offered when the officer first ticks "Has value".
const DEFAULT_CURRENCY: &str = "EUR";

/// Draws the form for commitment `id` (`original` as the register holds
/// it), its `problems` and its Delete… (greyed with `delete_refused`),
/// and emits at most one edit.
pub fn editor_ui(
    ui: &mut Ui,
    context: &PanelContext<'_>,
    (id, original): (CommitmentId, &Commitment),
    (problems, delete_refused): (&[Problem], Option<&str>),
    form: &mut StatusForm,
    out: &mut Outbox,
) {
    let PanelContext {
        register, today, ..
    } = *context;
    let mut c = original.clone();
    // Each commitment keeps its own place in the editor, so one opens at
    // its participant and title, not where the last was scrolled to.
    egui::ScrollArea::vertical()
        .id_salt(("commitment-editor", id.0))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Commitment");
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    delete_button_ui(ui, Record::Commitment(id), delete_refused, out);
                });
            });
            ui.add_space(theme::SECTION_GAP);
            // Per commitment, so a value typed wrong stays with its commitment.
            ui.push_id(id, |ui| {
                Grid::new("commitment_form")
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| fields_ui(ui, register, today, id, &mut c))
            });
            date_by_announcing_meeting(register, today, original, &mut c);
            crate::ui::problems::record_problems_ui(ui, problems, out);
            ui.add_space(theme::SECTION_GAP);
            ui.push_id(id, |ui| {
                workflow::workflow_ui(ui, register, today, id, &mut c, form)
            });
            ui.add_space(theme::SECTION_GAP);
            let history = ui.strong("History");
            let fields = [Field::History, Field::Deliveries];
            focus::at_fields(ui, history, Record::Commitment(id), &fields);
            ui.push_id(id, |ui| first_step_ui(ui, today, &mut c));
            history_ui(ui, register, &c);
            crate::ui::focus_ring::reveal(ui);
        });
    if c != *original {
        out.edit(Edit::Commitment(id, Some(c)));
    }
}

fn fields_ui(
    ui: &mut Ui,
    register: &Register,
    today: NaiveDate,
    id: CommitmentId,
    c: &mut Commitment,
) {
    let record = Record::Commitment(id);
    let participant = widgets::form_row(ui, "Participant", |ui| {
        // A commitment always has its participant: "none" is not offered.
        let mut participant = Some(c.participant);
        let salt = "commitment_participant";
        let response = widgets::participant_ui(ui, salt, register, &mut participant, false);
        c.participant = participant.unwrap_or(c.participant);
        response
    });
    focus::at_field(ui, participant, record, Field::Participant);
    // The picker wraps a long meeting title itself (see `meeting_ui`).
    let announced_at = widgets::form_row(ui, "Announced at", |ui| {
        widgets::meeting_ui(ui, "commitment_meeting", register, &mut c.announced_at)
    });
    focus::at_field(ui, announced_at, record, Field::AnnouncedAt);
    let title = widgets::text_row(ui, "Title", &mut c.title);
    focus::at_field(ui, title, record, Field::Title);
    widgets::multiline_row(ui, "Description", &mut c.description);
    let area = widgets::form_row(ui, "Area", |ui| {
        widgets::list_choice_ui(
            ui,
            "commitment_area",
            &mut c.area,
            &register.capability_areas,
        )
    });
    focus::at_field(ui, area, record, Field::Area);
    widgets::form_row(ui, "Route", |ui| {
        widgets::choice_ui(
            ui,
            "commitment_route",
            &mut c.route,
            &Route::ALL,
            Route::label,
        )
    });
    let quantity = optional_row(
        ui,
        "Quantity",
        &mut c.quantity,
        Quantity::default,
        |ui, q| {
            let amount = widgets::decimal_ui(ui, "commitment_quantity", &mut q.amount);
            TextEdit::singleline(&mut q.unit)
                .hint_text("unit")
                // What the editor leaves, so "instructors" is not cut
                // at its edge; at least room for a short unit.
                .desired_width(ui.available_width().clamp(56.0, 160.0))
                .name_in(ui)
                .accessible_name("Unit");
            amount
        },
    );
    focus::at_field(ui, quantity, record, Field::Quantity);
    let no_value = || Money {
        amount: Default::default(),
        currency: DEFAULT_CURRENCY.into(),
    };
    let value = optional_row(ui, "Value", &mut c.value, no_value, |ui, v| {
        // Currency first, as every sum reads ("EUR 1,600,000,000.00"),
        // which leaves the amount's reason room when it is refused.
        TextEdit::singleline(&mut v.currency)
            .hint_text("EUR")
            .desired_width(44.0)
            .name_in(ui)
            .accessible_name("Currency");
        widgets::decimal_ui(ui, "commitment_value", &mut v.amount)
    });
    focus::at_field(ui, value, record, Field::Value);
    widgets::multiline_row(ui, "Conditions", &mut c.conditions);
    widgets::form_row(ui, "Due", |ui| {
        widgets::optional_date_ui(ui, "commitment_due", &mut c.due, today)
    });
    let marking = widgets::form_row(ui, "Marking", |ui| {
        widgets::list_choice_ui(ui, "commitment_marking", &mut c.marking, &register.markings)
    });
    focus::at_field(ui, marking, record, Field::Marking);
    widgets::form_row(ui, "Status", |ui| {
        ui.horizontal(|ui| {
            ui.label(status_text(c.status, ui.visuals()));
            if c.is_overdue(today) {
                ui.colored_label(theme::overdue(ui.visuals()), "Overdue");
            }
        })
        .response
        .on_hover_text("Change it with the form below, so the step is dated in the history")
    });
}

/// The row of an optional part of a commitment (its quantity, its value):
/// a box ticked when it has one, then its `fields`, whose response (the
/// amount's) the row answers with.
fn optional_row<T>(
    ui: &mut Ui,
    label: &str,
    part: &mut Option<T>,
    new: impl FnOnce() -> T,
    fields: impl FnOnce(&mut Ui, &mut T) -> egui::Response,
) -> egui::Response {
    widgets::form_row(ui, label, |ui| {
        let row = ui.horizontal_top(|ui| {
            let what = label.to_lowercase();
            let mut has = part.is_some();
            // The row's label says what it is; the box alone leaves the
            // amount and its unit room in a narrow editor.
            if ui
                .checkbox(&mut has, "")
                .on_hover_text(format!("Tick when the commitment has a {what}"))
                .accessible_name(format!("Has {what}"))
                .changed()
            {
                *part = has.then(new);
            }
            part.as_mut().map(|part| fields(ui, part))
        });
        // Without an amount the row's checkbox keeps its own words.
        row.inner.unwrap_or(row.response)
    })
}

/// A commitment typed in the days after a session takes the session's day
/// for its first step when the officer names the meeting it was announced
/// at, so it can be pledged on that day. Where that would put the steps out
/// of order (or the meeting is still to come) the first step keeps its day,
/// and the officer may type one under History.
fn date_by_announcing_meeting(
    register: &Register,
    today: NaiveDate,
    original: &Commitment,
    c: &mut Commitment,
) {
    if c.announced_at == original.announced_at {
        return;
    }
    let Some(meeting) = c.announced_at.and_then(|m| register.meeting(m)) else {
        return;
    };
    // A refusal leaves the day as it was: nothing else depends on it.
    let _refused = c.date_first_step(meeting.date, today);
}

/// The day of the first step, typed: the day the commitment was first
/// heard of, which may be before the day it was typed in.
fn first_step_ui(ui: &mut Ui, today: NaiveDate, c: &mut Commitment) {
    let Some(first) = c.history.first() else {
        return;
    };
    let mut day = first.date;
    let next = c.history.get(1).map(|step| step.date);
    let check = move |date: NaiveDate| -> Result<(), FieldRefusal> {
        widgets::not_after(today)(date)?;
        match next {
            Some(next) if date > next => Err(FieldRefusal::new(format!(
                "{date} is after the next step on {next}: type an earlier day."
            ))),
            _ => Ok(()),
        }
    };
    ui.horizontal(|ui| {
        let label = ui.label("First step on");
        widgets::checked_date_ui(ui, "first_step_date", &mut day, check).labelled_by(label.id);
    });
    if day != first.date {
        let _refused = c.date_first_step(day, today);
    }
}

fn history_ui(ui: &mut Ui, register: &Register, c: &Commitment) {
    if c.history.is_empty() {
        ui.weak("No status changes recorded.");
        return;
    }
    // Notes and meeting titles wrap within the editor's width: the three
    // wrapping columns share what the date and the gaps leave, or the grid
    // is wider than the editor and the editor grows a little each frame.
    let column = ((ui.available_width() - 110.0) / 3.0).max(60.0);
    Grid::new("commitment_history")
        .num_columns(4)
        .max_col_width(column)
        .striped(true)
        .show(ui, |ui| {
            // A row: its day, what happened, its note, and the meeting
            // it was recorded at.
            let row =
                |ui: &mut Ui, day: NaiveDate, what: RichText, note: &str, at: Option<MeetingId>| {
                    ui.label(day.to_string());
                    ui.label(what);
                    ui.label(note);
                    ui.label(at.map(|m| register.meeting_title(m)).unwrap_or_default());
                    ui.end_row();
                };
            for change in &c.history {
                let what = status_text(change.status, ui.visuals());
                row(ui, change.date, what, &change.note, change.meeting);
            }
            for delivery in &c.deliveries {
                let what = RichText::new(delivery_text(c, delivery));
                row(ui, delivery.date, what, &delivery.note, delivery.meeting);
            }
        });
}

/// "Delivered 500 missiles", "Paid EUR 120,000,000.00", or both.
fn delivery_text(c: &Commitment, delivery: &Delivery) -> String {
    let mut parts = Vec::new();
    if !delivery.amount.is_zero() {
        let unit = c.quantity.as_ref().map_or("", |q| q.unit.as_str());
        parts.push(format!(
            "Delivered {}",
            amounts::quantity_of(delivery.amount, unit)
        ));
    }
    if !delivery.paid.is_zero() {
        let currency = c.value.as_ref().map_or("", |v| v.currency.as_str());
        let paid = amounts::money_in(currency, delivery.paid);
        parts.push(if parts.is_empty() {
            format!("Paid {paid}")
        } else {
            format!("paid {paid}")
        });
    }
    parts.join("; ")
}
