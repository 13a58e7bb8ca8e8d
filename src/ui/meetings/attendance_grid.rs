//! The attendance list as a grid the keyboard works: ↑/↓ move the
//! current row, Shift+↑/↓ choose several, a letter records a status for
//! the rows chosen and moves on to the next row, Enter opens the row's
//! delegates. The keys are read only while the grid holds the keyboard,
//! so a letter typed in a note or anywhere else never changes attendance.

use egui::{Id, Key, Modifiers, Response, Sense, Ui, WidgetText};

use crate::model::{AttendanceStatus, MeetingId, ParticipantId};
use crate::ui::{Command, Outbox};

/// Where the officer is in one meeting's attendance grid.
#[derive(Debug, Default)]
pub(super) struct AttendanceGrid {
    /// The meeting the rows below are of: another one starts afresh.
    meeting: Option<MeetingId>,
    /// The row the keys act on, drawn with the keyboard's focus.
    current: Option<ParticipantId>,
    /// Where a Shift+↑/↓ choice began: the rows from it to `current`
    /// are chosen.
    anchor: Option<ParticipantId>,
    /// The row whose delegates Enter asked for: its menu opens as the
    /// row is drawn.
    open_delegates: Option<ParticipantId>,
    /// The "+" whose delegate menu the keyboard opened: when the menu
    /// closes, the keyboard comes back to the grid.
    menu_by_key: Option<Id>,
    /// The current row moved: scroll it into view as it is drawn.
    reveal: bool,
    /// Whether the grid held the keyboard as this frame began: only then
    /// are rows drawn as chosen, so a grid left alone shows none.
    focused: bool,
    /// *Record attendance* asked for the keyboard: the grid takes it as
    /// it is next drawn, whichever meeting it then shows.
    asked: bool,
}

/// The letter that records `status` in the grid.
pub(super) fn status_key(status: AttendanceStatus) -> Key {
    match status {
        AttendanceStatus::Present => Key::P,
        AttendanceStatus::Represented => Key::R,
        AttendanceStatus::Apologies => Key::A,
        AttendanceStatus::Observer => Key::O,
        AttendanceStatus::Invited => Key::I,
        AttendanceStatus::Confirmed => Key::C,
    }
}

/// The letters the status column's header shows: "P, R, A, O".
pub(super) fn status_letters(statuses: &[AttendanceStatus]) -> String {
    let letters: Vec<&str> = statuses.iter().map(|s| status_key(*s).name()).collect();
    letters.join(", ")
}

/// What the header's tooltip says the keys do.
pub(super) fn keys_help(statuses: &[AttendanceStatus]) -> String {
    let letters: Vec<String> = statuses
        .iter()
        .map(|s| format!("{} {}", status_key(*s).name(), s.label()))
        .collect();
    format!(
        "With a participant's name chosen (click it, or Tab to it): the Up and \
         Down arrows move, Shift with them chooses several rows, a letter records \
         their status and moves to the next row ({}), Enter adds a delegate",
        letters.join(", ")
    )
}

/// A key the grid acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum GridKey {
    /// ↓, with Shift to choose the rows it passes.
    Down {
        extend: bool,
    },
    /// ↑, with Shift to choose the rows it passes.
    Up {
        extend: bool,
    },
    Home,
    End,
    Enter,
    /// The letter of a status.
    Status(AttendanceStatus),
}

/// Takes the grid's keys out of a frame's `events`, in the order they
/// were pressed. A slow frame (a loaded machine, a software renderer)
/// gathers several presses, and each counts: taking "was P pressed?"
/// once a frame recorded one row for three quick P's.
fn grid_keys(events: &mut Vec<egui::Event>, statuses: &[AttendanceStatus]) -> Vec<GridKey> {
    let mut keys = Vec::new();
    events.retain(|event| {
        let egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            return true;
        };
        // Ctrl+Shift+A is Record attendance, not Apologies.
        if !modifiers.matches_logically(Modifiers::NONE) {
            return true;
        }
        let grid_key = match key {
            Key::ArrowDown => GridKey::Down {
                extend: modifiers.shift,
            },
            Key::ArrowUp => GridKey::Up {
                extend: modifiers.shift,
            },
            Key::Home => GridKey::Home,
            Key::End => GridKey::End,
            Key::Enter => GridKey::Enter,
            other => match statuses
                .iter()
                .find(|status| status_key(**status) == *other)
            {
                Some(status) => GridKey::Status(*status),
                None => return true,
            },
        };
        keys.push(grid_key);
        false
    });
    keys
}

