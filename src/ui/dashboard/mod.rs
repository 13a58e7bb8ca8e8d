//! The dashboard: where the coalition stands, firm against announced, per
//! participant, area, route, status and currency, with two charts and
//! "since last session" for any meeting. Figures come from the core and
//! are recomputed only when the register (or the day) changed.

mod attendance;
pub mod axes;
mod charts;
mod session_lines;
mod since;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use egui::{Grid, RichText, Ui};
use rust_decimal::Decimal;

use crate::model::CommitmentStatus;
use crate::model::{MeetingId, Register, amounts};
use crate::revision_cache::RevisionCache;
use crate::tracking::{DashboardCache, DashboardFigures, Split, Totals, figures_table};
use crate::ui::shown_error;
use crate::ui::{Outbox, PanelContext, theme, widgets};

/// State of the dashboard panel.
#[derive(Default)]
pub struct DashboardPanel {
    cache: DashboardCache,
    /// The meeting "since last session" is shown for.
    pub since_meeting: Option<MeetingId>,
    since: RevisionCache<(u64, MeetingId), Option<since::SinceShown>>,
    /// Where each area's bar was drawn last frame (centre, on screen), so
    /// tests can click one as the officer would.
    pub bar_centres: Vec<(String, egui::Pos2)>,
    /// The statuses the area chart's legend listed last frame.
    pub legend: Vec<CommitmentStatus>,
    /// The revision whose figures were last copied, so "Copied" shows
    /// until the register changes.
    copied: Option<u64>,
    /// Each participant's attendance at held sessions, per revision.
    attendance: RevisionCache<u64, attendance::AttendanceTable>,
    /// The totals tables as text, per revision and day: some 700 figures
    /// written out every frame were a sixth of the panel's frame.
    totals: RevisionCache<(u64, NaiveDate), TotalsText>,
}

/// The totals tables as the panel shows them: each row's name and figures.
struct TotalsText {
    per_participant: Vec<[String; 3]>,
    per_area: Vec<[String; 3]>,
    per_route: Vec<[String; 3]>,
    per_status: Vec<(CommitmentStatus, String)>,
    per_currency: Vec<[String; 4]>,
}

impl TotalsText {
    fn of(register: &Register, figures: &DashboardFigures) -> Self {
        let split = |name: String, split: &Split| {
            [
                name,
                totals_text(&split.firm),
                totals_text(&split.announced),
            ]
        };
        TotalsText {
            per_participant: register
                .participants_by_name()
                .into_iter()
                .filter_map(|id| {
                    figures
                        .per_participant
                        .get(&id)
                        .map(|s| split(register.participant_name(id), s))
                })
                .collect(),
            per_area: figures
                .per_area
                .iter()
                .map(|(area, s)| split(area.clone(), s))
                .collect(),
            per_route: figures
                .per_route
                .iter()
                .map(|(route, s)| split(route.label().to_string(), s))
                .collect(),
            per_status: figures
                .per_status
                .iter()
                .map(|(status, totals)| (*status, totals_text(totals)))
                .collect(),
            per_currency: figures
                .money
                .iter()
                .map(|(currency, totals)| {
                    [
                        currency.clone(),
                        amounts::money_in(currency, totals.pledged),
                        amounts::money_in(currency, totals.firm),
                        amounts::money_in(currency, totals.paid),
                    ]
                })
                .collect(),
        }
    }
}

impl DashboardPanel {
    /// How many times the figures were computed (not fetched from cache).
    pub fn computations(&self) -> u64 {
        self.cache.computations()
    }

    /// Draws the panel. `revision` must change whenever the register does.
    pub fn ui(&mut self, ui: &mut Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let (register, today, revision) = context.parts();
        egui::Panel::right("dashboard_since")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                since::since_ui(
                    ui,
                    register,
                    revision,
                    &mut self.since_meeting,
                    &mut self.since,
                    out,
                );
            });
        let figures = match self.cache.figures(register, revision, today) {
            Ok(figures) => figures,
            Err(too_large) => {
                // A total past the largest decimal: the sentence, not a panic
                // and not a wrong figure.
                let sentence = too_large.to_string();
                egui::CentralPanel::default().show(ui, |ui| {
                    shown_error::label(ui, sentence);
                });
                return;
            }
        };
        let totals = self
            .totals
            .get_or_update((revision, today), || TotalsText::of(register, figures));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                headline_ui(ui, figures);
                copy_ui(ui, register, revision, figures, &mut self.copied);
                ui.add_space(theme::SECTION_GAP);
                let drawn = charts::area_bars_ui(ui, figures, out);
                self.bar_centres = drawn.centres;
                self.legend = drawn.legend;
                ui.add_space(theme::SECTION_GAP);
                charts::firm_over_time_ui(ui, figures);
                ui.add_space(theme::SECTION_GAP);
                totals_ui(ui, totals);
                attendance::attendance_ui(ui, register, revision, &mut self.attendance);
            });
        });
    }
}

