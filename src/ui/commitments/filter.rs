//! Which commitments the table shows, and the bar that sets it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use egui::Ui;

use crate::ui::find_choice::{Choice, find_choice_ui};

use crate::model::{Commitment, CommitmentId, CommitmentStatus, ParticipantId, Register, Route};
use crate::ui::widgets;

/// The width of the "30 days" field and its unit.
const DAYS_WIDTH: f32 = 90.0;

/// The officer's choice of commitments; `None` and an empty text mean "Any".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommitmentFilter {
    pub participant: Option<ParticipantId>,
    pub area: Option<String>,
    pub status: Option<CommitmentStatus>,
    pub route: Option<Route>,
    /// Only commitments still open and due within this many days from
    /// today (overdue ones included: they are the most urgent).
    pub due_within: Option<u32>,
    /// Only overdue commitments.
    pub overdue_only: bool,
    /// Matched, ignoring case, against title, description, conditions and
    /// the participant's name and code.
    pub text: String,
}

impl CommitmentFilter {
    /// Whether the filter lets every commitment through.
    pub fn is_empty(&self) -> bool {
        self.participant.is_none()
            && self.area.is_none()
            && self.status.is_none()
            && self.route.is_none()
            && self.due_within.is_none()
            && !self.overdue_only
            && self.text.trim().is_empty()
    }

    /// The matching commitments, in id order.
    pub fn matching(&self, register: &Register, today: NaiveDate) -> Vec<CommitmentId> {
        let (needle, named) = self.needle(register);
        register
            .commitments
            .iter()
            .filter(|(_, c)| self.admits(c, today, &needle, &named))
            .map(|(id, _)| *id)
            .collect()
    }

    /// Whether commitment `id` is in the register and matches.
    pub fn admits_one(&self, register: &Register, id: CommitmentId, today: NaiveDate) -> bool {
        let (needle, named) = self.needle(register);
        register
            .commitment(id)
            .is_some_and(|c| self.admits(c, today, &needle, &named))
    }

    /// The find text as compared, and the participants whose name or
    /// code holds it.
    fn needle(&self, register: &Register) -> (String, BTreeSet<ParticipantId>) {
        let needle = self.text.trim().to_lowercase();
        // Participants are few and commitments many, so names and codes are
        // matched once here rather than once per commitment.
        let named: BTreeSet<ParticipantId> = if needle.is_empty() {
            BTreeSet::new()
        } else {
            register
                .participants
                .iter()
                .filter(|(_, p)| contains(&p.name, &needle) || contains(&p.code, &needle))
                .map(|(id, _)| *id)
                .collect()
        };
        (needle, named)
    }

    fn admits(
        &self,
        c: &Commitment,
        today: NaiveDate,
        needle: &str,
        named: &BTreeSet<ParticipantId>,
    ) -> bool {
        self.due_within
            .is_none_or(|days| c.is_due_within(today, days) || c.is_overdue(today))
            && (!self.overdue_only || c.is_overdue(today))
            && self.participant.is_none_or(|p| c.participant == p)
            && self.area.as_ref().is_none_or(|a| &c.area == a)
            && self.status.is_none_or(|s| c.status == s)
            && self.route.is_none_or(|r| c.route == r)
            && (needle.is_empty()
                || named.contains(&c.participant)
                || contains(&c.title, needle)
                || contains(&c.description, needle)
                || contains(&c.conditions, needle))
    }
}

fn contains(haystack: &str, lowercase_needle: &str) -> bool {
    haystack.to_lowercase().contains(lowercase_needle)
}

/// The filter widgets. Returns true when "New commitment" was clicked.
pub fn filter_bar_ui(ui: &mut Ui, register: &Register, filter: &mut CommitmentFilter) -> bool {
    let mut new = false;
    ui.horizontal_wrapped(|ui| {
        let command = crate::ui::Command::NewCommitment;
        new = ui
            .add_enabled(
                !register.participants.is_empty(),
                egui::Button::new(command.label()),
            )
            .on_hover_text(command.tooltip())
            .on_disabled_hover_text("Add a participant first")
            .clicked();
        ui.separator();
        let hint = Some("title, description, participant…");
        widgets::labelled_line(ui, "Filter", &mut filter.text, hint, 200.0);
        let (participant, areas) = (&mut filter.participant, &register.capability_areas);
        widgets::labelled(ui, "Participant", |ui| {
            widgets::participant_ui(ui, "filter_participant", register, participant, true)
        });
        widgets::labelled(ui, "Area", |ui| {
            any_ui(ui, "filter_area", &mut filter.area, areas, |a| a.clone())
        });
        let status = &mut filter.status;
        widgets::labelled(ui, "Status", |ui| {
            any_ui(ui, "filter_status", status, &CommitmentStatus::ALL, |s| {
                s.label().to_string()
            })
        });
        widgets::labelled(ui, "Route", |ui| {
            any_ui(ui, "filter_route", &mut filter.route, &Route::ALL, |r| {
                r.label().to_string()
            })
        });
        let label = ui.label("Due within");
        let mut limited = filter.due_within.is_some();
        let mut days = filter.due_within.unwrap_or(30);
        ui.checkbox(&mut limited, "")
            .labelled_by(label.id)
            .on_hover_text("Only open commitments due within this many days, and overdue ones");
        // The number and its unit go to the next line together: a group
        // of widgets does not wrap as one.
        if ui.available_size_before_wrap().x < DAYS_WIDTH {
            ui.end_row();
        }
        ui.horizontal_top(|ui| {
            ui.add_enabled_ui(limited, |ui| {
                widgets::whole_number_ui(ui, "filter_due_days", &mut days, 0..=3650)
                    .accessible_name("Days");
            });
            ui.label("days");
        });
        filter.due_within = limited.then_some(days);
        ui.checkbox(&mut filter.overdue_only, "Overdue only");
        if ui
            .add_enabled(!filter.is_empty(), egui::Button::new("Clear filters"))
            .clicked()
        {
            *filter = CommitmentFilter::default();
        }
    });
    new
}

/// A picker over `options` with "Any" for `None`, found by typing.
fn any_ui<T: Clone + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut Option<T>,
    options: &[T],
    label: impl Fn(&T) -> String,
) -> egui::Response {
    let shown = value.as_ref().map(&label).unwrap_or_else(|| "Any".into());
    let mut choices = vec![Choice::new(None, "Any")];
    choices.extend(
        options
            .iter()
            .map(|option| Choice::new(Some(option.clone()), label(option))),
    );
    find_choice_ui(ui, id_salt, shown, value, &choices, None)
}
