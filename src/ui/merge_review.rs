//! The review of a merge before anything is applied: what the other copy
//! adds, changes and deletes per kind of record, then each conflict side
//! by side with the officer's choice. Apply settles the chosen conflicts
//! and changes the register in one undo step; the review of a register's
//! own conflicts is the same window without the first part.

use super::widgets::counted;
use std::path::PathBuf;

use egui::{Id, Modal, RichText, Ui};

use super::Command;
use super::copies::ReceivedCopy;
use super::on_top::Outcome;
use super::review_changes::{ChangedRecords, summary_ui};
use super::review_conflict::conflict_ui;
use super::workspace::Workspace;
use crate::edit;
use crate::merge::{self, Choice, MergeSummary, Merged};
use crate::model::Register;

/// Conflicts drawn at once: a comparison of two large copies can find
/// thousands, and drawing them all would slow every frame.
const PAGE: usize = 40;

/// What the review settles.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A partner office's copy, merged now (compared, when no common copy
    /// was kept).
    Copy {
        path: PathBuf,
        partner: String,
        theirs: Box<Register>,
        compared: bool,
    },
    /// The conflicts already in the register.
    Conflicts,
}

/// The officer's choice for one conflict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decide {
    /// The conflict stays in the register's conflicts list.
    #[default]
    Later,
    Ours,
    Theirs,
    Edit,
}

/// One conflict's choice, the value typed when edited, and why that value
/// was refused, if it was.
#[derive(Clone, Debug, Default)]
pub struct Decision {
    pub decide: Decide,
    pub edited: String,
    /// The value is a text (a title, a name): `edited` holds the words
    /// alone, so the officer need not write the quotes the file needs.
    pub plain_text: bool,
    pub refused: Option<String>,
}

impl Decision {
    /// The value typed, as the file writes it.
    fn value(&self) -> String {
        if self.plain_text {
            ron::to_string(&self.edited).unwrap_or_else(|_| self.edited.clone())
        } else {
            self.edited.clone()
        }
    }
}

/// A merge waiting for the officer's answer.
pub struct MergeReview {
    pub source: Source,
    /// The register as it would be, its conflicts the ones to decide.
    pub merged: Merged,
    /// One per conflict of `merged.register`, in its order.
    pub decisions: Vec<Decision>,
    /// Which [`PAGE`] of conflicts is shown.
    pub page: usize,
    /// The records the merge adds, changes and deletes, by name.
    pub records: ChangedRecords,
}

impl MergeReview {
    /// The review of a partner's copy merged into ours.
    pub fn of_copy(
        ours: &Register,
        copy: ReceivedCopy,
        partner: String,
        merged: Merged,
        compared: bool,
    ) -> Self {
        let decisions = vec![Decision::default(); merged.register.conflicts.len()];
        let records = ChangedRecords::between(ours, &merged.register);
        MergeReview {
            records,
            source: Source::Copy {
                path: copy.path,
                partner,
                theirs: copy.register,
                compared,
            },
            merged,
            decisions,
            page: 0,
        }
    }

    /// The review of the register's own conflicts.
    pub fn of_conflicts(register: &Register) -> Self {
        MergeReview {
            source: Source::Conflicts,
            decisions: vec![Decision::default(); register.conflicts.len()],
            merged: Merged {
                register: register.clone(),
                conflicts: register.conflicts.clone(),
                summary: MergeSummary::default(),
                unsettled: Vec::new(),
            },
            page: 0,
            records: ChangedRecords::default(),
        }
    }

    /// The choices made, as the core takes them.
    fn choices(&self) -> Vec<(usize, Choice)> {
        self.decisions
            .iter()
            .enumerate()
            .filter_map(|(index, decision)| match decision.decide {
                Decide::Later => None,
                Decide::Ours => Some((index, Choice::Ours)),
                Decide::Theirs => Some((index, Choice::Theirs)),
                Decide::Edit => Some((index, Choice::Edited(decision.value()))),
            })
            .collect()
    }
}

/// A review the officer applied: the register with the chosen conflicts
/// settled, to replace the open one in one undo step.
#[derive(Clone, Debug, PartialEq)]
pub struct SettledReview {
    pub source: Source,
    pub resolved: Register,
    /// How many conflicts the officer decided.
    pub settled: usize,
    pub summary: MergeSummary,
}

