//! The participants panel: nations then organisations on the left, the
//! selected one's details and its people on the right.

use chrono::NaiveDate;
use egui::{Grid, Response, RichText, TextEdit, Ui};

use crate::edit::Edit;
use crate::model::{
    Field, Participant, ParticipantId, ParticipantKind, PersonId, Record, Register,
};
use crate::revision_cache::RevisionCache;
use crate::ui::delete_button::{DeleteRefusals, delete_button_ui};
use crate::ui::find_choice::{Choice, find_choice_ui};
use crate::ui::{Command, Outbox, PanelContext, focus, theme, widgets};

mod people;

use people::people_ui;

/// State of the participants panel; the register itself stays with the app.
#[derive(Default)]
pub struct ParticipantsPanel {
    /// The participant shown in the editor.
    pub selected: Option<ParticipantId>,
    /// Typed text that narrows the list by name or code.
    pub filter: String,
    /// The open participant's activity line and the revision it was
    /// counted at: counting scans every commitment, too much per frame.
    activity: RevisionCache<(u64, ParticipantId), String>,
    /// Why deleting the participant or one of its people would be
    /// refused, for their Delete… buttons.
    delete_refusals: DeleteRefusals,
    /// Set by `open`: the next frame makes sure the list shows the
    /// participant and scrolls to it.
    reveal: bool,
    /// Set by `open_new`: the next frame puts the keyboard in the Name
    /// field, so the officer's first keystrokes name the new participant.
    focus_name: bool,
    /// A person just added: the next frame that shows them puts the
    /// keyboard in their name.
    focus_person: Option<PersonId>,
}

impl ParticipantsPanel {
    /// Shows the participant: selects it, clears a filter that would hide
    /// it and scrolls the list to it.
    pub fn open(&mut self, id: ParticipantId) {
        self.selected = Some(id);
        self.reveal = true;
    }

    /// Shows a participant just made, with the keyboard in its Name field.
    pub fn open_new(&mut self, id: ParticipantId) {
        self.open(id);
        self.focus_name = true;
    }

    /// Shows a person just made beside the participant they speak for,
    /// with the keyboard in their name.
    pub fn open_new_person(&mut self, participant: ParticipantId, person: PersonId) {
        self.open(participant);
        self.focus_person = Some(person);
    }

    /// Draws the panel; changes go into `out`, never into `register`.
    /// `revision` must change whenever the register does.
    pub fn ui(&mut self, ui: &mut Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let (register, today, revision) = context.parts();
        // After an undo the selected participant may be gone.
        self.selected
            .take_if(|&mut id| register.participant(id).is_none());
        egui::Panel::left("participants_list")
            .resizable(true)
            .default_size(theme::LIST_WIDTH)
            .size_range(theme::list_width_range(ui.available_width()))
            .show(ui, |ui| self.list_ui(ui, register, out));
        egui::CentralPanel::default().show(ui, |ui| {
            let Some((id, participant)) = self
                .selected
                .and_then(|id| register.participant(id).map(|p| (id, p)))
            else {
                ui.add_space(20.0);
                ui.weak("Select a participant in the list, or add one with \"New participant\".");
                return;
            };
            let activity = self
                .activity
                .get_or_update((revision, id), || activity_line(register, id));
            let focus_name = std::mem::take(&mut self.focus_name);
            let refusals = &mut self.delete_refusals;
            let refused = refusals
                .refusal(register, revision, Record::Participant(id))
                .map(str::to_owned);
            // Each participant keeps its own place, so one opens at its name.
            egui::ScrollArea::vertical()
                .id_salt(("participant-editor", id.0))
                .show(ui, |ui| {
                    participant_ui(
                        ui,
                        today,
                        (id, focus_name),
                        participant,
                        (activity, refused.as_deref()),
                        &register.markings,
                        out,
                    );
                    ui.add_space(theme::SECTION_GAP);
                    let refusals = (revision, refusals);
                    people_ui(
                        ui,
                        register,
                        today,
                        id,
                        &mut self.focus_person,
                        refusals,
                        out,
                    );
                    crate::ui::focus_ring::reveal(ui);
                });
        });
    }

