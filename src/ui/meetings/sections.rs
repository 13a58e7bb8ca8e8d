//! Which of the meeting editor's sections between the attendance and the
//! last section (agenda, decisions, action items) are laid out in a frame
//! while no screen reader reads the window. Below sixty attendance rows
//! they are out of view most of the time, yet laying their fields out
//! made a sixth of the frame. A section body out of view takes the room it
//! took when last laid out, so the scroll bar and what is in view stay
//! exactly as they would be; its heading is always drawn.
//!
//! A body is laid out all the same when the keyboard needs it: the
//! section holding the keyboard (its heading or one of its fields), and
//! every section in a frame where Tab or Shift+Tab is pressed (egui moves
//! the keyboard to a widget drawn in that frame: the next field below a
//! heading, the last field above one). The last section (statement and
//! notes, a few fields) is always laid out: Shift+Tab with nothing focused,
//! or from the window's first widget, goes round to the last widget drawn
//! in the frame before. Every body is laid out and measured again after
//! any change to the register, in another width or scale, while a list or
//! menu is open or something is dragged, while a field of the meeting is
//! asked for (a problem or a search hit opens it there: the field must be
//! drawn to take the keyboard), and when a body laid out comes out another
//! size than it took with nothing changed. A body is left out only once
//! two frames in a row laid it out the same size: a grid settles its
//! columns in its second frame.
//!
//! While a screen reader reads the window (AccessKit on), every section
//! is laid out, as every attendance row is (`attendance_rows.rs`): the
//! reader finds any field by its name, not only those on screen. Leaving
//! the sections out then too was tried (issue 20, eleventh sitting): it
//! took 15 % off that frame, but a field out of view had no node, and the
//! tests that find the agenda's, the decisions' and the actions' fields by
//! name, as a screen reader does, no longer found them.

use std::collections::HashMap;

use egui::{Rangef, Ui, Vec2};

use super::attendance_rows::Measured;
use crate::model::{MeetingId, Record};

/// The sections' sizes and places, kept from the frames that last laid
/// each out.
#[derive(Debug, Default)]
pub(super) struct SectionRooms {
    measured: Option<Measured>,
    /// Each section body's size, by its title, and whether the frame
    /// after it was measured laid it out the same size. A grid takes a
    /// frame to settle its columns, so a size measured once is not yet to
    /// be trusted: only a size found twice lets the body be left out.
    bodies: HashMap<&'static str, (Vec2, bool)>,
    /// Where each section (heading and body) was in the last frame, to
    /// find the one holding the keyboard.
    spans: Vec<(&'static str, Rangef)>,
    /// A body laid out in the last frame took another size than the one
    /// kept for it: the next frame lays every body out.
    resized: bool,
    /// How many section bodies the last frame laid out.
    laid_out: usize,
}

/// This frame's view of the sections: what decides which bodies are laid
/// out.
pub(super) struct Below<'a> {
    rooms: &'a mut SectionRooms,
    every: bool,
    /// The section that held the keyboard in the last frame.
    keyboard_in: Option<&'static str>,
    spans: Vec<(&'static str, Rangef)>,
    resized: bool,
    laid_out: usize,
}

impl SectionRooms {
    /// How many section bodies the last frame laid out, out of those that
    /// can be left out (tests check the ones out of view are not).
    pub(super) fn laid_out(&self) -> usize {
        self.laid_out
    }

    /// Starts a frame of the sections of meeting `id` at `revision`, in
    /// the editor's `ui` (its scroll area's content), after its `heading`
    /// (a widget just drawn).
    pub(super) fn begin(
        &mut self,
        ui: &Ui,
        heading: egui::Id,
        (id, revision): (MeetingId, u64),
    ) -> Below<'_> {
        let ctx = ui.ctx();
        let measured = Measured::now(ui, id, revision);
        let changed = self.measured != Some(measured);
        let resized = std::mem::take(&mut self.resized);
        if changed || resized {
            self.measured = Some(measured);
            self.bodies.clear();
        }
        let tabbed = ctx.input(|i| i.key_pressed(egui::Key::Tab));
        // A widget has a node in the accessibility tree only while
        // AccessKit is on: `heading`, drawn just before, tells.
        let every = ctx.has_accesskit_node(heading)
            || tabbed
            || egui::Popup::is_any_open(ctx)
            || ctx.dragged_id().is_some()
            || crate::ui::focus::is_asked_in(ctx, Record::Meeting(id));
        // Where the keyboard's widget was drawn in the last frame, against
        // where each section was then: both in that frame's places.
        let keyboard_at = ctx
            .memory(|m| m.focused())
            .and_then(|focused| ctx.read_response(focused))
            .map(|response| response.rect.center().y);
        let keyboard_in = keyboard_at.and_then(|at| {
            self.spans
                .iter()
                .find(|(_, span)| span.contains(at))
                .map(|(title, _)| *title)
        });
        Below {
            rooms: self,
            every,
            keyboard_in,
            spans: Vec::new(),
            resized: false,
            laid_out: 0,
        }
    }
}

impl Below<'_> {
    /// Draws the body of the section `title` in `ui` (the section's
    /// body, under its heading) with `add`, or takes the room it took
    /// when it is out of view and the keyboard does not need it.
    pub(super) fn body(&mut self, ui: &mut Ui, title: &'static str, add: impl FnOnce(&mut Ui)) {
        let kept = self.rooms.bodies.get(title).copied();
        match kept {
            Some((size, true)) if !(self.every || self.wanted(ui, title, size)) => {
                ui.allocate_exact_size(size, egui::Sense::hover());
            }
            _ => {
                add(ui);
                let size = ui.min_rect().size();
                self.laid_out += 1;
                let same = kept.is_some_and(|(kept, _)| kept == size);
                // A size trusted and now another: the look changed (a
                // font, the style), so none of the others is sure either.
                self.resized |= kept.is_some_and(|(_, trusted)| trusted) && !same;
                self.rooms.bodies.insert(title, (size, same));
            }
        }
    }

    /// Notes where the section `title` (heading and body) was drawn, for
    /// the next frame to find the one holding the keyboard.
    pub(super) fn spanned(&mut self, title: &'static str, span: Rangef) {
        self.spans.push((title, span));
    }

    /// Ends the frame's sections.
    pub(super) fn finish(self) {
        self.rooms.spans = self.spans;
        self.rooms.resized = self.resized;
        self.rooms.laid_out = self.laid_out;
    }

    /// Whether the body of `title`, `size` tall below the cursor of `ui`,
    /// must be laid out: in view, or holding the keyboard.
    fn wanted(&self, ui: &Ui, title: &'static str, size: Vec2) -> bool {
        let top = ui.cursor().min.y;
        Rangef::new(top, top + size.y).intersects(ui.clip_rect().y_range())
            || self.keyboard_in == Some(title)
    }
}
