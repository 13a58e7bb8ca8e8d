//! The dashboard's attendance: how many held sessions each participant
//! took part in, and of those how many as an observer. The core's count
//! (`tracking::attendance_by_participant`), the rule the attendance
//! record and a participant's activity follow too.

use egui::{Grid, Ui};

use crate::model::{ParticipantId, Register};
use crate::revision_cache::RevisionCache;
use crate::ui::theme;

/// Participant, sessions attended, of which as an observer.
pub(super) type AttendanceTable = Vec<(ParticipantId, usize, usize)>;

pub(super) fn attendance_ui(
    ui: &mut Ui,
    register: &Register,
    revision: u64,
    cache: &mut RevisionCache<u64, AttendanceTable>,
) {
    let rows = cache.get_or_update(revision, || {
        crate::tracking::attendance_by_participant(register)
    });
    ui.add_space(theme::SECTION_GAP);
    ui.strong("Attendance at held sessions");
    ui.weak("Present, represented by another, or as an observer; apologies are not attendance.");
    Grid::new("attendance_participant")
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.label("Attended");
            ui.label("Of which as an observer");
            ui.end_row();
            for &(participant, attended, as_observer) in rows {
                ui.label(register.participant_name(participant));
                ui.label(attended.to_string());
                ui.label(as_observer.to_string());
                ui.end_row();
            }
        });
    ui.add_space(theme::SECTION_GAP);
}
