//! The meeting's details: what, when, where, who convened and chaired it.

use std::sync::Arc;

use chrono_tz::Tz;
use egui::{Response, TextEdit, Ui};

use crate::model::{Field, Meeting, MeetingFormat, MeetingId, MeetingState, Record, Register};
use crate::new_records;
use crate::ui::drop_down;
use crate::ui::find_choice::{Choice, find_choice_ui, find_to_add_ui};
use crate::ui::focus;
use crate::ui::repeated::{self, PlainButton};
use crate::ui::widgets::{self, Limited, form_row};

/// Zones the secretariat meets in most; a meeting's own zone is added when
/// it is not among them.
const COMMON_ZONES: [Tz; 6] = [
    Tz::Europe__London,
    Tz::Europe__Paris,
    Tz::Europe__Brussels,
    Tz::Europe__Kyiv,
    Tz::America__New_York,
    Tz::UTC,
];

pub(super) fn details_ui(ui: &mut Ui, register: &Register, id: MeetingId, meeting: &mut Meeting) {
    let salt = |what: &str| format!("meeting-{}-{what}", id.0);
    egui::Grid::new(("meeting-details", id.0))
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            let title = form_row(ui, "Title", |ui| {
                name_field(ui, &mut meeting.title, salt("title"))
            });
            focus::at_field(ui, title, Record::Meeting(id), Field::Title);
            let series = form_row(ui, "Series", |ui| {
                ui.horizontal(|ui| series_ui(ui, register, id, meeting))
                    .inner
            });
            let fields = [Field::Series, Field::Number];
            focus::at_fields(ui, series, Record::Meeting(id), &fields);
            let date = form_row(ui, "Date", |ui| {
                widgets::date_ui(ui, &salt("date"), &mut meeting.date)
            });
            focus::at_field(ui, date, Record::Meeting(id), Field::Date);
            let time = form_row(ui, "Time", |ui| {
                ui.horizontal_top(|ui| {
                    let end = meeting.end;
                    let start =
                        widgets::checked_time_ui(ui, &salt("start"), &mut meeting.start, |start| {
                            widgets::starts_before(start, end)
                        });
                    ui.label("to");
                    let start_time = meeting.start;
                    widgets::checked_time_ui(ui, &salt("end"), &mut meeting.end, |end| {
                        widgets::ends_after(start_time, end)
                    })
                    .accessible_name("End time");
                    zone_ui(ui, id, &mut meeting.time_zone);
                    start
                })
                .inner
            });
            focus::at_field(ui, time, Record::Meeting(id), Field::Times);
            form_row(ui, "Location", |ui| {
                name_field(ui, &mut meeting.location, salt("location"))
            });
            form_row(ui, "Format", |ui| {
                widgets::choice_ui(
                    ui,
                    &salt("format"),
                    &mut meeting.format,
                    &MeetingFormat::ALL,
                    MeetingFormat::label,
                )
            });
            let state = form_row(ui, "State", |ui| {
                widgets::choice_ui(
                    ui,
                    &salt("state"),
                    &mut meeting.state,
                    &MeetingState::ALL,
                    MeetingState::label,
                )
            });
            focus::at_field(ui, state, Record::Meeting(id), Field::State);
            let marking = form_row(ui, "Marking", |ui| {
                widgets::list_choice_ui(
                    ui,
                    &salt("marking"),
                    &mut meeting.marking,
                    &register.markings,
                )
            });
            focus::at_field(ui, marking, Record::Meeting(id), Field::Marking);
            let convenors = form_row(ui, "Convenors", |ui| {
                ui.horizontal_wrapped(|ui| convenors_ui(ui, register, meeting))
                    .response
            });
            focus::at_field(ui, convenors, Record::Meeting(id), Field::Convenors);
            let chairs = form_row(ui, "Chairs", |ui| {
                ui.horizontal_wrapped(|ui| chairs_ui(ui, register, meeting))
                    .response
            });
            focus::at_field(ui, chairs, Record::Meeting(id), Field::Chairs);
        });
}

/// The series picker (its response, for the row's label to name) and,
/// in a series, the meeting's number in it.
fn series_ui(ui: &mut Ui, register: &Register, id: MeetingId, meeting: &mut Meeting) -> Response {
    let name = |series| register.series_name(series);
    let mut all: Vec<_> = register.series.keys().copied().collect();
    all.sort_by_key(|s| name(*s).to_lowercase());
    let selected = meeting.series.map(name).unwrap_or_else(|| "—".into());
    let before = meeting.series;
    let mut choices = vec![Choice::new(None, "—")];
    choices.extend(all.into_iter().map(|s| Choice::new(Some(s), name(s))));
    let picker = find_choice_ui(
        ui,
        ("meeting-series", id.0),
        selected,
        &mut meeting.series,
        &choices,
        Some(240.0),
    );
    if meeting.series != before && meeting.series.is_some() {
        // Put in a series, the meeting takes what the series says where
        // the officer has not written anything yet, and its number there.
        meeting.number = None;
        new_records::take_series_defaults(register, meeting, new_records::NEW_MEETING_TITLE);
    }
    if meeting.series.is_none() {
        // A number means nothing outside a series.
        meeting.number = None;
        return picker;
    }
    ui.label("No.");
    let mut number = meeting.number.unwrap_or(0);
    ui.add(
        egui::DragValue::new(&mut number)
            .range(0..=9999)
            .custom_formatter(|n, _| {
                if n < 1.0 {
                    "—".into()
                } else {
                    format!("{n}")
                }
            }),
    )
    .accessible_name("Number in series");
    meeting.number = (number > 0).then_some(number);
    picker
}

