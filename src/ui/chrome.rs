//! The parts of the window around the panels: menus, tabs, status bar.

use super::app::{Notice, Settings};
use super::command::{Action, Command, History, Menu, Tab};
use super::on_top::OnTop;
use super::shown_error;
use super::workspace::Workspace;
use super::{Outbox, theme};
use crate::document::Origin;
use chrono::NaiveDate;
use strum::IntoEnumIterator;

/// One menu: its actions in the palette's order, a line between
/// groups, Open Recent after Open, and Undo and Redo named for the
/// step they would take.
fn menu_ui(
    ui: &mut egui::Ui,
    menu: Menu,
    workspace: &Workspace,
    settings: &Settings,
    out: &mut Outbox,
) {
    let history = History::of(&workspace.document);
    let mut group = None;
    for action in Action::all() {
        let (in_menu, in_group) = action.menu();
        if in_menu != menu {
            continue;
        }
        if group.is_some_and(|last| last != in_group) {
            ui.separator();
        }
        group = Some(in_group);
        match action {
            Action::Undo | Action::Redo => history_button(ui, action, history, out),
            Action::ResolveConflicts => {
                let conflicts = !workspace.document.register().conflicts.is_empty();
                menu_entry(ui, action.command(), conflicts, out);
            }
            _ => menu_entry(ui, action.command(), true, out),
        }
        if action == Action::OpenFile {
            ui.menu_button("Open Recent", |ui| {
                if settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in &settings.recent {
                    menu_entry(ui, Command::OpenRecent(path.clone()), true, out);
                }
            });
        }
    }
}

/// The menus and the tabs above the panels.
pub(super) fn menu_bar_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    settings: &Settings,
    out: &mut Outbox,
) {
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in Menu::iter() {
                ui.menu_button(menu.label(), |ui| {
                    menu_ui(ui, menu, workspace, settings, out);
                });
            }
        });
    });
    egui::Panel::top("tabs").show(ui, |ui| {
        ui.horizontal(|ui| {
            for tab in Tab::all() {
                let selected = settings.tab == tab;
                if ui.selectable_label(selected, tab.label()).clicked() && !selected {
                    out.command(Command::ShowTab(tab));
                }
            }
        });
    });
}

/// Where the register is, whether it is saved, its problems (a click
/// lists them) and the last notice.
pub(super) fn status_bar_ui(
    ui: &mut egui::Ui,
    workspace: &mut Workspace,
    today: NaiveDate,
    notice: Option<&Notice>,
    out: &mut Outbox,
) {
    let listed = workspace.problems.problems(&workspace.document, today);
    let problems = listed.len();
    let conflicts = !workspace.document.register().conflicts.is_empty();
    let shown = &mut workspace.problems_shown;
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            let opening = match &workspace.on_top {
                Some(OnTop::Opening(opening)) => Some(opening),
                _ => None,
            };
            let nothing_open = workspace.nothing_open.is_some() && !workspace.document.is_dirty();
            let where_ = match (opening, &workspace.document.origin) {
                (None, _) if nothing_open => "No register open".into(),
                // At start the register being opened is the one that
                // matters, not the empty one behind the modal.
                (Some(opening), _) => format!("Opening {} …", opening.path().display()),
                (None, Origin::File(path)) => path.display().to_string(),
                (None, Origin::Sample) => "Sample register (not saved anywhere yet)".into(),
                (None, Origin::Untitled) => "New register (not saved yet)".into(),
            };
            ui.label(where_);
            if workspace.document.is_dirty() {
                ui.colored_label(theme::unsaved(ui.visuals()), "• Unsaved changes");
            }
            if let Some(reason) = &workspace.document.read_only {
                ui.colored_label(
                    theme::read_only(ui.visuals()),
                    format!("Read-only: {reason}"),
                );
            }
            if !nothing_open {
                ui.separator();
                ui.label(workspace.document.register().counts());
            }
            if problems > 0 {
                ui.separator();
                let count = egui::RichText::new(super::widgets::counted(problems, "problem"))
                    .color(ui.visuals().warn_fg_color);
                let tip = if *shown {
                    "Hide the problems list"
                } else {
                    "List the problems; click one to open the record at the field concerned"
                };
                if ui.link(count).on_hover_text(tip).clicked() {
                    *shown = !*shown;
                }
            }
            if let Some(notice) = notice {
                ui.separator();
                if notice.is_error {
                    shown_error::label(ui, &notice.text);
                } else {
                    ui.label(&notice.text);
                }
            }
        });
    });
    if problems == 0 {
        *shown = false;
    }
    if *shown {
        super::problems::problems_list_ui(ui, listed, conflicts, shown, out);
    }
}

/// A menu entry for a command, with its shortcut and tooltip; clicked,
/// it closes the menu (unlike `widgets::command_button`, a panel's button).
fn menu_entry(ui: &mut egui::Ui, command: Command, enabled: bool, out: &mut Outbox) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip());
    if response.clicked() {
        out.command(command);
        ui.close();
    }
}

/// The Undo or Redo entry, naming the step it would take back or redo.
fn history_button(ui: &mut egui::Ui, action: Action, history: History<'_>, out: &mut Outbox) {
    let mut button = egui::Button::new(history.label(action));
    if let Some(shortcut) = action.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(history.enabled(action), button)
        .on_hover_text(history.tooltip(action))
        .on_disabled_hover_text(history.tooltip(action));
    if response.clicked() {
        out.command(action.command());
        ui.close();
    }
}
