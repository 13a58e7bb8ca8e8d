//! The timeline panel: the run of sessions at a glance, one lane per
//! series and one for one-off meetings, with the series editor beside it.

mod cadence_editor;
mod canvas;
mod marks;
mod series_editor;

use chrono::NaiveDate;

use crate::calendar::timeline::{
    Look, Mark, ParticipantTrace, TimeAxis, TimelineFigures, day_number, participant_trace,
    timeline_figures,
};
use crate::model::{ParticipantId, Register, SeriesId};
use crate::revision_cache::RevisionCache;
use crate::ui::widgets::participant_ui;
use crate::ui::{Command, Outbox, PanelContext, theme, widgets};

/// What the officer is looking at: the time axis and the selected session.
#[derive(Debug, Default)]
pub struct View {
    /// `None` until the first frame fits everything in.
    pub axis: Option<TimeAxis>,
    pub selected: Option<Mark>,
    /// Width of the drawing area last frame, for buttons and keys.
    pub width: f64,
    /// Top-left corner of the drawing area last frame, in screen points.
    pub plot_origin: [f32; 2],
    /// The session "Schedule this session" asked for (series and day):
    /// once the app has made it, the selection moves from the projected
    /// mark to the meeting.
    scheduling: Option<(SeriesId, NaiveDate)>,
}

impl View {
    /// Where the mark of a session on `day` in `lane` is on screen (for
    /// tests and tooling), once the first frame has laid out the axis.
    pub fn mark_position(&self, day: f64, lane: usize) -> Option<[f32; 2]> {
        use crate::ui::theme::{TIMELINE_AXIS, TIMELINE_LANE};
        let axis = self.axis?;
        let [left, top] = self.plot_origin;
        Some([
            left + axis.x_of(day) as f32,
            top + TIMELINE_AXIS + (lane as f32 + 0.5) * TIMELINE_LANE,
        ])
    }
}

impl View {
    /// Selects the meeting "Schedule this session" asked for, now made;
    /// forgets the request either way (refused, or made and selected).
    fn select_scheduled(&mut self, register: &Register) {
        let Some((series, date)) = self.scheduling.take() else {
            return;
        };
        let made = register
            .meetings
            .iter()
            .find(|(_, meeting)| meeting.series == Some(series) && meeting.date == date);
        if let Some((&id, _)) = made {
            self.selected = Some(Mark::Meeting(id));
        }
    }
}

/// State of the timeline panel; the register stays with the app.
#[derive(Default)]
pub struct TimelinePanel {
    pub view: View,
    /// Highlights the sessions this participant attended.
    pub participant: Option<ParticipantId>,
    /// The series open in the editor beside the timeline.
    pub series: Option<SeriesId>,
    figures: RevisionCache<(u64, NaiveDate), TimelineFigures>,
    trace: RevisionCache<(u64, ParticipantId), ParticipantTrace>,
    /// Why deleting the open series would be refused, for its Delete….
    delete_refusals: crate::ui::delete_button::DeleteRefusals,
}

impl TimelinePanel {
    /// Opens the series in the editor beside the timeline (the timeline
    /// has no filter that could hide it, and its lanes are all on screen).
    pub fn open(&mut self, id: SeriesId) {
        self.series = Some(id);
    }

    /// Draws the panel. `revision` must change whenever the register does:
    /// the per-meeting figures are recomputed only then, never per frame.
    pub fn ui(&mut self, ui: &mut egui::Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let (register, today, revision) = context.parts();
        self.view.select_scheduled(register);
        let figures = self
            .figures
            .get_or_update((revision, today), || timeline_figures(register, today));
        let trace = self.participant.map(|participant| {
            self.trace.get_or_update((revision, participant), || {
                participant_trace(register, participant)
            })
        });
        egui::Panel::right("timeline_series")
            .resizable(true)
            .default_size(theme::EDITOR_WIDTH)
            .size_range(theme::editor_width_range(ui.available_width()))
            .show(ui, |ui| {
                let refusals = (revision, &mut self.delete_refusals);
                series_editor::series_ui(ui, &mut self.series, register, today, refusals, out);
            });
        egui::Panel::top("timeline_toolbar").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                toolbar_ui(
                    ui,
                    &mut self.view,
                    &mut self.participant,
                    figures,
                    register,
                    today,
                    out,
                );
            });
            ui.add_space(2.0);
        });
        egui::CentralPanel::default().show(ui, |ui| {
            canvas::timeline_ui(ui, &mut self.view, figures, trace, today, out);
        });
    }
}

