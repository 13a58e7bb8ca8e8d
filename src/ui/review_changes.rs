//! What a merge adds, changes and deletes: the counts per kind, and the
//! records by name. The counts
//! alone do not let the officer see what the other copy brings before
//! applying it; the list is worked out once, when the review opens, since
//! a large register has a hundred thousand commitments to compare.

use std::collections::BTreeMap;

use egui::{CollapsingHeader, Grid, RichText, ScrollArea, Ui};

use crate::merge::{Counts, MergeSummary};
use crate::model::{Record, Register};

/// How many records the list names; the rest are counted.
const NAMED: usize = 300;

/// The records a merge changes, as the officer reads them.
#[derive(Debug, Default)]
pub struct ChangedRecords {
    /// "Added", "Changed" or "Deleted", and the record's name.
    pub lines: Vec<(&'static str, String)>,
    /// Records changed beyond those named.
    pub more: usize,
}

impl ChangedRecords {
    /// What turning `ours` into `merged` adds, changes and deletes, in
    /// the order of the summary's kinds. Conflicts are left out: the
    /// review shows each of them below.
    pub fn between(ours: &Register, merged: &Register) -> Self {
        let mut changes = ChangedRecords::default();
        let both = (ours, merged);
        changes.kind(|r| &r.participants, Record::Participant, both);
        changes.kind(|r| &r.people, Record::Person, both);
        changes.kind(|r| &r.series, Record::Series, both);
        changes.kind(|r| &r.meetings, Record::Meeting, both);
        changes.kind(|r| &r.commitments, Record::Commitment, both);
        changes
    }

    /// The records of one kind (`of` a register) the merge changes.
    fn kind<K: Ord + Copy, V: PartialEq>(
        &mut self,
        of: impl Fn(&Register) -> &BTreeMap<K, V>,
        record: fn(K) -> Record,
        (ours, merged): (&Register, &Register),
    ) {
        let (before, after) = (of(ours), of(merged));
        for (id, value) in after {
            match before.get(id) {
                None => self.note("Added", merged.mentioned(record(*id)).to_string()),
                Some(old) if old != value => {
                    self.note("Changed", merged.mentioned(record(*id)).to_string());
                }
                Some(_) => {}
            }
        }
        for id in before.keys().filter(|id| !after.contains_key(id)) {
            self.note("Deleted", ours.mentioned(record(*id)).to_string());
        }
    }

    fn note(&mut self, what: &'static str, name: String) {
        if self.lines.len() < NAMED {
            self.lines.push((what, name));
        } else {
            self.more += 1;
        }
    }

    /// A folded list under the summary's counts.
    pub fn ui(&self, ui: &mut Ui) {
        if self.lines.is_empty() {
            return;
        }
        CollapsingHeader::new("Which records")
            .id_salt("merge-review-records")
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("merge-review-records-list")
                    .max_height(140.0)
                    .show(ui, |ui| {
                        for (what, name) in &self.lines {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(RichText::new(*what).weak());
                                ui.label(name);
                            });
                        }
                        if self.more > 0 {
                            ui.label(format!("…and {} more", self.more));
                        }
                    });
            });
    }
}

/// What the merge adds, changes and deletes, per kind of record.
pub fn summary_ui(ui: &mut Ui, summary: &MergeSummary) {
    ui.add_space(6.0);
    ui.strong("What the other copy brings");
    let kinds = [
        ("Participants", summary.participants),
        ("People", summary.people),
        ("Session series", summary.series),
        ("Meetings", summary.meetings),
        ("Commitments", summary.commitments),
    ];
    if kinds.iter().all(|(_, counts)| *counts == Counts::default()) {
        ui.label("No record added, changed or deleted.");
    } else {
        Grid::new("merge-summary")
            .striped(true)
            .min_col_width(72.0)
            .show(ui, |ui| {
                for words in ["", "Added", "Changed", "Deleted"] {
                    ui.strong(words);
                }
                ui.end_row();
                for (kind, counts) in kinds {
                    if counts == Counts::default() {
                        continue;
                    }
                    ui.label(kind);
                    for n in [counts.added, counts.changed, counts.deleted] {
                        ui.label(n.to_string());
                    }
                    ui.end_row();
                }
            });
    }
    if summary.renumbered > 0 {
        ui.label(format!(
            "{} added in both copies under the same number: theirs renumbered, both kept.",
            super::widgets::counted(summary.renumbered, "record")
        ));
    }
}
