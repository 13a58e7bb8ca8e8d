//! The meetings tab: every meeting, newest first, beside an editor for the
//! selected one. The panel never changes the register itself: it edits a
//! copy of the selected meeting and sends the copy back as one edit.

mod agenda;
mod approval;
mod attendance;
mod attendance_grid;
mod attendance_rows;
mod carried;
mod details;
mod list;
mod minutes;
mod minutes_life;
mod on_behalf;
mod part_marking;
mod row_words;
mod sections;

pub use minutes_life::{MinutesAsk, MinutesForm};

use chrono::NaiveDate;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::delete_button::{DeleteRefusals, delete_button_ui};
use super::{Command, Outbox, PanelContext, focus, theme, widgets};
use crate::edit::Edit;
use crate::model::{
    CarriedOver, Field, Meeting, MeetingId, ParticipantId, PersonId, Problem, Record, Register,
};
use crate::revision_cache::RevisionCache;

/// The meetings tab's own state: which meeting is open and the list filter.
/// Everything else is read from the register each frame.
#[derive(Debug, Default)]
pub struct MeetingsPanel {
    /// The meeting open in the editor.
    pub selected: Option<MeetingId>,
    /// Text typed in the filter box; matches title, location or date.
    pub filter: String,
    /// The open meeting's validation problems, worked out once per edit
    /// rather than every frame.
    problems: RevisionCache<(u64, MeetingId, NaiveDate), Vec<Problem>>,
    /// Set by `open`: the next frame makes sure the list shows the meeting
    /// and scrolls to it.
    reveal: bool,
    /// A delegate new to the register, being typed on an attendance row.
    delegate: attendance::DelegateDraft,
    /// The opening words every meeting's title shares, counted once per
    /// edit: the list leaves them out so the rows tell meetings apart.
    shared_start: RevisionCache<u64, usize>,
    /// The move in the record's life being asked for, if any.
    minutes_form: MinutesForm,
    /// The attendance grid's rows: the current one and those chosen.
    attendance_grid: attendance_grid::AttendanceGrid,
    /// Why deleting the open meeting would be refused, for its Delete….
    delete_refusals: DeleteRefusals,
    /// The list's meetings, newest first, that the filter lets through:
    /// sorted and filtered once per edit or filter, not every frame.
    rows: RevisionCache<(u64, String), Vec<MeetingId>>,
    /// Participants and people in the order the editor lists them,
    /// sorted once per edit.
    by_name: RevisionCache<u64, ByName>,
    /// The actions carried over to the open meeting, found once per edit
    /// rather than by looking through every meeting each frame.
    carried: RevisionCache<(u64, MeetingId), Vec<CarriedOver>>,
    /// The attendance rows' sizes, so rows out of view are not laid out.
    attendance_rows: attendance_rows::RowSizes,
    /// What the open meeting's attendance rows say of their participants
    /// and delegates, written once per edit rather than every frame.
    row_words: RevisionCache<(u64, MeetingId), row_words::Words>,
    /// The sizes of the sections below the attendance, so those out of
    /// view are not laid out.
    sections: sections::SectionRooms,
}

/// The register's participants and people by name, as the editor's
/// attendance rows and pickers list them.
#[derive(Debug)]
struct ByName {
    participants: Vec<ParticipantId>,
    people: Vec<PersonId>,
}

impl MeetingsPanel {
    /// Puts the keyboard in the open meeting's attendance grid, on its
    /// current row; false when no meeting is open.
    pub fn record_attendance(&mut self) -> bool {
        if self.selected.is_none() {
            return false;
        }
        self.attendance_grid.ask_keyboard();
        true
    }

    /// How many of the open meeting's attendance rows the last frame laid
    /// out (tests check that rows out of view are not, without a screen
    /// reader).
    pub fn attendance_rows_laid_out(&self) -> usize {
        self.attendance_rows.laid_out()
    }

    /// How many of the open meeting's sections below the attendance
    /// (agenda, decisions, action items, statement and notes) the last
    /// frame laid out (tests check that those out of view are not).
    pub fn sections_laid_out(&self) -> usize {
        self.sections.laid_out()
    }

    /// Shows the meeting: selects it, clears a filter that would hide it
    /// and scrolls the list to it.
    pub fn open(&mut self, id: MeetingId) {
        self.selected = Some(id);
        self.reveal = true;
    }

    /// Shows the meeting with the form for a move in its record's life
    /// open, filled in with what is likely (see [`MinutesForm::ask`]).
    pub fn ask_minutes_move(
        &mut self,
        register: &Register,
        id: MeetingId,
        ask: MinutesAsk,
        today: NaiveDate,
    ) {
        self.minutes_form.ask(register, id, ask, today);
        self.open(id);
    }

