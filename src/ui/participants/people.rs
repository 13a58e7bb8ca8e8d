//! A participant's people on the participants panel: each person with
//! their roles for this participant, added, edited and deleted in place.

use crate::ui::widgets::Limited;
use chrono::NaiveDate;
use egui::{TextEdit, Ui};

use crate::edit::Edit;
use crate::model::{Field, ParticipantId, Person, PersonId, Record, Register, Role};
use crate::ui::delete_button::{DeleteRefusals, delete_button_ui};
use crate::ui::{Command, Outbox, focus, widgets};

/// Widest a role's title box grows; a longer office wraps inside it.
const ROLE_TITLE_WIDTH: f32 = 560.0;

/// The people of `participant`, each in a group, and Add person.
pub(super) fn people_ui(
    ui: &mut Ui,
    register: &Register,
    today: NaiveDate,
    participant: ParticipantId,
    focus_person: &mut Option<PersonId>,
    (revision, refusals): (u64, &mut DeleteRefusals),
    out: &mut Outbox,
) {
    ui.horizontal(|ui| {
        ui.heading("People");
        if widgets::button(ui, "Add person", "Add a representative of this participant").clicked() {
            out.command(Command::NewPerson(participant));
        }
    });
    let people = register.people_of(participant);
    if people.is_empty() {
        ui.weak("No representatives recorded.");
    }
    for id in people {
        if let Some(person) = register.person(id) {
            let focus = *focus_person == Some(id);
            if focus {
                *focus_person = None;
            }
            let refused = refusals.refusal(register, revision, Record::Person(id));
            let shown = (id, focus, refused);
            ui.group(|ui| person_ui(ui, register, today, shown, person, participant, out));
        }
    }
}

/// About what "from", a date field and its Calendar button take.
const DATE_WITH_CALENDAR: f32 = 220.0;

fn person_ui(
    ui: &mut Ui,
    register: &Register,
    today: NaiveDate,
    (id, focus, delete_refused): (PersonId, bool, Option<&str>),
    original: &Person,
    participant: ParticipantId,
    out: &mut Outbox,
) {
    let mut person = original.clone();
    ui.set_width(ui.available_width());
    ui.horizontal_wrapped(|ui| {
        let name = TextEdit::singleline(&mut person.name)
            .hint_text("Name")
            .desired_width(crate::ui::widgets::fit_width(ui, 240.0))
            .name_in(ui)
            .accessible_name("Person's name");
        let name = focus::at_field(ui, name, Record::Person(id), Field::Name);
        if focus {
            widgets::focus_field(ui, &name, &person.name);
            name.scroll_to_me(None);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            delete_button_ui(ui, Record::Person(id), delete_refused, out);
        });
    });
    let mut remove = None;
    // Each role reads as "<title>" over "for <participant> from <date> to
    // <date>": a long office ("Deputy Prime Minister, Minister of …")
    // wraps inside its box rather than being cut.
    for (i, role) in person.roles.iter_mut().enumerate() {
        let title = TextEdit::multiline(&mut role.title)
            .desired_rows(1)
            .desired_width(ui.available_width().min(ROLE_TITLE_WIDTH))
            // An office is one line of text, however long.
            .return_key(None)
            .hint_text("e.g. Defence Secretary")
            .name_in(ui)
            .accessible_name("Role title");
        focus::at_field(ui, title, Record::Person(id), Field::Role(i));
        let salt = format!("role_{}_{i}", id.0);
        if role_line_ui(ui, register, today, &salt, role) {
            remove = Some(i);
        }
        ui.add_space(4.0);
    }
    if let Some(i) = remove {
        person.roles.remove(i);
    }
    if ui.small_button("Add role").clicked() {
        person.roles.push(Role {
            participant,
            from: Some(today),
            ..Role::default()
        });
    }
    if person != *original {
        out.edit(Edit::Person(id, Some(person)));
    }
}

/// The line under a role's title: for whom, from and to, whether it heads
/// the delegation, and its Remove button (true when clicked). It wraps
/// where the editor is narrow, so "Remove role" is never pushed past its
/// edge.
fn role_line_ui(
    ui: &mut Ui,
    register: &Register,
    today: NaiveDate,
    salt: &str,
    role: &mut Role,
) -> bool {
    ui.horizontal_wrapped(|ui| {
        let mut for_whom = Some(role.participant);
        ui.weak("for");
        widgets::participant_ui(ui, &format!("{salt}_p"), register, &mut for_whom, false)
            .accessible_name("For");
        if let Some(p) = for_whom {
            role.participant = p;
        }
        // A date and its Calendar button keep together: the line
        // breaks before them rather than push them past the edge.
        if ui.available_size_before_wrap().x < DATE_WITH_CALENDAR {
            ui.end_row();
        }
        ui.weak("from");
        let to = role.to;
        widgets::checked_optional_date_ui(
            ui,
            &format!("{salt}_from"),
            &mut role.from,
            today,
            |from| widgets::starts_by(from, to),
        )
        .accessible_name("From");
        if ui.available_size_before_wrap().x < DATE_WITH_CALENDAR {
            ui.end_row();
        }
        ui.weak("to");
        let from = role.from;
        widgets::checked_optional_date_ui(ui, &format!("{salt}_to"), &mut role.to, today, |to| {
            widgets::ends_by(from, to)
        })
        .accessible_name("To");
        // The nation sheet names whoever holds the office marked as
        // heading the delegation on its date (FORMAT.md, `Role`).
        ui.checkbox(&mut role.head_of_delegation, "Heads the delegation")
            .on_hover_text(
                "This office heads its participant's delegation: the nation sheet \
                     names its holder as head of delegation on the sheet's date",
            );
        ui.small_button("Remove role")
            .on_hover_text("Remove this role")
            .clicked()
    })
    .inner
}
