//! What the meeting did: agenda, decisions, actions, the public statement,
//! the secretariat's notes and the restricted notes.

use crate::ui::widgets::Limited;
use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::{agenda, carried};
use crate::model::agenda::move_agenda_item;
use crate::model::{
    ActionAt, ActionItem, ActionOwner, CarriedOver, Field, Meeting, MeetingId, PersonId, Record,
    Register,
};
use crate::ui::find_choice::{Choice, find_choice_ui};
use crate::ui::{Outbox, focus, theme, widgets};

use super::part_marking::PartMarking;

/// Removes the entry the officer asked to remove, once the list is drawn,
/// so the loop never changes the list it walks.
fn remove<T>(list: &mut Vec<T>, at: Option<usize>) {
    if let Some(i) = at.filter(|&i| i < list.len()) {
        list.remove(i);
    }
}

/// "Add …" under a list: a new entry, and the keyboard goes to it (the
/// officer clicked to write one).
fn add_button<T: Default, F: Fn(usize) -> Field>(
    ui: &mut Ui,
    label: &str,
    list: &mut Vec<T>,
    (id, field): (MeetingId, F),
) {
    if ui.button(label).clicked() {
        list.push(T::default());
        focus::ask(ui.ctx(), Record::Meeting(id), field(list.len() - 1));
    }
}

/// The agenda's items; `people` is everyone in the register by name,
/// for each item's lead.
pub(super) fn agenda_ui(
    ui: &mut Ui,
    register: &Register,
    id: MeetingId,
    meeting: &mut Meeting,
    people: &[PersonId],
) {
    let outline = agenda::Outline::of(meeting);
    let mut change = None;
    let mut moved = None;
    let parts = PartMarking::new(register, &meeting.marking);
    for (i, item) in meeting.agenda.iter_mut().enumerate() {
        let n = outline.number(i);
        let n = n.as_str();
        let frame = egui::Frame::group(ui.style()).outer_margin(outline.margin(i));
        let framed = frame.show(ui, |ui| {
            ui.horizontal(|ui| {
                agenda::item_heading_ui(ui, &outline, id, i);
                let title = TextEdit::singleline(&mut item.title)
                    .id_salt(("agenda-title", id.0, i))
                    .hint_text("Agenda item title")
                    .desired_width(agenda::title_width(ui))
                    .name_in(ui)
                    .accessible_name(format!("Agenda item {n} title"));
                focus::at_field(ui, title, Record::Meeting(id), Field::Agenda(i));
                agenda::move_buttons_ui(ui, &outline, i, &mut moved);
                if widgets::remove_button(
                    ui,
                    "Remove this agenda item",
                    format!("Remove agenda item {n}"),
                ) {
                    change = Some(i);
                }
            });
            egui::Grid::new(("agenda-item", id.0, i))
                .num_columns(2)
                .show(ui, |ui| {
                    let salt = format!("meeting-{}-agenda-{i}-lead", id.0);
                    // The purpose sits beside the lead, so an item takes no
                    // more height than before.
                    let lead = ui.label("Lead");
                    ui.horizontal(|ui| {
                        widgets::person_ui(ui, &salt, register, &mut item.lead, people)
                            .labelled_by(lead.id)
                            .accessible_name(format!("Lead of agenda item {n}"));
                        agenda::purpose_ui(ui, id, i, n, &mut item.purpose);
                    });
                    ui.end_row();
                    agenda::minutes_row(ui, id, i, n, &mut item.minutes);
                    agenda_multiline_row(
                        ui,
                        "Notes",
                        &mut item.notes,
                        ("agenda-notes", id.0, i),
                        n,
                    );
                    agenda_multiline_row(
                        ui,
                        "Outcome",
                        &mut item.outcome,
                        ("agenda-outcome", id.0, i),
                        n,
                    );
                    let part = format!("agenda item {n}");
                    widgets::form_row(ui, "Marking", |ui| {
                        let salt = ("agenda-marking", id.0, i);
                        parts.ui(ui, salt, &mut item.marking, &part)
                    })
                    .accessible_name(format!("Marking of {part}"));
                });
        });
        agenda::drop_on_item(ui, &framed.response, i, &mut moved);
    }
    remove(&mut meeting.agenda, change);
    if let Some(moved) = moved {
        move_agenda_item(&mut meeting.agenda, moved);
    }
    // The button comes before the total, so that the total line, which
    // appears once an item has its minutes, never moves it from under the
    // pointer (issue 21).
    let at = (id, Field::Agenda);
    add_button(ui, "Add agenda item", &mut meeting.agenda, at);
    agenda::timing_ui(ui, meeting);
}

