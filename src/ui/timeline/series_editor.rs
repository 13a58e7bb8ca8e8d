//! The series list and editor beside the timeline: name, first session,
//! time, place, convenors, the cadence, exceptions, and the next sessions
//! the cadence gives with "Schedule this session".

use chrono::{Days, NaiveDate};
use egui::Ui;

use crate::calendar::occurrences;
use crate::edit::Edit;
use crate::model::{
    Field, MeetingFormat, OccurrenceChange, Record, Register, SeriesException, SeriesId,
    SessionSeries,
};
use crate::ui::delete_button::{DeleteRefusals, delete_button_ui};
use crate::ui::shown_error;
use crate::ui::widgets::text_row;
use crate::ui::widgets::{
    checked_time_ui, choice_ui, date_ui, ends_after, form_row, optional_date_ui, participant_ui,
    starts_before, time_zone_ui,
};
use crate::ui::{Command, Outbox, focus, widgets};

/// How many upcoming sessions the editor lists.
const UPCOMING: usize = 6;

/// The list of series, then the editor of the selected one.
pub(super) fn series_ui(
    ui: &mut Ui,
    selected: &mut Option<SeriesId>,
    register: &Register,
    today: NaiveDate,
    (revision, refusals): (u64, &mut DeleteRefusals),
    out: &mut Outbox,
) {
    if selected.is_some_and(|id| register.session_series(id).is_none()) {
        *selected = None;
    }
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.heading("Session series");
        if ui.button("New series").clicked() {
            out.command(Command::NewSeries);
        }
    });
    let mut names: Vec<_> = register.series.iter().collect();
    names.sort_by_key(|(id, s)| (s.name.to_lowercase(), **id));
    if names.is_empty() {
        ui.weak("No series yet. A series projects its future sessions on the timeline.");
    }
    for (id, series) in names {
        let label = if series.name.is_empty() {
            "(no name)"
        } else {
            series.name.as_str()
        };
        if ui.selectable_label(*selected == Some(*id), label).clicked() {
            *selected = Some(*id);
        }
    }
    ui.separator();
    let Some((id, series)) = selected.and_then(|id| register.session_series(id).map(|s| (id, s)))
    else {
        return;
    };
    // Each series keeps its own place, so one opens at its name.
    egui::ScrollArea::vertical()
        .id_salt(("series-editor", id.0))
        .show(ui, |ui| {
            let mut edited = series.clone();
            // Per series, so a date or time typed wrong stays with its series.
            ui.push_id(id, |ui| editor_ui(ui, register, id, &mut edited, today));
            if &edited != series {
                out.edit(Edit::Series(id, Some(edited)));
            }
            upcoming_ui(ui, register, id, series, today, out);
            ui.add_space(8.0);
            let target = Record::Series(id);
            let refused = refusals.refusal(register, revision, target);
            delete_button_ui(ui, target, refused, out);
            crate::ui::focus_ring::reveal(ui);
        });
}

fn editor_ui(
    ui: &mut Ui,
    register: &Register,
    id: SeriesId,
    series: &mut SessionSeries,
    today: NaiveDate,
) {
    let record = Record::Series(id);
    egui::Grid::new("series_form")
        .num_columns(2)
        .show(ui, |ui| {
            let name = text_row(ui, "Name", &mut series.name);
            focus::at_field(ui, name, record, Field::Name);
            text_row(ui, "Short name", &mut series.short_name)
                .on_hover_text("The series in document references, e.g. DM for Defence ministers");
            let first = form_row(ui, "First session", |ui| {
                optional_date_ui(ui, "series_first", &mut series.first, today)
            });
            focus::at_field(ui, first, record, Field::Date);
            let starts = form_row(ui, "Starts", |ui| {
                let end = series.end;
                checked_time_ui(ui, "series_start", &mut series.start, |start| {
                    starts_before(start, end)
                })
            });
            focus::at_field(ui, starts, record, Field::Times);
            form_row(ui, "Ends", |ui| {
                let start = series.start;
                checked_time_ui(ui, "series_end", &mut series.end, |end| {
                    ends_after(start, end)
                })
            });
            form_row(ui, "Time zone", |ui| {
                time_zone_ui(ui, "series_zone", &mut series.time_zone)
            });
            text_row(ui, "Location", &mut series.location);
            form_row(ui, "Format", |ui| {
                choice_ui(
                    ui,
                    "series_format",
                    &mut series.format,
                    &MeetingFormat::ALL,
                    |f| f.label(),
                )
            });
            let convenors = form_row(ui, "Convenors", |ui| {
                ui.vertical(|ui| {
                    let mut remove = None;
                    for (i, convenor) in series.convenors.iter().enumerate() {
                        ui.horizontal(|ui| {
                            let name = register.participant_name(*convenor);
                            ui.label(&name);
                            if widgets::remove_button(
                                ui,
                                "Remove this convenor",
                                format!("Remove convenor {name}"),
                            ) {
                                remove = Some(i);
                            }
                        });
                    }
                    if let Some(i) = remove {
                        series.convenors.remove(i);
                    }
                    let mut add = None;
                    if participant_ui(ui, "series_add_convenor", register, &mut add, true)
                        .accessible_name("Add convenor")
                        .changed()
                        && let Some(p) = add
                        && !series.convenors.contains(&p)
                    {
                        series.convenors.push(p);
                    }
                })
                .response
            });
            focus::at_field(ui, convenors, record, Field::Convenors);
        });
    ui.add_space(6.0);
    let cadence = ui.strong("Cadence");
    focus::at_fields(ui, cadence, record, &[Field::Cadence, Field::Exceptions]);
    super::cadence_editor::cadence_ui(ui, series, today);
    ui.add_space(6.0);
    exceptions_ui(ui, series);
}

