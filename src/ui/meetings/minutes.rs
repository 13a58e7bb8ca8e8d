//! What the meeting did: agenda, decisions, actions, the public statement,
//! the secretariat's notes and the restricted notes.

use chrono::NaiveDate;
use egui::{RichText, TextEdit, Ui};

use super::{agenda, carried};
use crate::model::agenda::move_agenda_item;
use crate::model::{
    ActionAt, ActionItem, ActionOwner, AgendaItem, CarriedOver, Decision, Field, Meeting,
    MeetingId, PersonId, Record, Register,
};
use crate::ui::find_choice::{Choice, find_choice_ui};
use crate::ui::{Outbox, focus, theme, widgets};

use super::part_marking::part_marking_ui;

/// A change to a list's order or length, applied after the list is drawn
/// so the loop never changes the list it walks.
enum ListChange {
    Remove(usize),
}

fn apply<T>(list: &mut Vec<T>, change: Option<ListChange>) {
    match change {
        Some(ListChange::Remove(i)) if i < list.len() => {
            list.remove(i);
        }
        _ => {}
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
    for (i, item) in meeting.agenda.iter_mut().enumerate() {
        let n = outline.number(i);
        let n = n.as_str();
        let frame = egui::Frame::group(ui.style()).outer_margin(outline.margin(i));
        let framed = frame.show(ui, |ui| {
            ui.horizontal(|ui| {
                agenda::item_heading_ui(ui, &outline, id, i);
                let title = crate::ui::widgets::limited(
                    ui,
                    TextEdit::singleline(&mut item.title)
                        .id_salt(("agenda-title", id.0, i))
                        .hint_text("Agenda item title")
                        .desired_width(agenda::title_width(ui)),
                    crate::model::text_limits::MOST_NAME_CHARACTERS,
                )
                .accessible_name(format!("Agenda item {n} title"));
                focus::at_field(ui, title, Record::Meeting(id), Field::Agenda(i));
                agenda::move_buttons_ui(ui, &outline, i, &mut moved);
                if widgets::remove_button(
                    ui,
                    "Remove this agenda item",
                    format!("Remove agenda item {n}"),
                ) {
                    change = Some(ListChange::Remove(i));
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
                        part_marking_ui(
                            ui,
                            salt,
                            register,
                            &meeting.marking,
                            &mut item.marking,
                            &part,
                        )
                    })
                    .accessible_name(format!("Marking of {part}"));
                });
        });
        agenda::drop_on_item(ui, &framed.response, i, &mut moved);
    }
    apply(&mut meeting.agenda, change);
    if let Some(moved) = moved {
        move_agenda_item(&mut meeting.agenda, moved);
    }
    // The button comes before the total, so that the total line, which
    // appears once an item has its minutes, never moves it from under the
    // pointer (issue 21).
    if ui.button("Add agenda item").clicked() {
        meeting.agenda.push(AgendaItem::default());
        // The officer clicked to write one: the keyboard goes to it.
        let new = Field::Agenda(meeting.agenda.len() - 1);
        focus::ask(ui.ctx(), Record::Meeting(id), new);
    }
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
        crate::ui::widgets::limited(
            ui,
            TextEdit::multiline(text)
                .id_salt(salt)
                .desired_rows(2)
                .desired_width(crate::ui::widgets::fit_width(ui, 420.0)),
            crate::model::text_limits::MOST_TEXT_CHARACTERS,
        )
    })
    .accessible_name(format!("{label} of agenda item {n}"));
}

pub(super) fn decisions_ui(ui: &mut Ui, register: &Register, id: MeetingId, meeting: &mut Meeting) {
    let mut change = None;
    for (i, decision) in meeting.decisions.iter_mut().enumerate() {
        let n = i + 1;
        ui.horizontal(|ui| {
            ui.strong(format!("{n}."));
            let salt = ("decision-marking", id.0, i);
            let part = format!("decision {n}");
            part_marking_ui(
                ui,
                salt,
                register,
                &meeting.marking,
                &mut decision.marking,
                &part,
            );
            let text = crate::ui::widgets::limited(
                ui,
                TextEdit::multiline(&mut decision.text)
                    .id_salt(("decision", id.0, i))
                    .hint_text("What was decided")
                    .desired_rows(2)
                    .desired_width(crate::ui::widgets::fit_width(ui, 460.0)),
                crate::model::text_limits::MOST_TEXT_CHARACTERS,
            )
            .accessible_name(format!("Decision {n}"));
            focus::at_field(ui, text, Record::Meeting(id), Field::Decision(i));
            if widgets::remove_button(ui, "Remove this decision", format!("Remove decision {n}")) {
                change = Some(ListChange::Remove(i));
            }
        });
    }
    apply(&mut meeting.decisions, change);
    if ui.button("Add decision").clicked() {
        meeting.decisions.push(Decision::default());
        // The officer clicked to write one: the keyboard goes to it.
        let new = Field::Decision(meeting.decisions.len() - 1);
        focus::ask(ui.ctx(), Record::Meeting(id), new);
    }
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
    for (i, action) in meeting.actions.iter_mut().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            if action_ui(ui, register, id, i, action, dates, &meeting.marking) {
                change = Some(ListChange::Remove(i));
            }
            let at = ActionAt {
                meeting: id,
                index: i,
            };
            carried::copies_ui(ui, register, at, out);
        });
    }
    apply(&mut meeting.actions, change);
    if ui.button("Add action").clicked() {
        meeting.actions.push(ActionItem::default());
        // The officer clicked to write one: the keyboard goes to it.
        let new = Field::Action(meeting.actions.len() - 1);
        focus::ask(ui.ctx(), Record::Meeting(id), new);
    }
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
    register: &Register,
    id: MeetingId,
    i: usize,
    action: &mut ActionItem,
    dates: ActionDates,
    meeting_marking: &str,
) -> bool {
    let n = i + 1;
    let overdue = !action.done && action.due.is_some_and(|due| due < dates.today);
    ui.set_width(ui.available_width());
    ui.horizontal_top(|ui| {
        ui.strong(format!("{n}."));
        let salt = ("action-marking", id.0, i);
        let part = format!("action {n}");
        part_marking_ui(
            ui,
            salt,
            register,
            meeting_marking,
            &mut action.marking,
            &part,
        );
        let text = crate::ui::widgets::limited(
            ui,
            TextEdit::multiline(&mut action.text)
                .id_salt(("action-text", id.0, i))
                .hint_text("Who does what")
                .text_color_opt(overdue.then_some(theme::overdue(ui.visuals())))
                .desired_rows(1)
                .desired_width(crate::ui::widgets::fit_width(ui, f32::INFINITY)),
            crate::model::text_limits::MOST_TEXT_CHARACTERS,
        )
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
    let notes = long_text_ui(
        ui,
        &mut meeting.notes,
        ("meeting-notes", id.0),
        3,
        Some(hint),
    );
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
        let own = &mut meeting.restricted_marking;
        part_marking_ui(ui, salt, register, &meeting.marking, own, part);
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
    crate::ui::widgets::limited(ui, edit, crate::model::text_limits::MOST_TEXT_CHARACTERS)
}
