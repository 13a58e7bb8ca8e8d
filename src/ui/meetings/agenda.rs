//! The agenda's outline and timing in the meeting editor: each item's
//! number and planned start, its minutes, the buttons and the drag that
//! move it, and the total with a warning when it runs past the meeting's
//! end. Every move changes the editor's copy of the meeting, so it reaches
//! the register as one edit and undoes in one step.

use egui::{Margin, RichText, Stroke, Ui};

use crate::model::agenda::{
    AgendaMove, agenda_levels, agenda_numbers, agenda_schedule, agenda_timing, can_move,
};
use crate::model::{AgendaPurpose, Meeting, MeetingId, typed_values};
use crate::ui::drop_down;
use crate::ui::shown_error::FieldRefusal;
use crate::ui::typed_field::{TypedField, typed_ui};

/// What the move and remove buttons beside an item's title take.
const BUTTONS_WIDTH: f32 = 270.0;

/// How far in each level sets an item, in points.
const INDENT: i8 = 28;

/// The longest an item can be planned for: a working day.
const LONGEST_ITEM: i64 = 600;

/// What an item is dragged by: its place on the agenda.
#[derive(Clone, Copy)]
struct AgendaDrag(usize);

/// The agenda's numbers, starts and possible moves, worked out before the
/// items are drawn (and edited).
pub(super) struct Outline {
    pub numbers: Vec<String>,
    levels: Vec<u8>,
    starts: Vec<Option<String>>,
    /// For each item: up, down, indent, outdent.
    movable: Vec<[bool; 4]>,
}

impl Outline {
    pub fn of(meeting: &Meeting) -> Outline {
        let agenda = &meeting.agenda;
        let schedule = agenda_schedule(meeting);
        Outline {
            numbers: agenda_numbers(agenda),
            levels: agenda_levels(agenda),
            starts: schedule
                .starts
                .iter()
                .map(|start| start.map(|t| t.format("%H:%M").to_string()))
                .collect(),
            movable: (0..agenda.len())
                .map(|i| {
                    [
                        AgendaMove::Up(i),
                        AgendaMove::Down(i),
                        AgendaMove::Indent(i),
                        AgendaMove::Outdent(i),
                    ]
                    .map(|change| can_move(agenda, change))
                })
                .collect(),
        }
    }

    /// Item `i`'s number, "2.1".
    pub fn number(&self, i: usize) -> String {
        self.numbers
            .get(i)
            .cloned()
            .unwrap_or_else(|| (i + 1).to_string())
    }

    /// The margin that sets item `i` in by its level.
    pub fn margin(&self, i: usize) -> Margin {
        let level = self.levels.get(i).copied().unwrap_or(0);
        Margin {
            left: INDENT.saturating_mul(i8::try_from(level).unwrap_or(0)),
            ..Margin::ZERO
        }
    }
}

/// The handle item `i` is dragged by, its number and its planned start.
pub(super) fn item_heading_ui(ui: &mut Ui, outline: &Outline, id: MeetingId, i: usize) {
    let number = outline.number(i);
    let handle = ui.make_persistent_id(("agenda-drag", id.0, i));
    ui.dnd_drag_source(handle, AgendaDrag(i), |ui| {
        ui.label(RichText::new("☰").weak())
    })
    .response
    .on_hover_text("Drag to move this item with its sub-items")
    .accessible_name(format!("Drag agenda item {number}"));
    ui.strong(&number);
    if let Some(Some(start)) = outline.starts.get(i) {
        ui.label(RichText::new(start).monospace())
            .on_hover_text("Planned start");
    }
}

/// An item's title takes what its row leaves beside the buttons, so a
/// sub-item's buttons stay in the window.
pub(super) fn title_width(ui: &Ui) -> f32 {
    (ui.available_width() - BUTTONS_WIDTH).clamp(120.0, 360.0)
}

