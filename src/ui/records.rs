//! Adding and deleting records from menus and panels.

use super::app::CoalitionDeskApp;
use super::command::Tab;
use super::dialogs::Dialog;
use crate::edit::{self, Edit};
use crate::model::{
    Commitment, CommitmentId, CommitmentStatus, Meeting, MeetingId, Participant, ParticipantId,
    Record,
};

impl CoalitionDeskApp {
    pub(super) fn new_participant(&mut self) {
        let id = ParticipantId(self.document.register().fresh_id());
        let participant = Participant {
            name: "New participant".into(),
            ..Participant::default()
        };
        self.document
            .apply(Edit::Participant(id, Some(participant)));
        self.settings.tab = Tab::Participants;
        self.participants.selected = Some(id);
    }

    pub(super) fn new_meeting(&mut self) {
        let register = self.document.register();
        let id = MeetingId(register.fresh_id());
        let meeting = Meeting {
            title: "New meeting".into(),
            date: self.today,
            marking: register.lowest_marking().into(),
            ..Meeting::default()
        };
        self.document.apply(Edit::Meeting(id, Some(meeting)));
        self.settings.tab = Tab::Meetings;
        self.meetings.selected = Some(id);
    }

    pub(super) fn new_commitment(&mut self) {
        let register = self.document.register();
        let Some(participant) = register.participants_by_name().first().copied() else {
            self.notify("Add a participant first: every commitment is made by one");
            return;
        };
        let id = CommitmentId(register.fresh_id());
        let mut commitment = Commitment {
            participant,
            title: "New commitment".into(),
            area: register
                .capability_areas
                .first()
                .cloned()
                .unwrap_or_default(),
            marking: register.lowest_marking().into(),
            ..Commitment::default()
        };
        commitment.change_status(CommitmentStatus::Proposed, self.today, "Recorded", None);
        self.document.apply(Edit::Commitment(id, Some(commitment)));
        self.settings.tab = Tab::Commitments;
        self.commitments.selected = Some(id);
    }

    pub(super) fn ask_delete(&mut self, target: Record) {
        let register = self.document.register();
        let references = register.references_to(target);
        if references.is_empty() {
            let description = register.describe(target);
            self.document
                .apply(edit::delete_with_references(register, target));
            self.notify(format!("Deleted {description} (Undo brings it back)"));
        } else {
            self.dialog = Some(Dialog::ConfirmDelete {
                target,
                description: register.describe(target),
                references,
            });
        }
    }
}