/// A row of an agenda item with a text of several lines (unlike
/// `widgets::text_row`'s one); its field is named for the item, since
/// every item has a "Notes" and an "Outcome".
fn agenda_multiline_row(
    ui: &mut Ui,
    label: &str,
    text: &mut String,
    salt: (&str, u64, usize),
    n: &str,
) {
    widgets::form_row(ui, label, |ui| {
        TextEdit::multiline(text)
            .id_salt(salt)
            .desired_rows(2)
            .desired_width(crate::ui::widgets::fit_width(ui, 420.0))
            .text_in(ui)
    })
    .accessible_name(format!("{label} of agenda item {n}"));
}

pub(super) fn decisions_ui(ui: &mut Ui, register: &Register, id: MeetingId, meeting: &mut Meeting) {
    let mut change = None;
    let parts = PartMarking::new(register, &meeting.marking);
    for (i, decision) in meeting.decisions.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            ui.strong(format!("{n}."));
            let salt = ("decision-marking", id.0, i);
            let part = format!("decision {n}");
            parts.ui(ui, salt, &mut decision.marking, &part);
            let text = TextEdit::multiline(&mut decision.text)
                .id_salt(("decision", id.0, i))
                .hint_text("What was decided")
                .desired_rows(2)
                .desired_width(crate::ui::widgets::fit_width(ui, 460.0))
                .text_in(ui)
                .accessible_name(format!("Decision {n}"));
            focus::at_field(ui, text, Record::Meeting(id), Field::Decision(i));
            if widgets::remove_button(ui, "Remove this decision", format!("Remove decision {n}")) {
                change = Some(i);
            }
        });
    }
    remove(&mut meeting.decisions, change);
    let at = (id, Field::Decision);
    add_button(ui, "Add decision", &mut meeting.decisions, at);
}

pub(super) fn actions_ui(
    ui: &mut Ui,
    register: &Register,
    id: MeetingId,
    meeting: &mut Meeting,
    today: NaiveDate,
    carried: &[CarriedOver],
    out: &mut Outbox,
) {
    carried::carried_ui(ui, register, carried, out);
    let mut change = None;
    let dates = ActionDates {
        today,
        first_due: first_due(meeting.date, today),
    };
    let parts = PartMarking::new(register, &meeting.marking);
    for (i, action) in meeting.actions.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            if action_ui(ui, &parts, (id, i), action, dates) {
                change = Some(i);
            }
            let at = ActionAt {
                meeting: id,
                index: i,
            };
            carried::copies_ui(ui, register, at, out);
        });
    }
    remove(&mut meeting.actions, change);
    add_button(ui, "Add action", &mut meeting.actions, (id, Field::Action));
}

/// The days an action is measured against.
#[derive(Clone, Copy)]
struct ActionDates {
    /// For "Overdue".
    today: NaiveDate,
    /// What "Set date" puts in: an action is owed after its meeting,
    /// never before it, so today only when the meeting is past.
    first_due: NaiveDate,
}

/// The first due date offered for an action of a meeting on `meeting`.
fn first_due(meeting: NaiveDate, today: NaiveDate) -> NaiveDate {
    meeting.succ_opt().unwrap_or(meeting).max(today)
}

