//! Draws report data as the preview shows it: the same values the PDF is
//! made from, in plain egui widgets.

use egui::{RichText, Ui};

use super::worker::PrintData;
use crate::report::{AttendanceRecord, MeetingSummary};

/// The preview of one report's data.
pub fn data_ui(ui: &mut Ui, data: &PrintData) {
    match data {
        PrintData::Summary(summary) => summary_ui(ui, summary),
        PrintData::Attendance(record) => attendance_ui(ui, record),
    }
}

/// The marking the pages will carry, or, when an included record's
/// marking cannot be ranked, that there is none to show.
fn marking_ui(ui: &mut Ui, marking: &str, refused: bool, register: &str) {
    ui.vertical_centered(|ui| {
        if refused {
            ui.colored_label(
                ui.visuals().error_fg_color,
                RichText::new("No marking can be worked out (see above)").strong(),
            );
        } else {
            ui.label(RichText::new(marking).strong());
        }
    });
    ui.weak(format!(
        "{register} — the marking above prints at the top and bottom of every page"
    ));
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).strong().size(15.0));
}

fn summary_ui(ui: &mut Ui, s: &MeetingSummary) {
    marking_ui(ui, &s.marking, !s.refusals.is_empty(), &s.register_name);
    ui.heading(&s.title);
    egui::Grid::new("preview-facts")
        .num_columns(2)
        .show(ui, |ui| {
            let mut fact = |label: &str, value: &str| {
                ui.strong(label);
                ui.label(value);
                ui.end_row();
            };
            if let Some(series) = &s.series {
                fact("Series", series);
            }
            fact("Date", &s.date);
            if let Some(times) = &s.times {
                fact("Time", times);
            }
            fact(
                "Location",
                if s.location.is_empty() {
                    "—"
                } else {
                    &s.location
                },
            );
            fact("Format", &s.format);
            fact("State", &s.state);
            fact("Convenors", &s.convenors.join(", "));
            let chairs: Vec<String> = s
                .chairs
                .iter()
                .map(|c| with_title(&c.name, &c.title))
                .collect();
            fact("Co-chairs", &chairs.join("; "));
        });
    if let Some(groups) = &s.attendance {
        heading(ui, &s.attendance_heading);
        for group in groups {
            ui.strong(&group.heading);
            for line in &group.lines {
                let delegates: Vec<String> = line
                    .delegates
                    .iter()
                    .map(|d| with_title(&d.name, &d.title))
                    .collect();
                ui.label(format!(
                    "{} ({}) — {}{}{}",
                    line.participant,
                    line.code,
                    line.status,
                    if delegates.is_empty() { "" } else { ": " },
                    delegates.join("; ")
                ));
            }
        }
    }
    if let Some(apologies) = s.apologies.as_ref().filter(|a| !a.is_empty()) {
        ui.label(format!("Apologies: {}", apologies.join(", ")));
    }
    text_section(ui, "Notes", s.notes.as_deref());
    if let Some(agenda) = s.agenda.as_ref().filter(|a| !a.is_empty()) {
        heading(ui, "Agenda");
        for (i, item) in agenda.iter().enumerate() {
            ui.strong(format!("{}. {}", i + 1, item.title));
            for (label, text) in [("Notes", &item.notes), ("Outcome", &item.outcome)] {
                if !text.is_empty() {
                    ui.label(format!("{label}: {text}"));
                }
            }
        }
    }
    if let Some(decisions) = s.decisions.as_ref().filter(|d| !d.is_empty()) {
        heading(ui, "Decisions");
        for (i, decision) in decisions.iter().enumerate() {
            ui.label(format!("{}. {decision}", i + 1));
        }
    }
    if let Some(actions) = s.actions.as_ref().filter(|a| !a.is_empty()) {
        heading(ui, "Action items");
        for action in actions {
            ui.label(format!(
                "{} — owner {}, due {}, {}",
                action.text,
                action.owner.as_deref().unwrap_or("—"),
                action.due.as_deref().unwrap_or("—"),
                if action.done { "done" } else { "open" }
            ));
        }
    }
    if let Some(commitments) = s.commitments.as_ref().filter(|c| !c.is_empty()) {
        heading(ui, "Commitments announced");
        for c in commitments {
            ui.label(format!(
                "{}: {} — {}, {}, {} — {}",
                c.participant,
                c.title,
                c.area,
                c.route,
                if c.amount.is_empty() {
                    "—"
                } else {
                    &c.amount
                },
                c.status
            ));
        }
        if let Some(totals) = &s.firm_totals {
            let totals: Vec<String> = totals.iter().map(|t| t.text.clone()).collect();
            ui.strong(format!(
                "Firm totals: {}",
                if totals.is_empty() {
                    "none".into()
                } else {
                    totals.join("; ")
                }
            ));
        }
    }
    text_section(ui, "Public statement", s.statement.as_deref());
    text_section(ui, "Restricted notes", s.restricted_notes.as_deref());
}

fn text_section(ui: &mut Ui, title: &str, text: Option<&str>) {
    if let Some(text) = text {
        heading(ui, title);
        ui.label(text);
    }
}

fn with_title(name: &str, title: &str) -> String {
    if title.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({title})")
    }
}

fn attendance_ui(ui: &mut Ui, record: &AttendanceRecord) {
    marking_ui(
        ui,
        &record.marking,
        !record.refusals.is_empty(),
        &record.register_name,
    );
    ui.heading(format!("Attendance record: {}", record.series));
    if record.sessions.is_empty() {
        ui.label("No session of this series has been held yet.");
        return;
    }
    egui::Grid::new("preview-attendance")
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Participant");
            for session in &record.sessions {
                ui.strong(&session.date);
            }
            ui.strong("Attended");
            ui.end_row();
            for row in &record.rows {
                ui.label(&row.participant);
                for presence in &row.presence {
                    ui.label(presence.label());
                }
                ui.label(row.attended.to_string());
                ui.end_row();
            }
        });
}
