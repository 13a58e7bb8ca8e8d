//! The register's own settings: its name, the office that keeps this
//! copy, how printed documents are referenced, the protective marking levels (lowest first) and the
//! capability areas.

use chrono::{Datelike, NaiveDate};
use egui::Ui;

use super::register_office::OfficeField;
use super::shown_error;
use super::{Outbox, PanelContext, theme, widgets};
use crate::edit::{self, Edit, RegisterList};
use crate::model::{
    MeetingId, Record, ReferenceValues, Register, check_reference_pattern, expand_reference,
};
use crate::revision_cache::RevisionCache;

/// A rename being typed; applied when the field loses focus, so renaming
/// a level used by thousands of records is one edit, not one per letter.
#[derive(Debug, Default)]
struct Renaming {
    list: Option<RegisterList>,
    index: usize,
    text: String,
}

/// How many records use each entry of each list.
type UseCounts = std::collections::HashMap<(RegisterList, String), usize>;

/// The Register tab.
#[derive(Debug, Default)]
pub struct RegisterSettingsPanel {
    renaming: Renaming,
    new_marking: String,
    new_area: String,
    /// Why the last change to a list was refused, if it was.
    refusal: Option<String>,
    /// How many records use each entry, counted once per register revision
    /// rather than every frame (a register may hold 100,000 commitments).
    uses: RevisionCache<u64, UseCounts>,
    /// A reference pattern being typed that cannot be used yet: the
    /// register keeps its last good pattern until this one is put right.
    pattern_draft: Option<String>,
    /// The meeting the live example of a reference is for, chosen once
    /// per register revision.
    example_meeting: RevisionCache<u64, Option<MeetingId>>,
    office: OfficeField,
}