    /// Draws the list and the editor, putting any change in `out`.
    /// `revision` is the document's, so derived figures are recomputed
    /// only after an edit.
    pub fn ui(&mut self, ui: &mut Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let (register, today, revision) = context.parts();
        // An undo can remove the meeting that was open.
        self.selected
            .take_if(|&mut id| register.meeting(id).is_none());
        let shared_start = *self
            .shared_start
            .get_or_update(revision, || list::shared_title_start(register));
        egui::Panel::left("meetings-list")
            .resizable(true)
            .default_size(theme::MEETING_LIST_WIDTH)
            .size_range(theme::list_width_range(ui.available_width()))
            .show(ui, |ui| {
                self.list_ui(ui, (register, revision), shared_start, out)
            });
        egui::CentralPanel::no_frame().show(ui, |ui| match self.selected {
            Some(id) => {
                let problems = self.problems.get_or_update((revision, id, today), || {
                    register.meeting_problems_of(id, today)
                });
                let delete_refused =
                    self.delete_refusals
                        .refusal(register, revision, Record::Meeting(id));
                let by_name = self.by_name.get_or_update(revision, || ByName {
                    participants: register.participants_by_name(),
                    people: people_by_name(register),
                });
                let carried = self
                    .carried
                    .get_or_update((revision, id), || register.carried_over(id));
                let row_words = self.row_words.get_or_update((revision, id), || {
                    row_words::words(register, register.meeting(id), &by_name.participants)
                });
                let known = Known {
                    revision,
                    problems,
                    delete_refused,
                    by_name,
                    carried,
                    row_words,
                };
                let drafts = Drafts {
                    record: &mut self.minutes_form,
                    sections: &mut self.sections,
                    attendance: attendance::AttendanceDrafts {
                        delegate: &mut self.delegate,
                        grid: &mut self.attendance_grid,
                        sizes: &mut self.attendance_rows,
                    },
                };
                editor_ui(ui, register, id, today, known, drafts, out)
            }
            None => {
                ui.centered_and_justified(|ui| {
                    ui.weak("Select a meeting in the list, or make a new one.");
                });
            }
        });
    }

    fn list_ui(
        &mut self,
        ui: &mut Ui,
        (register, revision): (&Register, u64),
        shared_start: usize,
        out: &mut Outbox,
    ) {
        ui.add_space(4.0);
        // Wraps in a narrow list (text at 150 %) rather than widening it
        // under the editor.
        ui.horizontal_wrapped(|ui| {
            let new = Command::NewMeeting;
            widgets::command_button(ui, new, out);
            new_in_series_ui(ui, register, out);
            ui.label(widgets::counted(register.meetings.len(), "meeting"));
        });
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .id_salt("meetings-filter")
                .hint_text("Filter by title, place or date")
                .desired_width(f32::INFINITY),
        )
        // The hint is not a name: a screen reader says what the field is for.
        .accessible_name("Filter meetings");
        ui.add_space(4.0);

        let reveal = std::mem::take(&mut self.reveal);
        if reveal
            && let Some(id) = self.selected
            && !matches_filter(register, id, &self.filter.trim().to_lowercase())
        {
            self.filter.clear();
        }
        let needle = self.filter.trim().to_lowercase();
        let rows = self.rows.get_or_update((revision, needle.clone()), || {
            register
                .meetings_by_date()
                .into_iter()
                .rev()
                .filter(|id| matches_filter(register, *id, &needle))
                .collect()
        });
        let scroll_to = self
            .selected
            .filter(|_| reveal)
            .and_then(|id| rows.iter().position(|row| *row == id));
        // Clicks must reach the row, not start a text selection in a cell.
        ui.style_mut().interaction.selectable_labels = false;
        let mut table = TableBuilder::new(ui);
        if let Some(row) = scroll_to {
            table = table
                .scroll_to_row(row, Some(egui::Align::Center))
                .animate_scrolling(false);
        }
        table
            .id_salt("meetings-list-columns")
            .striped(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto())
            .column(Column::remainder().clip(true))
            .column(Column::auto())
            // Room on the right for the floating scroll bar over the count.
            .column(Column::auto().at_least(30.0))
            .header(theme::ROW_HEIGHT, |mut header| {
                for title in ["Date", "Meeting", "State", "At"] {
                    // A header cell takes the keyboard like a row's cell:
                    // named by its column.
                    let (_, cell) = header.col(|ui| {
                        ui.strong(title);
                    });
                    cell.accessible_name(format!("{title} column"));
                }
            })
            .body(|body| {
                body.rows(theme::ROW_HEIGHT, rows.len(), |mut row| {
                    let Some(&id) = rows.get(row.index()) else {
                        return;
                    };
                    let Some(meeting) = register.meeting(id) else {
                        return;
                    };
                    row.set_selected(self.selected == Some(id));
                    if meeting_row_ui(&mut row, register, id, meeting, shared_start) {
                        self.selected = Some(id);
                    }
                });
            });
    }
}

