//! Small editors shared by the panels. Each edits a value in place and
//! returns the `Response` of the widget the officer acts on: `.changed()`
//! says whether the value changed (so a panel can compare and emit one
//! edit), and the caller names it for screen readers, usually through
//! [`form_row`], which ties it to the label the form shows.

use egui::{Response, TextEdit, Ui};

use super::find_choice::find_choice_ui;
use super::typed_field::changed_when;
use crate::model::{MeetingId, ParticipantId, PersonId, Register, text_limits};
use crate::ui::{Command, Outbox, shown_error};

pub use super::find_choice::{Choice, find_to_add_ui};

pub use super::date_field::{
    checked_date_ui, checked_optional_date_ui, date_ui, ends_by, not_after, optional_date_ui,
    starts_by,
};
pub use super::typed_field::{
    checked_time_ui, decimal_ui, ends_after, holds_refused_text, starts_before, time_zone_ui,
    whole_number_ui,
};

/// Picks one of a fixed set of values (an enum with labels).
pub fn choice_ui<T: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: &str,
    value: &mut T,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Response {
    let before = *value;
    let mut picked = false;
    let combo = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(label(*value))
        .show_ui(ui, |ui| {
            for option in all {
                super::drop_down::entry(ui, value, *option, label(*option), &mut picked);
            }
        });
    super::drop_down::keep_the_keyboard(ui, &combo.response, picked);
    changed_when(combo.response, *value != before)
}

/// Picks one of a list of strings kept in the register (areas, markings),
/// found by typing.
pub fn list_choice_ui(ui: &mut Ui, id_salt: &str, value: &mut String, all: &[String]) -> Response {
    let choices = || all.iter().map(|o| Choice::new(o.clone(), o)).collect();
    let shown = value.clone();
    find_choice_ui(ui, id_salt, shown, value, choices, None)
}

/// Every participant by name, found by name or code, for a picker.
pub fn participant_choices(register: &Register) -> Vec<Choice<ParticipantId>> {
    register
        .participants_by_name()
        .into_iter()
        .map(|id| {
            Choice::new(id, register.participant_name(id)).also(register.participant_code(id))
        })
        .collect()
}

/// Picks a participant, or none when `allow_none`, found by typing its
/// name or code.
pub fn participant_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    value: &mut Option<ParticipantId>,
    allow_none: bool,
) -> Response {
    let text = value
        .map(|id| register.participant_name(id))
        .unwrap_or_else(|| "—".into());
    let choices = || {
        let mut choices = Vec::new();
        if allow_none {
            choices.push(Choice::new(None, "—"));
        }
        choices.extend(
            participant_choices(register)
                .into_iter()
                .map(|c| Choice::new(Some(c.value), c.label).also(c.also)),
        );
        choices
    };
    find_choice_ui(ui, id_salt, text, value, choices, None)
}

/// Picks a person, found by typing; `candidates` limits the list (e.g.
/// people of one nation).
pub fn person_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    value: &mut Option<PersonId>,
    candidates: &[PersonId],
) -> Response {
    let text = value
        .map(|id| register.person_name(id))
        .unwrap_or_else(|| "—".into());
    let choices = || {
        let mut choices = vec![Choice::new(None, "—")];
        choices.extend(
            candidates
                .iter()
                .map(|id| Choice::new(Some(*id), register.person_name(*id))),
        );
        choices
    };
    find_choice_ui(ui, id_salt, text, value, choices, None)
}

/// Picks a meeting, newest first, or none, found by typing its title or
/// date.
pub fn meeting_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    value: &mut Option<MeetingId>,
) -> Response {
    let text = value
        .map(|id| register.meeting_title(id))
        .unwrap_or_else(|| "—".into());
    let choices = || {
        let mut choices = vec![Choice::new(None, "—")];
        choices.extend(
            register
                .meetings_by_date()
                .into_iter()
                .rev()
                .map(|id| Choice::new(Some(id), register.meeting_title(id))),
        );
        choices
    };
    // A meeting's title can be a sentence: it wraps inside the box, which
    // would otherwise widen the editor it sits in over the table beside it.
    super::find_choice::find_choice_wrapped_ui(ui, id_salt, text, value, choices, 260.0)
}

/// A row of a two-column form grid: the label the officer reads, then the
/// widget it names, so a screen reader (and a UI test) finds the widget by
/// that label. `add` returns the widget the label is for; where a row holds
/// several, the first the officer would use.
pub fn form_row(ui: &mut Ui, label: &str, add: impl FnOnce(&mut Ui) -> Response) -> Response {
    let label = ui.label(label);
    let response = add(ui).labelled_by(label.id);
    ui.end_row();
    response
}

/// A one-line text field with its label, as one row of a form grid; it
/// takes no more characters than a name may have (`model::text_limits`).
pub fn text_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    form_row(ui, label, |ui| {
        TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .name_in(ui)
    })
}

/// A multi-line text field with its label, as one row of a form grid; it
/// takes no more characters than a text may have (`model::text_limits`).
pub fn multiline_row(ui: &mut Ui, label: &str, text: &mut String) -> Response {
    form_row(ui, label, |ui| {
        TextEdit::multiline(text)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .text_in(ui)
    })
}

