//! The one place commands run: after the gate of whatever is on top, and
//! after asking about unsaved changes when a command would lose them.
//! Beside it, the commands that add and delete records, whichever way the
//! officer asked (menu, panel button, palette): the records come from
//! `crate::new_records`, so every way in makes the same one.

use egui::ViewportCommand;

use super::CsvPurpose;
use std::path::Path;

use super::app::CoalitionDeskApp;
use super::command::{Action, Command, Tab};
use super::dialogs::Dialog;
use super::file_dialog::{FileChoice, PathPurpose};
use super::files::untitled_register;
use super::focus;
use super::fresh;
use super::on_top::OnTop;
use super::opening::{ReadFile, Started};
use super::palette::Palette;
use super::print::{PrintPreview, Report};
use super::shown_error::Failure;
use super::start::NothingOpen;
use super::workspace::Workspace;
use crate::document::{Document, Origin};
use crate::edit;
use crate::model::Record;
use crate::storage::{DiskStamp, RegisterLock};

impl CoalitionDeskApp {
    /// Runs one command. Whatever is on top may hold it back; commands
    /// that would lose unsaved changes ask first.
    pub(super) fn run(&mut self, ctx: &egui::Context, command: Command) {
        if let Err(why) = self.workspace.admits(&command) {
            self.show_error(why);
            return;
        }
        // Commands that save or leave the register, or make another
        // record, first take back an untouched new one.
        if command.leaves_the_register() || command.saves() || command.makes_a_record() {
            self.workspace.take_back_untouched();
        }
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
        use CsvPurpose::{ExportChanges, ExportCommitments, ImportCommitments};
        let today = self.today;
        let office = &self.settings.office;
        let workspace = &mut self.workspace;
        match command {
            Command::New => self.new_register(),
            Command::OpenFile => self.choose_and_open(),
            Command::OpenRecent(path) | Command::OpenAfterAsking(path) => self.open_path(&path),
            Command::OpenSample => self.open_sample(),
            Command::Save => _ = workspace.save(),
            Command::SaveAs => _ = workspace.save_as(None),
            Command::SaveOverwriting => _ = workspace.save_overwriting(),
            Command::Quit => self.quit(ctx),
            Command::Undo => self.step_history(true),
            Command::Redo => self.step_history(false),
            Command::ToggleTheme => self.settings.theme = self.settings.theme.toggled(),
            Command::Zoom(step) => self.zoom(step),
            Command::ShowTab(tab) => self.settings.tab = tab,
            Command::NewParticipant => self.add_new(Ok(fresh::participant(self.register()))),
            Command::NewMeeting => self.add_new(Ok(fresh::meeting(self.register(), today))),
            Command::NewCommitment => self.new_commitment(ctx),
            Command::NewSeries => self.add_new(Ok(fresh::series(self.register(), today))),
            Command::NewPerson(participant) => {
                self.add_new(Ok(fresh::person(self.register(), participant, today)));
            }
            Command::NewMeetingInSeries(series) => {
                self.add_new(fresh::meeting_in_series(self.register(), series, today));
            }
            // Not taken back when left untouched: its day was chosen on the
            // timeline, and the officer goes back there to see it scheduled.
            Command::ScheduleSession { series, date } => {
                self.add(fresh::meeting_in_series(self.register(), series, date));
            }
            Command::MarkExpectedPresent(id) => workspace.mark_expected_present(id, today),
            Command::CopyPreviousAttendance(meeting) => workspace.copy_previous_attendance(meeting),
            Command::MarkAllPresent(meeting) => workspace.mark_all_present(meeting, today),
            Command::SetAttendance(meeting, rows, status) => {
                workspace.set_attendance(meeting, &rows, status);
            }
            Command::AddNewDelegate(delegate) => workspace.add_new_delegate(&delegate),
            Command::SelectParticipant(id) => self.open_record(ctx, Record::Participant(id)),
            Command::SelectMeeting(id) => self.open_record(ctx, Record::Meeting(id)),
            Command::SelectCommitment(id) => self.open_record(ctx, Record::Commitment(id)),
            Command::SelectSeries(id) => self.open_record(ctx, Record::Series(id)),
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
            Command::ExportCalendar => workspace.choose_and_export_calendar(),
            Command::Search => workspace.show_search(),
            Command::CommandPalette => workspace.on_top = Some(OnTop::Palette(Palette::new())),
            Command::RecordAttendance => self.record_attendance(),
            Command::PrintOpenMeeting => self.print_open_meeting(),
            Command::ShowCommitments(filter) => {
                self.settings.tab = Tab::Commitments;
                workspace.commitments.show_matching(filter);
            }
            Command::ExportCommitmentsCsv => workspace.pick_csv(ExportCommitments, today),
            Command::ImportCommitmentsCsv => workspace.pick_csv(ImportCommitments, today),
            Command::ExportChangesCsv(meeting) => workspace.pick_csv(ExportChanges(meeting), today),
            Command::SendCopy => workspace.send_copy(office),
            Command::MergeCopy => workspace.merge_copy(office),
            Command::ResolveConflicts => workspace.resolve_conflicts(),
            Command::AskMinutesMove(meeting, ask) => {
                let register = workspace.document.register();
                workspace
                    .meetings
                    .ask_minutes_move(register, meeting, ask, today);
                self.settings.tab = Tab::Meetings;
            }
            Command::MoveMinutes(id, step, on) => workspace.move_minutes(id, step, on, today),
            Command::SaveThen(then) => {
                // When Save has to ask for a path, the command waits in
                // that window and runs once the register is saved.
                if workspace.save_then(Some((*then).clone())) {
                    self.run_now(ctx, *then);
                }
            }
            Command::DiscardChangesThen(then) => {
                workspace.discard_recovery();
                self.run_now(ctx, *then);
            }
            Command::DeleteConfirmed(target) => self.delete(target),
            Command::Recover { recovery, register } => workspace.recover(*register, &recovery),
            Command::DiscardRecovery(recovery) => workspace.remove_recovery(&recovery),
            Command::SaveTo { path, then } => {
                if workspace.save_to(&path)
                    && let Some(then) = then
                {
                    self.run(ctx, *then);
                }
            }
            Command::ExportCalendarTo(path) => workspace.export_calendar_to(&path),
            Command::CsvFile(purpose, path) => workspace.csv_to_or_from(purpose, &path, today),
            Command::SendCopyTo { partner, path } => workspace.send_copy_to(&partner, &path),
            Command::ReadCopy(path) => workspace.read_copy(&path, office),
            Command::ImportRows(preview) => workspace.import_rows(&preview),
            Command::ChooseWhereToSend(partner) => workspace.choose_where_to_send(partner),
            Command::MergeWithBase {
                copy,
                ours,
                partner,
            } => self.merge_with_base(copy, ours, partner),
            Command::CompareCopies {
                copy,
                ours,
                partner,
            } => {
                workspace.compare_copies(copy, ours, partner, self.clock.now());
            }
            Command::ApplyMerge(review) => workspace.apply_merge(*review),
            Command::MergeCancelled => self.notify("Nothing was merged or settled"),
            Command::PutInPlace(read) => self.put_in_place(read),
        }
    }

