//! "Since last session" beside the dashboard: pick a meeting, see what
//! moved since the previous session of its series, export it as CSV.

use egui::{RichText, Ui};

use crate::model::{MeetingId, Register};
use crate::revision_cache::RevisionCache;
use crate::tracking::since::money_words;
use crate::tracking::{SessionChanges, since_last_session};
use crate::ui::{Command, Outbox, theme, widgets};

/// Draws the section; the changes are recomputed only when the register
/// or the chosen meeting changed.
pub fn since_ui(
    ui: &mut Ui,
    register: &Register,
    revision: u64,
    meeting: &mut Option<MeetingId>,
    cached: &mut RevisionCache<(u64, MeetingId), Option<SessionChanges>>,
    out: &mut Outbox,
) {
    ui.heading("Since last session");
    if meeting.is_none() {
        // The latest meeting held or planned is what the officer prepares for.
        *meeting = register.meetings_by_date().last().copied();
    }
    ui.horizontal(|ui| {
        let label = ui.label("Meeting");
        widgets::meeting_ui(ui, "since_meeting", register, meeting).labelled_by(label.id);
    });
    let Some(id) = *meeting else {
        ui.weak("No meetings yet.");
        return;
    };
    let changes = cached.get_or_update((revision, id), || since_last_session(register, id).ok());
    let Some(changes) = changes else {
        ui.weak("That meeting is no longer in the register.");
        return;
    };
    match changes.previous {
        Some(previous) => ui.label(format!("Since {}", register.meeting_title(previous))),
        None => ui.label("First session of its series: everything up to it"),
    };
    ui.horizontal(|ui| {
        for command in [
            Command::PrintSinceLastSession(id),
            Command::ExportChangesCsv(id),
        ] {
            if ui
                .button(command.label())
                .on_hover_text(command.tooltip())
                .clicked()
            {
                out.command(command);
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("since_scroll")
        .show(ui, |ui| changes_ui(ui, register, changes, out));
}

fn changes_ui(ui: &mut Ui, register: &Register, changes: &SessionChanges, out: &mut Outbox) {
    if changes.is_empty() {
        ui.weak("Nothing moved.");
        return;
    }
    let title = |id| {
        register
            .commitment(id)
            .map(|c| format!("{}: {}", register.participant_code(c.participant), c.title))
            .unwrap_or_default()
    };
    let mut link = |ui: &mut Ui, id, text: String| {
        if ui.link(text).clicked() {
            out.command(Command::SelectCommitment(id));
        }
    };
    section(ui, "New commitments", changes.new_commitments.len());
    for &id in &changes.new_commitments {
        link(ui, id, title(id));
    }
    section(ui, "Status changes", changes.status_changes.len());
    for step in &changes.status_changes {
        let from = step.from.map(|s| s.label()).unwrap_or("none");
        link(
            ui,
            step.commitment,
            format!(
                "{} {}: {from} to {}",
                step.date,
                title(step.commitment),
                step.to.label()
            ),
        );
    }
    section(ui, "Deliveries", changes.deliveries.len());
    for delivery in &changes.deliveries {
        link(
            ui,
            delivery.commitment,
            format!(
                "{} {}: {}",
                delivery.date,
                title(delivery.commitment),
                delivery.text()
            ),
        );
    }
    if !changes.money.is_empty() {
        section(ui, "Money", changes.money.len());
        for (currency, totals) in &changes.money {
            ui.label(format!("{currency}: {}", money_words(currency, totals)));
        }
    }
    section(ui, "Became overdue", changes.became_overdue.len());
    for &id in &changes.became_overdue {
        link(ui, id, title(id));
    }
    section(ui, "Open actions", changes.open_actions.len());
    for action in &changes.open_actions {
        let owner = action
            .owner
            .map(|o| register.owner_short_name(o))
            .unwrap_or_else(|| "no owner".into());
        let due = action.due.map(|d| format!(", due {d}")).unwrap_or_default();
        ui.label(format!("{} ({owner}{due})", action.text));
    }
}

fn section(ui: &mut Ui, title: &str, count: usize) {
    ui.add_space(theme::SECTION_GAP / 2.0);
    ui.label(RichText::new(format!("{title} ({count})")).strong());
}
