//! One frame of the window: shortcuts, chrome, the current panel, whatever
//! is on top, then the edits and commands the frame produced, in that order.

use egui::ViewportCommand;

use super::app::CoalitionDeskApp;
use super::command::{History, Tab};
use super::dialogs::Dialog;
use super::on_top::{OnTop, Outcome};
use super::{Outbox, chrome, fonts, pasted_text};
use crate::document::Origin;
use crate::edit::Edit;

impl CoalitionDeskApp {
    /// Draws one frame and carries out what it asked for.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.today = self.clock.today();
        pasted_text::clean_input(&ctx);
        if self.applied_theme.is_none() {
            fonts::install(&ctx);
            // The zoom keys are the window's own commands (`ui/zoom.rs`).
            ctx.options_mut(|options| options.zoom_with_keyboard = false);
        }
        let zoom = self.settings.zoom.factor();
        if ctx.zoom_factor() != zoom {
            ctx.set_zoom_factor(zoom);
        }
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_visuals(self.settings.theme.visuals());
            self.applied_theme = Some(self.settings.theme);
        }
        // The register being read comes first: once in place, this
        // frame's shortcuts and commands are about it.
        if let Some(OnTop::Opening(opening)) = &mut self.workspace.on_top {
            let outcome = opening.ui(&ctx);
            self.settle(&ctx, outcome);
        }
        let mut out = Outbox::default();
        let given = std::mem::take(&mut self.given);
        for command in given.into_iter().chain(self.shortcuts(&ctx)) {
            out.command(command);
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing {
            self.workspace.take_back_untouched();
            // While another file is being read the officer has already
            // answered for the changes (that open asked first).
            if self.workspace.document.is_dirty() && !self.is_opening() {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                if self.dialog().is_none() {
                    self.workspace.ask(Dialog::UnsavedChanges {
                        then: super::Command::Quit,
                    });
                }
            } else {
                self.closing = true;
            }
        }

        chrome::menu_bar_ui(ui, &self.workspace, &self.settings, &mut out);
        let notice = self.notice.as_ref();
        chrome::status_bar_ui(ui, &mut self.workspace, self.today, notice, &mut out);
        let today = self.today;
        let recent = &self.settings.recent;
        egui::CentralPanel::default().show(ui, |ui| {
            let workspace = &mut self.workspace;
            // Until the officer opens or starts one; an edit made through
            // the menus all the same makes the blank register theirs.
            if let Some(nothing) = &workspace.nothing_open
                && !workspace.document.is_dirty()
            {
                super::start::nothing_open_ui(ui, nothing, recent, &mut out);
                return;
            }
            let context = super::PanelContext {
                register: workspace.document.register(),
                today,
                revision: workspace.document.revision(),
                document: Some(&workspace.document),
            };
            match self.settings.tab {
                Tab::Participants => workspace.participants.ui(ui, &context, &mut out),
                Tab::Meetings => workspace.meetings.ui(ui, &context, &mut out),
                Tab::Commitments => workspace.commitments.ui(ui, &context, &mut out),
                Tab::Register => workspace.register_settings.ui(ui, &context, &mut out),
                Tab::Timeline => workspace.timeline.ui(ui, &context, &mut out),
                Tab::Dashboard => workspace.dashboard.ui(ui, &context, &mut out),
            }
        });
        self.on_top_ui(ui, &mut out);
        super::focus_ring::paint(&ctx);
        self.workspace.take_back_if_left(self.settings.tab);

        // Typing in one field arrives as one edit per frame; the field's id
        // groups them into a single undo step until focus leaves it.
        let focused = ctx.memory(|m| m.focused());
        if focused.is_none() {
            self.workspace.document.seal_group();
        }
        let group = focused.map(|id| format!("{id:?}"));
        for edit in out.edits {
            self.apply_edit(edit, group.clone());
        }
        // What the commands change was not drawn in this frame: draw the
        // next one (a command given from outside came with no input event).
        if !out.commands.is_empty() {
            ctx.request_repaint();
        }
        for command in out.commands {
            self.run(&ctx, command);
        }
        self.show_told();

        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        self.workspace.autosave_recovery();
        if !self.is_opening() {
            self.frames_shown += 1;
        }
        self.measure_first_frame(&ctx);
        if self.workspace.document.is_dirty() {
            // Wake up for the next autosave even when the officer is idle.
            ctx.request_repaint_after(std::time::Duration::from_secs(60));
        }
    }

    /// Applies one edit a panel sent, as one undo step or into `group`
    /// (the field being typed in); a refusal is shown the one way.
    pub(super) fn apply_edit(&mut self, edit: Edit, group: Option<String>) {
        // The window's modals keep the panels from editing what they hold;
        // an edit given another way is held back the same.
        if let Err(why) = self.workspace.admits_edit() {
            self.show_error(why);
            return;
        }
        if let Edit::SetOffice(code) = &edit
            && !code.is_empty()
        {
            // The office this workstation keeps a copy for, to notice
            // a copy of another office's opened here later.
            self.settings.office.clone_from(code);
        }
        if let Err(refused) = self.workspace.document.apply_grouped(edit, group) {
            self.show_error(refused);
        }
    }

    /// Draws whatever is on top (the opening modal is drawn at the start of
    /// the frame, by `settle`'s caller). It is taken out of its slot while drawn
    /// and put back unless it closed or something else took its place; a
    /// command it closed with joins the frame's, to run through the gate.
    fn on_top_ui(&mut self, ui: &mut egui::Ui, out: &mut Outbox) {
        let ctx = ui.ctx().clone();
        let Some(mut on_top) = self.workspace.on_top.take() else {
            return;
        };
        let today = self.today;
        let register = self.workspace.document.register();
        let revision = self.workspace.document.revision();
        let outcome = match &mut on_top {
            OnTop::Opening(_) => Outcome::Stays,
            OnTop::Question(dialog) => dialog.ui(&ctx),
            OnTop::TypedPath(typed) => typed.ui(&ctx),
            OnTop::ImportReview(review) => review.ui(&ctx),
            OnTop::PrintPreview(preview) => {
                self.printing.ui(&ctx, preview, register, revision, today)
            }
            OnTop::Search => self.workspace.search.ui(ui, register, revision),
            OnTop::Palette(palette) => palette.ui(ui, History::of(&self.workspace.document)),
            OnTop::Exchange(step) => step.ui(&ctx),
        };
        match outcome {
            Outcome::Stays => {
                if self.workspace.on_top.is_none() {
                    self.workspace.on_top = Some(on_top);
                }
            }
            Outcome::Closed => {}
            Outcome::Then(command) => out.command(command),
        }
    }

    /// What the opening modal decided, carried out at once, through the
    /// same gate as any command.
    fn settle(&mut self, ctx: &egui::Context, outcome: Outcome) {
        match outcome {
            Outcome::Stays => {}
            Outcome::Closed => self.workspace.on_top = None,
            Outcome::Then(command) => {
                self.workspace.on_top = None;
                self.run(ctx, command);
            }
        }
    }

    /// `--exit-after-first-frame`: the start-up figure of BENCHMARKS.md.
    /// It stays in the frame because only the real eframe loop paints: the
    /// frame drawn before this one has been painted by now.
    fn measure_first_frame(&mut self, ctx: &egui::Context) {
        let Some(started) = self.exit_after_first_frame else {
            return;
        };
        if self.frames_shown >= 2 && !self.closing {
            crate::cli::out::say(format_args!(
                "first frame with the register painted {:.0} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            ));
            self.closing = true;
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        ctx.request_repaint();
    }

    fn window_title(&self) -> String {
        let document = &self.workspace.document;
        let name = match &document.origin {
            Origin::File(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            Origin::Sample => "Sample register".to_string(),
            Origin::Untitled => "Untitled".to_string(),
        };
        let dirty = if document.is_dirty() { "● " } else { "" };
        let read_only = if document.read_only.is_some() {
            " [read-only]"
        } else {
            ""
        };
        format!("{dirty}{name}{read_only} — Coalition Desk")
    }
}