/// The buttons that move item `i`: up, down, in and out. Greyed where the
/// move cannot be made.
pub(super) fn move_buttons_ui(
    ui: &mut Ui,
    outline: &Outline,
    i: usize,
    moved: &mut Option<AgendaMove>,
) {
    let number = outline.number(i);
    let movable = outline.movable.get(i).copied().unwrap_or_default();
    let buttons = [
        ("Up", "Move up, with its sub-items", "up", AgendaMove::Up(i)),
        (
            "Down",
            "Move down, with its sub-items",
            "down",
            AgendaMove::Down(i),
        ),
        (
            "Indent",
            "Make it a sub-item of the item above",
            "in",
            AgendaMove::Indent(i),
        ),
        (
            "Outdent",
            "Move it one level out",
            "out",
            AgendaMove::Outdent(i),
        ),
    ];
    for ((text, hover, word, change), enabled) in buttons.into_iter().zip(movable) {
        let button = ui
            .add_enabled(enabled, egui::Button::new(text).small())
            .on_hover_text(hover)
            .accessible_name(format!("Move agenda item {number} {word}"));
        if button.clicked() {
            *moved = Some(change);
        }
    }
}

/// Item `i`'s frame as a place to drop a dragged item: the upper half puts
/// it before, the lower half after, with a line where it will go.
pub(super) fn drop_on_item(
    ui: &Ui,
    frame: &egui::Response,
    i: usize,
    moved: &mut Option<AgendaMove>,
) {
    let Some(dragged) = frame.dnd_hover_payload::<AgendaDrag>() else {
        return;
    };
    let rect = frame.rect;
    let after = ui
        .ctx()
        .pointer_interact_pos()
        .is_some_and(|pointer| pointer.y > rect.center().y);
    let y = if after { rect.bottom() } else { rect.top() };
    let stroke = Stroke::new(2.0, ui.visuals().selection.stroke.color);
    ui.painter().hline(rect.x_range(), y, stroke);
    if frame.dnd_release_payload::<AgendaDrag>().is_some() {
        let item = dragged.0;
        *moved = Some(if after {
            AgendaMove::After { item, target: i }
        } else {
            AgendaMove::Before { item, target: i }
        });
    }
}

/// The row of an item's planned minutes; an empty field means not planned.
pub(super) fn minutes_row(
    ui: &mut Ui,
    id: MeetingId,
    i: usize,
    number: &str,
    minutes: &mut Option<u16>,
) {
    let label = ui.label("Minutes");
    let salt = format!("meeting-{}-agenda-{i}-minutes", id.0);
    let help = format!(
        "Type the minutes planned for this item, a whole number from 0 to {LONGEST_ITEM}, or \
         leave it empty"
    );
    let read = |text: &str| -> Result<Option<u16>, FieldRefusal> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let number = typed_values::read_whole_number(text, 0, LONGEST_ITEM)?;
        Ok(u16::try_from(number).ok())
    };
    let field = TypedField {
        id_salt: &salt,
        width: 48.0,
        hint: "",
        help: &help,
        show: &|minutes: &Option<u16>| minutes.map(|m| m.to_string()).unwrap_or_default(),
        read: &read,
    };
    typed_ui(ui, field, minutes, |ui, _| {
        ui.label("min");
        None
    })
    .labelled_by(label.id)
    .accessible_name(format!("Minutes of agenda item {number}"));
    ui.end_row();
}

/// The agenda's total against the meeting's times, warning when it runs
/// past the end.
pub(super) fn timing_ui(ui: &mut Ui, meeting: &Meeting) {
    let Some(timing) = agenda_timing(meeting) else {
        return;
    };
    if agenda_schedule(meeting).overrun.is_some() {
        ui.label(
            RichText::new(format!("⚠ {timing}"))
                .strong()
                .color(ui.visuals().warn_fg_color),
        );
    } else {
        ui.label(timing);
    }
    if meeting.start.is_none() {
        ui.weak("Give the meeting a start time to see when each item starts.");
    }
}

/// What the item is for, printed in the meeting pack: "Not set" or one of
/// the three purposes.
pub(super) fn purpose_ui(
    ui: &mut Ui,
    id: MeetingId,
    i: usize,
    n: &str,
    purpose: &mut Option<AgendaPurpose>,
) {
    let before = *purpose;
    let shown = purpose.map_or("Not set", AgendaPurpose::label);
    let label = ui.label("Purpose");
    let mut picked = false;
    let mut response = egui::ComboBox::from_id_salt(("agenda-purpose", id.0, i))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            drop_down::entry(ui, purpose, None, "Not set", &mut picked);
            for option in AgendaPurpose::ALL {
                drop_down::entry(ui, purpose, Some(option), option.label(), &mut picked);
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text(
            "What the meeting is asked to do with this item, printed in the meeting pack",
        )
        .accessible_name(format!("Purpose of agenda item {n}"));
    drop_down::keep_the_keyboard(ui, &response, picked);
    if *purpose != before {
        response.mark_changed();
    }
}
