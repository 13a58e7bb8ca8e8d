//! Which attendance rows are laid out in a frame. A meeting has a row per
//! participant (sixty in a large coalition), each with a status list,
//! delegates, "+ sitting for" and a note, and only a handful are in view:
//! laying every row out made most of the meetings panel's frame. A row
//! out of view takes the room it took when last laid out, cell by cell,
//! so the grid's columns, its stripes and the scroll bar stay exactly as
//! they would be, and is not laid out.
//!
//! A row is laid out all the same when the keyboard needs it: the grid's
//! current row, the row holding the keyboard, the rows on either side of
//! those and of the rows in view, and the first and last rows (Tab and
//! Shift+Tab go to a widget laid out in the frame, so the next row must be
//! there to be reached, from inside the grid or from beside it).
//! After any change to the register, in another width or zoom, or while
//! a list or menu is open, every row is laid out and measured again; so
//! too when a row laid out takes another size than it took before with
//! nothing changed (the fonts or the text style changed: the sizes kept
//! are not to be trusted).
//!
//! While a screen reader reads the window (egui builds the accessibility
//! tree only then: eframe turns AccessKit on when one asks), every row is
//! laid out: the reader finds any participant's row by name, not only
//! those on screen. The kittests run that way; `ui_attendance_rows`
//! drives the window without one and holds it to the same Tab order and
//! the same places.

use std::collections::HashMap;

use egui::{Rangef, Ui, Vec2};

use crate::model::{MeetingId, ParticipantId};

/// A row's four cells as they were last laid out: name, status,
/// delegates, note.
pub(super) type RowCells = [Vec2; 4];

/// What sizes kept from an earlier frame hold for: the meeting, the
/// register's revision, and the width and scale they were laid out in
/// (bit patterns, so any change of them lays out afresh). The attendance
/// rows and the sections below them (`sections.rs`) both keep theirs so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Measured {
    meeting: MeetingId,
    revision: u64,
    width: u32,
    pixels_per_point: u32,
}

impl Measured {
    /// What this frame lays out for: `meeting` at `revision`, in `ui`.
    pub(super) fn now(ui: &Ui, meeting: MeetingId, revision: u64) -> Self {
        Measured {
            meeting,
            revision,
            width: ui.available_width().to_bits(),
            pixels_per_point: ui.ctx().pixels_per_point().to_bits(),
        }
    }
}

/// The attendance rows' sizes, kept from the frame that last laid each
/// row out.
#[derive(Debug, Default)]
pub(super) struct RowSizes {
    measured: Option<Measured>,
    cells: HashMap<ParticipantId, RowCells>,
    /// Where the first row began in the last frame, to find the row
    /// holding the keyboard from where its widget was drawn then.
    rows_top: Option<f32>,
    /// How many rows the last frame laid out.
    laid_out: usize,
}

/// This frame's view of the rows: what decides which are laid out.
pub(super) struct InView<'a> {
    sizes: &'a mut RowSizes,
    every_row: bool,
    shown: Rangef,
    /// The keyboard's widget, as a distance below the first row.
    keyboard_at: Option<f32>,
    current: Option<ParticipantId>,
    gap: f32,
    rows_top: Option<f32>,
    /// Whether the row before the one being placed was wanted.
    previous_wanted: bool,
    laid_out: usize,
    /// A row took another size than the one kept for it.
    resized: bool,
}

impl RowSizes {
    /// How many attendance rows the last frame laid out (tests check the
    /// rows out of view are not).
    pub(super) fn laid_out(&self) -> usize {
        self.laid_out
    }

    /// Starts a frame of the attendance of `meeting` at `revision`, in
    /// the grid's `ui` after its header (`header`, a widget just drawn,
    /// tells whether a screen reader is reading): the rows out of view,
    /// with sizes kept for this meeting, revision, width and scale, are
    /// left out.
    pub(super) fn begin<'a>(
        &'a mut self,
        ui: &Ui,
        header: &egui::Response,
        (meeting, revision): (MeetingId, u64),
        (current, gap): (Option<ParticipantId>, f32),
    ) -> InView<'a> {
        let measured = Measured::now(ui, meeting, revision);
        if self.measured != Some(measured) {
            self.measured = Some(measured);
            self.cells.clear();
        }
        let ctx = ui.ctx();
        // A widget has a node in the accessibility tree only while
        // AccessKit is on.
        let every_row = egui::Popup::is_any_open(ctx) || ctx.has_accesskit_node(header.id);
        let keyboard_at = self.rows_top.and_then(|top| {
            let focused = ctx.memory(|m| m.focused())?;
            Some(ctx.read_response(focused)?.rect.center().y - top)
        });
        InView {
            sizes: self,
            every_row,
            shown: ui.clip_rect().y_range(),
            keyboard_at,
            current,
            gap,
            rows_top: None,
            previous_wanted: false,
            laid_out: 0,
            resized: false,
        }
    }
}

impl InView<'_> {
    /// Whether the row of `participant`, placed in `ui` at its cursor and
    /// followed by `next`, is laid out; when it is not, its room is taken
    /// and the grid's row ended.
    pub(super) fn lay_out(
        &mut self,
        ui: &mut Ui,
        participant: ParticipantId,
        next: Option<ParticipantId>,
    ) -> bool {
        let top = ui.cursor().min.y;
        let first = self.rows_top.is_none();
        let rows_top = *self.rows_top.get_or_insert(top);
        let wanted = self.wanted(participant, top, rows_top);
        // The last row has no next: it is laid out, as the first is.
        let next_wanted = match (next, self.height(participant)) {
            (Some(next), Some(height)) => self.wanted(next, top + height + self.gap, rows_top),
            _ => true,
        };
        let previous_wanted = std::mem::replace(&mut self.previous_wanted, wanted);
        let cells = self.sizes.cells.get(&participant).copied();
        match cells {
            Some(cells)
                if !(self.every_row || first || wanted || previous_wanted || next_wanted) =>
            {
                for size in cells {
                    ui.allocate_exact_size(size, egui::Sense::hover());
                }
                false
            }
            _ => {
                self.laid_out += 1;
                true
            }
        }
    }

    /// After the row of `participant` was laid out: the sizes of its
    /// cells, for the frames it is out of view.
    pub(super) fn laid_out(&mut self, participant: ParticipantId, cells: RowCells) {
        let kept = self.sizes.cells.insert(participant, cells);
        self.resized |= kept.is_some_and(|kept| kept != cells);
    }

    /// Ends the frame's rows. When a row changed size, the sizes kept
    /// for the others are forgotten: the next frame lays every row out.
    pub(super) fn finish(self) {
        self.sizes.rows_top = self.rows_top;
        self.sizes.laid_out = self.laid_out;
        if self.resized {
            self.sizes.cells.clear();
        }
    }

    fn height(&self, participant: ParticipantId) -> Option<f32> {
        let cells = self.sizes.cells.get(&participant)?;
        Some(
            cells
                .iter()
                .fold(0.0, |tallest: f32, cell| tallest.max(cell.y)),
        )
    }

    /// Whether the row must be there for itself: never measured, in
    /// view, the grid's current row or holding the keyboard.
    fn wanted(&self, participant: ParticipantId, top: f32, rows_top: f32) -> bool {
        let Some(height) = self.height(participant) else {
            return true;
        };
        let span = Rangef::new(top, top + height);
        self.current == Some(participant)
            || span.intersects(self.shown)
            || self
                .keyboard_at
                .is_some_and(|at| span.contains(rows_top + at))
    }
}
