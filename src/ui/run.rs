//! The one place commands run: after the gate of whatever is on top, and
//! after asking about unsaved changes when a command would lose them.
//! Beside it, the commands that add and delete records, whichever way the
//! officer asked (menu, panel button, palette): the records come from
//! `crate::new_records`, so every way in makes the same one.

use egui::ViewportCommand;

use super::app::CoalitionDeskApp;
use super::command::{Action, Command, Tab};
use super::dialogs::Dialog;
use super::focus;
use super::on_top::OnTop;
use super::palette::Palette;
use super::print::{PrintPreview, Report};
use super::shown_error::Failure;
use crate::edit;
use crate::model::{ParticipantId, Record};
use crate::new_records;

impl CoalitionDeskApp {
    /// Runs one command. Whatever is on top may hold it back; commands
    /// that would lose unsaved changes ask first.
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        if let Err(why) = self.workspace.admits(&command) {
            self.show_error(why);
            return;
        }
        self.before_command(&command);
        // While another file is being read the officer has already
        // answered for these changes (that open asked first).
        if command.leaves_the_register() && self.workspace.document.is_dirty() && !self.is_opening()
        {
            self.workspace.ask(Dialog::UnsavedChanges { then: command });
            return;
        }
        self.run_now(ctx, command);
    }

    /// Puts the print preview of `report` on top; Save PDF proposes a
    /// folder from the register's file.
    fn preview(&mut self, report: Report) {
        let workspace = &mut self.workspace;
        let file = workspace.document.path();
        let preview = PrintPreview::new(report).of_file(file);
        workspace.on_top = Some(OnTop::PrintPreview(Box::new(preview)));
    }

    /// Runs a command without asking about unsaved changes.
    pub(super) fn run_now(&mut self, ctx: &egui::Context, command: Command) {
        let workspace = &mut self.workspace;
        match command {
            Command::New => self.new_register(),
            Command::OpenFile => self.choose_and_open(),
            Command::OpenFileAt(path) => self.open_path(&path),
            Command::OpenSample => self.open_sample(),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as(None);
            }
            Command::Quit => {
                self.closing = true;
                self.discard_recovery();
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
            // The notice says what was taken back, replacing any notice
            // about the step itself ("Deleted participant France").
            Command::Undo => match workspace.document.undo_label().map(str::to_owned) {
                Some(step) if workspace.document.undo() => self.notify(format!("Undid {step}")),
                _ => self.notify("Nothing to undo"),
            },
            Command::Redo => match workspace.document.redo_label().map(str::to_owned) {
                Some(step) if workspace.document.redo() => self.notify(format!("Redid {step}")),
                _ => self.notify("Nothing to redo"),
            },
            Command::ToggleTheme => self.settings.theme = self.settings.theme.toggled(),
            Command::Zoom(step) => {
                self.settings.zoom = self.settings.zoom.stepped(step);
                self.notify(format!("Zoom {}", self.settings.zoom.percent()));
            }
            Command::ShowTab(tab) => self.settings.tab = tab,
            Command::NewParticipant => self.new_participant(),
            Command::NewMeeting => self.new_meeting(),
            Command::NewCommitment => self.new_commitment(),
            Command::NewSeries => self.new_series(),
            Command::NewPerson(participant) => self.new_person(participant),
            Command::NewMeetingInSeries(series) => self.new_meeting_in_series(series),
            Command::MarkExpectedPresent(meeting) => self.mark_expected_present(meeting),
            Command::CopyPreviousAttendance(meeting) => self.copy_previous_attendance(meeting),
            Command::AddNewDelegate(delegate) => self.add_new_delegate(&delegate),
            Command::SelectParticipant(id) => self.open_record(ctx, Record::Participant(id)),
            Command::SelectMeeting(id) => self.open_record(ctx, Record::Meeting(id)),
            Command::SelectCommitment(id) => self.open_record(ctx, Record::Commitment(id)),
            Command::SelectAt(record, field) => {
                self.open_record(ctx, record);
                focus::ask(ctx, record, field);
            }
            Command::Delete(target) => self.ask_delete(target),
            Command::PrintSummary(id) => self.preview(Report::Summary(id)),
            Command::PrintAttendance(id) => self.preview(Report::Attendance(id)),
            Command::PrintMeetingPack(id) => self.preview(Report::Pack(id)),
            Command::PrintSinceLastSession(id) => self.preview(Report::Since(id)),
            Command::PrintNationSheet(id) => self.preview(Report::Sheet(id)),
            Command::PrintAllNationSheets => self.preview(Report::AllSheets),
            Command::ExportCalendar => self.choose_and_export_calendar(),
            Command::Search => {
                workspace.search.show();
                workspace.on_top = Some(OnTop::Search);
            }
            Command::CommandPalette => workspace.on_top = Some(OnTop::Palette(Palette::new())),
            Command::ShowCommitments(filter) => {
                self.settings.tab = Tab::Commitments;
                workspace.commitments.show_matching(filter);
            }
            Command::ExportCommitmentsCsv => self.export_commitments_csv(),
            Command::ImportCommitmentsCsv => self.import_commitments_csv(),
            Command::ExportChangesCsv(meeting) => self.export_changes_csv(meeting),
            Command::SendCopy => self.send_copy(),
            Command::MergeCopy => self.merge_copy(),
            Command::ResolveConflicts => self.resolve_conflicts(),
            Command::AskMinutesMove(meeting, ask) => self.ask_minutes_move(meeting, ask),
            Command::MoveMinutes(meeting, step, on) => self.move_minutes(meeting, step, on),
            Command::SaveThen(then) => {
                // When Save has to ask for a path, the command waits in
                // that window and runs once the register is saved.
                if self.save_then(Some((*then).clone())) {
                    self.run_now(ctx, *then);
                }
            }
            Command::DiscardChangesThen(then) => {
                self.discard_recovery();
                self.run_now(ctx, *then);
            }
            Command::DeleteConfirmed(target) => self.delete(target),
            Command::Recover { recovery, register } => self.recover(*register, &recovery),
            Command::DiscardRecovery(recovery) => self.remove_recovery(&recovery),
            Command::SaveOverwriting => {
                self.save_overwriting();
            }
            Command::OpenChosenFile(path) => self.open_path(&path),
            Command::SaveTo { path, then } => {
                if self.save_to(&path)
                    && let Some(then) = then
                {
                    self.run(ctx, *then);
                }
            }
            Command::ExportCalendarTo(path) => self.export_calendar_to(&path),
            Command::CsvFile(purpose, path) => self.csv_to_or_from(purpose, &path),
            Command::SendCopyTo { partner, path } => self.send_copy_to(&partner, &path),
            Command::ReadCopy(path) => self.read_copy(&path),
            Command::ImportRows(preview) => self.import_rows(&preview),
            Command::ChooseWhereToSend(partner) => self.choose_where_to_send(partner),
            Command::MergeWithBase {
                copy,
                ours,
                partner,
            } => self.merge_with_base(copy, ours, partner),
            Command::CompareCopies {
                copy,
                ours,
                partner,
            } => self.compare_copies(copy, ours, partner),
            Command::ApplyMerge(review) => self.apply_merge(*review),
            Command::MergeCancelled => self.notify("Nothing was merged or settled"),
        }
    }

    /// Shows `record` in its panel: a person with the participant they
    /// speak for, a series in the timeline's editor.
    fn open_record(&mut self, ctx: &egui::Context, record: Record) {
        focus::forget(ctx);
        let workspace = &mut self.workspace;
        match record {
            Record::Participant(id) => {
                self.settings.tab = Tab::Participants;
                workspace.participants.open(id);
            }
            Record::Person(id) => {
                // A role may point at a participant no longer there (that
                // is often the problem): open one that is.
                let register = workspace.document.register();
                let speaks_for = register.person(id).and_then(|person| {
                    person
                        .roles
                        .iter()
                        .map(|role| role.participant)
                        .find(|&p| register.participant(p).is_some())
                });
                if let Some(participant) = speaks_for {
                    self.settings.tab = Tab::Participants;
                    workspace.participants.open(participant);
                }
            }
            Record::Series(id) => {
                self.settings.tab = Tab::Timeline;
                workspace.timeline.open(id);
            }
            Record::Meeting(id) => {
                self.settings.tab = Tab::Meetings;
                workspace.meetings.open(id);
            }
            Record::Commitment(id) => {
                self.settings.tab = Tab::Commitments;
                workspace.commitments.open(id);
            }
        }
    }

    /// The commands whose shortcuts were pressed this frame, when the
    /// workspace reads shortcuts at all.
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context) -> Vec<Command> {
        if !self.workspace.reads_shortcuts() {
            return Vec::new();
        }
        let mut commands = Vec::new();
        ctx.input_mut(|input| {
            for (shortcut, action) in Action::shortcut_table() {
                if input.consume_shortcut(&shortcut) && commands.last() != Some(&action.command()) {
                    commands.push(action.command());
                }
            }
        });
        commands
    }
}