fn exceptions_ui(ui: &mut Ui, series: &mut SessionSeries) {
    ui.strong("Exceptions");
    if series.exceptions.is_empty() {
        ui.weak("None: every session falls as the cadence says.");
    }
    let mut remove = None;
    for (i, exception) in series.exceptions.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let occurrence = exception.occurrence;
            ui.label(occurrence.to_string());
            let mut moved = matches!(exception.change, OccurrenceChange::MovedTo(_));
            let before = moved;
            choice_ui(
                ui,
                &format!("exception_kind_{i}"),
                &mut moved,
                &[false, true],
                |m| {
                    if m { "moved to" } else { "cancelled" }
                },
            )
            .accessible_name(format!("Session of {occurrence}"));
            if moved != before {
                exception.change = if moved {
                    OccurrenceChange::MovedTo(
                        exception
                            .occurrence
                            .succ_opt()
                            .unwrap_or(exception.occurrence),
                    )
                } else {
                    OccurrenceChange::Cancelled
                };
            }
            if let OccurrenceChange::MovedTo(day) = &mut exception.change {
                date_ui(ui, &format!("exception_day_{i}"), day);
            }
            if widgets::remove_button(
                ui,
                "The session falls as the cadence says again",
                format!("Remove the exception for {occurrence}"),
            ) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        series.exceptions.remove(i);
    }
}

/// The next sessions the cadence gives, each with its actions.
fn upcoming_ui(
    ui: &mut Ui,
    register: &Register,
    id: SeriesId,
    series: &SessionSeries,
    today: NaiveDate,
    out: &mut Outbox,
) {
    ui.add_space(6.0);
    ui.strong("Next sessions");
    let until = today.checked_add_days(Days::new(2 * 366)).unwrap_or(today);
    let found = match occurrences(id, series, today, until) {
        Ok(found) => found,
        Err(error) => {
            shown_error::label(ui, error.to_string());
            return;
        }
    };
    if found.is_empty() {
        ui.weak("The cadence gives no session from today on.");
    }
    for occurrence in found.into_iter().take(UPCOMING) {
        // Wraps in a narrow editor, so Cancel and Move stay in view.
        ui.horizontal_wrapped(|ui| {
            let scheduled = register.meetings.values().any(|m| {
                m.series == Some(id)
                    && (m.date == occurrence.date || m.date == occurrence.cadence_date)
            });
            ui.label(occurrence.date.format("%a %-d %b %Y").to_string());
            if occurrence.cancelled {
                ui.weak("cancelled");
            } else if scheduled {
                ui.weak("scheduled");
            } else {
                let schedule = Command::ScheduleSession {
                    series: occurrence.series,
                    date: occurrence.date,
                };
                if ui
                    .button(schedule.label())
                    .on_hover_text(schedule.tooltip())
                    .clicked()
                {
                    out.command(schedule);
                }
            }
            let has_exception = series
                .exceptions
                .iter()
                .any(|e| e.occurrence == occurrence.cadence_date);
            if !has_exception
                && !scheduled
                && ui
                    .small_button("Cancel")
                    .on_hover_text("Cancel this one session")
                    .clicked()
            {
                let mut edited = series.clone();
                edited.exceptions.push(SeriesException {
                    occurrence: occurrence.cadence_date,
                    change: OccurrenceChange::Cancelled,
                });
                edited.exceptions.sort_by_key(|e| e.occurrence);
                out.edit(Edit::Series(id, Some(edited)));
            }
            if !has_exception
                && !scheduled
                && ui
                    .small_button("Move")
                    .on_hover_text("Move this one session to another day")
                    .clicked()
            {
                let mut edited = series.clone();
                edited.exceptions.push(SeriesException {
                    occurrence: occurrence.cadence_date,
                    change: OccurrenceChange::MovedTo(
                        occurrence.date.succ_opt().unwrap_or(occurrence.date),
                    ),
                });
                edited.exceptions.sort_by_key(|e| e.occurrence);
                out.edit(Edit::Series(id, Some(edited)));
            }
        });
    }
}