/// "1 meeting", "3 meetings": a count and its noun, which takes an s.
pub fn counted(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// Puts the keyboard in `field` with its `text` selected, so the officer's
/// first keystrokes replace a placeholder such as "New participant".
pub fn focus_field(ui: &Ui, field: &Response, text: &str) {
    field.request_focus();
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), field.id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::select_all_str(text)));
    state.store(ui.ctx(), field.id);
}

/// A marking read from the file that is not one of the register's
/// levels, as a box shows it: in the error colour and, for whoever cannot
/// tell the colour, in words.
pub fn not_a_level(ui: &Ui, marking: &str) -> egui::RichText {
    shown_error::text(ui, format!("{marking} (not a level)"))
}

/// Narrower than this a field no longer shows a word.
const NARROWEST_FIELD: f32 = 48.0;

/// `wanted` points (`f32::INFINITY` for all there is), or what the row
/// leaves when that is less: a field never pushes its form past the
/// window's edge, at 1024 points or with text at 150 %. In an editor that
/// also scrolls sideways (the meeting's, for its attendance) it ends at
/// the edge of what shows, not at the end of the widest row.
pub fn fit_width(ui: &Ui, wanted: f32) -> f32 {
    let shown = ui.clip_rect().right() - ui.cursor().left();
    wanted
        .min(ui.available_width())
        .min(shown)
        .max(NARROWEST_FIELD)
}

/// A button with the command's own label and tooltip, which sends the
/// command when clicked.
pub fn command_button(ui: &mut Ui, command: Command, out: &mut Outbox) -> Response {
    let button = ui.button(command.label()).on_hover_text(command.tooltip());
    if button.clicked() {
        out.command(command);
    }
    button
}

/// A button with its words, and what it does when hovered.
pub fn button(ui: &mut Ui, words: impl Into<egui::WidgetText>, hover: &str) -> Response {
    ui.button(words).on_hover_text(hover)
}

/// A label cut short to fit ("…") shows its `whole` text when hovered.
pub fn whole_on_hover(label: Response, whole: &str) -> Response {
    let cut = label
        .intrinsic_size()
        .is_some_and(|size| size.x > label.rect.width() + 0.5);
    if cut {
        label.on_hover_text(whole)
    } else {
        label
    }
}

/// A line to type in after its words, which name it for a screen reader:
/// `width` wide where the row has room (see [`fit_width`]), showing
/// `hint` while it is empty.
pub fn labelled_line(
    ui: &mut Ui,
    words: &str,
    text: &mut String,
    hint: Option<&str>,
    width: f32,
) -> Response {
    labelled(ui, words, |ui| {
        let mut line = TextEdit::singleline(text).desired_width(fit_width(ui, width));
        if let Some(hint) = hint {
            line = line.hint_text(hint);
        }
        ui.add(line)
    })
}

/// What `add` draws after its words, which name it for a screen reader.
pub fn labelled(ui: &mut Ui, words: &str, add: impl FnOnce(&mut Ui) -> Response) -> Response {
    let label = ui.label(words);
    add(ui).labelled_by(label.id)
}

/// The small × that removes one entry of a list: hovering says what it
/// does, and its accessible name says which entry (`name`).
pub fn remove_button(ui: &mut Ui, hover: &str, name: String) -> bool {
    ui.small_button("×")
        .on_hover_text(hover)
        .accessible_name(name)
        .clicked()
}

/// A register setting typed in a line, which `reads` says can be used:
/// until it can, it stays a `draft` and the register keeps its `current`
/// value; once it can and differs, `set` makes the edit.
pub fn settle_typed_setting(
    typed: &str,
    reads: bool,
    (current, draft): (&str, &mut Option<String>),
    set: impl FnOnce(String) -> crate::edit::Edit,
    out: &mut Outbox,
) {
    if !reads {
        *draft = Some(typed.to_string());
        return;
    }
    *draft = None;
    if typed != current {
        out.edit(set(typed.to_string()));
    }
}

/// A text field drawn taking no more characters than `model::text_limits`
/// allows, and saying so while it is full: a paste longer than that is cut
/// at the limit by the field itself, and the officer should know why it
/// stops.
pub trait Limited {
    /// Draws the field, taking at most a name's characters.
    fn name_in(self, ui: &mut Ui) -> Response;
    /// Draws the field, taking at most a text's characters.
    fn text_in(self, ui: &mut Ui) -> Response;
}

impl Limited for TextEdit<'_> {
    fn name_in(self, ui: &mut Ui) -> Response {
        limited(ui, self, text_limits::MOST_NAME_CHARACTERS)
    }

    fn text_in(self, ui: &mut Ui) -> Response {
        limited(ui, self, text_limits::MOST_TEXT_CHARACTERS)
    }
}

fn limited(ui: &mut Ui, edit: TextEdit<'_>, most: usize) -> Response {
    let output = edit.char_limit(most).show(ui);
    let response = output.response.response;
    let full = response.has_focus()
        && output.galley.text().len() >= most
        && output.galley.text().chars().count() >= most;
    if full {
        response.show_tooltip_text(format!(
            "This field holds at most {most} characters; nothing past them is taken, \
             so a longer paste was cut there."
        ));
    }
    response
}