// Adding and deleting records: the arms of `run_now` that change the register.
impl CoalitionDeskApp {
    pub(super) fn new_participant(&mut self) {
        let (id, edit) = new_records::participant(self.workspace.document.register());
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.made(Record::Participant(id));
        self.settings.tab = Tab::Participants;
        self.workspace.participants.open_new(id);
    }

    pub(super) fn new_series(&mut self) {
        let (id, edit) = new_records::series(self.workspace.document.register(), self.today);
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.made(Record::Series(id));
        self.settings.tab = Tab::Timeline;
        self.workspace.timeline.open(id);
    }

    pub(super) fn new_person(&mut self, participant: ParticipantId) {
        let register = self.workspace.document.register();
        let (id, edit) = new_records::person(register, participant, self.today);
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.made(Record::Person(id));
        self.settings.tab = Tab::Participants;
        self.workspace.participants.open_new_person(participant, id);
    }

    pub(super) fn new_meeting(&mut self) {
        let (id, edit) = new_records::meeting(self.workspace.document.register(), self.today);
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.made(Record::Meeting(id));
        self.settings.tab = Tab::Meetings;
        self.workspace.meetings.open(id);
    }

    pub(super) fn new_commitment(&mut self) {
        let workspace = &mut self.workspace;
        let by = workspace.commitments.participant_for_new();
        let Some((id, edit)) =
            new_records::commitment(workspace.document.register(), by, self.today)
        else {
            self.show_error(Failure::Refused(
                "Add a participant first: every commitment is made by one".into(),
            ));
            return;
        };
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.made(Record::Commitment(id));
        self.settings.tab = Tab::Commitments;
        self.workspace.commitments.open(id);
    }

    pub(super) fn ask_delete(&mut self, target: Record) {
        let register = self.workspace.document.register();
        let references = register.references_to(target);
        let description = register.describe(target);
        // Every delete asks, even of a record nothing refers to: a
        // button reached by Tab is pressed by one Space (issue 21).
        self.workspace.ask(Dialog::ConfirmDelete {
            target,
            description,
            references,
        });
    }

    /// Deletes `target`, mending what refers to it, as one undo step.
    fn delete(&mut self, target: Record) {
        let register = self.workspace.document.register();
        let description = register.describe(target);
        let delete = edit::delete_with_references(register, target);
        let applied = self
            .workspace
            .document
            .apply_labelled(delete, format!("delete {description}"));
        if let Err(refused) = applied {
            self.show_error(refused);
            return;
        }
        self.notify(format!("Deleted {description} (Undo brings it back)"));
    }
}