    /// Takes back the last step (`undo`) or does it again; the notice says
    /// which, replacing any notice about the step itself ("Deleted
    /// participant France").
    fn step_history(&mut self, undo: bool) {
        let document = &mut self.workspace.document;
        let said = if undo {
            match document.undo_label().map(str::to_owned) {
                Some(step) if document.undo() => format!("Undid {step}"),
                _ => "Nothing to undo".to_string(),
            }
        } else {
            match document.redo_label().map(str::to_owned) {
                Some(step) if document.redo() => format!("Redid {step}"),
                _ => "Nothing to redo".to_string(),
            }
        };
        self.notify(said);
    }

    /// Closes the window: the officer has answered for unsaved changes.
    fn quit(&mut self, ctx: &egui::Context) {
        self.closing = true;
        self.workspace.discard_recovery();
        ctx.send_viewport_cmd(ViewportCommand::Close);
    }

    /// Shows `record` in its panel, in place of any field asked before.
    fn open_record(&mut self, ctx: &egui::Context, record: Record) {
        focus::forget(ctx);
        self.show_record(record, false);
    }

    /// Shows `record` in its panel: a person with the participant they
    /// speak for, a series in the timeline's editor. A record just made
    /// (`fresh`) takes the keyboard in its first field.
    fn show_record(&mut self, record: Record, fresh: bool) {
        let workspace = &mut self.workspace;
        match record {
            Record::Participant(id) if fresh => {
                self.settings.tab = Tab::Participants;
                workspace.participants.open_new(id);
            }
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
                    if fresh {
                        workspace.participants.open_new_person(participant, id);
                    } else {
                        workspace.participants.open(participant);
                    }
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
    fn record_attendance(&mut self) {
        if self.workspace.meetings.record_attendance() {
            self.settings.tab = Tab::Meetings;
        } else {
            self.show_error(Failure::Refused(
                "Open a meeting first: Record attendance puts the keyboard in its attendance"
                    .into(),
            ));
        }
    }

    /// Ctrl+P: the summary of the meeting the Meetings tab shows, from
    /// any tab, so printing takes one key rather than a Tab for every
    /// control above the editor's Print summary….
    fn print_open_meeting(&mut self) {
        let open = self.workspace.meetings.selected;
        match open.filter(|id| self.register().meeting(*id).is_some()) {
            Some(id) => self.preview(Report::Summary(id)),
            None => self.show_error(Failure::Refused(
                "Open a meeting first: Print summary prints the meeting open in the Meetings tab"
                    .into(),
            )),
        }
    }

    fn zoom(&mut self, step: super::zoom::ZoomStep) {
        self.settings.zoom = self.settings.zoom.stepped(step);
        self.notify(format!("Zoom {}", self.settings.zoom.percent()));
    }

    fn new_commitment(&mut self, ctx: &egui::Context) {
        let by = self.workspace.commitments.participant_for_new();
        let made = fresh::commitment(self.register(), by, self.today);
        // Its first field, the participant, takes the keyboard: typing a
        // name or code finds it.
        if let Ok((record, _)) = &made {
            focus::ask(ctx, *record, crate::model::Field::Participant);
        }
        self.add_new(made);
    }

    fn merge_with_base(
        &mut self,
        copy: super::copies::ReceivedCopy,
        ours: String,
        partner: String,
    ) {
        let now = self.clock.now();
        self.workspace.merge_with_base(copy, &ours, partner, now);
        // The office the officer gave, offered again next time.
        self.settings.office = ours;
    }

    /// The open register, for the constructors of new records.
    fn register(&self) -> &crate::model::Register {
        self.workspace.document.register()
    }

    /// Adds the record a New command made, remembers it (taken back if
    /// left untouched) and shows it in its panel.
    fn add_new(&mut self, made: fresh::Made) {
        if let Some(record) = self.add(made) {
            self.workspace.made(record);
        }
    }

    /// Adds the record a command made and shows it in its panel, with the
    /// keyboard in its first field; `None` when it was refused (and the
    /// officer told why).
    fn add(&mut self, made: fresh::Made) -> Option<Record> {
        let (record, edit) = match made {
            Ok(made) => made,
            Err(refused) => {
                self.show_error(refused);
                return None;
            }
        };
        let applied = self.workspace.document.apply(edit);
        if let Err(refused) = applied {
            self.show_error(refused);
            return None;
        }
        self.show_record(record, true);
        Some(record)
    }

    fn ask_delete(&mut self, target: Record) {
        let register = self.workspace.document.register();
        // A delete the register would refuse is not asked about: the
        // panel greys its button with this reason; the palette or a
        // stale button still gets it, before any question.
        if let Some(refused) = edit::delete_refusal(register, target) {
            self.show_error(refused);
            return;
        }
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
        self.workspace.apply_told(
            delete,
            format!("delete {description}"),
            format!("Deleted {description} (Undo brings it back)"),
        );
    }
}

// The commands that replace the open register with another.
impl CoalitionDeskApp {
    pub(super) fn new_register(&mut self) {
        self.replace_document(
            Document::new(untitled_register(), Origin::Untitled),
            None,
            None,
        );
        self.notify("New register: Save asks where to keep it");
    }

    pub(super) fn open_sample(&mut self) {
        match crate::sample::register() {
            Ok(register) => {
                self.replace_document(Document::new(register, Origin::Sample), None, None);
                self.notify("Sample register: Save asks where to keep your copy");
            }
            Err(error) => self.show_error(Failure::not_done(
                "The sample register could not be read",
                error,
            )),
        }
    }

    /// Makes `document` the open register, in a workspace of its own:
    /// everything that belonged to the one before (selections, caches,
    /// whatever was on top) goes with it, and its lock is released.
    pub(super) fn replace_document(
        &mut self,
        document: Document,
        lock: Option<RegisterLock>,
        stamp: Option<DiskStamp>,
    ) {
        self.show_told();
        self.workspace = Workspace::new(document, lock, stamp);
    }

    pub(super) fn choose_and_open(&mut self) {
        match PathPurpose::Open.choose(None) {
            FileChoice::Picked(path) => self.open_path(&path),
            FileChoice::TypePath => self.workspace.type_path(PathPurpose::Open),
            FileChoice::Cancelled => {}
        }
    }

    /// Opens a register file, at once or on a worker with the opening
    /// modal on top. On any error the current register stays open and
    /// the file on disk is not touched.
    pub(super) fn open_path(&mut self, path: &Path) {
        match self.opener.open(path) {
            Started::Read(read) => self.put_in_place(*read),
            // It takes the place of whatever was on top: that belonged to
            // the register this one replaces.
            Started::Reading(opening) => self.workspace.on_top = Some(OnTop::Opening(opening)),
        }
    }

    /// The register read becomes the open document, or the officer is
    /// told why not and the current one stays.
    fn put_in_place(&mut self, read: impl Into<Option<ReadFile>>) {
        // A command holding a register read hands it over once.
        let Some(read) = read.into() else {
            return;
        };
        let path = read.path().to_path_buf();
        match read.into_document(&self.settings.office) {
            Ok((document, lock, stamp, message)) => {
                self.replace_document(document, lock, Some(stamp));
                self.settings.remember(&path);
                self.notify(message);
                self.workspace.offer_recovery(Some(&path));
            }
            Err(error) => {
                let reason = error.to_string();
                let failure = Failure::not_done("The register could not be opened", &reason);
                let failure = self.nothing_opened(&path, reason, failure);
                self.show_error(failure);
            }
        }
    }

    /// Opening `path` failed with `reason`. When nothing else is open, the
    /// window offers the ways on instead of an empty register, and the
    /// status bar names the file briefly (the start screen says why).
    fn nothing_opened(&mut self, path: &Path, reason: String, failure: Failure) -> Failure {
        if !self.workspace.holds_nothing() {
            return failure;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        self.workspace.nothing_open = Some(NothingOpen {
            path: path.to_path_buf(),
            reason,
        });
        failure.briefly(format!("Could not open {name}"))
    }
}