/// A one-line field of the meeting (its title, its place), as long as a
/// name may be.
fn name_field(ui: &mut Ui, text: &mut String, salt: String) -> egui::Response {
    TextEdit::singleline(text)
        .id_salt(salt)
        .desired_width(widgets::fit_width(ui, 420.0))
        .name_in(ui)
}

fn zone_ui(ui: &mut Ui, id: MeetingId, zone: &mut Tz) {
    let mut zones = COMMON_ZONES.to_vec();
    if !zones.contains(zone) {
        zones.push(*zone);
    }
    let mut picked = false;
    let list = egui::ComboBox::from_id_salt(("meeting-zone", id.0))
        .selected_text(zone.name())
        .show_ui(ui, |ui| {
            for option in zones {
                drop_down::entry(ui, zone, option, option.name(), &mut picked);
            }
        })
        .response
        .accessible_name("Time zone");
    drop_down::keep_the_keyboard(ui, &list, picked);
}

/// A removable name (`name`, laid out) in a frame: the × (`cross`) is
/// named after what it removes, so each button has its own accessible
/// name. Drawn in the room it takes rather than in a `Frame` of its own:
/// an attendance row has a chip for each delegate, and a frame's `Ui` (a
/// node of its own in the accessibility tree) for each was a cost of its
/// own while a screen reader reads the window. It looks as it did in a
/// group frame with the name as a label and the × as a small button.
pub(super) fn chip(
    ui: &mut Ui,
    name: Arc<egui::Galley>,
    remove_label: &str,
    cross: Arc<egui::Galley>,
) -> bool {
    let frame = egui::Frame::group(ui.style()).inner_margin(egui::Margin::symmetric(4, 1));
    let cross = PlainButton::new(cross).small();
    let cross_size = cross.size(ui);
    let content_size = egui::vec2(
        name.size().x + CHIP_GAP + cross_size.x,
        name.size().y.max(cross_size.y),
    );
    let margin = frame.total_margin();
    let outer = egui::Rect::from_min_size(
        ui.available_rect_before_wrap().min,
        content_size + margin.sum(),
    );
    let content = outer - margin;
    if ui.is_rect_visible(frame.widget_rect(content)) {
        ui.painter().add(frame.paint(content));
    }
    let name_rect = egui::Rect::from_min_size(content.min, name.size());
    let label = ui.interact(name_rect, ui.next_auto_id(), egui::Sense::hover());
    ui.skip_ahead_auto_ids(1);
    ui.painter()
        .galley(name_rect.min, Arc::clone(&name), ui.visuals().text_color());
    label
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), name.text()));
    let cross_at = egui::pos2(name_rect.max.x + CHIP_GAP, content.min.y);
    let cross = cross.place(ui, egui::Rect::from_min_size(cross_at, cross_size));
    let removed = repeated::hint(cross, remove_label)
        .accessible_name(remove_label)
        .clicked();
    ui.allocate_rect(outer, egui::Sense::hover());
    removed
}

/// The gap between a chip's name and its ×.
const CHIP_GAP: f32 = 2.0;

fn convenors_ui(ui: &mut Ui, register: &Register, meeting: &mut Meeting) {
    let any_left = register
        .participants
        .keys()
        .any(|p| !meeting.convenors.contains(p));
    let everyone = || register.participants_by_name();
    chosen_ui(
        ui,
        &mut meeting.convenors,
        "convenor",
        any_left,
        everyone,
        |p| Choice::new(p, register.participant_name(p)).also(register.participant_code(p)),
    );
}

fn chairs_ui(ui: &mut Ui, register: &Register, meeting: &mut Meeting) {
    let any_left = register.people.keys().any(|p| !meeting.chairs.contains(p));
    let everyone = || super::people_by_name(register);
    chosen_ui(ui, &mut meeting.chairs, "chair", any_left, everyone, |p| {
        Choice::new(p, register.person_name(p))
    });
}

/// The records chosen for a role (the convenors, the chairs) as chips the
/// officer removes by their ×, then a "+" that adds one of `everyone` not
/// yet chosen, found by typing; enabled while `any_left`. The list is
/// made only while it is open: a register holds hundreds of people.
fn chosen_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    chosen: &mut Vec<T>,
    role: &str,
    any_left: bool,
    everyone: impl FnOnce() -> Vec<T>,
    choice: impl Fn(T) -> Choice<T>,
) {
    let mut remove = None;
    for &one in chosen.iter() {
        let name = choice(one).label;
        if chip(
            ui,
            repeated::laid_out(ui, &name),
            &format!("Remove {name} from the {role}s"),
            repeated::laid_out(ui, "×"),
        ) {
            remove = Some(one);
        }
    }
    if let Some(one) = remove {
        chosen.retain(|c| *c != one);
    }
    let already: &[T] = chosen;
    let choices = || {
        everyone()
            .into_iter()
            .filter(|one| !already.contains(one))
            .map(&choice)
            .collect()
    };
    let added = ui.add_enabled_ui(any_left, |ui| {
        let (button, added) = find_to_add_ui(
            ui,
            format!("add-{role}").as_str(),
            egui::Button::new("+"),
            choices,
        );
        let words = format!("Add {role}");
        button.on_hover_text(&words).accessible_name(words);
        added
    });
    if let Some(one) = added.inner {
        chosen.push(one);
    }
}