/// One action: its text across the whole width, wrapping as it grows, and
/// beneath it owner, due date and done, in the same places for every
/// action (in a grid the text shrank to its column's first width).
/// Returns whether the officer asked to remove it.
fn action_ui(
    ui: &mut Ui,
    parts: &PartMarking<'_>,
    (id, i): (MeetingId, usize),
    action: &mut ActionItem,
    dates: ActionDates,
) -> bool {
    let register = parts.register;
    let n = i + 1;
    let overdue = !action.done && action.due.is_some_and(|due| due < dates.today);
    ui.set_width(ui.available_width());
    ui.horizontal_top(|ui| {
        ui.strong(format!("{n}."));
        let salt = ("action-marking", id.0, i);
        let part = format!("action {n}");
        parts.ui(ui, salt, &mut action.marking, &part);
        let text = TextEdit::multiline(&mut action.text)
            .id_salt(("action-text", id.0, i))
            .hint_text("Who does what")
            .text_color_opt(overdue.then_some(theme::overdue(ui.visuals())))
            .desired_rows(1)
            .desired_width(crate::ui::widgets::fit_width(ui, f32::INFINITY))
            .text_in(ui)
            .accessible_name(format!("Action {n}"));
        focus::at_field(ui, text, Record::Meeting(id), Field::Action(i));
    });
    let mut remove = false;
    ui.horizontal(|ui| {
        ui.label("Owner");
        let salt = format!("meeting-{}-action-{i}-owner", id.0);
        owner_ui(ui, &salt, register, &mut action.owner)
            .accessible_name(format!("Owner of action {n}"));
        ui.add_space(theme::SECTION_GAP);
        ui.label("Due");
        let salt = format!("meeting-{}-action-{i}-due", id.0);
        widgets::optional_date_ui(ui, &salt, &mut action.due, dates.first_due)
            .accessible_name(format!("Due date of action {n}"));
        if overdue {
            ui.label(RichText::new("Overdue").color(theme::overdue(ui.visuals())));
        }
        // Done and remove keep to the right edge, whatever the date shows.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            remove = widgets::remove_button(ui, "Remove this action", format!("Remove action {n}"));
            ui.checkbox(&mut action.done, "Done")
                .accessible_name(format!("Action {n} done"));
        });
    });
    remove
}

/// Picks who owes an action, found by typing: the secretariat, a
/// participant or a person, each kind under its own heading.
fn owner_ui(
    ui: &mut Ui,
    id_salt: &str,
    register: &Register,
    owner: &mut Option<ActionOwner>,
) -> egui::Response {
    let shown = owner.map_or_else(|| "—".to_owned(), |o| register.owner_name(o));
    let choices = || {
        let mut choices = vec![
            Choice::new(None, "—"),
            Choice::new(Some(ActionOwner::Secretariat), "Secretariat").in_group("The coalition"),
        ];
        choices.extend(widgets::participant_choices(register).into_iter().map(|c| {
            Choice::new(Some(ActionOwner::Participant(c.value)), c.label)
                .also(c.also)
                .in_group("Participants")
        }));
        choices.extend(super::people_by_name(register).into_iter().map(|id| {
            Choice::new(Some(ActionOwner::Person(id)), register.person_name(id)).in_group("People")
        }));
        choices
    };
    find_choice_ui(ui, id_salt, shown, owner, choices, Some(200.0))
}

pub(super) fn statement_ui(ui: &mut Ui, register: &Register, id: MeetingId, meeting: &mut Meeting) {
    let record = Record::Meeting(id);
    ui.label("Public statement");
    let salt = ("meeting-statement", id.0);
    let statement = long_text_ui(ui, &mut meeting.statement, salt, 8, None);
    let statement = statement.accessible_name("Public statement");
    focus::at_field(ui, statement, record, Field::Statement);
    ui.add_space(theme::SECTION_GAP);
    ui.label("Secretariat notes");
    let hint = "The secretariat's own notes, e.g. who attended but is not itemised";
    let salt = ("meeting-notes", id.0);
    let notes = long_text_ui(ui, &mut meeting.notes, salt, 3, Some(hint));
    let notes = notes.accessible_name("Secretariat notes");
    focus::at_field(ui, notes, record, Field::Notes);
    ui.add_space(theme::SECTION_GAP);
    ui.horizontal(|ui| {
        ui.label("Restricted notes");
        ui.label(
            RichText::new("RESTRICTED — printed only when asked")
                .strong()
                .color(ui.visuals().warn_fg_color),
        );
        let part = "the restricted notes";
        let salt = ("restricted-marking", id.0);
        let parts = PartMarking::new(register, &meeting.marking);
        parts.ui(ui, salt, &mut meeting.restricted_marking, part);
    });
    let salt = ("meeting-restricted-notes", id.0);
    let restricted = long_text_ui(ui, &mut meeting.restricted_notes, salt, 4, None);
    let restricted = restricted.accessible_name("Restricted notes");
    focus::at_field(ui, restricted, record, Field::RestrictedNotes);
}

/// One of the meeting's long texts, as wide as the editor, `rows` high.
fn long_text_ui(
    ui: &mut Ui,
    text: &mut String,
    salt: (&str, u64),
    rows: usize,
    hint: Option<&str>,
) -> egui::Response {
    let mut edit = TextEdit::multiline(text)
        .id_salt(salt)
        .desired_rows(rows)
        .desired_width(crate::ui::widgets::fit_width(ui, f32::INFINITY));
    if let Some(hint) = hint {
        edit = edit.hint_text(hint);
    }
    edit.text_in(ui)
}
