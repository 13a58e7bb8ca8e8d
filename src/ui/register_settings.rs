//! The register's own settings: its name, the protective marking levels
//! (lowest first) and the capability areas.

use egui::Ui;

use super::{Outbox, PanelContext, theme};
use crate::edit::{self, Edit, RegisterList};
use crate::model::Register;
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
}

impl RegisterSettingsPanel {
    /// Draws the tab; `revision` is the document's, for the usage counts.
    pub fn ui(&mut self, ui: &mut Ui, context: &PanelContext<'_>, out: &mut Outbox) {
        let PanelContext {
            register, revision, ..
        } = *context;
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
                let label = ui.label("Name");
                let mut name = register.name.clone();
                let response = ui
                    .add(egui::TextEdit::singleline(&mut name).desired_width(420.0))
                    .labelled_by(label.id);
                if response.changed() {
                    out.edit(Edit::RenameRegister(name));
                }
            });
            ui.label(
                egui::RichText::new("Printed on every report of this register.").weak(),
            );
            ui.add_space(theme::SECTION_GAP);
            if let Some(refusal) = &self.refusal {
                ui.colored_label(ui.visuals().error_fg_color, refusal);
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
        let set = |entries: Vec<String>| match list {
            RegisterList::Markings => Edit::SetMarkings(entries),
            RegisterList::CapabilityAreas => Edit::SetCapabilityAreas(entries),
        };
        ui.heading(heading);
        ui.label(egui::RichText::new(hint).weak());
        for (index, entry) in entries.iter().enumerate() {
            ui.horizontal(|ui| {
                let editing = self.renaming.list == Some(list) && self.renaming.index == index;
                let mut text = if editing {
                    self.renaming.text.clone()
                } else {
                    entry.clone()
                };
                let response = ui
                    .add(
                        egui::TextEdit::singleline(&mut text)
                            .desired_width(200.0)
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
                if ui.add_enabled(index > 0, egui::Button::new("Up")).clicked() {
                    let mut moved = entries.clone();
                    moved.swap(index, index - 1);
                    out.edit(set(moved));
                }
                if ui
                    .add_enabled(index + 1 < entries.len(), egui::Button::new("Down"))
                    .clicked()
                {
                    let mut moved = entries.clone();
                    moved.swap(index, index + 1);
                    out.edit(set(moved));
                }
                if ui.button("Remove").clicked() {
                    if uses > 0 {
                        self.refusal = Some(format!(
                            "\"{entry}\" is used by {uses} record{}: change them first",
                            if uses == 1 { "" } else { "s" }
                        ));
                    } else {
                        self.refusal = None;
                        let mut fewer = entries.clone();
                        fewer.remove(index);
                        out.edit(set(fewer));
                    }
                }
            });
        }
        ui.horizontal(|ui| {
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
                    .desired_width(200.0)
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
                    let mut more = entries.clone();
                    more.push(entry);
                    out.edit(set(more));
                    new.clear();
                }
            }
        });
    }
}

fn entries(register: &Register, list: RegisterList) -> &Vec<String> {
    match list {
        RegisterList::Markings => &register.markings,
        RegisterList::CapabilityAreas => &register.capability_areas,
    }
}