/// "Copy figures": every table of the dashboard as tab-separated text on
/// the clipboard, to paste into a spreadsheet or a briefing.
fn copy_ui(
    ui: &mut Ui,
    register: &Register,
    revision: u64,
    figures: &DashboardFigures,
    copied: &mut Option<u64>,
) {
    ui.horizontal(|ui| {
        let button = ui.button("Copy figures").on_hover_text(
            "Puts every figure of the dashboard on the clipboard as a table \
             (tab-separated), ready to paste into a spreadsheet",
        );
        if button.clicked() {
            ui.ctx().copy_text(figures_table(register, figures));
            *copied = Some(revision);
        }
        if *copied == Some(revision) {
            ui.weak("Copied: paste into a spreadsheet or a document.");
        }
    });
}

fn headline_ui(ui: &mut Ui, figures: &DashboardFigures) {
    ui.heading("Dashboard");
    // One line each, so a total in four currencies wraps on its own line
    // rather than splitting the next caption from its figure.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Firm").strong());
        ui.label(totals_text(&figures.overall.firm));
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Announced, not yet firm").strong());
        ui.label(totals_text(&figures.overall.announced));
    });
    if figures.money.values().any(|totals| !totals.paid.is_zero()) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Paid").strong());
            let paid: BTreeMap<String, Decimal> = figures
                .money
                .iter()
                .map(|(currency, totals)| (currency.clone(), totals.paid))
                .collect();
            ui.label(money_text(&paid));
        });
    }
    if figures.overdue > 0 {
        ui.colored_label(
            theme::overdue(ui.visuals()),
            format!("{} overdue", figures.overdue),
        );
    } else {
        ui.label("None overdue");
    }
}

/// "12 commitments: EUR 1,000.00; GBP 5.00".
pub fn totals_text(totals: &Totals) -> String {
    let counted = widgets::counted(totals.count, "commitment");
    if totals.value.is_empty() {
        return counted;
    }
    format!("{counted}: {}", money_text(&totals.value))
}

fn money_text(value: &BTreeMap<String, Decimal>) -> String {
    value
        .iter()
        .map(|(currency, amount)| amounts::money_in(currency, *amount))
        .collect::<Vec<_>>()
        .join("; ")
}

fn totals_ui(ui: &mut Ui, totals: &TotalsText) {
    split_table_ui(
        ui,
        "Per participant",
        "totals_participant",
        &totals.per_participant,
    );
    split_table_ui(ui, "Per capability area", "totals_area", &totals.per_area);
    split_table_ui(ui, "Per route", "totals_route", &totals.per_route);
    ui.strong("Per status");
    Grid::new("totals_status").striped(true).show(ui, |ui| {
        for (status, text) in &totals.per_status {
            ui.label(
                RichText::new(status.label())
                    .color(theme::commitment_status_colour(*status, ui.visuals()))
                    .strong(),
            );
            ui.label(text);
            ui.end_row();
        }
    });
    ui.add_space(theme::SECTION_GAP);
    ui.strong("Per currency");
    Grid::new("totals_currency").striped(true).show(ui, |ui| {
        for title in ["Currency", "Pledged", "Firm", "Paid"] {
            ui.label(title);
        }
        ui.end_row();
        for row in &totals.per_currency {
            for text in row {
                ui.label(text);
            }
            ui.end_row();
        }
    });
}

fn split_table_ui(ui: &mut Ui, title: &str, id: &str, rows: &[[String; 3]]) {
    ui.strong(title);
    Grid::new(id).striped(true).show(ui, |ui| {
        ui.label("");
        ui.label("Firm");
        ui.label("Announced");
        ui.end_row();
        for row in rows {
            for text in row {
                ui.label(text);
            }
            ui.end_row();
        }
    });
    ui.add_space(theme::SECTION_GAP);
}
