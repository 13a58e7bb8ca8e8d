//! "Since last session" beside the dashboard: pick a meeting, see what
//! moved since the previous session of its series, export it as CSV.

use egui::{RichText, Ui};

use crate::model::{CommitmentId, MeetingId, Register};
use crate::revision_cache::RevisionCache;
use crate::tracking::since::money_words;
use crate::tracking::{SessionChanges, since_last_session};
use crate::ui::{Command, Outbox, widgets};

/// What the section shows for one meeting: worked out once per register
/// revision, since a week of a large register's changes is a thousand
/// lines or more, and only the lines in view are drawn each frame.
pub struct SinceShown {
    /// The previous session of the series, if any.
    previous: Option<MeetingId>,
    lines: Vec<Line>,
}

/// One line of the list.
enum Line {
    /// A section's name and count.
    Heading(String),
    /// A line naming a commitment: a click opens it.
    Commitment(CommitmentId, String),
    Plain(String),
}

/// Draws the section; the changes are recomputed only when the register
/// or the chosen meeting changed.
pub fn since_ui(
    ui: &mut Ui,
    register: &Register,
    revision: u64,
    meeting: &mut Option<MeetingId>,
    cached: &mut RevisionCache<(u64, MeetingId), Option<SinceShown>>,
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
    let shown = cached.get_or_update((revision, id), || {
        since_last_session(register, id)
            .ok()
            .map(|changes| SinceShown {
                previous: changes.previous,
                lines: lines(register, &changes),
            })
    });
    let Some(shown) = shown else {
        ui.weak("That meeting is no longer in the register.");
        return;
    };
    match shown.previous {
        Some(previous) => ui.label(format!("Since {}", register.meeting_title(previous))),
        None => ui.label("First session of its series: everything up to it"),
    };
    ui.horizontal(|ui| {
        for command in [
            Command::PrintSinceLastSession(id),
            Command::ExportChangesCsv(id),
        ] {
            widgets::command_button(ui, command, out);
        }
    });
    ui.separator();
    if shown.lines.is_empty() {
        ui.weak("Nothing moved.");
        return;
    }
    lines_ui(ui, &shown.lines, out);
}

/// The lines in view, one row each; a line too long for the panel ends
/// in "…" and shows whole on hover.
fn lines_ui(ui: &mut Ui, lines: &[Line], out: &mut Outbox) {
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    let row_height = ui.text_style_height(&egui::TextStyle::Body);
    egui::ScrollArea::vertical()
        .id_salt("since_scroll")
        .show_rows(ui, row_height, lines.len(), |ui, rows| {
            for line in lines.get(rows).unwrap_or_default() {
                let (shown, text) = match line {
                    Line::Heading(text) => (ui.label(RichText::new(text).strong()), text),
                    Line::Plain(text) => (ui.label(text), text),
                    Line::Commitment(id, text) => {
                        let link = ui.link(text);
                        if link.clicked() {
                            out.command(Command::SelectCommitment(*id));
                        }
                        (link, text)
                    }
                };
                widgets::whole_on_hover(shown, text);
            }
        });
}

/// Every line of the list, in the order the sections are read.
fn lines(register: &Register, changes: &SessionChanges) -> Vec<Line> {
    let mut lines = Vec::new();
    if changes.is_empty() {
        return lines;
    }
    let title = |id| {
        register
            .commitment(id)
            .map(|c| format!("{}: {}", register.participant_code(c.participant), c.title))
            .unwrap_or_default()
    };
    let heading = |title: &str, count: usize| Line::Heading(format!("{title} ({count})"));
    lines.push(heading("New commitments", changes.new_commitments.len()));
    for &id in &changes.new_commitments {
        lines.push(Line::Commitment(id, title(id)));
    }
    lines.push(heading("Status changes", changes.status_changes.len()));
    for step in &changes.status_changes {
        let from = step.from.map(|s| s.label()).unwrap_or("none");
        let text = format!(
            "{} {}: {from} to {}",
            step.date,
            title(step.commitment),
            step.to.label()
        );
        lines.push(Line::Commitment(step.commitment, text));
    }
    lines.push(heading("Deliveries", changes.deliveries.len()));
    for delivery in &changes.deliveries {
        let text = format!(
            "{} {}: {}",
            delivery.date,
            title(delivery.commitment),
            delivery.text()
        );
        lines.push(Line::Commitment(delivery.commitment, text));
    }
    if !changes.money.is_empty() {
        lines.push(heading("Money", changes.money.len()));
        for (currency, totals) in &changes.money {
            lines.push(Line::Plain(format!(
                "{currency}: {}",
                money_words(currency, totals)
            )));
        }
    }
    lines.push(heading("Became overdue", changes.became_overdue.len()));
    for &id in &changes.became_overdue {
        lines.push(Line::Commitment(id, title(id)));
    }
    lines.push(heading("Open actions", changes.open_actions.len()));
    for action in &changes.open_actions {
        let owner = action
            .owner
            .map(|o| register.owner_short_name(o))
            .unwrap_or_else(|| "no owner".into());
        let due = action.due.map(|d| format!(", due {d}")).unwrap_or_default();
        lines.push(Line::Plain(format!("{} ({owner}{due})", action.text)));
    }
    lines
}