impl RegisterSettingsPanel {
    /// Draws the tab; `revision` is the document's, for the usage counts.
    pub fn ui(&mut self, ui: &mut Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let (register, today, revision) = context.parts();
        self.uses.get_or_update(revision, || {
            let mut uses = std::collections::HashMap::new();
            for list in [RegisterList::Markings, RegisterList::CapabilityAreas] {
                for entry in entries(register, list) {
                    uses.insert(
                        (list, entry.clone()),
                        edit::list_entry_uses(register, list, entry),
                    );
                }
            }
            uses
        });
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading("Register");
            ui.horizontal(|ui| {
                let mut name = register.name.clone();
                let response = widgets::labelled_line(ui, "Name", &mut name, None, 420.0);
                if response.changed() {
                    out.edit(Edit::RenameRegister(name));
                }
            });
            ui.label(
                egui::RichText::new("Printed on every report of this register.").weak(),
            );
            ui.add_space(theme::SECTION_GAP);
            self.office.ui(ui, register, out);
            ui.add_space(theme::SECTION_GAP);
            self.references_ui(ui, register, revision, today, out);
            ui.add_space(theme::SECTION_GAP);
            if let Some(refusal) = &self.refusal {
                shown_error::label(ui, refusal);
            }
            ui.columns(2, |columns| {
                self.list_ui(
                    &mut columns[0],
                    register,
                    RegisterList::Markings,
                    "Marking levels",
                    "Lowest first. A printed document carries the highest marking of what it includes.",
                    out,
                );
                self.list_ui(
                    &mut columns[1],
                    register,
                    RegisterList::CapabilityAreas,
                    "Capability areas",
                    "The areas a commitment can be filed under.",
                    out,
                );
            });
        });
    }

    /// The coalition's short name and the reference pattern, with the
    /// reference the pattern gives for a meeting of the register.
    #[expect(
        clippy::literal_string_with_formatting_args,
        reason = "the hint names the pattern's placeholders, which use format-string braces"
    )]
    fn references_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        revision: u64,
        today: NaiveDate,
        out: &mut Outbox,
    ) {
        ui.heading("Document references");
        ui.label(
            egui::RichText::new(
                "Every printed document carries a reference under its title and in every page footer. \
                 Placeholders: {coalition} (the short name below), {series} (the series' short name, \
                 set in the series editor), {year}, {number} ({number:02} pads it to two digits; a meeting \
                 without a number puts its month and day, 04-10).",
            )
            .weak(),
        );
        let mut pattern = self
            .pattern_draft
            .clone()
            .unwrap_or_else(|| register.reference_pattern.clone());
        egui::Grid::new("reference_form")
            .num_columns(2)
            .show(ui, |ui| {
                let mut short = register.short_name.clone();
                let (words, hint) = ("Coalition short name", Some("e.g. CoW"));
                let response = widgets::labelled_line(ui, words, &mut short, hint, 120.0);
                if response.changed() {
                    out.edit(Edit::SetShortName(short));
                }
                ui.end_row();
                let words = "Reference pattern";
                let response = widgets::labelled_line(ui, words, &mut pattern, None, 420.0);
                if response.changed() {
                    let reads = check_reference_pattern(&pattern).is_ok();
                    let kept = (register.reference_pattern.as_str(), &mut self.pattern_draft);
                    let set = Edit::SetReferencePattern;
                    widgets::settle_typed_setting(&pattern, reads, kept, set, out);
                }
                ui.end_row();
            });
        let example = *self
            .example_meeting
            .get_or_update(revision, || example_meeting(register));
        let (values, of_what) =
            match example.and_then(|id| Some((register.reference_values(id, None)?, id))) {
                Some((values, id)) => (
                    values,
                    format!("the record of {}", register.mentioned(Record::Meeting(id))),
                ),
                None => (
                    ReferenceValues {
                        coalition: register.short_name.clone(),
                        series: "DM".into(),
                        year: today.year(),
                        number: "4".into(),
                        revision: None,
                    },
                    "session 4 of a series with short name DM".to_string(),
                ),
            };
        match expand_reference(&pattern, &values) {
            Ok(reference) => {
                let revised = expand_reference(
                    &pattern,
                    &ReferenceValues {
                        revision: Some(1),
                        ..values
                    },
                )
                .unwrap_or_default();
                ui.label(format!(
                    "Example, for {of_what}: {reference} (its first revision: {revised})"
                ));
            }
            Err(error) => {
                shown_error::label(
                    ui,
                    format!(
                        "{error}. Documents keep the pattern \u{201c}{}\u{201d} until this is put right.",
                        register.reference_pattern
                    ),
                );
            }
        }
    }

    fn list_ui(
        &mut self,
        ui: &mut Ui,
        register: &Register,
        list: RegisterList,
        heading: &str,
        hint: &str,
        out: &mut Outbox,
    ) {
        let entries = entries(register, list);
        let set = |entries: Vec<String>| set_list(list, entries);
        ui.heading(heading);
        ui.label(egui::RichText::new(hint).weak());
        for (index, entry) in entries.iter().enumerate() {
            // Wraps with text at 150 %, so Up, Down and Remove stay in view.
            ui.horizontal_wrapped(|ui| {
                let editing = self.renaming.list == Some(list) && self.renaming.index == index;
                let mut text = if editing {
                    self.renaming.text.clone()
                } else {
                    entry.clone()
                };
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .desired_width(crate::ui::widgets::fit_width(ui, 200.0))
                            .id_salt((heading, index)),
                    )
                    .accessible_name(format!("{heading} {}", index + 1));
                if response.changed() || (response.has_focus() && !editing) {
                    self.renaming = Renaming {
                        list: Some(list),
                        index,
                        text: text.clone(),
                    };
                }
                if editing && response.lost_focus() {
                    let new = self.renaming.text.trim().to_string();
                    self.renaming = Renaming::default();
                    if new == *entry {
                        // Nothing to do.
                    } else if new.is_empty() {
                        self.refusal = Some(format!("{heading}: a name cannot be empty"));
                    } else if entries.contains(&new) {
                        self.refusal = Some(format!("{heading}: \"{new}\" is already in the list"));
                    } else {
                        self.refusal = None;
                        out.edit(edit::rename_list_entry(register, list, entry, &new));
                    }
                }
                let uses = self
                    .uses
                    .last()
                    .and_then(|uses| uses.get(&(list, entry.clone())).copied())
                    .unwrap_or(0);
                ui.label(egui::RichText::new(format!("used by {uses}")).weak());
                for (words, to) in [("Up", index.checked_sub(1)), ("Down", Some(index + 1))] {
                    let to = to.filter(|&to| to < entries.len());
                    let button = ui.add_enabled(to.is_some(), egui::Button::new(words));
                    if let Some(to) = to.filter(|_| button.clicked()) {
                        let mut moved = entries.clone();
                        moved.swap(index, to);
                        out.edit(set(moved));
                    }
                }
                if ui.button("Remove").clicked() {
                    if uses > 0 {
                        let records = widgets::counted(uses, "record");
                        let why = format!("\"{entry}\" is used by {records}: change them first");
                        self.refusal = Some(why);
                    } else {
                        self.refusal = None;
                        let mut fewer = entries.clone();
                        fewer.remove(index);
                        out.edit(set(fewer));
                    }
                }
            });
        }
        self.add_entry_ui(ui, list, heading, entries, out);
    }

    /// The line a new entry is typed in, and its Add button.
    fn add_entry_ui(
        &mut self,
        ui: &mut Ui,
        list: RegisterList,
        heading: &str,
        entries: &[String],
        out: &mut Outbox,
    ) {
        ui.horizontal_wrapped(|ui| {
            let new = match list {
                RegisterList::Markings => &mut self.new_marking,
                RegisterList::CapabilityAreas => &mut self.new_area,
            };
            let (add_label, field_name) = match list {
                RegisterList::Markings => ("Add level", "New marking level"),
                RegisterList::CapabilityAreas => ("Add area", "New capability area"),
            };
            ui.add(
                egui::TextEdit::singleline(new)
                    .desired_width(crate::ui::widgets::fit_width(ui, 200.0))
                    .hint_text("New entry")
                    .id_salt((heading, "new")),
            )
            .accessible_name(field_name);
            if ui.button(add_label).clicked() {
                let entry = new.trim().to_string();
                if entry.is_empty() {
                    self.refusal = Some(format!("{heading}: type the new entry first"));
                } else if entries.contains(&entry) {
                    self.refusal = Some(format!("{heading}: \"{entry}\" is already in the list"));
                } else {
                    self.refusal = None;
                    let mut more = entries.to_vec();
                    more.push(entry);
                    out.edit(set_list(list, more));
                    new.clear();
                }
            }
        });
    }
}

/// The edit that makes `list` hold `entries`, in their order.
fn set_list(list: RegisterList, entries: Vec<String>) -> Edit {
    match list {
        RegisterList::Markings => Edit::SetMarkings(entries),
        RegisterList::CapabilityAreas => Edit::SetCapabilityAreas(entries),
    }
}

fn entries(register: &Register, list: RegisterList) -> &Vec<String> {
    match list {
        RegisterList::Markings => &register.markings,
        RegisterList::CapabilityAreas => &register.capability_areas,
    }
}

/// The latest numbered session of a series, else the latest meeting: the
/// example then shows every part of the pattern the register can fill.
fn example_meeting(register: &Register) -> Option<MeetingId> {
    let latest = |numbered: bool| {
        register
            .meetings
            .iter()
            .filter(|(_, m)| !numbered || (m.series.is_some() && m.number.is_some()))
            .max_by_key(|(id, m)| (m.date, **id))
            .map(|(id, _)| *id)
    };
    latest(true).or_else(|| latest(false))
}