impl AttendanceGrid {
    /// Gives the grid the keyboard as it is next drawn (*Record
    /// attendance*, Ctrl+Shift+A).
    pub(super) fn ask_keyboard(&mut self) {
        self.asked = true;
    }

    /// The row the keys act on.
    pub(super) fn current(&self) -> Option<ParticipantId> {
        self.current
    }

    /// The id of the current row's name: the one place of the grid that
    /// takes the keyboard, whichever row is current.
    pub(super) fn focus_id(meeting: MeetingId) -> Id {
        Id::unique(("coalition-desk-attendance-grid", meeting.0))
    }

    /// Before the rows are drawn: starts afresh for another meeting,
    /// keeps the current row among `rows`, and takes the grid's keys when
    /// it holds the keyboard. A letter of one of `statuses` sends the
    /// command that records it.
    pub(super) fn keys_ui(
        &mut self,
        ui: &mut Ui,
        meeting: MeetingId,
        rows: &[ParticipantId],
        statuses: &[AttendanceStatus],
        out: &mut Outbox,
    ) {
        if self.meeting != Some(meeting) {
            *self = AttendanceGrid {
                meeting: Some(meeting),
                asked: self.asked,
                ..AttendanceGrid::default()
            };
        }
        if !self.current.is_some_and(|c| rows.contains(&c)) {
            self.current = rows.first().copied();
            self.anchor = None;
        }
        if self.anchor.is_some_and(|a| !rows.contains(&a)) {
            self.anchor = None;
        }
        let id = Self::focus_id(meeting);
        if std::mem::take(&mut self.asked) && ui.is_enabled() {
            ui.memory_mut(|m| m.request_focus(id));
            self.reveal = true;
        }
        self.give_back_focus(ui, id);
        self.focused = ui.is_enabled() && ui.memory(|m| m.has_focus(id));
        if !self.focused {
            return;
        }
        // ↑/↓ move within the grid rather than to the widget above.
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                egui::EventFilter {
                    vertical_arrows: true,
                    ..egui::EventFilter::default()
                },
            );
        });
        // No row to act on (no participants): the keys are left for others.
        if self.current.is_none() {
            return;
        }
        let keys = ui.input_mut(|i| grid_keys(&mut i.events, statuses));
        for key in keys {
            self.key(key, meeting, rows, out);
        }
    }

    /// Acts on one key of the grid, as if it were the frame's only one.
    fn key(&mut self, key: GridKey, meeting: MeetingId, rows: &[ParticipantId], out: &mut Outbox) {
        let Some(at) = self.current.and_then(|c| rows.iter().position(|r| *r == c)) else {
            return;
        };
        let last = rows.len().saturating_sub(1);
        let moved_to = match key {
            GridKey::Down { extend } | GridKey::Up { extend } => {
                self.anchor = if extend {
                    self.anchor.or(self.current)
                } else {
                    None
                };
                Some(if matches!(key, GridKey::Down { .. }) {
                    at + 1
                } else {
                    at.saturating_sub(1)
                })
            }
            GridKey::Home => {
                self.anchor = None;
                Some(0)
            }
            GridKey::End => {
                self.anchor = None;
                Some(last)
            }
            GridKey::Enter | GridKey::Status(_) => None,
        };
        if let Some(to) = moved_to {
            self.current = rows.get(to.min(last)).copied();
            self.reveal = true;
        }
        if key == GridKey::Enter {
            self.open_delegates = self.current;
        }
        if let GridKey::Status(status) = key {
            let chosen = self.chosen_rows(rows);
            let after = chosen
                .last()
                .and_then(|p| rows.iter().position(|r| r == p))
                .map_or(at, |end| (end + 1).min(last));
            out.command(Command::SetAttendance(meeting, chosen, status));
            self.anchor = None;
            self.current = rows.get(after).copied();
            self.reveal = true;
        }
    }

    /// The rows a letter records: from the anchor to the current row, or
    /// the current row alone, in the grid's order.
    fn chosen_rows(&self, rows: &[ParticipantId]) -> Vec<ParticipantId> {
        let place = |p: Option<ParticipantId>| p.and_then(|p| rows.iter().position(|r| *r == p));
        match (place(self.anchor), place(self.current)) {
            (Some(a), Some(c)) => rows
                .get(a.min(c)..=a.max(c))
                .map(<[ParticipantId]>::to_vec)
                .unwrap_or_default(),
            (None, Some(c)) => rows
                .get(c..=c)
                .map(<[ParticipantId]>::to_vec)
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Whether the row is among those a letter would record, while the
    /// grid holds the keyboard.
    pub(super) fn is_chosen(&self, rows: &[ParticipantId], participant: ParticipantId) -> bool {
        self.focused && self.chosen_rows(rows).contains(&participant)
    }

    /// The participant's name at the start of its row: the current row's
    /// takes the keyboard (Tab reaches it, its focus is drawn), a click
    /// on any row makes it current (Shift+click chooses up to it).
    pub(super) fn name_ui(
        &mut self,
        ui: &mut Ui,
        participant: ParticipantId,
        text: &str,
        chosen: bool,
    ) -> Response {
        let meeting = self.meeting.unwrap_or(MeetingId(0));
        let current = self.current == Some(participant);
        let focus_id = Self::focus_id(meeting);
        let (id, sense) = if current {
            (focus_id, Sense::click())
        } else {
            (
                Id::unique(("coalition-desk-attendance-row", meeting.0, participant.0)),
                Sense::CLICK,
            )
        };
        let galley = WidgetText::from(text).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        );
        let mut size = galley.size();
        size.y = size.y.max(ui.spacing().interact_size.y);
        let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
        // The frame of a chosen or focused row reaches into the gap
        // between the columns, so the name takes no more room than a
        // plain label (the delegates keep theirs at 1024 px).
        let frame = rect.expand2(egui::vec2(4.0, 0.0));
        let response = ui.interact(rect, id, sense);
        response.widget_info(|| {
            egui::WidgetInfo::selected(egui::Role::Button, ui.is_enabled(), chosen, text)
        });
        if ui.is_rect_visible(rect) {
            let visuals = ui.style().interact_selectable(&response, chosen);
            if chosen || response.hovered() {
                ui.painter().rect(
                    frame,
                    visuals.corner_radius,
                    visuals.weak_bg_fill,
                    visuals.bg_stroke,
                    egui::StrokeKind::Inside,
                );
            }
            let top = rect.min + egui::vec2(0.0, (rect.height() - galley.size().y) / 2.0);
            ui.painter().galley(top, galley, visuals.text_color());
            if response.has_focus() {
                // The keyboard's place, visible in either theme.
                let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
                ui.painter()
                    .rect_stroke(frame, 2.0, stroke, egui::StrokeKind::Outside);
            }
        }
        if response.clicked() {
            let extend = ui.input(|i| i.modifiers.shift);
            self.anchor = if extend {
                self.anchor.or(self.current)
            } else {
                None
            };
            self.current = Some(participant);
            ui.memory_mut(|m| m.request_focus(focus_id));
        }
        if current && std::mem::take(&mut self.reveal) {
            response.scroll_to_me(None);
        }
        response
    }

    /// After the row's "+" (its delegates' menu) is drawn: opens it when
    /// Enter asked for this row, with the keyboard on it so ↓ or Tab
    /// reach the people offered.
    pub(super) fn delegates_menu(&mut self, participant: ParticipantId, plus: &Response) {
        if self.open_delegates != Some(participant) {
            return;
        }
        self.open_delegates = None;
        let popup = egui::Popup::default_response_id(plus);
        egui::Popup::open_id(&plus.ctx, popup);
        plus.request_focus();
        self.menu_by_key = Some(plus.id);
    }

    /// Once the delegate menu Enter opened has closed, the keyboard goes
    /// back to the grid, where it was — unless the officer put it
    /// somewhere else meanwhile (a click in a note).
    fn give_back_focus(&mut self, ui: &Ui, id: Id) {
        if egui::Popup::is_any_open(ui.ctx()) {
            return;
        }
        let Some(plus) = self.menu_by_key.take() else {
            return;
        };
        ui.memory_mut(|m| {
            if m.focused().is_none_or(|focused| focused == plus) {
                m.request_focus(id);
            }
        });
    }

    /// Enter on a row with no attendance recorded has no delegates to
    /// open: nothing waits for a menu that is never drawn.
    pub(super) fn forget_delegates(&mut self, participant: ParticipantId) {
        if self.open_delegates == Some(participant) {
            self.open_delegates = None;
        }
    }
}
