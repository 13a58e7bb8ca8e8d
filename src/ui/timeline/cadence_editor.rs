//! The cadence part of the series editor: the shapes the editor offers
//! (weekly, monthly on a day, monthly on the nth weekday) and their ends;
//! any other RRULE stays editable as text.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use egui::Ui;

use crate::calendar::{Cadence, CadenceEnd, Rhythm};
use crate::model::SessionSeries;
use crate::model::recurrence::WEEKDAYS;
use crate::ui::widgets::text_row;
use crate::ui::widgets::{choice_ui, date_ui, form_row, whole_number_ui};

/// The editor's cadence shapes; anything else is kept as RRULE text.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    None,
    Weekly,
    MonthlyOnDay,
    MonthlyOnWeekday,
    Other,
}

pub(super) fn cadence_ui(ui: &mut Ui, series: &mut SessionSeries, today: NaiveDate) {
    let parsed = Cadence::parse(&series.cadence);
    let shape = match (series.cadence.trim().is_empty(), parsed.map(|c| c.rhythm)) {
        (true, _) => Shape::None,
        (_, Some(Rhythm::Weekly)) => Shape::Weekly,
        (_, Some(Rhythm::MonthlyOnDay(_))) => Shape::MonthlyOnDay,
        (_, Some(Rhythm::MonthlyOnWeekday { .. })) => Shape::MonthlyOnWeekday,
        (_, None) => Shape::Other,
    };
    let first = series.first.unwrap_or(today);
    let mut chosen = shape;
    egui::Grid::new("series_cadence")
        .num_columns(2)
        .show(ui, |ui| {
            form_row(ui, "Repeats", |ui| {
                let label = |s: Shape| match s {
                    Shape::None => "No fixed rhythm",
                    Shape::Weekly => "Weekly",
                    Shape::MonthlyOnDay => "Monthly on a day of the month",
                    Shape::MonthlyOnWeekday => "Monthly on the nth weekday",
                    Shape::Other => "Other rule (RRULE text)",
                };
                let all = [
                    Shape::None,
                    Shape::Weekly,
                    Shape::MonthlyOnDay,
                    Shape::MonthlyOnWeekday,
                ];
                choice_ui(ui, "series_shape", &mut chosen, &all, label)
            });
            if chosen != shape {
                let end = parsed.map_or(CadenceEnd::Never, |c| c.end);
                let rhythm = match chosen {
                    Shape::Weekly => Some(Rhythm::Weekly),
                    Shape::MonthlyOnDay => {
                        Some(Rhythm::MonthlyOnDay(i8::try_from(first.day()).unwrap_or(1)))
                    }
                    Shape::MonthlyOnWeekday => Some(Cadence::monthly_like(first).rhythm),
                    Shape::None | Shape::Other => None,
                };
                series.cadence = rhythm
                    .map(|rhythm| {
                        Cadence {
                            rhythm,
                            interval: 1,
                            end,
                        }
                        .to_rrule()
                    })
                    .unwrap_or_default();
            }
            let Some(mut cadence) = Cadence::parse(&series.cadence) else {
                if shape == Shape::Other {
                    text_row(ui, "RRULE", &mut series.cadence);
                }
                return;
            };
            // The stored text is rewritten only when the officer changes
            // the cadence: the same cadence can be written several ways
            // (a date-only or a UTC UNTIL, BYDAY=+2TH), and looking must
            // never edit.
            let shown = cadence;
            let unit = if cadence.rhythm == Rhythm::Weekly {
                "weeks"
            } else {
                "months"
            };
            form_row(ui, "Every", |ui| {
                ui.horizontal_top(|ui| {
                    let every = whole_number_ui(ui, "series_every", &mut cadence.interval, 1..=52);
                    ui.label(unit);
                    every
                })
                .inner
            });
            rhythm_rows_ui(ui, &mut cadence.rhythm);
            ends_row_ui(ui, &mut cadence.end, first);
            if cadence != shown {
                series.cadence = cadence.to_rrule();
            }
            form_row(ui, "Rule", |ui| {
                let rule = format!("{} (RRULE {})", cadence.describe(), series.cadence);
                ui.add(egui::Label::new(egui::RichText::new(rule).weak()).wrap())
            });
        });
}

/// The rows that say which day of the month a monthly cadence falls on.
fn rhythm_rows_ui(ui: &mut Ui, rhythm: &mut Rhythm) {
    match rhythm {
        Rhythm::Weekly => {}
        Rhythm::MonthlyOnDay(day) => {
            form_row(ui, "On day", |ui| {
                let row = ui.horizontal_top(|ui| {
                    let mut last = *day == -1;
                    let on_day = (!last).then(|| whole_number_ui(ui, "series_day", day, 1..=31));
                    if ui.checkbox(&mut last, "last day of the month").changed() {
                        *day = if last { -1 } else { 28 };
                    }
                    on_day
                });
                // On the last day the checkbox keeps its own words.
                row.inner.unwrap_or(row.response)
            });
        }
        Rhythm::MonthlyOnWeekday { nth, weekday } => {
            form_row(ui, "On the", |ui| {
                ui.horizontal(|ui| {
                    let nth = choice_ui(ui, "series_nth", nth, &[1, 2, 3, 4, -1], |n| match n {
                        1 => "1st",
                        2 => "2nd",
                        3 => "3rd",
                        4 => "4th",
                        _ => "last",
                    });
                    choice_ui(ui, "series_weekday", weekday, &WEEKDAYS, weekday_name)
                        .accessible_name("Weekday");
                    nth
                })
                .inner
            });
        }
    }
}

/// The row that says when the series ends: never, on a date, or after a
/// number of sessions.
fn ends_row_ui(ui: &mut Ui, end: &mut CadenceEnd, first: NaiveDate) {
    form_row(ui, "Ends", |ui| {
        ui.horizontal_top(|ui| {
            let mut kind = match *end {
                CadenceEnd::Never => 0,
                CadenceEnd::Until(_) => 1,
                CadenceEnd::Count(_) => 2,
            };
            let before = kind;
            let ends = choice_ui(ui, "series_end_kind", &mut kind, &[0, 1, 2], |k| match k {
                0 => "Never",
                1 => "On a date",
                _ => "After a number of sessions",
            });
            if kind != before {
                *end = match kind {
                    1 => CadenceEnd::Until(first.checked_add_days(Days::new(365)).unwrap_or(first)),
                    2 => CadenceEnd::Count(10),
                    _ => CadenceEnd::Never,
                };
            }
            match end {
                CadenceEnd::Never => {}
                CadenceEnd::Until(date) => {
                    date_ui(ui, "series_until", date).accessible_name("Last session on");
                }
                CadenceEnd::Count(n) => {
                    whole_number_ui(ui, "series_count", n, 1..=999)
                        .accessible_name("Number of sessions in all");
                    ui.label("sessions");
                }
            }
            ends
        })
        .inner
    });
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
