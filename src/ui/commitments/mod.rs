//! The commitments panel: a filter bar, a sortable table of every
//! commitment and the editor of the selected one.

mod editor;
mod filter;
mod rows;
mod table;
mod workflow;

pub use filter::CommitmentFilter;
pub use table::{Sort, SortColumn};
pub use workflow::StatusForm;

use chrono::NaiveDate;

use crate::model::{CommitmentId, ParticipantId, Problem, Record, Register};
use crate::revision_cache::RevisionCache;
use crate::ui::{Command, Outbox, PanelContext, theme};

/// State of the commitments panel; the register itself stays with the app.
#[derive(Default)]
pub struct CommitmentsPanel {
    /// The commitment shown in the editor.
    pub selected: Option<CommitmentId>,
    pub filter: CommitmentFilter,
    pub sort: Sort,
    /// The filtered, sorted ids: filtering and sorting 100,000 commitments
    /// every frame would make scrolling stutter.
    rows: RevisionCache<RowsKey, Vec<CommitmentId>>,
    /// How many times every commitment went through the filter (an edit
    /// of a few commitments brings the rows up to date instead).
    full_filters: u64,
    /// Validation messages of the selected commitment, kept until it changes.
    problems: RevisionCache<(u64, CommitmentId, NaiveDate), Vec<Problem>>,
    /// Set by `open`: the next frame makes sure the table shows the
    /// commitment and brings it into view.
    reveal: bool,
    /// The draft of the selected commitment's next status step.
    pub status_form: StatusForm,
    /// Why deleting the selected commitment would be refused, for its Delete….
    delete_refusals: crate::ui::delete_button::DeleteRefusals,
}

/// What the table's rows are computed from.
type RowsKey = (u64, CommitmentFilter, Sort, NaiveDate);

impl CommitmentsPanel {
    /// Shows the commitment: selects it, clears a filter that would hide
    /// it and scrolls the table to it.
    pub fn open(&mut self, id: CommitmentId) {
        self.selected = Some(id);
        self.reveal = true;
    }

    /// Shows the commitments `filter` lets through (a dashboard bar).
    pub fn show_matching(&mut self, filter: CommitmentFilter) {
        self.filter = filter;
    }

    /// Whom a new commitment is made by: the participant the table is
    /// filtered to, if any, so the new one shows in the table.
    pub fn participant_for_new(&self) -> Option<ParticipantId> {
        self.filter.participant
    }

    /// Draws the panel. `revision` must change whenever the register does
    /// (the document's state number); the table is recomputed only when it,
    /// the filter or the sort changed.
    pub fn ui(&mut self, ui: &mut egui::Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let PanelContext { register, .. } = *context;
        // After an undo the selected commitment may be gone.
        self.selected
            .take_if(|&mut id| register.commitment(id).is_none());
        egui::Panel::top("commitments_filter").show(ui, |ui| {
            ui.add_space(4.0);
            if filter::filter_bar_ui(ui, register, &mut self.filter) {
                out.command(Command::NewCommitment);
            }
            self.refresh(context);
            if self.reveal
                && let Some(id) = self.selected
                && !self.visible().contains(&id)
            {
                self.filter = CommitmentFilter::default();
                self.refresh(context);
            }
            let shown = self.visible().len();
            ui.label(format!(
                "{shown} of {} commitments",
                register.commitments.len()
            ));
            ui.add_space(4.0);
        });
        egui::Panel::right("commitment_editor")
            .resizable(true)
            .default_size(theme::EDITOR_WIDTH)
            .size_range(theme::editor_width_range(ui.available_width()))
            .show(ui, |ui| self.editor_ui(ui, context, out));
        egui::CentralPanel::default().show(ui, |ui| {
            let scroll_to = if std::mem::take(&mut self.reveal) {
                self.selected
                    .and_then(|id| self.visible().iter().position(|row| *row == id))
            } else {
                None
            };
            let ids = self.rows.last().map_or(&[][..], Vec::as_slice);
            let output =
                table::table_ui(ui, context, ids, &mut self.sort, self.selected, scroll_to);
            if let Some(id) = output.clicked {
                self.selected = Some(id);
                ui.ctx().request_repaint();
            }
            if output.sort_changed {
                ui.ctx().request_repaint();
            }
        });
    }

    /// The commitments the table shows, in its order, as of the last frame.
    pub fn visible(&self) -> &[CommitmentId] {
        self.rows.last().map_or(&[][..], Vec::as_slice)
    }

    fn refresh(&mut self, context: &PanelContext<'_>) {
        let PanelContext {
            register,
            today,
            revision,
            document,
        } = *context;
        let key = (revision, self.filter.clone(), self.sort, today);
        let (filter, sort, full_filters) = (&self.filter, self.sort, &mut self.full_filters);
        self.rows.get_or_bring_up_to_date(key, |kept| {
            if let Some(((was, kept_filter, kept_sort, kept_today), ids)) = kept
                && (&kept_filter, kept_sort, kept_today) == (filter, sort, today)
                && let Some(document) = document.filter(|d| d.revision() == revision)
                && let Some(touched) = document.changes_since(was)
                && let Some(ids) =
                    rows::brought_up_to_date(register, ids, &touched, filter, sort, today)
            {
                return ids;
            }
            *full_filters += 1;
            let mut ids = filter.matching(register, today);
            sort.apply(register, &mut ids);
            ids
        });
    }

    /// How many times the table's rows were worked out from every
    /// commitment (tests check an edit does not cause one).
    pub fn full_filters(&self) -> u64 {
        self.full_filters
    }

    fn editor_ui(&mut self, ui: &mut egui::Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let (register, today, revision) = context.parts();
        let Some((id, commitment)) = self
            .selected
            .and_then(|id| register.commitment(id).map(|c| (id, c)))
        else {
            ui.add_space(20.0);
            ui.weak("Select a commitment in the table, or add one with \"New commitment\".");
            return;
        };
        let messages = self
            .problems
            .get_or_update((revision, id, today), || problems_of(register, id, today));
        let delete_refused =
            self.delete_refusals
                .refusal(register, revision, Record::Commitment(id));
        editor::editor_ui(
            ui,
            context,
            (id, commitment),
            (messages, delete_refused),
            &mut self.status_form,
            out,
        );
    }
}

/// The validation problems of one commitment.
fn problems_of(register: &Register, id: CommitmentId, today: NaiveDate) -> Vec<Problem> {
    register.commitment_problems_of(id, today)
}
