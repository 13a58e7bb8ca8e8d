//! The Approve form's choices: only what can be true. A record is approved
//! at a later meeting that was held, on the day it was held, or by written
//! procedure once the comment period of its circulation has ended; never
//! on a day that has not come. Each choice is asked of the core's rules
//! (`Meeting::move_allowed`), so the form offers exactly what the command
//! line and `check` accept.

use chrono::NaiveDate;
use egui::Ui;

use crate::model::{Meeting, MeetingId, MinutesError, MinutesMove, MinutesPlace, Register};
use crate::ui::shown_error::FieldRefusal;
use crate::ui::typed_field::holds_refused_text;
use crate::ui::widgets;

/// The ways the record can be approved today.
pub(super) struct ApprovalChoices {
    /// The held, later meetings that can have approved it, by date.
    pub meetings: Vec<MeetingId>,
    /// The first day a written procedure can be dated, or why there can be
    /// none yet.
    pub written: Result<NaiveDate, MinutesError>,
}

impl ApprovalChoices {
    pub fn of(meeting: &Meeting, place: MinutesPlace<'_>) -> ApprovalChoices {
        let register = place.register;
        let approve = |at| MinutesMove::Approve {
            at,
            by: String::new(),
        };
        let meetings = register
            .meetings_by_date()
            .into_iter()
            .filter(|other| {
                register.meeting(*other).is_some_and(|m| {
                    meeting
                        .move_allowed(approve(Some(*other)), m.date, place)
                        .is_ok()
                })
            })
            .collect();
        // The comment period's end, or else the first day the record could
        // move at all; today when neither is allowed, for the refusal.
        let first_day = [
            Some(meeting.date),
            meeting.minutes.history.last().map(|step| step.date),
            meeting.minutes.circulation().and_then(|c| c.comments_due),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(place.today);
        let written = meeting
            .move_allowed(approve(None), first_day, place)
            .map(|()| first_day)
            .or_else(|_| {
                meeting
                    .move_allowed(approve(None), place.today, place)
                    .map(|()| place.today)
            });
        ApprovalChoices { meetings, written }
    }

    /// What the form first offers: the next session of the series that
    /// approved it, else the written procedure, else the first meeting.
    pub fn likely(&self, register: &Register, meeting: &Meeting) -> (Option<MeetingId>, NaiveDate) {
        let same_series = self.meetings.iter().find(|id| {
            meeting.series.is_some()
                && register
                    .meeting(**id)
                    .is_some_and(|m| m.series == meeting.series)
        });
        let at_meeting = |id: MeetingId| register.meeting(id).map(|m| (Some(id), m.date));
        same_series
            .and_then(|id| at_meeting(*id))
            .or_else(|| self.written.as_ref().ok().map(|day| (None, *day)))
            .or_else(|| self.meetings.first().and_then(|id| at_meeting(*id)))
            .unwrap_or((None, meeting.date))
    }

    /// Whether anything can approve the record yet.
    pub fn any(&self) -> bool {
        !self.meetings.is_empty() || self.written.is_ok()
    }
}

/// The words for approval by written procedure in the form.
pub(super) const WRITTEN_PROCEDURE: &str = "No meeting: by written procedure";

/// The rows of the Approve form: where, then when. `at` and `on` are the
/// form's; choosing a meeting dates the approval the day it was held.
/// Returns whether the date field holds a text it refused, so Approve
/// waits for it.
pub(super) fn approval_rows_ui(
    ui: &mut Ui,
    meeting: &Meeting,
    place: MinutesPlace<'_>,
    choices: &ApprovalChoices,
    at: &mut Option<MeetingId>,
    on: &mut NaiveDate,
    salt: &str,
) -> bool {
    let register = place.register;
    let shown = at.map_or_else(
        || WRITTEN_PROCEDURE.to_string(),
        |id| register.meeting_title(id),
    );
    widgets::form_row(ui, "Approved at", |ui| {
        let before = *at;
        let response = egui::ComboBox::from_id_salt((salt, "at"))
            .selected_text(shown)
            .width(crate::ui::widgets::fit_width(ui, 320.0))
            .show_ui(ui, |ui| {
                for other in &choices.meetings {
                    ui.selectable_value(at, Some(*other), register.meeting_title(*other));
                }
                if let Ok(first_day) = choices.written
                    && ui
                        .selectable_value(at, None, WRITTEN_PROCEDURE)
                        .on_hover_text(
                            "Agreed when the comment period ends without objection \
                             (the silence procedure)",
                        )
                        .clicked()
                    && before.is_some()
                {
                    *on = first_day;
                }
            })
            .response;
        if *at != before
            && let Some(day) = at.and_then(|id| register.meeting(id)).map(|m| m.date)
        {
            *on = day;
        }
        response
    });
    let date = widgets::form_row(ui, "On", |ui| match at {
        Some(id) => {
            let held = register.meeting(*id).map_or(*on, |m| m.date);
            *on = held;
            ui.label(format!("{held} (the day that meeting was held)"))
        }
        None => {
            let check = |day: NaiveDate| {
                let step = MinutesMove::Approve {
                    at: None,
                    by: String::new(),
                };
                meeting
                    .move_allowed(step, day, place)
                    .map_err(|refused| FieldRefusal::new(format!("{refused}.")))
            };
            widgets::checked_date_ui(ui, &format!("{salt}-on"), on, check)
        }
    });
    at.is_none() && holds_refused_text(ui, &date)
}

/// Why the form offers fewer ways than it might: said under it, so a
/// missing choice is explained rather than just absent.
pub(super) fn approval_notes_ui(ui: &mut Ui, choices: &ApprovalChoices) {
    if choices.meetings.is_empty() {
        ui.weak(
            "No later meeting can have approved it yet: a record is approved at a meeting \
             that has been held, on the day it was held.",
        );
    }
    if let Err(why) = &choices.written {
        ui.weak(format!("Not by written procedure yet: {why}."));
    }
}