/// The view that shows every meeting (or the months around today when
/// there is none).
fn fit_all(figures: &TimelineFigures, today: NaiveDate, width: f64) -> TimeAxis {
    let (first, last) = crate::calendar::timeline::fit_all_days(figures, today);
    TimeAxis::fit(first, last, width)
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    view: &mut View,
    participant: &mut Option<ParticipantId>,
    figures: &TimelineFigures,
    register: &Register,
    today: NaiveDate,
    out: &mut Outbox,
) {
    let width = view.width.max(1.0);
    if widgets::button(ui, "Fit all", "Show every meeting, held and planned").clicked() {
        view.axis = Some(fit_all(figures, today, width));
    }
    if widgets::button(ui, "Today", "Centre the view on today").clicked() {
        let axis = view.axis.unwrap_or_else(|| fit_all(figures, today, width));
        view.axis = Some(axis.centred_on(day_number(today) + 0.5, width));
    }
    for (label, factor) in [
        ("Zoom in", canvas::ZOOM_STEP),
        ("Zoom out", 1.0 / canvas::ZOOM_STEP),
    ] {
        if widgets::button(ui, label, "Or Ctrl+scroll / pinch over the timeline").clicked()
            && let Some(axis) = view.axis.as_mut()
        {
            axis.zoom_around(width / 2.0, factor);
        }
    }
    ui.separator();
    let label = ui.label("Highlight participant:");
    participant_ui(ui, "timeline_participant", register, participant, true).labelled_by(label.id);
    ui.separator();
    legend_ui(ui);
    ui.separator();
    let Some(selected) = view.selected else {
        ui.weak("Click a session, or use the arrow keys (Enter opens)");
        return;
    };
    let Some(item) = figures.items.iter().find(|i| i.mark == selected) else {
        return;
    };
    ui.label(format!("{} — {}", item.title, item.date));
    match selected {
        Mark::Meeting(id) => {
            if ui.button("Open meeting").clicked() {
                out.command(Command::SelectMeeting(id));
            }
        }
        Mark::Projected(series, _) => {
            let cancelled = item.look == Look::ProjectedCancelled;
            let schedule = Command::ScheduleSession {
                series,
                date: item.date,
            };
            let button = egui::Button::new(schedule.label());
            let response = ui
                .add_enabled(!cancelled, button)
                .on_hover_text(schedule.tooltip());
            if response.clicked() {
                view.scheduling = Some((series, item.date));
                out.command(schedule);
            }
        }
    }
}

/// A key to the marks, drawn with the same shapes as the timeline.
fn legend_ui(ui: &mut egui::Ui) {
    for look in [Look::Held, Look::Planned, Look::Cancelled, Look::Projected] {
        let label = match look {
            Look::Projected => "Projected",
            other => marks::look_label(other),
        };
        // Mark and word as one item, so the wrapping toolbar never puts
        // a mark at the end of one line and its word on the next.
        let mark = egui::vec2(18.0, 18.0);
        let text = egui::WidgetText::from(label).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        );
        let gap = ui.spacing().item_spacing.x;
        let size = egui::vec2(mark.x + gap + text.size().x, mark.y.max(text.size().y));
        let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
        let mut shapes = Vec::new();
        let centre = egui::pos2(rect.left() + mark.x / 2.0, rect.center().y);
        marks::mark_shapes(&mut shapes, centre, look, false, ui.visuals());
        ui.painter().extend(shapes);
        let at = egui::pos2(
            rect.left() + mark.x + gap,
            rect.center().y - text.size().y / 2.0,
        );
        ui.painter().galley(at, text, ui.visuals().text_color());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    }
}