    fn list_ui(&mut self, ui: &mut Ui, register: &Register, out: &mut Outbox) {
        ui.add_space(4.0);
        // Wraps in a narrow list (text at 150 %) rather than widening it
        // under the editor.
        ui.horizontal_wrapped(|ui| {
            for command in [Command::NewParticipant, Command::PrintAllNationSheets] {
                widgets::command_button(ui, command, out);
            }
        });
        let reveal = std::mem::take(&mut self.reveal);
        if reveal
            && let Some(shown) = self.selected.and_then(|id| register.participant(id))
            && !matches(shown, &self.filter.trim().to_lowercase())
        {
            self.filter.clear();
        }
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(
                TextEdit::singleline(&mut self.filter)
                    .hint_text("name or code")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        ui.separator();
        let needle = self.filter.trim().to_lowercase();
        egui::ScrollArea::vertical().show(ui, |ui| {
            let mut heading = None;
            for id in register.participants_by_name() {
                let Some(p) = register.participant(id) else {
                    continue;
                };
                if !matches(p, &needle) {
                    continue;
                }
                if heading != Some(p.kind) {
                    heading = Some(p.kind);
                    ui.add_space(4.0);
                    ui.strong(match p.kind {
                        ParticipantKind::Nation => "Nations",
                        ParticipantKind::Organisation => "Organisations",
                    });
                }
                // Wraps in a narrow list: a long name keeps its code and
                // kind on the next line instead of running under the editor.
                ui.horizontal_wrapped(|ui| {
                    let name = if p.name.is_empty() {
                        "(no name)"
                    } else {
                        &p.name
                    };
                    let response = ui.selectable_label(self.selected == Some(id), name);
                    if reveal && self.selected == Some(id) {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                    if response.clicked() {
                        self.selected = Some(id);
                    }
                    ui.weak(format!("{} · {}", p.code, p.kind.label()));
                });
            }
        });
    }
}

/// Whether the list filter (lower case, trimmed) lets the participant through.
fn matches(participant: &Participant, needle: &str) -> bool {
    needle.is_empty()
        || participant.name.to_lowercase().contains(needle)
        || participant.code.to_lowercase().contains(needle)
}

fn participant_ui(
    ui: &mut Ui,
    today: NaiveDate,
    (id, focus_name): (ParticipantId, bool),
    original: &Participant,
    (activity, delete_refused): (&str, Option<&str>),
    levels: &[String],
    out: &mut Outbox,
) {
    let mut p = original.clone();
    ui.horizontal(|ui| {
        ui.heading(if p.name.is_empty() {
            "New participant"
        } else {
            &p.name
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // Right to left: Delete stays at the edge, Print beside it.
            delete_button_ui(ui, Record::Participant(id), delete_refused, out);
            let print = Command::PrintNationSheet(id);
            widgets::command_button(ui, print, out);
        });
    });
    ui.label(activity);
    ui.add_space(theme::SECTION_GAP);
    Grid::new("participant_form")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let record = Record::Participant(id);
            let name = widgets::text_row(ui, "Name", &mut p.name);
            let name = focus::at_field(ui, name, record, Field::Name);
            if focus_name {
                widgets::focus_field(ui, &name, &p.name);
            }
            let code = widgets::text_row(ui, "Code", &mut p.code);
            focus::at_field(ui, code, record, Field::Code);
            widgets::form_row(ui, "Kind", |ui| {
                widgets::choice_ui(
                    ui,
                    "participant_kind",
                    &mut p.kind,
                    &ParticipantKind::ALL,
                    ParticipantKind::label,
                )
            });
            widgets::form_row(ui, "Joined", |ui| {
                widgets::optional_date_ui(ui, &format!("joined_{}", id.0), &mut p.joined, today)
            });
            widgets::multiline_row(ui, "Notes", &mut p.notes);
            widgets::multiline_row(ui, "Points to raise", &mut p.points_to_raise)
                .on_hover_text("Printed on this participant's nation sheet only");
            widgets::form_row(ui, "Points marking", |ui| {
                points_marking_ui(ui, levels, &mut p.points_marking)
            });
        });
    if p != *original {
        out.edit(Edit::Participant(id, Some(p)));
    }
}

/// The points to raise's own marking: the register's lowest level unless
/// one is chosen. A marking from the file that is not a level shows in red,
/// and says so (the sheet refuses to print until a level is chosen).
fn points_marking_ui(ui: &mut Ui, levels: &[String], marking: &mut Option<String>) -> Response {
    let lowest = levels.first().map(String::as_str).unwrap_or_default();
    let shown = match marking.as_deref() {
        Some(level) if levels.iter().any(|known| known == level) => RichText::new(level),
        Some(unknown) => super::widgets::not_a_level(ui, unknown),
        None => RichText::new(format!("Lowest level ({lowest})")).weak(),
    };
    let mut choices = vec![Choice::new(None, format!("Lowest level ({lowest})"))];
    choices.extend(
        levels
            .iter()
            .map(|level| Choice::new(Some(level.clone()), level)),
    );
    find_choice_ui(ui, "points_marking", shown, marking, &choices, None).on_hover_text(
        "The marking of the points to raise: a nation sheet released at a lower level \
             leaves them out",
    )
}

/// "Attended 3 meetings (1 as an observer) · made 5 commitments", for a
/// sense of the record; the core's count, so it agrees with the
/// attendance record and the dashboard.
fn activity_line(register: &Register, id: ParticipantId) -> String {
    crate::tracking::participant_activity(register, id).line(register)
}
