//! Colours and spacing, kept in one place so the panels stay consistent.

use egui::{Color32, Visuals};

use crate::model::{AttendanceStatus, CommitmentStatus, MeetingState};

/// Light or dark, remembered between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    pub fn visuals(self) -> Visuals {
        match self {
            Theme::Light => Visuals::light(),
            Theme::Dark => Visuals::dark(),
        }
    }
}

/// Width of the list beside an editor.
pub const LIST_WIDTH: f32 = 300.0;
/// The meetings list is wider: a row holds a date, a title and a state.
pub const MEETING_LIST_WIDTH: f32 = 360.0;
/// Narrower than this a list's rows no longer tell records apart.
const LIST_MIN_WIDTH: f32 = 200.0;
/// Width an editor beside a table or a timeline opens at.
pub const EDITOR_WIDTH: f32 = 380.0;
/// Narrower than this an editor's fields no longer read.
const EDITOR_MIN_WIDTH: f32 = 300.0;

/// How far the officer may drag a list beside an editor in a panel
/// `available` points wide: never so far that the editor loses its room.
pub fn list_width_range(available: f32) -> std::ops::RangeInclusive<f32> {
    LIST_MIN_WIDTH..=(available * 0.4).max(LIST_MIN_WIDTH)
}

/// How wide an editor beside a table or timeline may be in a panel
/// `available` points wide: half of it at most, whatever it holds, so a
/// long name wraps in the editor instead of pushing the table away.
pub fn editor_width_range(available: f32) -> std::ops::RangeInclusive<f32> {
    EDITOR_MIN_WIDTH..=(available * 0.5).max(EDITOR_MIN_WIDTH)
}
/// Height of one table row.
pub const ROW_HEIGHT: f32 = 22.0;
/// Space between sections of an editor.
pub const SECTION_GAP: f32 = 10.0;

pub const OVERDUE: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const DIRTY: Color32 = Color32::from_rgb(0xd3, 0x8b, 0x1d);
pub const READ_ONLY: Color32 = Color32::from_rgb(0xb0, 0x3a, 0x2e);

/// Each status in its own hue, mid-toned so that text and bars stand out
/// at least 3:1 against the light and the dark background alike; the two
/// that are not on the way to delivery, proposed and withdrawn, are amber
/// and grey so they are never mistaken for each other.
pub fn commitment_status_colour(status: CommitmentStatus) -> Color32 {
    match status {
        CommitmentStatus::Proposed => Color32::from_rgb(0xc2, 0x7c, 0x0e),
        CommitmentStatus::Pledged => Color32::from_rgb(0x3b, 0x82, 0xc4),
        CommitmentStatus::Committed => Color32::from_rgb(0x7b, 0x5c, 0xc4),
        CommitmentStatus::InDelivery => Color32::from_rgb(0x00, 0x89, 0x7b),
        CommitmentStatus::Delivered => Color32::from_rgb(0x3d, 0x9a, 0x40),
        CommitmentStatus::Withdrawn => Color32::from_rgb(0x8a, 0x8a, 0x8a),
    }
}

pub fn meeting_state_colour(state: MeetingState) -> Color32 {
    match state {
        MeetingState::Planned => Color32::from_rgb(0x5b, 0x8d, 0xd6),
        MeetingState::Held => Color32::from_rgb(0x2e, 0x7d, 0x32),
        MeetingState::Postponed => Color32::from_rgb(0xd3, 0x8b, 0x1d),
        MeetingState::Cancelled => Color32::from_rgb(0x75, 0x75, 0x75),
    }
}

pub fn attendance_colour(status: AttendanceStatus) -> Color32 {
    match status {
        AttendanceStatus::Present => Color32::from_rgb(0x2e, 0x7d, 0x32),
        AttendanceStatus::Represented => Color32::from_rgb(0x00, 0x89, 0x7b),
        AttendanceStatus::Apologies => Color32::from_rgb(0xd3, 0x8b, 0x1d),
        AttendanceStatus::Observer => Color32::from_rgb(0x5b, 0x8d, 0xd6),
        AttendanceStatus::Invited => Color32::from_rgb(0x75, 0x75, 0x75),
        AttendanceStatus::Confirmed => Color32::from_rgb(0x6a, 0x4c, 0x93),
    }
}

/// The timeline's today line.
pub const TODAY: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
/// The halo around sessions a highlighted participant attended.
pub const HIGHLIGHT: Color32 = Color32::from_rgb(0xe6, 0xa8, 0x17);
/// Height of one lane of the timeline.
pub const TIMELINE_LANE: f32 = 46.0;
/// Width of the lane names left of the timeline.
pub const TIMELINE_GUTTER: f32 = 170.0;
/// Height of the timeline's date axis.
pub const TIMELINE_AXIS: f32 = 30.0;