/// One meeting's row of the list; whether it was clicked (or chosen by
/// Enter). Each cell of a clickable row is a Tab stop of its own
/// (egui_extras): each is named by the meeting's title and date, so a
/// screen reader says which meeting the keyboard is on, whichever cell.
fn meeting_row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    register: &Register,
    id: MeetingId,
    meeting: &Meeting,
    shared_start: usize,
) -> bool {
    let (_, date) = row.col(|ui| {
        ui.label(meeting.date.format("%Y-%m-%d").to_string());
    });
    let (_, title) = row.col(|ui| {
        let shown = list::list_title(meeting, shared_start);
        ui.add(egui::Label::new(shown).truncate())
            .on_hover_text(&meeting.title);
    });
    let (_, state) = row.col(|ui| {
        ui.label(
            RichText::new(meeting.state.label())
                .color(theme::meeting_state_colour(meeting.state, ui.visuals())),
        );
    });
    let (_, at) = row.col(|ui| {
        let attended = meeting.attended_count();
        ui.label(attended.to_string())
            .on_hover_text("Participants who attended");
    });
    let name = register.meeting_title(id);
    let cells = [date, title, state, at];
    cells
        .map(|cell| cell.accessible_name(name.clone()).clicked())
        .contains(&true)
}

/// "New meeting in a series": the next session of the chosen series,
/// filled from it, rather than a blank meeting put in a series afterwards.
fn new_in_series_ui(ui: &mut Ui, register: &Register, out: &mut Outbox) {
    if register.series.is_empty() {
        return;
    }
    let mut series: Vec<_> = register
        .series
        .iter()
        .map(|(id, s)| (s.name.to_lowercase(), s.name.clone(), *id))
        .collect();
    series.sort_unstable();
    let choices: Vec<_> = series
        .into_iter()
        .map(|(_, name, id)| {
            let label = if name.trim().is_empty() {
                id.to_string()
            } else {
                name
            };
            crate::ui::find_choice::Choice::new(id, label)
        })
        .collect();
    let (button, chosen) = crate::ui::find_choice::find_to_add_ui(
        ui,
        "new-in-series",
        egui::Button::new("In a series…"),
        &choices,
    );
    if let Some(id) = chosen {
        out.command(Command::NewMeetingInSeries(id));
    }
    button
        .on_hover_text(Command::NewMeetingInSeries(crate::model::SeriesId(0)).tooltip())
        .accessible_name("New meeting in a series");
}

/// Whether the list filter (lower case, trimmed) lets the meeting through.
fn matches_filter(register: &Register, id: MeetingId, needle: &str) -> bool {
    register.meeting(id).is_some_and(|m| {
        needle.is_empty()
            || m.title.to_lowercase().contains(needle)
            || m.location.to_lowercase().contains(needle)
            || m.date.to_string().contains(needle)
    })
}

/// What the officer is part-way through typing in the editor, and where
/// they are in the attendance grid.
struct Drafts<'a> {
    record: &'a mut MinutesForm,
    sections: &'a mut sections::SectionRooms,
    attendance: attendance::AttendanceDrafts<'a>,
}

/// What the editor shows worked out from the register once per edit (at
/// `revision`): the meeting's problems, why its delete would be refused,
/// everyone by name, the actions carried over to it, and what its
/// attendance rows say.
struct Known<'a> {
    revision: u64,
    problems: &'a [Problem],
    delete_refused: Option<&'a str>,
    by_name: &'a ByName,
    carried: &'a [CarriedOver],
    row_words: &'a row_words::Words,
}

