//! Adding and deleting records, whichever way the officer asked (menu,
//! panel button, palette): the records come from `crate::new_records`, so
//! every way in makes the same one.

use super::app::CoalitionDeskApp;
use super::command::Tab;
use super::dialogs::Dialog;
use crate::edit;
use crate::model::Record;
use crate::new_records;

impl CoalitionDeskApp {
    pub(super) fn new_participant(&mut self) {
        let (id, edit) = new_records::participant(self.workspace.document.register());
        self.workspace.document.apply(edit);
        self.settings.tab = Tab::Participants;
        self.workspace.participants.open(id);
    }

    pub(super) fn new_meeting(&mut self) {
        let (id, edit) = new_records::meeting(self.workspace.document.register(), self.today);
        self.workspace.document.apply(edit);
        self.settings.tab = Tab::Meetings;
        self.workspace.meetings.open(id);
    }

    pub(super) fn new_commitment(&mut self) {
        let workspace = &mut self.workspace;
        let by = workspace.commitments.participant_for_new();
        let Some((id, edit)) =
            new_records::commitment(workspace.document.register(), by, self.today)
        else {
            self.notify("Add a participant first: every commitment is made by one");
            return;
        };
        workspace.document.apply(edit);
        self.settings.tab = Tab::Commitments;
        workspace.commitments.open(id);
    }

    pub(super) fn ask_delete(&mut self, target: Record) {
        let register = self.workspace.document.register();
        let references = register.references_to(target);
        let description = register.describe(target);
        if references.is_empty() {
            let delete = edit::delete_with_references(register, target);
            self.workspace.document.apply(delete);
            self.notify(format!("Deleted {description} (Undo brings it back)"));
        } else {
            self.workspace.ask(Dialog::ConfirmDelete {
                target,
                description,
                references,
            });
        }
    }
}