impl MergeReview {
    /// Draws the review. Apply closes it with the settled register, unless
    /// a value typed does not read: then it stays, saying why beside that
    /// conflict.
    pub fn ui(&mut self, ctx: &egui::Context) -> Outcome {
        let review = self;
        let screen = ctx.content_rect();
        let width = (screen.width() - 64.0).clamp(300.0, 1000.0);
        let height = (screen.height() - 48.0).max(240.0);
        let mut answer = None;
        // Only Cancel closes it: a stray click beside the window, or Escape
        // meant for an edit box, must not throw away the choices made.
        // Held from the top, not centred: it grows as a conflict is opened
        // for editing or the records are listed, and a centred window
        // would jump under the officer's pointer.
        let id = Id::unique("coalition-desk-merge-review");
        let area = Modal::default_area(id).anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 24.0));
        Modal::new(id).area(area).show(ctx, |ui| {
            ui.set_width(width);
            ui.set_max_height(height);
            heading_ui(ui, review);
            if let Source::Copy { .. } = review.source {
                summary_ui(ui, &review.merged.summary);
                review.records.ui(ui);
            }
            conflicts_heading_ui(ui, review);
            // What is left of the window's height, less the buttons' row.
            let list_height = (ui.available_height() - 44.0).max(120.0);
            egui::ScrollArea::vertical()
                .id_salt("merge-review-conflicts")
                .max_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let register = &review.merged.register;
                    for (index, (conflict, decision)) in register
                        .conflicts
                        .iter()
                        .zip(review.decisions.iter_mut())
                        .enumerate()
                        .skip(review.page * PAGE)
                        .take(PAGE)
                    {
                        conflict_ui(ui, index, conflict, decision, register);
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                let apply = match review.source {
                    Source::Copy { .. } => "Apply merge",
                    Source::Conflicts => "Apply decisions",
                };
                if ui.button(apply).clicked() {
                    answer = Some(true);
                }
                if ui.button("Cancel").clicked() {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => review.settle(),
            Some(false) => Outcome::Then(Command::MergeCancelled),
            None => Outcome::Stays,
        }
    }

    /// The chosen conflicts settled; a value that does not read is
    /// refused beside its conflict and the review stays.
    fn settle(&mut self) -> Outcome {
        let choices = self.choices();
        for decision in &mut self.decisions {
            decision.refused = None;
        }
        match merge::resolve(&self.merged.register, &choices) {
            Ok(resolved) => Outcome::Then(Command::ApplyMerge(Box::new(SettledReview {
                source: self.source.clone(),
                resolved,
                settled: choices.len(),
                summary: self.merged.summary,
            }))),
            Err(error) => {
                if let Some(decision) = self.decisions.get_mut(error.conflict) {
                    decision.refused = Some(format!("Nothing was applied: {}", error.message));
                }
                Outcome::Stays
            }
        }
    }
}

impl Workspace {
    /// Replaces the register with the settled one in one undo step and
    /// says what was taken from the other copy.
    pub(super) fn apply_merge(&mut self, review: SettledReview) {
        let SettledReview {
            source,
            resolved,
            settled,
            summary,
        } = review;
        let left = resolved.conflicts.len();
        let current = self.document.register().clone();
        let label = match &source {
            Source::Copy { partner, .. } => format!("merge of {partner}'s copy"),
            Source::Conflicts => format!("settling of {}", counted(settled, "conflict")),
        };
        if resolved != current {
            let applied = self
                .document
                .apply_labelled(edit::replace_register(&current, resolved), label);
            if let Err(refused) = applied {
                self.fail(refused);
                return;
            }
        }
        let left_words = match left {
            0 => "no conflicts left".to_string(),
            n => format!("{} left to resolve", counted(n, "conflict")),
        };
        match source {
            Source::Copy {
                partner, theirs, ..
            } => {
                let mut summary = summary;
                summary.conflicts = 0;
                let nothing = MergeSummary::default() == summary;
                let taken = summary.to_string();
                let mut said: Vec<String> = Vec::new();
                if !nothing {
                    let taken = taken
                        .strip_prefix("Merged: ")
                        .unwrap_or(&taken)
                        .trim_end_matches("no conflicts")
                        .trim_end_matches("; ");
                    said.push(taken.to_string());
                }
                if settled > 0 {
                    said.push(format!("{} settled", counted(settled, "conflict")));
                }
                if said.is_empty() {
                    said.push("nothing to take from the other copy".to_string());
                }
                let kept = self.keep_copy_once_saved(partner.clone(), theirs);
                self.tell(format!(
                    "Merged {partner}'s copy: {}; {left_words}. {kept}",
                    said.join("; ")
                ));
            }
            Source::Conflicts if settled == 0 => {
                self.tell(format!("No conflict settled; {left_words}"));
            }
            Source::Conflicts => {
                self.tell(format!(
                    "Settled {}; {left_words}",
                    counted(settled, "conflict")
                ));
            }
        }
    }
}

fn heading_ui(ui: &mut Ui, review: &MergeReview) {
    match &review.source {
        Source::Copy {
            path,
            partner,
            compared,
            ..
        } => {
            ui.heading(format!("Merge {partner}'s copy"));
            ui.label(RichText::new(path.display().to_string()).weak());
            if *compared {
                ui.label(
                    "Compared without a common copy: every difference is a decision. Until you \
                     choose, this copy's value stays.",
                );
            }
            ui.label("Nothing changes until you press Apply merge; Undo then takes it all back.");
        }
        Source::Conflicts => {
            ui.heading("Resolve conflicts");
            ui.label(
                "Each conflict is a field two copies changed differently. Until you choose, \
                 this copy's value stays; Undo takes your decisions back together.",
            );
        }
    }
}

fn conflicts_heading_ui(ui: &mut Ui, review: &mut MergeReview) {
    ui.add_space(6.0);
    let count = review.merged.register.conflicts.len();
    match count {
        0 => {
            ui.strong("No conflicts");
        }
        n => {
            ui.strong(format!("{} to decide", counted(n, "conflict")));
            ui.weak(
                "“Decide later” keeps a conflict in the register's conflicts list, where Check \
                 and the problems list name it.",
            );
            if n > PAGE {
                pages_ui(ui, &mut review.page, n);
            }
        }
    }
}

/// Which conflicts are shown, and the way to the others.
fn pages_ui(ui: &mut Ui, page: &mut usize, count: usize) {
    let last = (count - 1) / PAGE;
    *page = (*page).min(last);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(*page > 0, egui::Button::new("Previous"))
            .clicked()
        {
            *page -= 1;
        }
        let first = *page * PAGE + 1;
        ui.label(format!(
            "Conflicts {first}–{} of {count}",
            (first + PAGE - 1).min(count)
        ));
        if ui
            .add_enabled(*page < last, egui::Button::new("Next"))
            .clicked()
        {
            *page += 1;
        }
    });
}