/// The editor for one meeting: edits a copy and sends it back if changed.
/// An approved record's content is drawn disabled: only its follow-up
/// (actions done) and its life can change.
fn editor_ui(
    ui: &mut Ui,
    register: &Register,
    id: MeetingId,
    today: NaiveDate,
    known: Known<'_>,
    drafts: Drafts<'_>,
    out: &mut Outbox,
) {
    let Drafts {
        record,
        sections,
        attendance,
    } = drafts;
    let Known {
        revision,
        problems,
        delete_refused,
        by_name,
        carried,
        row_words,
    } = known;
    let Some(original) = register.meeting(id) else {
        return;
    };
    let mut meeting = original.clone();
    let locked = original.minutes.is_locked();
    // Both ways: the attendance's columns can be wider than the editor
    // (at 1024 points, or with text at 150 %); fields stop at the edge of
    // what shows (`widgets::fit_width`). The heading, the record and its
    // form scroll with the rest: with text at 150 % a long title and sixty
    // delegations to circulate to would leave no room below them.
    egui::ScrollArea::both()
        .id_salt(("meeting-editor", id.0))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // The title wraps and the buttons have a row of their own, so
            // neither covers the other in a narrow window.
            let heading = ui.add(egui::Label::new(RichText::new(&original.title).heading()).wrap());
            ui.horizontal_wrapped(|ui| {
                print_buttons_ui(ui, original, id, out);
                delete_button_ui(ui, Record::Meeting(id), delete_refused, out);
            });
            super::problems::record_problems_ui(ui, problems, out);
            minutes_life::minutes_ui(ui, register, id, original, record, today, out);
            ui.separator();
            let open = !locked;
            let mut below = sections.begin(ui, heading.id, (id, revision));
            section(ui, "Details", id, (&mut below, false), |ui| {
                ui.add_enabled_ui(open, |ui| {
                    details::details_ui(ui, register, id, &mut meeting)
                });
            });
            section(ui, "Attendance", id, (&mut below, false), |ui| {
                ui.add_enabled_ui(open, |ui| {
                    let rows = (by_name.participants.as_slice(), row_words);
                    let (at, meeting) = ((id, today), &mut meeting);
                    attendance::attendance_ui(
                        ui,
                        (register, revision),
                        at,
                        meeting,
                        rows,
                        attendance,
                        out,
                    )
                });
            });
            section(ui, "Agenda", id, (&mut below, true), |ui| {
                ui.add_enabled_ui(open, |ui| {
                    minutes::agenda_ui(ui, register, id, &mut meeting, &by_name.people)
                });
            });
            section(ui, "Decisions", id, (&mut below, true), |ui| {
                ui.add_enabled_ui(open, |ui| {
                    minutes::decisions_ui(ui, register, id, &mut meeting)
                });
            });
            section(ui, "Action items", id, (&mut below, true), |ui| {
                if locked {
                    minutes_life::locked_actions_ui(ui, register, id, &mut meeting, carried, out);
                } else {
                    minutes::actions_ui(ui, register, id, &mut meeting, today, carried, out);
                }
            });
            section(ui, "Statement and notes", id, (&mut below, false), |ui| {
                ui.add_enabled_ui(open, |ui| {
                    minutes::statement_ui(ui, register, id, &mut meeting)
                });
            });
            below.finish();
            crate::ui::focus_ring::reveal(ui);
        });
    if meeting != *original {
        out.edit(Edit::Meeting(id, Some(meeting)));
    }
}

/// One of the editor's sections under its heading; one that `may_skip`
/// (between the attendance and the last section) is left out while out
/// of view (`sections.rs`).
fn section(
    ui: &mut Ui,
    title: &'static str,
    id: MeetingId,
    (below, may_skip): (&mut sections::Below<'_>, bool),
    add: impl FnOnce(&mut Ui),
) {
    let top = ui.cursor().min.y;
    let shown = egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("meeting-section", title, id.0))
        .default_open(true)
        .show(ui, |ui| {
            if may_skip {
                below.body(ui, title, add);
            } else {
                add(ui);
            }
        });
    below.spanned(title, egui::Rangef::new(top, ui.cursor().min.y));
    // An attendance problem opens the meeting at its attendance: the row
    // has no one field to hold the keyboard.
    if title == "Attendance" {
        let attendance = |field| matches!(field, Field::Attendance(_));
        focus::at_part(ui, shown.header_response, Record::Meeting(id), attendance);
    }
    ui.add_space(theme::SECTION_GAP);
}

/// Everyone in the register, by name, for lead and chair pickers.
fn people_by_name(register: &Register) -> Vec<PersonId> {
    let mut keyed: Vec<_> = register
        .people
        .iter()
        .map(|(id, person)| ((person.name.to_lowercase(), *id), *id))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, id)| id).collect()
}

/// "Print summary…", "Print attendance…" when the meeting is in a series,
/// "Print meeting pack…" while it is planned, and "Print since last
/// session…".
fn print_buttons_ui(ui: &mut Ui, meeting: &Meeting, id: MeetingId, out: &mut Outbox) {
    let mut commands = vec![Command::PrintSummary(id)];
    commands.extend(meeting.series.map(Command::PrintAttendance));
    if meeting.state == crate::model::MeetingState::Planned {
        commands.push(Command::PrintMeetingPack(id));
    }
    commands.push(Command::PrintSinceLastSession(id));
    for command in commands {
        widgets::command_button(ui, command, out);
    }
}
