//! Colours and spacing, kept in one place so the panels stay consistent.

use egui::{Color32, Stroke, Visuals};

use crate::model::{AttendanceStatus, CommitmentStatus, MeetingState};

/// Light or dark, remembered between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    /// The other theme.
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }

    /// egui's visuals for the theme, with the colours that fall short of
    /// WCAG 2.2 AA in egui's defaults replaced: weak text (hints, "no
    /// date"), links, warnings and errors reach 4.5:1 against every
    /// background they are drawn on, and every control has a border of at
    /// least 3:1 against the panel, so a text field or a button can be
    /// told from the page without relying on its fill.
    pub fn visuals(self) -> Visuals {
        let mut visuals = match self {
            Theme::Light => Visuals::light(),
            Theme::Dark => Visuals::dark(),
        };
        let dark = self == Theme::Dark;
        let pick = |light: Color32, dark_colour: Color32| if dark { dark_colour } else { light };
        visuals.weak_text_color = Some(pick(Color32::from_gray(96), Color32::from_gray(160)));
        visuals.hyperlink_color = pick(rgb(0x00558c), rgb(0x94d5ff));
        visuals.warn_fg_color = pick(rgb(0x8f3800), rgb(0xffc199));
        visuals.error_fg_color = pick(rgb(0xab0000), rgb(0xffbdbd));
        let border = pick(Color32::from_gray(112), Color32::from_gray(135));
        let strong_border = pick(Color32::from_gray(96), Color32::from_gray(160));
        let widgets = &mut visuals.widgets;
        widgets.inactive.bg_stroke = Stroke::new(1.0, border);
        widgets.hovered.bg_stroke = Stroke::new(1.0, strong_border);
        widgets.open.bg_stroke = Stroke::new(1.0, strong_border);
        visuals
    }
}

/// A colour written as the designers write it: 0xRRGGBB.
const fn rgb(hex: u32) -> Color32 {
    Color32::from_rgb((hex >> 16) as u8, (hex >> 8) as u8, hex as u8)
}

/// The light theme's colour or the dark one's, for the theme `visuals`
/// belong to: every colour with a meaning comes in two, dark on the
/// light theme and light on the dark, because no one colour reaches
/// 4.5:1 against a near-white and a near-black background alike.
fn by_theme(visuals: &Visuals, light: u32, dark: u32) -> Color32 {
    rgb(if visuals.dark_mode { dark } else { light })
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

/// Overdue dates and actions; always beside the word "overdue".
pub fn overdue(visuals: &Visuals) -> Color32 {
    by_theme(visuals, 0x982d22, 0xf1c3bf)
}

/// "Unsaved changes" in the status bar.
pub fn unsaved(visuals: &Visuals) -> Color32 {
    by_theme(visuals, 0x704a0f, 0xefc88d)
}

/// "Read-only: …" in the status bar.
pub fn read_only(visuals: &Visuals) -> Color32 {
    by_theme(visuals, 0x943127, 0xefc5c0)
}

/// Each status in its own hue, 4.5:1 or more against the panel, the
/// striped rows, a text field and a selected row in either theme; the
/// two that are not on the way to delivery, proposed and withdrawn, are
/// amber and grey so they are never mistaken for each other. The status
/// is always written out beside or in its colour.
pub fn commitment_status_colour(status: CommitmentStatus, visuals: &Visuals) -> Color32 {
    let (light, dark) = match status {
        CommitmentStatus::Proposed => (0x7a4000, 0xffc35c),
        CommitmentStatus::Pledged => (0x275681, 0xb6d1e9),
        CommitmentStatus::Committed => (0x5d3da8, 0xd3c9eb),
        CommitmentStatus::InDelivery => (0x005e54, 0x00e7d0),
        CommitmentStatus::Delivered => (0x255e27, 0xa4dba6),
        CommitmentStatus::Withdrawn => (0x454d64, 0xcecece),
    };
    by_theme(visuals, light, dark)
}

/// A meeting's state, as text in the lists and as the timeline's marks
/// (which differ in shape too: filled, ring, cross, dashed).
pub fn meeting_state_colour(state: MeetingState, visuals: &Visuals) -> Color32 {
    let (light, dark) = match state {
        MeetingState::Planned => (0x255294, 0xbbd0ee),
        MeetingState::Held => (0x235f26, 0xa0dca3),
        MeetingState::Postponed => (0x704a0f, 0xefc88d),
        MeetingState::Cancelled => (0x535353, 0xcecece),
    };
    by_theme(visuals, light, dark)
}

/// An attendance status, always written out in its colour.
pub fn attendance_colour(status: AttendanceStatus, visuals: &Visuals) -> Color32 {
    let (light, dark) = match status {
        AttendanceStatus::Present => (0x235f26, 0xa0dca3),
        AttendanceStatus::Represented => (0x005e54, 0x00e7d0),
        AttendanceStatus::Apologies => (0x704a0f, 0xefc88d),
        AttendanceStatus::Observer => (0x255294, 0xbbd0ee),
        AttendanceStatus::Invited => (0x535353, 0xcecece),
        AttendanceStatus::Confirmed => (0x604586, 0xd5cae4),
    };
    by_theme(visuals, light, dark)
}

/// The timeline's today line and its label.
pub fn today_line(visuals: &Visuals) -> Color32 {
    by_theme(visuals, 0x982d22, 0xf1c3bf)
}

/// The halo around sessions a highlighted participant attended, and the
/// count of their delegates.
pub fn highlight(visuals: &Visuals) -> Color32 {
    by_theme(visuals, 0x6b4e0b, 0xf0c96d)
}

/// Height of one lane of the timeline.
pub const TIMELINE_LANE: f32 = 46.0;
/// Width of the lane names left of the timeline.
pub const TIMELINE_GUTTER: f32 = 170.0;
/// Height of the timeline's date axis.
pub const TIMELINE_AXIS: f32 = 30.0;
